/**
 * What the map page tells the reader about the service's answers: the record count, why the
 * map is empty or wrong (a rejected query, an unreachable service, no records), and what the
 * colours mean (a ramp, or the colours of a field's values).
 */
import { colourField, DENSITY_MODES, parseColour, type RampStep } from './state.ts';

const formatter = new Intl.NumberFormat('en-AU');
export const formatCount = (n: number) => formatter.format(n);

export type CountResult =
  | { kind: 'count'; total: number }
  | { kind: 'rejected'; status: number; detail: string | undefined }
  | { kind: 'unreachable' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The service's own words about a failure, if its answer has any. */
function detailOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  if (!isObject(body)) return undefined;
  for (const key of ['errorMessage', 'message', 'error']) {
    const value = body[key];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 300);
  }
  return undefined;
}

/** Reads the answer to a count search: the total, or a refusal (an HTTP error, or `status: "ERROR"`). */
export function readCount(status: number, body: unknown): CountResult {
  if (status >= 400) return { kind: 'rejected', status, detail: detailOf(body) };
  if (isObject(body) && body['status'] === 'ERROR') return { kind: 'rejected', status, detail: detailOf(body) };
  const total = isObject(body) ? body['totalRecords'] : undefined;
  if (typeof total !== 'number' || !Number.isFinite(total)) {
    return { kind: 'rejected', status, detail: 'the answer has no totalRecords' };
  }
  return { kind: 'count', total };
}

/** The sentence shown in the count area. */
export function countText(result: CountResult): string {
  switch (result.kind) {
    case 'count':
      return result.total === 1 ? '1 record matches.' : `${formatCount(result.total)} records match.`;
    case 'rejected':
      return 'No count: the service rejected the query.';
    case 'unreachable':
      return 'No count: the service could not be reached.';
  }
}

export interface Problem {
  title: string;
  detail: string;
}

/** What went wrong and what to do about it; undefined when the answer is a count above zero. */
export function explainCount(result: CountResult, serviceOrigin: string): Problem | undefined {
  switch (result.kind) {
    case 'count':
      return result.total > 0
        ? undefined
        : {
            title: 'No records match this query',
            detail: 'The map stays empty. Check the spelling of names and field values (field names are case-sensitive), or remove a filter.',
          };
    case 'rejected':
      return {
        title: `The occurrences service rejected this query (HTTP ${result.status})`,
        detail: `${result.detail ? `It said: ${result.detail}. ` : ''}Check the syntax: field:value pairs, quotes around values with spaces (vernacularName:"Red Kangaroo"), and [from TO to] for ranges.`,
      };
    case 'unreachable':
      return {
        title: 'The occurrences service could not be reached',
        detail: `Nothing came back from ${serviceOrigin}, so neither the count nor the map layer can load. Check your connection and try again.`,
      };
  }
}

/** Map tiles that failed while the count worked: the WMS refused or could not draw them. */
export function explainTileErrors(failed: number): Problem | undefined {
  if (failed === 0) return undefined;
  return {
    title: 'Map tiles could not be drawn',
    detail: 'The WMS answered tile requests with an error instead of an image. Open the image of this view (below) to read its answer.',
  };
}

/** A CSS colour for RRGGBB or AARRGGBB. */
export function cssColour(hex: string): string {
  if (hex.length === 6) return `#${hex.toLowerCase()}`;
  const [a, r, g, b] = [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number, number];
  return `rgb(${r} ${g} ${b} / ${Math.round((a / 255) * 100)}%)`;
}

export interface LegendEntry {
  colour: string;
  label: string;
}

/** What each colour of a ramp means, in records per cell. */
export function rampLegend(steps: readonly RampStep[]): LegendEntry[] {
  return steps.map((s) => ({
    colour: cssColour(s.colour),
    label:
      s.to === undefined
        ? `${formatCount(s.from)} or more`
        : s.from === 0
          ? `fewer than ${formatCount(s.to)}`
          : `${formatCount(s.from)} to ${formatCount(s.to - 1)}`,
  }));
}

export const FIELD_LEGEND_LIMIT = 12;

/**
 * The entries of `/mapping/legend` (JSON: name, count, red, green, blue), the first
 * FIELD_LEGEND_LIMIT of them, and how many more there are.
 */
export interface FieldLegend {
  entries: LegendEntry[];
  /** How many more values the service listed. */
  more: number;
}

export function fieldLegend(body: unknown): FieldLegend | undefined {
  if (!Array.isArray(body)) return undefined;
  const channel = (v: unknown) => (typeof v === 'number' && v >= 0 && v <= 255 ? Math.round(v) : 0);
  const entries = body.filter(isObject).map((item) => {
    const name = typeof item['name'] === 'string' && item['name'] ? item['name'] : '(no value)';
    const count = typeof item['count'] === 'number' ? ` (${formatCount(item['count'])})` : '';
    const hex = [item['red'], item['green'], item['blue']].map((v) => channel(v).toString(16).padStart(2, '0')).join('');
    return { colour: `#${hex}`, label: `${name}${count}` };
  });
  return { entries: entries.slice(0, FIELD_LEGEND_LIMIT), more: Math.max(0, entries.length - FIELD_LEGEND_LIMIT) };
}

/**
 * What the legend shows for a style: a ramp's steps (density modes), a field's colours (to be
 * fetched), the service's legend image of a single colour, or a note saying why there is none.
 */
export type LegendView =
  | { kind: 'entries'; caption: string; entries: LegendEntry[] }
  | { kind: 'field'; caption: string; field: string }
  | { kind: 'image'; caption: string; alt: string }
  | { kind: 'note'; caption: string; note: string };

export function legendView(style: { colourMode: string; colour: string }): LegendView {
  const colour = parseColour(style.colour);
  const field = colourField(style.colourMode);
  if (DENSITY_MODES.includes(style.colourMode)) {
    return colour?.kind === 'ramp'
      ? { kind: 'entries', caption: 'Records per cell', entries: rampLegend(colour.steps) }
      : { kind: 'note', caption: 'Legend', note: 'The service shades each cell by its number of records. Give a ramp as the colour to choose the shades.' };
  }
  if (field) return { kind: 'field', caption: `Colours by ${field}`, field };
  return colour?.kind === 'single'
    ? { kind: 'image', caption: 'Legend', alt: `Points in colour #${colour.hex}` }
    : { kind: 'note', caption: 'Legend', note: 'Points take one colour: a ramp colours grid cells and hexagons only.' };
}

/** What the legend of a field says once its colours were asked for. */
export function fieldLegendText(field: string, legend: FieldLegend | undefined | 'unreachable'): { entries: LegendEntry[]; note?: string } {
  if (legend === 'unreachable') return { entries: [], note: `The legend for ${field} could not be loaded.` };
  if (!legend?.entries.length) return { entries: [], note: `The service gave no legend for ${field}.` };
  return { entries: legend.entries, ...(legend.more ? { note: `…and ${legend.more} more values.` } : {}) };
}
