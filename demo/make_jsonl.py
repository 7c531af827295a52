"""Build demo/corpus/05-06-foreign-and-mt.jsonl from the texts in demo/sources/.

Line 1 (``05-globedigest-mt``) is a clumsy machine translation into English of
line 2 (``06-courrier-du-nord``), a French report written independently of the
Northwire dispatch. French thousands use a no-break space (``9\u00a0000``).

Run: ``.venv/bin/python demo/make_jsonl.py`` (output is deterministic).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "corpus" / "05-06-foreign-and-mt.jsonl"

FIELDS = ("id", "text", "url", "title", "published", "outlet", "language")

RECORDS = [
    {
        "id": "05-globedigest-mt",
        "source": "05-globedigest-mt.en.txt",
        "url": "https://globedigest.example/en/world/2025/03/18/varkesh-rupture-of-dam-27-dead",
        "title": "Varkesh: the rupture of a dam makes at least 27 dead in Bélozar",
        "published": "2025-03-18T08:10:00+00:00",
        "outlet": "GlobeDigest",
        "language": "en",
    },
    {
        "id": "06-courrier-du-nord",
        "source": "06-courrier-du-nord.fr.txt",
        "url": "https://lecourrierdunord.example/monde/2025/03/17/varkesh-rupture-barrage-orlek-27-morts",
        "title": "Varkesh\u00a0: la rupture d’un barrage fait au moins 27\u00a0morts à Bélozar",
        "published": "2025-03-17T17:45:00+01:00",
        "outlet": "Le Courrier du Nord",
        "language": "fr",
    },
]


def main() -> None:
    lines = []
    for record in RECORDS:
        text = (HERE / "sources" / record["source"]).read_text(encoding="utf-8").strip()
        if record["language"] == "fr":
            # French typography: no-break space as the thousands separator.
            text = re.sub(r"(?<=\d) (?=\d{3}\b)", "\u00a0", text)
        row = {key: value for key, value in record.items() if key != "source"}
        row["text"] = text
        ordered = {
            k: row[k] for k in ("id", "text", "url", "title", "published", "outlet", "language")
        }
        lines.append(json.dumps(ordered, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(lines)} records)")


if __name__ == "__main__":
    main()
