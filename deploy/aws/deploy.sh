#!/usr/bin/env bash
# Generated from src/config/hosting.ts by `npm run hosting:render`: do not edit.
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
dist=${1%/}
bucket=$2
distribution=$3
if [ ! -f "$dist/index.html" ]; then
  echo "$0: \"$dist\" is not a built site (no index.html in it): run \`npm run build\` first." >&2
  exit 2
fi
dry=()
if [ "${DRY_RUN:-}" = 1 ]; then dry=(--dryrun); fi

# Content-Type, then the extensions that have it.
types=(
  'text/html; charset=utf-8' 'html'
  'text/css; charset=utf-8' 'css'
  'text/javascript; charset=utf-8' 'js mjs'
  'application/json; charset=utf-8' 'json'
  'application/yaml; charset=utf-8' 'yaml yml'
  'text/markdown; charset=utf-8' 'md'
  'text/plain; charset=utf-8' 'txt'
  'application/xml; charset=utf-8' 'xml'
  'application/manifest+json; charset=utf-8' 'webmanifest'
  'image/svg+xml' 'svg'
  'image/png' 'png'
  'image/jpeg' 'jpg jpeg'
  'image/gif' 'gif'
  'image/webp' 'webp'
  'image/avif' 'avif'
  'image/x-icon' 'ico'
  'font/woff2' 'woff2'
  'font/woff' 'woff'
  'application/wasm' 'wasm'
  'application/octet-stream' 'pagefind pf_meta pf_index pf_fragment pf_filter'
)
# Left out of uploads from dist itself: the folders of the other classes, and files for other hosts.
outside=(--exclude '_astro/*' --exclude 'pagefind/fragment/*' --exclude 'pagefind/index/*' --exclude 'pagefind/filter/*' --exclude 'openapi/*' --exclude '_headers')

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
    [ -n "$(find "$dist/$dir" -type f \( "${names[@]:1}" \) -print -quit)" ] || return 0
    filters+=(--content-type "$type")
  else
    local i
    for ((i = 1; i < ${#types[@]}; i += 2)); do
      for ext in ${types[i]}; do filters+=(--exclude "*.$ext"); done
    done
  fi
  if [ -z "$dir" ]; then filters+=("${outside[@]}"); fi
  aws s3 sync "$dist/$dir" "s3://$bucket/$dir" ${dry[@]+"${dry[@]}"} --only-show-errors --cache-control "$cache" "${filters[@]}"
}

# put_class <cache-control> <folder>...: every file of those folders, type by type.
put_class() {
  local cache=$1 dir i
  shift
  for dir in "$@"; do
    [ -d "$dist/$dir" ] || continue
    for ((i = 0; i < ${#types[@]}; i += 2)); do
      # shellcheck disable=SC2086 # the extensions are words
      put "$dir" "$cache" "${types[i]}" ${types[i + 1]}
    done
    put "$dir" "$cache"
  done
}

# 1. Upload.
# hashed: files named by a hash of their content: Astro's assets, Pagefind's index and fragments
put_class 'public, max-age=31536000, immutable' '_astro/' 'pagefind/fragment/' 'pagefind/index/' 'pagefind/filter/'
# openapi: the OpenAPI documents, which tools may import by URL from any origin
put_class 'public, max-age=0, must-revalidate' 'openapi/'
# pages: everything else: pages, their Markdown twins, llms*.txt, Pagefind's loader, the favicon
put_class 'public, max-age=0, must-revalidate' ''

# 2. Invalidate what can change under the same name.
paths=('/openapi/*')
# revalidated <folder in dist>: adds the paths of the pages class in it (a whole subfolder as one).
revalidated() {
  local entry name
  for entry in "$dist/$1"*; do
    [ -e "$entry" ] || continue
    name=${entry#"$dist/"}
    case "/$name" in
      '/_astro' | '/pagefind/fragment' | '/pagefind/index' | '/pagefind/filter' | '/openapi' | '/_headers') ;;
      '/pagefind') revalidated "$name/" ;;
      *) if [ -d "$entry" ]; then paths+=("/$name/*"); else paths+=("/$name"); fi ;;
    esac
  done
}
revalidated ''
if [ ${#dry[@]} -gt 0 ]; then
  echo "(dry run) would invalidate on $distribution: ${paths[*]}"
elif [ ${#paths[@]} -gt 0 ]; then
  id=$(aws cloudfront create-invalidation --distribution-id "$distribution" --paths "${paths[@]}" --query 'Invalidation.Id' --output text)
  echo "Invalidation $id of ${#paths[@]} paths; waiting for it to complete"
  aws cloudfront wait invalidation-completed --distribution-id "$distribution" --id "$id"
fi

# 3. Delete what the build no longer has.
aws s3 sync "$dist" "s3://$bucket" ${dry[@]+"${dry[@]}"} --only-show-errors --delete --exclude '_headers'
