"""Numbered schema migrations: ``MIGRATIONS[n - 1]`` takes the schema from version n-1 to n.

The version lives in ``PRAGMA user_version`` and each script runs in its own
transaction together with the version bump, so a crash leaves the database at
the previous version, never half-migrated. Append new scripts; never edit one
that has shipped.

Every record table has an ``extra`` JSON column: a field added to the model later
lands there until a migration gives it a column, so older schemas keep round-tripping.
Lists inside a record (entities of a claim, ids in a finding) are JSON columns:
they are always read with their row, and to_dict/from_dict keep them in step with
the model. Everything a caller looks things up by (ids, article, story, kind,
speaker, verdict) is a real column with an index.
"""

from __future__ import annotations

import sqlite3

# "SCK1": marks the file as a storycheck database, so we never migrate someone else's.
APPLICATION_ID = 0x53434B31

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, claims, stories, findings; watcher state and alerts
    f"PRAGMA application_id = {APPLICATION_ID};\n"
    """

    CREATE TABLE articles (
        extra TEXT NOT NULL DEFAULT '{}',
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        title TEXT, url TEXT, outlet TEXT, author TEXT, published TEXT,
        language TEXT NOT NULL, status TEXT NOT NULL, status_evidence TEXT, subtitle TEXT,
        body TEXT NOT NULL,
        source TEXT NOT NULL,
        headings TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    CREATE INDEX articles_sha256 ON articles(sha256);

    CREATE TABLE documents (
        extra TEXT NOT NULL DEFAULT '{}',
        article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        source TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        content TEXT NOT NULL,
        format TEXT NOT NULL,
        url TEXT, title TEXT, published TEXT, outlet TEXT, author TEXT
    );

    CREATE TABLE comments (
        extra TEXT NOT NULL DEFAULT '{}',
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL, author TEXT, text TEXT NOT NULL, reply_to TEXT,
        PRIMARY KEY (article, seq)
    );

    CREATE TABLE removed_lines (
        extra TEXT NOT NULL DEFAULT '{}',
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL, reason TEXT NOT NULL,
        PRIMARY KEY (article, seq)
    );

    CREATE TABLE extractions (
        extra TEXT NOT NULL DEFAULT '{}',
        article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        entities TEXT NOT NULL
    );

    CREATE TABLE claims (
        extra TEXT NOT NULL DEFAULT '{}',
        id TEXT PRIMARY KEY,
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        modality TEXT NOT NULL, checkworthiness REAL NOT NULL, checkworthiness_reasons TEXT NOT NULL,
        attribution TEXT, polarity TEXT NOT NULL,
        entities TEXT NOT NULL, times TEXT NOT NULL, quantities TEXT NOT NULL, quotes TEXT NOT NULL
    );
    CREATE INDEX claims_article ON claims(article, seq);

    CREATE TABLE quotes (
        extra TEXT NOT NULL DEFAULT '{}',
        id TEXT PRIMARY KEY,
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        speaker TEXT, target TEXT, claim TEXT, kind TEXT NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article, seq);
    CREATE INDEX quotes_speaker ON quotes(speaker);

    CREATE TABLE stories (
        extra TEXT NOT NULL DEFAULT '{}',
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        fingerprint TEXT NOT NULL,
        title TEXT NOT NULL,
        event_date TEXT
    );

    CREATE TABLE story_articles (
        story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article TEXT NOT NULL REFERENCES articles(id),
        seq INTEGER NOT NULL,
        PRIMARY KEY (story, article)
    );
    CREATE INDEX story_articles_article ON story_articles(article);

    CREATE TABLE findings (
        extra TEXT NOT NULL DEFAULT '{}',
        story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL,
        kind TEXT NOT NULL, field TEXT NOT NULL, independent_sources INTEGER NOT NULL,
        summary TEXT NOT NULL, score REAL NOT NULL,
        claims TEXT NOT NULL, articles TEXT NOT NULL, "values" TEXT NOT NULL, merged TEXT NOT NULL,
        PRIMARY KEY (story, id)
    );
    CREATE INDEX findings_kind ON findings(kind);

    CREATE TABLE timeline (
        extra TEXT NOT NULL DEFAULT '{}',
        story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        start TEXT, "end" TEXT, granularity TEXT, text TEXT NOT NULL,
        articles TEXT NOT NULL, claims TEXT NOT NULL,
        conflict INTEGER NOT NULL, datings TEXT NOT NULL, planned INTEGER NOT NULL,
        PRIMARY KEY (story, seq)
    );

    CREATE TABLE claim_checks (
        extra TEXT NOT NULL DEFAULT '{}',
        story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        claim TEXT NOT NULL, verdict TEXT NOT NULL,
        supporting TEXT NOT NULL, contradicting TEXT NOT NULL, related TEXT NOT NULL, findings TEXT NOT NULL,
        PRIMARY KEY (story, seq)
    );
    CREATE INDEX claim_checks_claim ON claim_checks(claim);

    CREATE TABLE feeds (
        extra TEXT NOT NULL DEFAULT '{}',
        url TEXT PRIMARY KEY,
        etag TEXT, last_modified TEXT, last_polled TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_poll TEXT, last_error TEXT
    );

    CREATE TABLE feed_entries (
        feed TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        article TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed, entry_id)
    );

    CREATE TABLE alerts (
        extra TEXT NOT NULL DEFAULT '{}',
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL, story TEXT NOT NULL, article TEXT NOT NULL, finding TEXT,
        message TEXT NOT NULL, created_at TEXT NOT NULL,
        delivered_at TEXT, attempts INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX alerts_pending ON alerts(delivered_at, seq);
    """,
)

LATEST = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """Split a script into statements (sqlite3.complete_statement knows about quotes and triggers).

    ``executescript`` cannot be used: it commits any open transaction first, and
    each migration must run inside one.
    """
    out: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out
