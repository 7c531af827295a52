"""Build demo/corpus/07-08-independent.warc.gz from the HTML pages in demo/sources/.

The WARC holds one ``warcinfo`` record and two ``response`` records, each an
HTTP/1.1 200 response with ``Content-Type: text/html; charset=utf-8``:

* ``07-continental-herald`` - independent day-1 report (conflicting toll: 41)
* ``08-eastbridge-post``    - independent day-4 report (revised toll, withdrawn figure)

Record ids, dates and HTTP headers are fixed, so the output is byte-for-byte
reproducible. Run: ``.venv/bin/python demo/make_warc.py``.
"""

from __future__ import annotations

import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
OUT = HERE / "corpus" / "07-08-independent.warc.gz"

# Fixed namespace so the record ids never change between runs.
NAMESPACE = uuid.UUID("5b0c1f9e-7d1a-4c2e-9a57-3e0f6c2b8d41")

WARCINFO_DATE = "2025-03-21T06:00:00Z"

PAGES = [
    {
        "id": "07-continental-herald",
        "file": "07-continental-herald.html",
        "uri": "https://continentalherald.example/world/asia/2025/mar/17/varkesh-orlek-dam-burst-byelozar",
        "warc_date": "2025-03-17T17:02:11Z",
        "http_date": "Mon, 17 Mar 2025 17:02:11 GMT",
    },
    {
        "id": "08-eastbridge-post",
        "file": "08-eastbridge-post.html",
        "uri": "https://eastbridgepost.example/world/varkesh-dam-toll-52-ministry-retracts-figure-20250320",
        "warc_date": "2025-03-20T14:31:47Z",
        "http_date": "Thu, 20 Mar 2025 14:31:47 GMT",
    },
]


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, name)}>"


def main() -> None:
    with OUT.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)

        info = writer.create_warcinfo_record(
            OUT.name,
            {
                "software": "storytrace demo/make_warc.py (warcio)",
                "format": "WARC File Format 1.1",
                "description": "storytrace demo: two independent reports on the Orlek Dam collapse",
                "isPartOf": "storytrace-demo",
            },
        )
        info.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo"))
        info.rec_headers.replace_header("WARC-Date", WARCINFO_DATE)
        writer.write_record(info)

        for page in PAGES:
            body = (SOURCES / page["file"]).read_bytes()
            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Date", page["http_date"]),
                    ("Server", "nginx"),
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Cache-Control", "max-age=60"),
                ],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                page["uri"],
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http_headers,
                warc_headers_dict={
                    "WARC-Record-ID": record_id(page["id"]),
                    "WARC-Date": page["warc_date"],
                    "WARC-Warcinfo-ID": record_id("warcinfo"),
                },
            )
            writer.write_record(record)
    print(f"wrote {OUT} ({len(PAGES)} response records)")


if __name__ == "__main__":
    main()
