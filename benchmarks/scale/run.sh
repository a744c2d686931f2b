#!/usr/bin/env bash
# Whole-process scale run: an N-article journal built by `edition build` and by Debian's `hugo --minify`
# (minimal layouts, the same Markdown), alternating; prints median wall times, the ratio and peak memory.
# `edition build` runs twice per round: over its last site (its normal rebuild: unchanged files are linked) and into an
# emptied folder (as hugo, whose output is emptied before each run). Then a one-chapter incremental rebuild with the cache,
# and the live preview (`edition serve`): rebuild time and edit -> reload-event latency.
# usage: benchmarks/scale/run.sh [N=200] [runs=5]        needs: apt-get install -y hugo python3
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The CLI as Cake's Compile makes it: self-contained, one composite ReadyToRun image.
dotnet publish -c Release -v q --use-current-runtime --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$work/bin" src/EditionBuilder.Cli >/dev/null
dotnet build -c Release -v q benchmarks/EditionBuilder.Benchmarks >/dev/null
dotnet benchmarks/EditionBuilder.Benchmarks/bin/Release/net10.0/EditionBuilder.Benchmarks.dll generate-journal "$n" "$work" >/dev/null
edition=(dotnet "$work/bin/edition.dll" build "$work/content" -o "$work/out-edition" --precompress none --no-cache)
edition_fresh=(dotnet "$work/bin/edition.dll" build "$work/content" -o "$work/out-fresh" --precompress none --no-cache)
hugo=(hugo --minify --quiet -s "$work/hugo" -d "$work/out-hugo")

measure() { # prints "seconds kilobytes"
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/time"
}

: >"$work/edition.txt"; : >"$work/fresh.txt"; : >"$work/hugo.txt"
"${edition[@]}" >/dev/null; "${hugo[@]}" >/dev/null   # warm the file cache for both
for i in $(seq "$runs"); do
  measure "${edition[@]}" >>"$work/edition.txt"
  rm -rf "$work/out-hugo"; measure "${hugo[@]}" >>"$work/hugo.txt"
  rm -rf "$work/out-fresh"; measure "${edition_fresh[@]}" >>"$work/fresh.txt"
done

pages_edition=$(find "$work/out-edition" -name '*.html' | wc -l)
pages_hugo=$(find "$work/out-hugo" -name '*.html' | wc -l)
python3 - "$work/edition.txt" "$work/fresh.txt" "$work/hugo.txt" "$n" "$pages_edition" "$pages_hugo" <<'PY'
import statistics, sys
def load(p):
    rows=[tuple(map(float,l.split())) for l in open(p) if l.strip()]
    return statistics.median(r[0] for r in rows), max(r[1] for r in rows)/1024, [r[0] for r in rows]
e=load(sys.argv[1]); f=load(sys.argv[2]); h=load(sys.argv[3])
print(f"journal of {sys.argv[4]} articles: edition {sys.argv[5]} pages, hugo {sys.argv[6]} pages")
print(f"edition build (over last site): median {e[0]:.2f} s  runs {e[2]}  peak {e[1]:.0f} MiB")
print(f"edition build (emptied folder): median {f[0]:.2f} s  runs {f[2]}  peak {f[1]:.0f} MiB")
print(f"hugo --minify (emptied folder): median {h[0]:.2f} s  runs {h[2]}  peak {h[1]:.0f} MiB")
print(f"wall-time ratio edition/hugo = {e[0]/h[0]:.2f} over last site, {f[0]/h[0]:.2f} into an emptied folder; peak-memory ratio edition/hugo = {max(e[1],f[1])/h[1]:.2f}")
PY
# Incremental: a cached build, then one chapter edited, then the rebuild.
cached=(dotnet "$work/bin/edition.dll" build "$work/content" -o "$work/out-incremental" --precompress none --cache "$work/cache")
"${cached[@]}" >/dev/null
chapter=$(find "$work/content" -path '*/ar/03-*.md' | sort | sed -n 1p)
: >"$work/incremental.txt"
for i in $(seq "$runs"); do
  echo "تعديل $i." >>"$chapter"
  measure "${cached[@]}" >>"$work/incremental.txt"
done
python3 - "$work/incremental.txt" <<'PY'
import statistics, sys
rows=[tuple(map(float,l.split())) for l in open(sys.argv[1]) if l.strip()]
print(f"one-chapter incremental rebuild (whole process): median {statistics.median(r[0] for r in rows):.2f} s  runs {[r[0] for r in rows]}")
PY
# The live preview: one chapter edited 5 times while `edition serve` runs.
python3 benchmarks/scale/preview.py "$work/bin/edition.dll" "$work/content" templates 5
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
