/**
 * The languages of the site's code samples, in tab order, and what every group of samples
 * offers. Apart from the samples themselves (./samples.ts) so that a page's script can use them
 * without loading every guide's sample text.
 */

export const SAMPLE_LANGUAGES = [
  { key: 'shell', label: 'Shell', lang: 'sh' },
  { key: 'python', label: 'Python', lang: 'python' },
  { key: 'r', label: 'R', lang: 'r' },
] as const;
const JAVASCRIPT = { key: 'javascript', label: 'JavaScript', lang: 'js' } as const;

export type SampleLanguage = (typeof SAMPLE_LANGUAGES)[number]['key'];
export type SampleSet = Record<SampleLanguage, string> & { javascript?: string };

/** The languages of a group of samples, in tab order: SAMPLE_LANGUAGES, then JavaScript if it has it. */
export function sampleLanguages(samples: SampleSet) {
  return samples.javascript === undefined ? [...SAMPLE_LANGUAGES] : [...SAMPLE_LANGUAGES, JAVASCRIPT];
}

/** A single-quoted shell word. */
export const shellQuote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
