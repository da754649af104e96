/** Reading the hosting definition (deploy/hosting.ts): which class a path is in, what it gets. */
import {
  CONTENT_TYPES,
  DEFAULT_CONTENT_TYPE,
  EVERY_RESPONSE,
  PATH_CLASSES,
  type Headers,
  type PathClass,
} from '../hosting.ts';

/** The first line of every file rendered from the definition. */
export const GENERATED_NOTE = 'Generated from deploy/hosting.ts by `npm run hosting:render`: do not edit.';

/** The class that takes every path no other class claims (the last one). */
export function defaultClass(classes: readonly PathClass[] = PATH_CLASSES): PathClass {
  const last = classes.at(-1);
  if (!last || last.prefixes.length) throw new Error('hosting: the last path class must have no prefixes (it takes every other path).');
  return last;
}

/** The classes that claim paths by prefix, in order. */
export function prefixedClasses(classes: readonly PathClass[] = PATH_CLASSES): PathClass[] {
  return classes.slice(0, -1);
}

export function classOf(path: string, classes: readonly PathClass[] = PATH_CLASSES): PathClass {
  return prefixedClasses(classes).find((c) => c.prefixes.some((p) => path.startsWith(p))) ?? defaultClass(classes);
}

/** Every header of a class except Cache-Control: what every response gets, then the class's own. */
export function headersOf(pathClass: PathClass): Headers {
  return { ...EVERY_RESPONSE, ...pathClass.headers };
}

/** Every header a response of the class carries, Cache-Control included. */
export function allHeadersOf(pathClass: PathClass): Headers {
  return { ...EVERY_RESPONSE, 'Cache-Control': pathClass.cache.cacheControl, ...pathClass.headers };
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extensionOf(path)] ?? DEFAULT_CONTENT_TYPE;
}

/** `text/html; charset=utf-8` → `text/html`. */
export function mediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim();
}

/** Content types with the extensions that have them, in the definition's order. */
export function extensionsByType(): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const [ext, type] of Object.entries(CONTENT_TYPES)) byType.set(type, [...(byType.get(type) ?? []), ext]);
  return byType;
}

/**
 * Problems that would make the renderings disagree with each other: nginx picks the longest
 * matching prefix, CloudFront and `aws s3 sync` filters the first, so no prefix may contain
 * another; prefixes are whole folders.
 */
export function definitionProblems(classes: readonly PathClass[] = PATH_CLASSES): string[] {
  const problems: string[] = [];
  try {
    defaultClass(classes);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const prefixes = prefixedClasses(classes).flatMap((c) => c.prefixes.map((prefix) => ({ prefix, id: c.id })));
  for (const { prefix, id } of prefixes) {
    if (!/^\/([\w.-]+\/)+$/.test(prefix)) problems.push(`hosting: prefix "${prefix}" of class "${id}" must be a folder such as /_astro/ (no wildcards).`);
    for (const other of prefixes) {
      if (other.prefix !== prefix && other.prefix.startsWith(prefix)) {
        problems.push(`hosting: prefix "${other.prefix}" (${other.id}) lies inside "${prefix}" (${id}); servers would disagree on which applies.`);
      }
    }
  }
  for (const c of prefixedClasses(classes)) if (!c.prefixes.length) problems.push(`hosting: class "${c.id}" has no prefixes; only the last class may.`);
  for (const c of classes) {
    for (const name of Object.keys(c.headers)) {
      if (/^cache-control$/i.test(name) || Object.keys(EVERY_RESPONSE).some((n) => n.toLowerCase() === name.toLowerCase())) {
        problems.push(`hosting: class "${c.id}" sets ${name}, which comes from ${/^cache-control$/i.test(name) ? 'its cache rule' : 'EVERY_RESPONSE'}.`);
      }
    }
  }
  return problems;
}
