/**
 * The languages of the site's code samples, in tab order, and what every group of samples
 * offers. Apart from the samples themselves (./guide-samples.ts) so that a page's script can use them
 * without loading every guide's sample text.
 *
 * Every group has the site's three languages; some add more after them: JavaScript (the
 * occurrence map), and galah for R and Python (the recipes). A tab's label is its sync key, so
 * a reader's choice of R on any page shows R on every other page; a page without the chosen
 * label keeps its first tab.
 */

export const SAMPLE_LANGUAGES = [
  { key: 'shell', label: 'Shell', lang: 'sh' },
  { key: 'python', label: 'Python', lang: 'python' },
  { key: 'r', label: 'R', lang: 'r' },
] as const;
/** Languages some groups add after the site's three, in tab order. */
const EXTRA_LANGUAGES = [
  { key: 'javascript', label: 'JavaScript', lang: 'js' },
  { key: 'galahR', label: 'galah R', lang: 'r' },
  { key: 'galahPython', label: 'galah Python', lang: 'python' },
] as const;

export type SampleLanguage = (typeof SAMPLE_LANGUAGES)[number]['key'];
type ExtraLanguage = (typeof EXTRA_LANGUAGES)[number]['key'];
export type SampleSet = Record<SampleLanguage, string> & Partial<Record<ExtraLanguage, string>>;

/** The languages of a group of samples, in tab order: SAMPLE_LANGUAGES, then the extra ones it has. */
export function sampleLanguages(samples: SampleSet) {
  return [...SAMPLE_LANGUAGES, ...EXTRA_LANGUAGES.filter((l) => samples[l.key] !== undefined)];
}

/** A single-quoted shell word. */
export const shellQuote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
