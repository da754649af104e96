/**
 * The hosting definition as the S3 + CloudFront deploy script (deploy/aws/deploy.sh): `aws s3
 * sync` per path class and content type, so that every object carries its class's Cache-Control
 * and its extension's Content-Type, then one invalidation of the paths whose content can change
 * under the same name.
 */
import { CACHE, HOST_FILES, PATH_CLASSES, type PathClass } from '../../config/hosting.ts';
import { defaultClass, extensionsByType, GENERATED_NOTE, prefixedClasses } from './classes.ts';

/** A single-quoted shell word. */
const sh = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
/** `/_astro/` → `_astro/` (a folder in dist, and a key prefix in the bucket). */
const folder = (prefix: string) => prefix.slice(1);
const invalidated = (pathClass: PathClass) => pathClass.cache !== CACHE.immutable;

export function renderDeployScript(classes: readonly PathClass[] = PATH_CLASSES): string {
  const prefixed = prefixedClasses(classes);
  const rest = defaultClass(classes);
  const prefixes = prefixed.flatMap((c) => c.prefixes);
  // Folders holding a prefix without being one (/pagefind holds /pagefind/fragment/).
  const ancestors = [
    ...new Set(
      prefixes.flatMap((p) => {
        const parts = p.split('/').filter(Boolean);
        return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
      }),
    ),
  ];
  const types = [...extensionsByType()].map(([type, exts]) => `  ${sh(type)} ${sh(exts.join(' '))}`);
  // Hashed files first: a new page must never point at a file the bucket does not have yet.
  const uploads = [...classes].sort((a, b) => Number(invalidated(a)) - Number(invalidated(b))).map((c) => {
    const dirs = c.prefixes.length ? c.prefixes.map((p) => sh(folder(p))) : ["''"];
    return [`# ${c.id}: ${c.description}`, `put_class ${sh(c.cache.cacheControl)} ${dirs.join(' ')}`].join('\n');
  });
  const skipped = [...prefixes.map((p) => p.slice(0, -1)), ...HOST_FILES.map((f) => `/${f}`)];
  const initialPaths = prefixed.filter(invalidated).flatMap((c) => c.prefixes.map((p) => sh(`${p}*`)));

  return `#!/usr/bin/env bash
# ${GENERATED_NOTE}
#
# Publishes a build to the bucket and distribution of deploy/aws/portal.yaml (see its outputs):
#
#   deploy/aws/deploy.sh <dist-dir> <bucket> <distribution-id>
#
# 1. uploads every file with its path class's Cache-Control and its Content-Type, hashed files
#    first, so that no new page points at a file the bucket does not have yet;
# 2. invalidates at the edge what can change under the same name (not the hashed files), and
#    waits until the edge serves the new pages;
# 3. deletes what the build no longer has (old pages no longer point at it by then).
# DRY_RUN=1 shows what it would do and changes nothing. Needs the AWS CLI and its credentials.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 <dist-dir> <bucket> <distribution-id>" >&2
  exit 2
fi
dist=\${1%/}
bucket=$2
distribution=$3
if [ ! -f "$dist/index.html" ]; then
  echo "$0: \\"$dist\\" is not a built site (no index.html in it): run \\\`npm run build\\\` first." >&2
  exit 2
fi
dry=()
if [ "\${DRY_RUN:-}" = 1 ]; then dry=(--dryrun); fi

# Content-Type, then the extensions that have it.
types=(
${types.join('\n')}
)
# Left out of uploads from dist itself: the folders of the other classes, and files for other hosts.
outside=(${[...prefixes.map((p) => `--exclude ${sh(`${folder(p)}*`)}`), ...HOST_FILES.map((f) => `--exclude ${sh(f)}`)].join(' ')})

# put <folder in dist, '' for dist itself> <cache-control> [<content-type> <extension>...]
# Uploads the folder's files with those extensions, with that Content-Type; without a type, the
# files with none of the known extensions, with the type aws guesses.
put() {
  local dir=$1 cache=$2 ext
  shift 2
  local filters=()
  if [ $# -gt 0 ]; then
    local type=$1 names=()
    shift
    filters=(--exclude '*')
    for ext in "$@"; do
      filters+=(--include "*.$ext")
      names+=(-o -name "*.$ext")
    done
    [ -n "$(find "$dist/$dir" -type f \\( "\${names[@]:1}" \\) -print -quit)" ] || return 0
    filters+=(--content-type "$type")
  else
    local i
    for ((i = 1; i < \${#types[@]}; i += 2)); do
      for ext in \${types[i]}; do filters+=(--exclude "*.$ext"); done
    done
  fi
  if [ -z "$dir" ]; then filters+=("\${outside[@]}"); fi
  aws s3 sync "$dist/$dir" "s3://$bucket/$dir" \${dry[@]+"\${dry[@]}"} --only-show-errors --cache-control "$cache" "\${filters[@]}"
}

# put_class <cache-control> <folder>...: every file of those folders, type by type.
put_class() {
  local cache=$1 dir i
  shift
  for dir in "$@"; do
    [ -d "$dist/$dir" ] || continue
    for ((i = 0; i < \${#types[@]}; i += 2)); do
      # shellcheck disable=SC2086 # the extensions are words
      put "$dir" "$cache" "\${types[i]}" \${types[i + 1]}
    done
    put "$dir" "$cache"
  done
}

# 1. Upload.
${uploads.join('\n')}

# 2. Invalidate what can change under the same name.
paths=(${initialPaths.join(' ')})
# revalidated <folder in dist>: adds the paths of the ${rest.id} class in it (a whole subfolder as one).
revalidated() {
  local entry name
  for entry in "$dist/$1"*; do
    [ -e "$entry" ] || continue
    name=\${entry#"$dist/"}
    case "/$name" in
      ${skipped.map(sh).join(' | ')}) ;;
${ancestors.length ? `      ${ancestors.map(sh).join(' | ')}) revalidated "$name/" ;;\n` : ''}      *) if [ -d "$entry" ]; then paths+=("/$name/*"); else paths+=("/$name"); fi ;;
    esac
  done
}
${invalidated(rest) ? "revalidated ''\n" : ''}if [ \${#dry[@]} -gt 0 ]; then
  echo "(dry run) would invalidate on $distribution: \${paths[*]}"
elif [ \${#paths[@]} -gt 0 ]; then
  id=$(aws cloudfront create-invalidation --distribution-id "$distribution" --paths "\${paths[@]}" --query 'Invalidation.Id' --output text)
  echo "Invalidation $id of \${#paths[@]} paths; waiting for it to complete"
  aws cloudfront wait invalidation-completed --distribution-id "$distribution" --id "$id"
fi

# 3. Delete what the build no longer has.
aws s3 sync "$dist" "s3://$bucket" \${dry[@]+"\${dry[@]}"} --only-show-errors --delete ${HOST_FILES.map((f) => `--exclude ${sh(f)}`).join(' ')}
`;
}
