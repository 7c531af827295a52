"""Check demo/corpus against demo/expected.json (texts extracted with trafilatura/fastwarc).

Every fact value, retracted figure, distractor and quote must occur in its
article's text; junk lines must be exact lines of the raw input; HTML
boilerplate must be in the page but not in trafilatura's main text; every
entity spelling must occur somewhere. Run: ``.venv/bin/python demo/check_demo.py``.
"""

import html as H
import json
import sys
from pathlib import Path

import trafilatura
from fastwarc.warc import ArchiveIterator

HERE = Path(__file__).resolve().parent
E = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
CORPUS = HERE / "corpus"
texts = {}
raw = {}
for aid, m in E["articles"].items():
    f = CORPUS / m["file"]
    if m["format"] == "text":
        texts[aid] = raw[aid] = f.read_text(encoding="utf-8")
    elif m["format"] == "html":
        raw[aid] = f.read_text(encoding="utf-8")
        texts[aid] = trafilatura.extract(raw[aid], include_comments=False)
    elif m["format"] == "jsonl":
        for row in f.read_text(encoding="utf-8").splitlines():
            d = json.loads(row)
            if d["id"] == aid:
                texts[aid] = raw[aid] = d["text"]
                assert d["url"] == m["url"] and d["title"] == m["title"]
    elif m["format"] == "warc":
        with f.open("rb") as fh:
            for n, r in enumerate(ArchiveIterator(fh, parse_http=True), 1):
                if n == m["warc_record"]:
                    assert r.headers.get("WARC-Target-URI") == m["url"]
                    raw[aid] = r.reader.read().decode()
                    texts[aid] = trafilatura.extract(raw[aid], include_comments=False)
bad = 0


def need(aid, s, what):
    global bad
    if s not in texts[aid]:
        bad += 1
        print("MISSING", what, aid, repr(s))


for fa in E["facts"]:
    for aid, v in fa["values"].items():
        need(aid, v["text"], "fact")
for r in E["retracted"]:
    need(r["article"], r["text"], "retracted")
for d in E["distractors"]:
    need(d["article"], d["text"], "distractor")
for q in E["quotes"]:
    need(q["article"], q["text"], "quote")
for aid, ls in [*E["junk_lines"].items(), *E["junk_lines_optional"].items()]:
    # Junk of HTML pages is judged on the extracted text, of other inputs on the raw text.
    source_text = texts[aid] if E["articles"][aid]["format"] in ("html", "warc") else raw[aid]
    lines = source_text.split("\n")
    for line in ls:
        if line not in lines:
            bad += 1
            print("JUNK not a line", aid, repr(line))
for aid, ls in E["html_boilerplate_absent"].items():
    for s in ls:
        if H.unescape(s) not in H.unescape(raw[aid]):
            bad += 1
            print("boiler not in raw", aid, s)
        if s in texts[aid]:
            bad += 1
            print("boiler leaks into trafilatura text", aid, s)
for e in E["entities"]:
    for n in [e["name"]] + e["aliases"]:
        if not any(n in t for aid, t in texts.items()):
            bad += 1
            print("entity spelling not found", n)
print("problems:", bad)
sys.exit(1 if bad else 0)
