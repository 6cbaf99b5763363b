"""Ingest: read files, folders, globs, stdin, URLs and feeds into ``RawDocument``s.

Entry point: ``read_sources(inputs, *, settings) -> Iterator[RawDocument | IngestFailure]``.
Only ``ingest.fetch`` touches the network.
"""
