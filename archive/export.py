"""Streaming export of any table or view of an archive: rows go from a cursor to the file in batches, so memory
stays flat whatever the archive's size.

Types survive where the format has them: JSON lines get JSON lists as lists, numbers as numbers and NULL as null;
Parquet gets list<string> (list<struct> for a version's images), int64, float64 and UTC timestamps. CSV and TSV
keep lists as JSON text. Binary cells (raw page bodies, frontier requests) are base64 text outside Parquet.
"""

from __future__ import annotations

import base64
import csv
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any

from archive.columns import Column, decode_lists, describe, json_list, to_timestamp
from archive.database import database
from archive.errors import FilterError
from archive.filters import Filters
from archive.tsv import write_tsv_row

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".parquet": "parquet"}
# Rows per fetchmany. Small because a post row (text + markdown) can be 100 KB: memory is bounded by bytes in
# flight, measured flat from 500 to 10,000 posts (a 600 MB archive) at 100 and growing with row size at 1000.
BATCH = 100
# A parquet row group ends at whichever comes first: readers want large groups, memory wants bounded ones.
ROW_GROUP_ROWS = 10_000
ROW_GROUP_BYTES = 16 * 1024 * 1024


def exportable(conn: sqlite3.Connection) -> list[str]:
    """Every table and view of the archive (tables first, each by name) but SQLite's own and the full-text
    index's: articles_fts, its shadow tables and its queue (articles_fts_pending)."""
    db = database(conn)
    tables = [name for name in db.table_names() if not name.startswith(("sqlite_", "articles_fts"))]
    return sorted(tables) + sorted(db.view_names())


def rows(conn: sqlite3.Connection, table: str, filters: Filters) -> tuple[list[Column], Iterator[tuple[Any, ...]]]:
    """The table's columns and a row iterator. FilterError for an unknown table, a filter the table has no
    column for, or one that matches nothing in the archive."""
    tables = exportable(conn)
    if table not in tables:
        raise FilterError(f"--table {table!r} is no table or view of the archive; choose one of: {', '.join(tables)}")
    columns = describe(conn, table)
    filters.require([c.name for c in columns], table)
    filters.check(conn)
    clauses, params = filters.where("t", [c.name for c in columns])
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    cursor = conn.execute(f'SELECT * FROM "{table}" t{where}', params)
    cursor.arraysize = BATCH
    return columns, _batches(cursor)


def _batches(cursor: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    while batch := cursor.fetchmany():
        yield from (tuple(row) for row in batch)


def _text(value: Any) -> Any:
    return base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value


def write_jsonl(out: IO[str], columns: list[Column], data: Iterator[tuple[Any, ...]]) -> int:
    names = [c.name for c in columns]
    lists = [c.name for c in columns if c.kind == "list"]
    count = 0
    for count, row in enumerate(data, start=1):  # noqa: B007 (count is the result)
        record = decode_lists(dict(zip(names, map(_text, row), strict=True)), lists)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def write_csv(out: IO[str], columns: list[Column], data: Iterator[tuple[Any, ...]], bom: bool = False) -> int:
    if bom:
        out.write("\ufeff")  # lets spreadsheet programs detect UTF-8
    writer = csv.writer(out)
    writer.writerow([c.name for c in columns])
    count = 0
    for count, row in enumerate(data, start=1):  # noqa: B007
        writer.writerow(map(_text, row))
    return count


def write_tsv(out: IO[str], columns: list[Column], data: Iterator[tuple[Any, ...]]) -> int:
    write_tsv_row(out, [c.name for c in columns])
    count = 0
    for count, row in enumerate(data, start=1):  # noqa: B007
        write_tsv_row(out, map(_text, row))
    return count


def write_parquet(path: str, columns: list[Column], data: Iterator[tuple[Any, ...]]) -> tuple[int, Counter[str]]:
    """Parquet (pyarrow) in row groups bounded by rows and bytes; the schema comes from the columns, so a group of
    NULLs cannot make a column's type differ between groups. Also returns, per timestamp column, how many
    values did not parse as what the column holds (written as null)."""
    import pyarrow.parquet as pq

    schema = arrow_schema(columns)
    count, batch, size, unreadable = 0, [], 0, Counter()
    with pq.ParquetWriter(path, schema) as writer:
        for row in data:
            batch.append(row)
            size += sum(len(value) for value in row if isinstance(value, str | bytes))
            if len(batch) >= ROW_GROUP_ROWS or size >= ROW_GROUP_BYTES:
                writer.write_table(_table(schema, columns, batch, unreadable))
                count, batch, size = count + len(batch), [], 0
        if batch:
            writer.write_table(_table(schema, columns, batch, unreadable))
            count += len(batch)
    return count, unreadable


def arrow_schema(columns: list[Column]) -> Any:
    import pyarrow as pa

    def arrow_type(column: Column) -> Any:
        if column.kind == "list":
            items = column.items
            if items == "string":
                return pa.list_(pa.string())
            return pa.list_(pa.struct([(name, scalars.get(kind, pa.string())) for name, kind in items]))
        return scalars.get(column.kind, pa.string())

    scalars = {
        "integer": pa.int64(),
        "real": pa.float64(),
        "blob": pa.binary(),
        "timestamp": pa.timestamp("us", "UTC"),
    }

    return pa.schema([(c.name, arrow_type(c)) for c in columns])


def _table(schema: Any, columns: list[Column], batch: list[tuple[Any, ...]], unreadable: Counter[str]) -> Any:
    import pyarrow as pa

    arrays = []
    for i, (field, column) in enumerate(zip(schema, columns, strict=True)):
        values = [_typed(row[i], column, unreadable) for row in batch]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _typed(value: Any, column: Column, unreadable: Counter[str]) -> Any:
    """The value as its Parquet column takes it; a list or a time that does not parse is null, and counted."""
    if value is None:
        return None
    if column.kind == "text":
        return str(value)
    if column.kind not in ("list", "timestamp"):
        return value
    typed = json_list(value) if column.kind == "list" else to_timestamp(value)
    parsed = isinstance(typed, list) if column.kind == "list" else typed is not None
    if not parsed and value != "":
        unreadable[column.name] += 1
    return typed if parsed else None
