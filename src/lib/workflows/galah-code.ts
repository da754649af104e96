/**
 * The galah code of the recipes: written by hand in `workflows/galah/<recipe>.R` and `.py`
 * (galah hides the requests a workflow spells out), checked against galah's own source at the
 * versions below. Each file says in its opening comment which version it was written for.
 */

/** The galah versions the recipes' galah code was written for and checked against. */
export const GALAH_VERSIONS = {
  /** AtlasOfLivingAustralia/galah-R, DESCRIPTION `Version: 2.2.0` (commit 428a7bb). */
  r: '2.2.0',
  /** AtlasOfLivingAustralia/galah-python, `__version__ = "0.13.3"` (commit 2d222db). */
  python: '0.13.3',
} as const;

export type GalahLanguage = keyof typeof GALAH_VERSIONS;

/** The galah files of a recipe, relative to `workflows/`. */
export const galahFiles = (recipe: string): Record<GalahLanguage, string> => ({ r: `galah/${recipe}.R`, python: `galah/${recipe}.py` });

/** What is wrong with a galah file's opening comment, if anything: it must name the version it was written for. */
export function galahVersionProblem(language: GalahLanguage, code: string): string | undefined {
  const head = code.split('\n').slice(0, 6).join('\n');
  const expected = language === 'r' ? `galah ${GALAH_VERSIONS.r} (R)` : `galah-python ${GALAH_VERSIONS.python}`;
  return head.includes(`Written for ${expected}`) ? undefined : `its opening comment must say "Written for ${expected}", the version it was checked against`;
}
