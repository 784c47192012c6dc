"""Streaming export of archive tables: rows go from a cursor to the file in batches, so memory stays flat
whatever the archive's size."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

from archive.errors import ArchiveError
from archive.query import Filters

EXPORTABLE = ("articles", "authors", "images", "comments", "article_versions", "pages", "crawl_runs",
              "crawl_errors", "v_posts", "v_images", "v_monthly")  # fmt: skip
# Rows per fetchmany. Small because a post row (text + markdown) can be 100 KB: memory is bounded by bytes in
# flight, measured flat from 500 to 10,000 posts (a 600 MB archive) at 100 and growing with row size at 1000.
BATCH = 100
# A parquet row group ends at whichever comes first: readers want large groups, memory wants bounded ones.
ROW_GROUP_ROWS = 10_000
ROW_GROUP_BYTES = 16 * 1024 * 1024


def column_types(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column name → declared SQLite type ('' for view columns)."""
    return {row[1]: (row[2] or "").upper() for row in conn.execute(f"PRAGMA table_info({table})")}


def rows(conn: sqlite3.Connection, table: str, filters: Filters) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Column names and a row iterator; filters apply to the columns the table has."""
    if table not in EXPORTABLE:
        raise ArchiveError(f"cannot export {table!r}; choose one of: {', '.join(EXPORTABLE)}")
    columns = list(column_types(conn, table))
    clauses, params = filters.where("t")
    usable = [(c, p) for c, p in zip(clauses, params, strict=True) if c.split(".")[1].split(" ")[0] in columns]
    where = (" WHERE " + " AND ".join(c for c, _ in usable)) if usable else ""
    cursor = conn.execute(f"SELECT * FROM {table} t{where}", [p for _, p in usable])
    cursor.arraysize = BATCH
    return columns, _batches(cursor)


def _batches(cursor: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    while batch := cursor.fetchmany():
        yield from (tuple(row) for row in batch)


def write_jsonl(out: IO[str], columns: list[str], data: Iterator[tuple[Any, ...]]) -> int:
    count = 0
    for count, row in enumerate(data, start=1):  # noqa: B007 (count is the result)
        out.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
    return count


def write_csv(out: IO[str], columns: list[str], data: Iterator[tuple[Any, ...]], bom: bool = False) -> int:
    if bom:
        out.write("\ufeff")  # lets spreadsheet programs detect UTF-8
    writer = csv.writer(out)
    writer.writerow(columns)
    count = 0
    for count, row in enumerate(data, start=1):  # noqa: B007
        writer.writerow(row)
    return count


def write_parquet(path: str, types: dict[str, str], data: Iterator[tuple[Any, ...]]) -> int:
    """Parquet (pyarrow) in row groups bounded by rows and bytes; the schema comes from the declared SQLite
    types, so a group of NULLs cannot make a column's type differ between groups."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = {"INTEGER": pa.int64(), "REAL": pa.float64(), "BLOB": pa.binary()}
    schema = pa.schema([(name, arrow.get(kind, pa.string())) for name, kind in types.items()])
    count, batch, size = 0, [], 0
    with pq.ParquetWriter(path, schema) as writer:
        for row in data:
            batch.append(row)
            size += sum(len(value) for value in row if isinstance(value, str | bytes))
            if len(batch) >= ROW_GROUP_ROWS or size >= ROW_GROUP_BYTES:
                writer.write_table(_table(pa, schema, batch))
                count, batch, size = count + len(batch), [], 0
        if batch:
            writer.write_table(_table(pa, schema, batch))
            count += len(batch)
    return count


def _table(pa: Any, schema: Any, batch: list[tuple[Any, ...]]) -> Any:
    columns = []
    for i, field in enumerate(schema):
        values = [row[i] for row in batch]
        if field.type == pa.string():
            values = [None if v is None else str(v) for v in values]
        columns.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(columns, schema=schema)
