#!/usr/bin/env bash
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
#
# The classes, their Cache-Control and the content types come from deploy/aws/upload-classes.tsv, which
# `npm run hosting:render` writes from deploy/hosting.ts; this script is written by hand.
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
data="$(dirname "$0")/upload-classes.tsv"
if [ ! -f "$data" ]; then
  echo "$0: $data is missing: run \`npm run hosting:render\`." >&2
  exit 2
fi
dry=()
if [ "${DRY_RUN:-}" = 1 ]; then dry=(--dryrun); fi

# The definition, from the data file.
types=()         # content type, then its extensions (space-separated), pair by pair
class_cache=()   # per class, in upload order: its Cache-Control
class_edge=()    #   invalidate | keep
class_dirs=()    #   its folders in dist (space-separated); empty for the class of every other path
host_files=()    # files for other hosts: never uploaded, never deleted from the bucket
prefixed=()      # every folder that belongs to a class of its own
while IFS=$'\t' read -r kind a b c d; do
  case $kind in
    type) types+=("$a" "$b") ;;
    class)
      class_cache+=("$b")
      class_edge+=("$c")
      class_dirs+=("$d")
      read -r -a folders <<<"$d"
      prefixed+=(${folders[@]+"${folders[@]}"})
      ;;
    host-file) host_files+=("$a") ;;
    '' | '#'*) ;;
    *) echo "$0: unknown record \"$kind\" in $data" >&2 && exit 2 ;;
  esac
done <"$data"

# Left out of uploads from dist itself: the folders of the other classes, and files for other hosts.
outside=()
for dir in ${prefixed[@]+"${prefixed[@]}"}; do outside+=(--exclude "$dir*"); done
for file in ${host_files[@]+"${host_files[@]}"}; do outside+=(--exclude "$file"); done

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
      read -r -a exts <<<"${types[i]}"
      for ext in "${exts[@]}"; do filters+=(--exclude "*.$ext"); done
    done
  fi
  if [ -z "$dir" ]; then filters+=(${outside[@]+"${outside[@]}"}); fi
  aws s3 sync "$dist/$dir" "s3://$bucket/$dir" ${dry[@]+"${dry[@]}"} --only-show-errors --cache-control "$cache" "${filters[@]}"
}

# put_class <cache-control> <folder>...: every file of those folders, type by type.
put_class() {
  local cache=$1 dir i
  shift
  for dir in "$@"; do
    [ -d "$dist/$dir" ] || continue
    for ((i = 0; i < ${#types[@]}; i += 2)); do
      read -r -a exts <<<"${types[i + 1]}"
      put "$dir" "$cache" "${types[i]}" "${exts[@]}"
    done
    put "$dir" "$cache"
  done
}

# 1. Upload, class by class.
paths=()
revalidate_rest=0
for ((i = 0; i < ${#class_cache[@]}; i++)); do
  read -r -a folders <<<"${class_dirs[i]}"
  if [ ${#folders[@]} -eq 0 ]; then
    put_class "${class_cache[i]}" ''
    if [ "${class_edge[i]}" = invalidate ]; then revalidate_rest=1; fi
  else
    put_class "${class_cache[i]}" "${folders[@]}"
    if [ "${class_edge[i]}" = invalidate ]; then
      for dir in "${folders[@]}"; do paths+=("/$dir*"); done
    fi
  fi
done

# 2. Invalidate what can change under the same name.
# belongs_elsewhere <path in dist>: true for a class folder of its own, or a file for other hosts.
belongs_elsewhere() {
  local entry
  for entry in ${prefixed[@]+"${prefixed[@]}"}; do [ "$1/" = "$entry" ] && return 0; done
  for entry in ${host_files[@]+"${host_files[@]}"}; do [ "$1" = "$entry" ] && return 0; done
  return 1
}
# holds_class_folder <folder in dist>: true when a class folder lies inside it (pagefind/ holds pagefind/index/).
holds_class_folder() {
  local entry
  for entry in ${prefixed[@]+"${prefixed[@]}"}; do [[ $entry == "$1/"?* ]] && return 0; done
  return 1
}
# revalidated <folder in dist>: adds the paths of the other-paths class in it (a whole subfolder as one).
revalidated() {
  local entry name
  for entry in "$dist/$1"*; do
    [ -e "$entry" ] || continue
    name=${entry#"$dist/"}
    if belongs_elsewhere "$name"; then
      continue
    elif [ -d "$entry" ] && holds_class_folder "$name"; then
      revalidated "$name/"
    elif [ -d "$entry" ]; then
      paths+=("/$name/*")
    else
      paths+=("/$name")
    fi
  done
}
if [ "$revalidate_rest" = 1 ]; then revalidated ''; fi
if [ ${#dry[@]} -gt 0 ]; then
  echo "(dry run) would invalidate on $distribution: ${paths[*]}"
elif [ ${#paths[@]} -gt 0 ]; then
  id=$(aws cloudfront create-invalidation --distribution-id "$distribution" --paths "${paths[@]}" --query 'Invalidation.Id' --output text)
  echo "Invalidation $id of ${#paths[@]} paths; waiting for it to complete"
  aws cloudfront wait invalidation-completed --distribution-id "$distribution" --id "$id"
fi

# 3. Delete what the build no longer has.
keep=()
for file in ${host_files[@]+"${host_files[@]}"}; do keep+=(--exclude "$file"); done
aws s3 sync "$dist" "s3://$bucket" ${dry[@]+"${dry[@]}"} --only-show-errors --delete ${keep[@]+"${keep[@]}"}
