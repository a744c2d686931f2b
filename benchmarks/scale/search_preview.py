#!/usr/bin/env python3
"""The live preview with search: start `edition serve` (Pagefind found as `edition build` finds it), wait for its first
index, then edit one chapter several times with a new word and time each edit -> the server's line saying the index
holding the edit is served (the shards indexed again, and Pagefind's time, as the server reports them).
usage: search_preview.py <edition.dll> <content-dir> <templates-dir> [edits=5]   (docs/search.md)"""
import glob, socket, statistics, subprocess, sys, threading, time

dll, content, templates = sys.argv[1:4]
edits = int(sys.argv[4]) if len(sys.argv) > 4 else 5
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen(["dotnet", dll, "serve", content, "--port", str(port), "--theme", templates],
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


try:
    started = time.time()
    _, first = wait_for("search", started)
    chapter = sorted(glob.glob(f"{content}/*/ar/03-*.md"))[0]
    latencies, reports = [], []
    for i in range(edits):
        time.sleep(0.5)
        edited = time.time()
        with open(chapter, "a", encoding="utf-8") as f:
            f.write(f"\nكلمةجديدة{i}.\n")
        at, line = wait_for("search", edited)
        latencies.append((at - edited) * 1000)
        reports.append(line)
    print(f"preview with search: first index: {first}")
    print(f"edit -> index served: median {statistics.median(latencies):.0f} ms {[round(x) for x in latencies]}")
    for line in reports:
        print(f"  {line}")
finally:
    server.kill()
