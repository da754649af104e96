/**
 * The hosting definition as the data file that deploy/aws/deploy.sh reads
 * (deploy/aws/upload-classes.tsv): one tab-separated record per line —
 *   `type <content-type> <extensions>`       what each extension is uploaded as;
 *   `class <id> <cache-control> <edge> <folders>`  each path class, in upload order (hashed
 *       files first, so no new page points at a file the bucket does not have yet); `<edge>` is
 *       `invalidate` for files whose content can change under the same name, else `keep`;
 *       `<folders>` are its folders in dist, none for the class that takes every other path;
 *   `host-file <name>`                        files for other hosts, never uploaded.
 */
import { CACHE, HOST_FILES, PATH_CLASSES, type PathClass } from '../hosting.ts';
import { defaultClass, extensionsByType, GENERATED_NOTE } from './classes.ts';

const invalidated = (pathClass: PathClass) => pathClass.cache !== CACHE.immutable;

export function renderAwsDeployData(classes: readonly PathClass[] = PATH_CLASSES): string {
  defaultClass(classes);
  const row = (...fields: string[]) => {
    if (fields.some((f) => /[\t\n]/.test(f))) throw new Error(`hosting: a tab or newline in "${fields.join(' ')}" would break deploy/aws/upload-classes.tsv`);
    return fields.join('\t');
  };
  const ordered = [...classes].sort((a, b) => Number(invalidated(a)) - Number(invalidated(b)));
  return [
    `# ${GENERATED_NOTE}`,
    '# Read by deploy/aws/deploy.sh: type <content-type> <extensions> | class <id> <cache-control> <invalidate|keep> <folders> | host-file <name>',
    ...[...extensionsByType()].map(([type, exts]) => row('type', type, exts.join(' '))),
    ...ordered.map((c) => row('class', c.id, c.cache.cacheControl, invalidated(c) ? 'invalidate' : 'keep', c.prefixes.map((p) => p.slice(1)).join(' '))),
    ...HOST_FILES.map((f) => row('host-file', f)),
    '',
  ].join('\n');
}
