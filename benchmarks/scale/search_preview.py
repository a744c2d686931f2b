#!/usr/bin/env python3
"""The live preview with search: start `edition serve`, wait for its first index, then edit one chapter several times
with a new word and time each edit -> the index holding the word served.
- edition (the default engine): the index is made in the rebuild; timed to the moment the served search/index.js names
  a new key and the served chunk that covers the new word holds it (polled over HTTP every 5 ms).
- pagefind (--search-engine pagefind): timed to the server's line saying the index holding the edit is served (the
  shards indexed again, and Pagefind's time, as the server reports them).
usage: search_preview.py <edition.dll> <content-dir> <templates-dir> [edits=5] [edition|pagefind]   (docs/search.md)"""
import bisect, glob, json, socket, statistics, subprocess, sys, threading, time, urllib.request

dll, content, templates = sys.argv[1:4]
edits = int(sys.argv[4]) if len(sys.argv) > 4 else 5
engine = sys.argv[5] if len(sys.argv) > 5 else "edition"
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen(["dotnet", dll, "serve", content, "--port", str(port), "--theme", templates, "--search-engine", engine],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = []
threading.Thread(target=lambda: [lines.append((time.time(), l.rstrip())) for l in server.stdout], daemon=True).start()


def wait_for(prefix, after, limit=600):
    deadline = time.time() + limit
    while True:
        found = [(t, l) for t, l in lines if t >= after and l.startswith(prefix)]
        if found:
            return found[0]
        if time.time() > deadline or server.poll() is not None:
            sys.exit(f"no '{prefix}' line:\n" + "\n".join(l for _, l in lines))
        time.sleep(0.005)


def data(name, key=""):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/search/{name}.js{'?k=' + key if key else ''}").read().decode()
    return json.loads(text[text.index(",") + 1:-3])


def findable(term, old_key, limit=600):
    """Polls until the served manifest has a new key and the chunk that covers term holds it."""
    deadline = time.time() + limit
    while time.time() < deadline:
        try:
            manifest = data("index")
            if manifest["k"] != old_key:
                chunk = max(bisect.bisect_right(manifest["c"], term) - 1, 0)
                if term in data(f"c/{chunk}", manifest["k"]):
                    return manifest["k"]
        except OSError:
            pass
        time.sleep(0.005)
    sys.exit(f"'{term}' never served:\n" + "\n".join(l for _, l in lines))


try:
    started = time.time()
    _, first = wait_for("search" if engine == "pagefind" else "rebuilt", started)
    if engine != "pagefind":
        wait_for("serving", started)
        first = f"{first}; {data('index')['n']} pages"
        key = data("index")["k"]
    chapter = sorted(glob.glob(f"{content}/*/ar/03-*.md"))[-1]
    latencies, reports = [], []
    for i in range(edits):
        time.sleep(0.5)
        word = f"كلمةجديدة{i}x{int(started) % 1000}"
        edited = time.time()
        with open(chapter, "a", encoding="utf-8") as f:
            f.write(f"\n{word}.\n")
        if engine == "pagefind":
            at, line = wait_for("search", edited)
        else:
            key = findable(word, key)
            at = time.time()
            _, line = wait_for("rebuilt", edited)
        latencies.append((at - edited) * 1000)
        reports.append(line)
    print(f"preview with search ({engine}): first build: {first}")
    print(f"edit -> index served{' and the word found in it' if engine != 'pagefind' else ''}: median {statistics.median(latencies):.0f} ms {[round(x) for x in latencies]}")
    for line in reports:
        print(f"  {line}")
finally:
    server.kill()
