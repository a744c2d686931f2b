#!/usr/bin/env python3
"""The live preview's latency: start `edition serve`, edit one chapter several times, and time each rebuild (as the
server reports it) and each edit -> reload event (as an open page receives it, 25 ms debounce included).
usage: preview.py <edition.dll> <content-dir> <templates-dir> [edits=5]"""
import glob, http.client, socket, statistics, subprocess, sys, threading, time

dll, content, templates = sys.argv[1:4]
edits = int(sys.argv[4]) if len(sys.argv) > 4 else 5
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen(["dotnet", dll, "serve", content, "--port", str(port), "--theme", templates],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = []
threading.Thread(target=lambda: [lines.append(l.rstrip()) for l in server.stdout], daemon=True).start()
try:
    deadline = time.time() + 120
    while not any(l.startswith("serving") for l in lines):
        if time.time() > deadline or server.poll() is not None:
            sys.exit("edition serve did not start:\n" + "\n".join(lines))
        time.sleep(0.01)
    first = [l for l in lines if l.startswith("rebuilt")][0]
    chapter = sorted(glob.glob(f"{content}/*/ar/03-*.md"))[0]
    latencies = []
    for i in range(edits):
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        events.request("GET", "/__edition/events")
        stream = events.getresponse().fp
        stream.readline(); stream.readline()  # ": connected" and its blank line
        time.sleep(0.3)
        started = time.time()
        with open(chapter, "a", encoding="utf-8") as f:
            f.write(f"\nتعديل {i}.\n")
        while not stream.readline().startswith(b"data:"):
            pass
        latencies.append((time.time() - started) * 1000)
        events.close()
    time.sleep(0.2)
    rebuilds = [int(l.split(" in ")[1].split()[0]) for l in lines if l.startswith("rebuilt")][1:]
    print(f"preview: first build: {first}")
    print(f"preview: one-chapter rebuild median {statistics.median(rebuilds)} ms {rebuilds}; "
          f"edit -> reload event median {statistics.median(latencies):.0f} ms {[round(x) for x in latencies]}")
finally:
    server.kill()
