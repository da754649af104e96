/**
 * What the occurrence map shows: the query, how records are drawn, and the view. The page keeps
 * it in its query string (so a map can be shared by its URL); this module turns one into the
 * other and checks every value, falling back to the default for anything it cannot use.
 */

export interface MapQuery {
  /** The occurrence query; empty means every record (`*:*`). */
  q: string;
  /** Filter queries, each sent as one `fq`. */
  fq: string[];
}

export interface MapStyle {
  /** `-1` (points in one colour), `grid`, `hexbin`, or an indexed field to colour points by. */
  colourMode: string;
  /** RRGGBB, or a ramp `colour,count,colour,…` (see parseColour). */
  colour: string;
  /** Point size in pixels. */
  size: number;
  /** 0.1–1. */
  opacity: number;
  outline: boolean;
}

export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

export interface MapState extends MapQuery, MapStyle {
  view: MapView;
}

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 18;
export const SIZE_RANGE = { min: 1, max: 20 } as const;
export const OPACITY_RANGE = { min: 0.1, max: 1, step: 0.1 } as const;

export const DEFAULT_STATE: MapState = {
  q: 'vernacularName:"Red Kangaroo"',
  fq: [],
  colourMode: '-1',
  colour: 'e6704c',
  size: 4,
  opacity: 0.8,
  outline: true,
  view: { lat: -28, lon: 134, zoom: 4 },
};

/** The colour modes the form offers; any other indexed field name is accepted too. */
export const COLOUR_MODES = [
  { value: '-1', label: 'Points, one colour' },
  { value: 'grid', label: 'Grid: records per cell' },
  { value: 'hexbin', label: 'Hexagons: records per cell' },
  { value: 'basisOfRecord', label: 'Points by basis of record' },
  { value: 'month', label: 'Points by month' },
  { value: 'stateProvince', label: 'Points by state or territory' },
  { value: 'kingdom', label: 'Points by kingdom' },
] as const;

/** Modes that draw cells shaded by their number of records, where a colour ramp applies. */
export const DENSITY_MODES: readonly string[] = ['grid', 'hexbin'];

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function isColourMode(value: string): boolean {
  return value === '-1' || FIELD_NAME.test(value);
}

/** A colour mode that colours points by the values of an index field. */
export function colourField(mode: string): string | undefined {
  return mode !== '-1' && !DENSITY_MODES.includes(mode) && FIELD_NAME.test(mode) ? mode : undefined;
}

export interface RampStep {
  /** AARRGGBB or RRGGBB, as given. */
  colour: string;
  /** Cells with at least this many records (0 for the first step)… */
  from: number;
  /** …and fewer than this many (undefined for the last step). */
  to: number | undefined;
}

export type Colour = { kind: 'single'; hex: string } | { kind: 'ramp'; steps: RampStep[] };

const HEX6 = /^[0-9a-fA-F]{6}$/;
const HEX6_OR_8 = /^(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** The value of the Colour field without spaces or a leading `#`. */
export function normaliseColour(value: string): string {
  return value.replace(/\s+/g, '').replace(/^#/, '');
}

/**
 * Reads one colour (RRGGBB) or a ramp: colours (AARRGGBB or RRGGBB) separated by rising record
 * counts, e.g. `56FFFF00,10,56FFCC00,100,FFD60A00`. Undefined when the value is neither.
 */
export function parseColour(value: string): Colour | undefined {
  const text = normaliseColour(value);
  if (HEX6.test(text)) return { kind: 'single', hex: text };
  const parts = text.split(',');
  if (parts.length < 3 || parts.length % 2 === 0) return undefined;
  const steps: RampStep[] = [];
  let from = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const colour = parts[i]!;
    if (!HEX6_OR_8.test(colour)) return undefined;
    const cut = parts[i + 1];
    if (cut === undefined) {
      steps.push({ colour, from, to: undefined });
      break;
    }
    if (!/^\d+$/.test(cut) || Number(cut) <= from) return undefined;
    steps.push({ colour, from, to: Number(cut) });
    from = Number(cut);
  }
  return { kind: 'ramp', steps };
}

export const COLOUR_HINT =
  'One colour as six hex digits (RRGGBB), or a ramp for grid and hexagons: colours (AARRGGBB) between rising record counts, e.g. 56FFFF00,10,FFD60A00.';
export const COLOUR_PROBLEM = 'This colour cannot be used: give six hex digits such as e6704c, or a ramp as above. The map keeps the last colour that worked.';

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

function numberOr(value: string | null, fallback: number, check: (n: number) => boolean): number {
  if (value === null || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) && check(n) ? n : fallback;
}

/** The state a query string describes; values that cannot be used give way to the defaults. */
export function parseState(search: string): MapState {
  const params = new URLSearchParams(search);
  const d = DEFAULT_STATE;
  const colourMode = params.get('colormode')?.trim() ?? '';
  const colour = normaliseColour(params.get('color') ?? '');
  return {
    q: params.has('q') ? params.get('q')!.trim() : d.q,
    fq: params.getAll('fq').map((f) => f.trim()).filter(Boolean),
    colourMode: isColourMode(colourMode) ? colourMode : d.colourMode,
    colour: parseColour(colour) ? colour : d.colour,
    size: numberOr(params.get('size'), d.size, (n) => Number.isInteger(n) && n >= SIZE_RANGE.min && n <= SIZE_RANGE.max),
    opacity: numberOr(params.get('opacity'), d.opacity, (n) => n >= OPACITY_RANGE.min && n <= OPACITY_RANGE.max),
    outline: params.get('outline') === 'false' ? false : d.outline,
    view: {
      lat: numberOr(params.get('lat'), d.view.lat, (n) => Math.abs(n) <= 85),
      lon: numberOr(params.get('lon'), d.view.lon, (n) => Math.abs(n) <= 180),
      zoom: numberOr(params.get('zoom'), d.view.zoom, (n) => Number.isInteger(n) && n >= MIN_ZOOM && n <= MAX_ZOOM),
    },
  };
}

/** Whether a query string says where the map looks (otherwise the page fits Australia). */
export function hasView(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('lat') && params.has('lon') && params.has('zoom');
}

/** Rounds a view to what the URL keeps: whole zoom levels, coordinates to about 10 m. */
export function roundView(view: MapView): MapView {
  return {
    lat: Math.round(clamp(view.lat, -85, 85) * 1e4) / 1e4,
    lon: Math.round((((view.lon + 540) % 360) - 180) * 1e4) / 1e4,
    zoom: Math.round(clamp(view.zoom, MIN_ZOOM, MAX_ZOOM)),
  };
}

/**
 * The query string of a state: only what differs from the default, in a fixed order, with the
 * view only when `withView` (the reader moved the map, or the URL named a view).
 */
export function stateToSearch(state: MapState, withView: boolean): string {
  const d = DEFAULT_STATE;
  const params = new URLSearchParams();
  if (state.q !== d.q) params.set('q', state.q);
  for (const f of state.fq) params.append('fq', f);
  if (state.colourMode !== d.colourMode) params.set('colormode', state.colourMode);
  if (state.colour !== d.colour) params.set('color', state.colour);
  if (state.size !== d.size) params.set('size', String(state.size));
  if (state.opacity !== d.opacity) params.set('opacity', String(state.opacity));
  if (state.outline !== d.outline) params.set('outline', String(state.outline));
  if (withView) {
    const v = roundView(state.view);
    params.set('lat', String(v.lat));
    params.set('lon', String(v.lon));
    params.set('zoom', String(v.zoom));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
