"""Model records to table rows and back.

One rule for every table: scalar fields are columns of the same name, tuple
fields (entities, ids, datings...) are JSON columns, booleans are 0/1. Driving it
from the dataclass fields means a field added to the model only needs a column
in a new migration, not new mapping code.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import sqlite3
import types
import typing
from collections.abc import Callable, Collection, Mapping
from typing import Any, TypeVar

from storycheck import model

T = TypeVar("T")

_SCALARS = (str, int, float, type(None))


def to_row(obj: Any, columns: Collection[str], *, exclude: Collection[str] = (), **extra: Any) -> dict[str, Any]:
    """Columns for ``obj``: its fields (nested values as JSON) plus ``extra`` (article, seq...).

    Fields the table has no column for (added to the model after the table's
    migration) go into its ``extra`` JSON column rather than failing the write.
    """
    row: dict[str, Any] = dict(extra)
    spill: dict[str, Any] = {}
    for name in _field_names(type(obj)):
        if name in exclude:
            continue
        value = getattr(obj, name)
        if name not in columns:
            spill[name] = plain(value)
        elif isinstance(value, bool):
            row[name] = int(value)
        elif isinstance(value, _SCALARS):
            row[name] = value
        else:
            row[name] = json.dumps(plain(value), ensure_ascii=False)
    if spill:
        if "extra" not in columns:
            raise KeyError(f"no column for {sorted(spill)} and no extra column")
        row["extra"] = json.dumps(spill, ensure_ascii=False, sort_keys=True)
    elif "extra" in columns:
        row["extra"] = "{}"
    return row


def from_row(cls: type[T], row: sqlite3.Row | Mapping[str, Any], **given: Any) -> T:
    """Rebuild ``cls`` from a row written by ``to_row``; ``given`` supplies fields kept in other tables."""
    keys = row.keys()
    record_type: Any = cls
    data: dict[str, Any] = {}
    spilled = json.loads(row["extra"]) if "extra" in keys and row["extra"] not in (None, "{}") else {}
    nested = _nested_fields(record_type)
    for name in _field_names(record_type):
        if name in given:
            data[name] = plain(given[name])
        elif name in keys:
            value = row[name]
            if name in nested and isinstance(value, str):
                value = () if value == "[]" else json.loads(value)  # most lists are empty: skip the parser
            data[name] = value
        elif name in spilled:
            data[name] = spilled[name]
    return typing.cast(T, _builder(record_type)(data))


def plain(obj: Any) -> Any:
    """Same output as ``serialize.to_dict``, several times faster (field names cached per class).

    The store converts every claim, entity and time expression on each save and
    load; the generic converter made saving 1,000 articles take seconds.
    """
    kind = type(obj)
    if kind in _PLAIN_SCALARS:
        return obj
    if kind is tuple or kind is list:
        return [plain(v) for v in obj]
    if kind is dict:
        return {str(k): plain(v) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj):
        return {name: plain(getattr(obj, name)) for name in _field_names(kind)}
    return obj


_PLAIN_SCALARS = frozenset({str, int, float, bool, type(None)})


_FIELD_NAMES: dict[Any, tuple[str, ...]] = {}


def _field_names(cls: Any) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


@functools.cache
def _nested_fields(cls: Any) -> frozenset[str]:
    # tuple fields and record-typed fields (Article.source) are stored as JSON
    hints = typing.get_type_hints(cls, vars(model))
    out = set()
    for name in _field_names(cls):
        tp = hints[name]
        args = [a for a in typing.get_args(tp) if a is not type(None)] if _is_union(tp) else [tp]
        if any(typing.get_origin(a) in (tuple, dict) or dataclasses.is_dataclass(a) for a in args):
            out.add(name)
    return frozenset(out)


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _same(value: Any) -> Any:
    return value


@functools.cache
def _builder(tp: Any) -> Callable[[Any], Any]:
    """A converter from plain data to ``tp``, compiled once per type (``serialize.from_dict`` semantics)."""
    record_type: Any = tp
    if dataclasses.is_dataclass(record_type):
        hints = typing.get_type_hints(record_type, vars(model))
        converters = [(name, _builder(hints[name])) for name in _field_names(record_type)]
        constructor: Any = tp  # a fresh name: is_dataclass narrowed record_type to an instance type

        def build_record(data: Any) -> Any:
            if data is None:
                return None
            return constructor(**{name: conv(data[name]) for name, conv in converters if name in data})

        return build_record
    if _is_union(tp):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) != 1:
            return _same
        inner = _builder(members[0])
        return lambda v: None if v is None else inner(v)
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _builder(args[0])
            if item is _same:
                return lambda v: None if v is None else tuple(v)
            return lambda v: None if v is None else tuple(item(x) for x in v)
        items = [_builder(a) for a in args]
        return lambda v: None if v is None else tuple(c(x) for c, x in zip(items, v, strict=False))
    if typing.get_origin(tp) is dict:
        return lambda v: None if v is None else dict(v)
    if tp is float:
        return lambda v: float(v) if isinstance(v, int) and not isinstance(v, bool) else v
    if tp is bool:
        return lambda v: None if v is None else bool(v)  # SQLite hands booleans back as 0/1
    return _same


def insert(conn: sqlite3.Connection, table: str, row: Mapping[str, Any], *, replace: bool = False) -> None:
    columns = ", ".join(f'"{name}"' for name in row)
    marks = ", ".join("?" for _ in row)
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    conn.execute(f"{verb} INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


def fingerprint(*parts: Any) -> str:
    """Hash of records' content, to tell "saved already, unchanged" from "changed".

    The repr of frozen dataclasses is deterministic and far cheaper than JSON; if
    it ever changed between Python versions the cost is one needless rewrite.
    """
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()
