#!/usr/bin/env bash
# Whole-process scale run: an N-article journal built by `edition build` and by Debian's `hugo --minify`
# (minimal layouts, the same Markdown), alternating; prints median wall and CPU times, the ratios and peak memory.
# `edition build` runs twice per round: over its last site (its normal rebuild: unchanged files are linked) and into an
# emptied folder (as hugo, whose output is emptied before each run). Then, with the cache: a no-change rebuild and a
# one-chapter rebuild (whole process, `runs` times each), and, up to 2,000 articles, the live preview (`edition serve`:
# rebuild time and edit -> reload-event latency; it holds the site in memory).
# Then the default build (pages, EPUB, JATS, PDF, search index, .gz/.br copies; clean: emptied site and cache), the
# same without the PDF, and like for like (pages + search: --no-epub --no-jats --no-pdf --precompress none) against
# `hugo --minify` followed by Pagefind's own CLI over Hugo's output, alternating (`default_runs` rounds; 0 leaves them
# out); beside them, the search stage alone (EDITION_TIMES=1: Pagefind's CPU and ours) against `pagefind --site` alone
# over edition's own output. Up to 2,000 articles, the live preview with search (search_preview.py: edit -> findable).
# usage: benchmarks/scale/run.sh [N=200] [runs=5] [default_runs=runs]
#        PARTS="pages default like incremental preview search-preview" (the default: all) runs only the parts named.
#        needs: apt-get install -y hugo python3; npm ci --prefix tools (Pagefind and Typst)
# The figures in docs/performance.md: run.sh 200 5; run.sh 1000 3; run.sh 10000 1 0 (about 25 min and 20 GB of disk);
# PARTS="like search-preview" run.sh 200 3 3 for search alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200}
runs=${2:-5}
default_runs=${3:-$runs}
parts=" ${PARTS:-pages default like incremental preview search-preview} "
part() { [[ "$parts" == *" $1 "* ]]; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The CLI self-contained, as one composite ReadyToRun image (what `--target=Publish` ships is the same code, single-file).
# EDITION_BIN=<folder holding edition.dll> reuses a program published before (the composite image takes minutes to compile).
if [ -n "${EDITION_BIN:-}" ]; then cp -r "$EDITION_BIN" "$work/bin"; else
  dotnet publish -c Release -v q --use-current-runtime --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$work/bin" src/EditionBuilder.Cli >/dev/null
fi
dotnet build -c Release -v q benchmarks/EditionBuilder.Benchmarks >/dev/null
dotnet benchmarks/EditionBuilder.Benchmarks/bin/Release/net10.0/EditionBuilder.Benchmarks.dll generate-journal "$n" "$work" >/dev/null
# Like for like with hugo: pages only (no EPUB, JATS, PDF, search index or precompressed copies).
pages_only=(--precompress none --no-epub --no-jats --no-pdf --no-search)
edition=(dotnet "$work/bin/edition.dll" build "$work/content" -o "$work/out-edition" "${pages_only[@]}" --no-cache)
edition_fresh=(dotnet "$work/bin/edition.dll" build "$work/content" -o "$work/out-fresh" "${pages_only[@]}" --no-cache)
hugo=(hugo --minify --quiet -s "$work/hugo" -d "$work/out-hugo")

measure() { # prints "wall-seconds peak-kilobytes cpu-seconds"
  /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$work/time"
}

if part pages; then
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
    return statistics.median(r[0] for r in rows), max(r[1] for r in rows)/1024, [r[0] for r in rows], statistics.median(r[2] for r in rows)
e=load(sys.argv[1]); f=load(sys.argv[2]); h=load(sys.argv[3])
print(f"journal of {sys.argv[4]} articles: edition {sys.argv[5]} pages, hugo {sys.argv[6]} pages")
print(f"edition build (over last site): median {e[0]:.2f} s wall, {e[3]:.2f} s CPU  runs {e[2]}  peak {e[1]:.0f} MiB")
print(f"edition build (emptied folder): median {f[0]:.2f} s wall, {f[3]:.2f} s CPU  runs {f[2]}  peak {f[1]:.0f} MiB")
print(f"hugo --minify (emptied folder): median {h[0]:.2f} s wall, {h[3]:.2f} s CPU  runs {h[2]}  peak {h[1]:.0f} MiB")
print(f"edition/hugo: wall {e[0]/h[0]:.2f} over last site, {f[0]/h[0]:.2f} into an emptied folder; CPU {f[3]/h[3]:.2f} into an emptied folder; peak memory {max(e[1],f[1])/h[1]:.2f}")
PY
fi
# The default build, clean, against Hugo + Pagefind: what a publisher runs. Each edition build starts from an emptied site
# and cache; the peer is hugo --minify into an emptied folder, then Pagefind's CLI over it (one shell, timed as one).
# EDITION_PAGEFIND (a node_modules folder, as edition reads it) or the repository's tools/node_modules.
modules=${EDITION_PAGEFIND:-$PWD/tools/node_modules}
export EDITION_PAGEFIND=$modules
pagefind=$modules/.bin/pagefind
if [ "$default_runs" -gt 0 ] && { part default || part like; }; then
  [ -x "$pagefind" ] || { echo "run.sh: $pagefind is missing: npm ci --prefix tools, or EDITION_PAGEFIND=<node_modules>" >&2; exit 1; }
  default_build() { # label, extra options...
    local label=$1; shift
    rm -rf "$work/out-$label" "$work/cache-$label"
    measure dotnet "$work/bin/edition.dll" build "$work/content" -o "$work/out-$label" --cache "$work/cache-$label" "$@"
  }
  peer=(bash -c 'rm -rf "$1" && hugo --minify --quiet -s "$2" -d "$1" && "$3" --site "$1" --quiet' peer "$work/out-peer" "$work/hugo" "$pagefind")
  # Like for like: pages and search, traced (EDITION_TIMES=1 prints each shard's Pagefind CPU; the log is kept per round).
  like_build() { # round
    rm -rf "$work/out-like" "$work/cache-like"
    EDITION_TIMES=1 /usr/bin/time -f '%e %M %U %S' -o "$work/time" dotnet "$work/bin/edition.dll" build "$work/content" -o "$work/out-like" \
      --cache "$work/cache-like" --no-epub --no-jats --no-pdf --precompress none >"$work/like-$1.log" 2>&1 || { cat "$work/like-$1.log" >&2; exit 1; }
    awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$work/time"
  }
  : >"$work/default.txt"; : >"$work/default-nopdf.txt"; : >"$work/peer.txt"; : >"$work/like.txt"; : >"$work/pagefind-site.txt"
  for i in $(seq "$default_runs"); do
    if part default; then default_build default >>"$work/default.txt"; fi
    measure "${peer[@]}" >>"$work/peer.txt"
    if part default; then default_build default-nopdf --no-pdf >>"$work/default-nopdf.txt"; fi
    if part like; then
      like_build "$i" >>"$work/like.txt"
      # Pagefind's CLI alone over edition's own output (it reads every page and indexes those marked data-pagefind-body).
      rm -rf "$work/pagefind-site"; measure "$pagefind" --site "$work/out-like" --output-path "$work/pagefind-site" --quiet >>"$work/pagefind-site.txt"
    fi
  done
  python3 - "$work" "$default_runs" <<'PY'
import glob, os, re, statistics, sys
work = sys.argv[1]
def load(name):
    rows=[tuple(map(float,l.split())) for l in open(os.path.join(work, name)) if l.strip()]
    if not rows: return None
    return dict(wall=statistics.median(r[0] for r in rows), walls=[r[0] for r in rows], cpu=statistics.median(r[2] for r in rows), peak=max(r[1] for r in rows)/1024)
p = load("peer.txt")
rows = [(n, load(f)) for n, f in (("default (clean)", "default.txt"), ("default --no-pdf", "default-nopdf.txt"), ("like for like: --no-epub --no-jats --no-pdf --precompress none", "like.txt"))]
for name, x in [(f"edition build, {n}", x) for n, x in rows if x] + [("hugo --minify + pagefind", p)]:
    print(f"{name}: median {x['wall']:.2f} s wall, {x['cpu']:.2f} s CPU  runs {x['walls']}  peak {x['peak']:.0f} MiB")
for name, x in rows:
    if x: print(f"edition {name.split(':')[0]} / hugo+pagefind: wall {x['wall']/p['wall']:.2f}, CPU {x['cpu']/p['cpu']:.2f}, peak memory {x['peak']/p['peak']:.2f}")
# The search stage alone, from the traces: Pagefind's CPU (adding pages, writing the index) and ours preparing documents.
stages = []
for log in sorted(glob.glob(os.path.join(work, "like-*.log"))):
    text = open(log, encoding="utf-8").read()
    add = sum(float(m) for m in re.findall(r"pages added[^(]*\(Pagefind CPU (\d+) ms", text)) / 1000
    ours = sum(float(m) for m in re.findall(r"ours preparing documents (\d+) ms", text)) / 1000
    write = sum(float(m) for m in re.findall(r"files written, \d+ KiB \(Pagefind CPU (\d+) ms", text)) / 1000
    wall = re.search(r"^search .*\((\d+) ms\)$", text, re.M)
    stages.append((add, write, ours, float(wall.group(1)) / 1000 if wall else float("nan")))
pf = load("pagefind-site.txt")
if stages and pf:
    med = lambda i: statistics.median(s[i] for s in stages)
    cpu = statistics.median(s[0] + s[1] + s[2] for s in stages)
    print(f"search stage alone (like for like, traced): median {med(3):.2f} s wall, {cpu:.2f} s CPU (Pagefind adding {med(0):.2f} s, writing {med(1):.2f} s; ours preparing {med(2):.2f} s)")
    print(f"pagefind --site over edition's output: median {pf['wall']:.2f} s wall, {pf['cpu']:.2f} s CPU  runs {pf['walls']}  peak {pf['peak']:.0f} MiB")
    print(f"search stage / pagefind --site: CPU {cpu/pf['cpu']:.2f}")
PY
fi
# Incremental, whole process: two cached builds (the second leaves the spare copy of the site), then no-change and
# one-chapter rebuilds; pages only, then everything `edition build` makes by default but precompression (EPUB, JATS and
# the search index: Pagefind indexes the whole site again when a searchable page changed).
chapter=$(find "$work/content" -path '*/ar/03-*.md' | sort | sed -n 1p)
incremental() { # label, extra options...
  local label=$1; shift
  local cached=(dotnet "$work/bin/edition.dll" build "$work/content" -o "$work/out-$label" --cache "$work/cache-$label" "$@")
  "${cached[@]}" >/dev/null; "${cached[@]}" >/dev/null
  : >"$work/nochange-$label.txt"; : >"$work/incremental-$label.txt"
  for i in $(seq "$runs"); do
    measure "${cached[@]}" >>"$work/nochange-$label.txt"
    echo "تعديل $label $i." >>"$chapter"
    measure "${cached[@]}" >>"$work/incremental-$label.txt"
  done
  python3 - "$label" "$work/nochange-$label.txt" "$work/incremental-$label.txt" <<'PY'
import statistics, sys
for name, path in (("no-change rebuild", sys.argv[2]), ("one-chapter rebuild", sys.argv[3])):
    rows=[tuple(map(float,l.split())) for l in open(path) if l.strip()]
    print(f"{name} ({sys.argv[1]}, whole process): median {statistics.median(r[0] for r in rows):.2f} s wall, {statistics.median(r[2] for r in rows):.2f} s CPU  runs {[r[0] for r in rows]}  peak {max(r[1] for r in rows)/1024:.0f} MiB")
PY
}
if part incremental; then
  incremental pages-only "${pages_only[@]}"
  # Up to 2,000 articles: beyond, one re-index by Pagefind takes minutes.
  if [ "$n" -le 2000 ]; then incremental everything --precompress none; fi
fi
# The live preview: one chapter edited 5 times while `edition serve` runs (it holds the site in memory: up to 2,000 articles);
# then with search: each edit until the index holding it is served.
if [ "$n" -le 2000 ] && part preview; then python3 benchmarks/scale/preview.py "$work/bin/edition.dll" "$work/content" templates 5; fi
if [ "$n" -le 2000 ] && part search-preview; then
  python3 benchmarks/scale/search_preview.py "$work/bin/edition.dll" "$work/content" templates 5
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
