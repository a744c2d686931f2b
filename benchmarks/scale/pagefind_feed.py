#!/usr/bin/env python3
"""How the way pages are fed to Pagefind changes what it costs: one `pagefind --service` fed a folder's searchable pages
(those marked data-pagefind-body; every page with `all`) over the same protocol the build speaks, in one of these ways,
printing the service's CPU time for adding the pages and for making the index's files:
  page     each page whole (AddFile), files sent back over the pipe (GetFiles): what the build does
  body     only what Pagefind reads: <html lang>, the title, the page's data-pagefind-meta links and the
           data-pagefind-body element
  record   the body's text as a custom record (AddRecord: url, content, language, title): no anchors, so no sub-results
  ...-write  the index written by Pagefind to a temporary folder (WriteFiles) instead of sent back (removed after)
The folder is a built site (the published pages) or `EditionBuilder.Benchmarks search-documents <site> <out>`'s output
(the pages as the build feeds them, with the normalized copies of docs/search.md).
usage: pagefind_feed.py <pagefind binary> <folder> <page|body|record>[-all][-write] [pages=all]   (docs/performance.md)"""
import base64, html, json, os, re, shutil, subprocess, sys, tempfile, time

program, folder, variant = sys.argv[1:4]
limit = int(sys.argv[4]) if len(sys.argv) > 4 else None
APPARATUS = ["a.para", "[role=doc-noteref]", "[role=doc-backlink]", "a.archived", "[role=doc-endnotes] > h2"]  # SearchIndex.Apparatus
BODY = re.compile(r"<(\w+)[^>]*data-pagefind-body")

pages = []
for root, _, names in os.walk(folder):
    for name in names:
        if name.endswith(".html"):
            with open(os.path.join(root, name), encoding="utf-8") as f:
                text = f.read()
            if "data-pagefind-body" in text or "-all" in variant:
                pages.append((os.path.relpath(os.path.join(root, name), folder), text))
pages.sort()
pages = pages[:limit]

service = subprocess.Popen([program, "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=tempfile.gettempdir())
pending, last_id = b"", 0


def send(payload):
    global pending, last_id
    last_id += 1
    service.stdin.write(base64.b64encode(json.dumps({"message_id": last_id, "payload": payload}).encode()) + b",")
    service.stdin.flush()
    while b"," not in pending:
        chunk = os.read(service.stdout.fileno(), 1 << 20)
        if not chunk:
            sys.exit("pagefind stopped")
        pending += chunk
    message, pending = pending.split(b",", 1)
    answer = json.loads(base64.b64decode(message))["payload"]
    if answer["type"] == "Error":
        sys.exit(f"pagefind: {answer}")
    return answer


def cpu():  # user + system seconds of the service, from /proc
    fields = open(f"/proc/{service.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def body_only(page):
    body = BODY.search(page)
    end = page.find(">", page.find(f"</{body.group(1)}>", body.start())) + 1
    meta = "".join(re.findall(r"<a [^>]*data-pagefind-meta[^>]*>.*?</a>", page[:body.start()]))
    return (f"<!DOCTYPE html>{re.search(r'<html[^>]*>', page).group(0)}<head>{re.search(r'<title>.*?</title>', page).group(0)}"
            f"</head><body>{meta}{page[body.start():end]}</body></html>")


index = send({"type": "NewIndex", "config": {"exclude_selectors": APPARATUS, "keep_index_url": True}})["index_id"]
words = sent = 0
started = time.time()
for path, page in pages:
    if variant.startswith("record"):
        body = BODY.search(page)
        content = html.unescape(re.sub(r"<[^>]+>", " ", page[body.start():]))
        language = re.search(r'<html[^>]*lang="([\w-]+)"', page).group(1)
        answer = send({"type": "AddRecord", "index_id": index, "url": "/" + path, "content": content, "language": language,
                       "meta": {"title": path}})
    else:
        page = body_only(page) if variant.startswith("body") else page
        answer = send({"type": "AddFile", "index_id": index, "url": "/" + path, "file_contents": page})
    sent += len(page)
    words += answer.get("page_word_count", 0)
added, added_at = cpu(), time.time()
if variant.endswith("-write"):
    output = tempfile.mkdtemp()
    try:
        send({"type": "WriteFiles", "index_id": index, "output_path": output})
        sizes = [os.path.getsize(os.path.join(r, n)) for r, _, ns in os.walk(output) for n in ns]
    finally:
        shutil.rmtree(output)
else:
    sizes = [len(base64.b64decode(f["content"])) for f in send({"type": "GetFiles", "index_id": index})["files"]]
written, written_at = cpu(), time.time()
service.stdin.close()
service.wait()
print(f"{variant}: {len(pages)} pages, {sent / 1e6:.1f} M characters sent, {words} words; Pagefind CPU adding {added:.2f} s, "
      f"making files {written - added:.2f} s ({len(sizes)} files, {sum(sizes) / 1e6:.1f} MB); wall {added_at - started:.1f} + "
      f"{written_at - added_at:.1f} s; load {open('/proc/loadavg').read().split()[0]}")
