"""Ingest: read files, directories, JSONL, HTML and WARC into clean ``Article`` records."""
