"""Clean: turn a ``RawDocument`` into an ``Article`` (body, headings, comments, removed lines, status).

Entry point: ``clean(raw: RawDocument) -> Article`` (raises ``CleanError``).
"""
