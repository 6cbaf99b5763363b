"""Model records to table rows and back.

One rule for every table: scalar fields are columns of the same name, tuple
fields (entities, ids, datings...) are JSON columns, booleans are 0/1. Driving it
from the dataclass fields means a field added to the model only needs a column
in a new migration, not new mapping code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Collection, Iterable, Mapping
from typing import Any, TypeVar

from storycheck.serialize import from_dict, to_dict

T = TypeVar("T")

_SCALARS = (str, int, float, type(None))


def to_row(obj: Any, columns: Collection[str], *, exclude: Collection[str] = (), **extra: Any) -> dict[str, Any]:
    """Columns for ``obj``: its fields (nested values as JSON) plus ``extra`` (article, seq...).

    Fields the table has no column for (added to the model after the table's
    migration) go into its ``extra`` JSON column rather than failing the write.
    """
    row: dict[str, Any] = dict(extra)
    spill: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if f.name in exclude:
            continue
        value = getattr(obj, f.name)
        if f.name not in columns:
            spill[f.name] = to_dict(value)
        elif isinstance(value, bool):
            row[f.name] = int(value)
        elif isinstance(value, _SCALARS):
            row[f.name] = value
        else:
            row[f.name] = json.dumps(to_dict(value), ensure_ascii=False)
    if spill:
        if "extra" not in columns:
            raise KeyError(f"no column for {sorted(spill)} and no extra column")
        row["extra"] = json.dumps(spill, ensure_ascii=False, sort_keys=True)
    elif "extra" in columns:
        row["extra"] = "{}"
    return row


def from_row(cls: type[T], row: sqlite3.Row | Mapping[str, Any], *, skip: Iterable[str] = (), **given: Any) -> T:
    """Rebuild ``cls`` from a row written by ``to_row``; ``given`` supplies fields kept in other tables."""
    keys = row.keys()
    data: dict[str, Any] = {}
    skipped = set(skip)
    spilled = json.loads(row["extra"]) if "extra" in keys and row["extra"] else {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in skipped:
            continue
        if f.name not in keys:
            if f.name in spilled:
                data[f.name] = spilled[f.name]
            continue
        value = row[f.name]
        annotation = str(f.type)
        if annotation == "bool":
            value = bool(value)
        elif value is not None and isinstance(value, str) and _is_nested(annotation):
            value = json.loads(value)
        data[f.name] = value
    data.update(to_dict(given))
    return from_dict(cls, data)


def _is_nested(annotation: str) -> bool:
    # tuple[...] fields and record-typed fields (Article.source) are the JSON ones
    return annotation.startswith(("tuple[", "dict[")) or annotation in {"Source"}


def insert(conn: sqlite3.Connection, table: str, row: Mapping[str, Any], *, replace: bool = False) -> None:
    columns = ", ".join(f'"{name}"' for name in row)
    marks = ", ".join("?" for _ in row)
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    conn.execute(f"{verb} INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


def fingerprint(*parts: Any) -> str:
    """Hash of records' content, to tell "saved already, unchanged" from "changed"."""
    text = json.dumps([to_dict(p) for p in parts], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
