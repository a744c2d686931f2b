#!/usr/bin/env bash
# Paired rebuilds: several `edition` programs (two commits, JIT against AOT…) rebuilt alternately on the same content, each with
# its own site and cache, after the same edits; prints the median wall time, user CPU and peak memory of each, then checks that
# every program's site equals the first's (diff -r).
#   benchmarks/scale/pairs.sh seed <rounds> <label>=<program> ...
#       a copy of content/ (the seed): no change and one edit of its source with --precompress best (brotli 11), the same edit with fast
#   benchmarks/scale/pairs.sh <journal-folder> <rounds> <label>=<program> ...
#       a journal from `generate-journal N <folder>` (pages only): no change, one chapter edited
# Example: benchmarks/scale/pairs.sh seed 7 before=/tmp/old/edition now=artifacts/bin/edition
# Each program gets an EDITION_TIMES=1 phase log of its last run in <work>/<label>-<kind>.times (docs/performance.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
what=${1:?usage: pairs.sh seed|<journal-folder> <rounds> <label>=<program> ...}
rounds=${2:?rounds}
shift 2
labels=(); programs=()
for pair in "$@"; do labels+=("${pair%%=*}"); programs+=("$(realpath "${pair#*=}")"); done
[[ ${#labels[@]} -ge 1 ]] || { echo "name at least one <label>=<program>" >&2; exit 2; }

if [[ $what == seed ]]; then
  work=$(mktemp -d)
  cp -r "$root/content" "$work/content"
  source=$(find "$work/content" -path '*/source/*.txt' | head -1)
  kinds=(nochange edit-best edit-fast)
else
  work=$(realpath "$what")
  [[ -d $work/content ]] || { echo "$what: no content/ (make one with generate-journal)" >&2; exit 2; }
  mapfile -t articles < <(find "$work/content" -mindepth 1 -maxdepth 1 -type d | sort)
  chapter=$(find "${articles[${#articles[@]} / 2]}/ar" -name '*.md' ! -name abstract.md | sort | head -1)   # the middle article's first chapter
  kinds=(nochange onechap)
fi
results="$work/pairs.txt"; : >"$results"

options() { # the options of one kind of build
  case $1 in
    edit-fast) echo "--no-search --precompress fast" ;;
    nochange|edit-best) [[ $what == seed ]] && echo "--no-search --precompress best" || echo "--precompress none --no-epub --no-jats --no-pdf --no-search" ;;
    onechap) echo "--precompress none --no-epub --no-jats --no-pdf --no-search" ;;
  esac
}
site() { [[ $2 == edit-fast ]] && echo "$work/pairs-site-fast-$1" || echo "$work/pairs-site-$1"; }
cache() { [[ $2 == edit-fast ]] && echo "$work/pairs-cache-fast-$1" || echo "$work/pairs-cache-$1"; }

run() { # label program kind: one timed build
  # shellcheck disable=SC2046
  EDITION_TIMES=1 /usr/bin/time -f "$1 $3 %e %U %M" -a -o "$results" "$2" build "$work/content" -o "$(site "$1" "$3")" --cache "$(cache "$1" "$3")" $(options "$3") \
    >/dev/null 2>"$work/$1-$3.times" || { cat "$work/$1-$3.times" >&2; exit 1; }
}

# First builds (not timed): each program fills its own cache and site; a second build leaves a spare beside the site.
for i in "${!labels[@]}"; do
  for kind in "${kinds[@]}"; do
    for _ in 1 2; do "${programs[$i]}" build "$work/content" -o "$(site "${labels[$i]}" "$kind")" --cache "$(cache "${labels[$i]}" "$kind")" $(options "$kind") >/dev/null 2>&1; done
  done
done
: >"$results"

for round in $(seq "$rounds"); do
  for i in "${!labels[@]}"; do run "${labels[$i]}" "${programs[$i]}" nochange; done
  if [[ $what == seed ]]; then
    sed -i "2a قياس $round" "$source"   # a new paragraph in the first chapter
    for i in "${!labels[@]}"; do run "${labels[$i]}" "${programs[$i]}" edit-best; done
    for i in "${!labels[@]}"; do run "${labels[$i]}" "${programs[$i]}" edit-fast; done
  else
    echo "تعديل $round" >>"$chapter"
    for i in "${!labels[@]}"; do run "${labels[$i]}" "${programs[$i]}" onechap; done
  fi
done

echo "load: $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds; medians (min-max)"
python3 - "$results" <<'PY'
import sys, collections, statistics
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, kind, wall, user, peak = line.split()
    runs[(kind, label)].append((float(wall), float(user), int(peak)))
for (kind, label), values in sorted(runs.items()):
    wall = [v[0] for v in values]
    print(f"{kind:10} {label:12} {statistics.median(wall):.2f} s ({min(wall):.2f}-{max(wall):.2f})  user {statistics.median(v[1] for v in values):.2f} s  peak {int(statistics.median(v[2] for v in values)) // 1024} MiB")
PY
for i in "${!labels[@]}"; do
  [[ $i -eq 0 ]] && continue
  diff -r -x .edition-site "$(site "${labels[0]}" nochange)" "$(site "${labels[$i]}" nochange)" >/dev/null \
    && echo "${labels[$i]}: the same site as ${labels[0]}" || echo "${labels[$i]}: the site DIFFERS from ${labels[0]}'s"
done
echo "phase logs: $work/*.times"
