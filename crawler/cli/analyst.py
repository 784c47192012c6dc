"""Analysts' commands over an archive: search, stats, export, serve. All read-only."""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO, Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from archive import ArchiveError
from archive.export import EXPORTABLE, column_types, rows, write_csv, write_jsonl, write_parquet
from archive.query import Filters, connect_readonly
from archive.query import search as run_search
from archive.query import stats as run_stats

DB_OPTION = click.option("--db", type=click.Path(path_type=Path), default=Path("archive.db"), show_default=True)
FORMATS = click.Choice(["table", "json", "csv"])


def open_archive(db: Path) -> Any:
    try:
        return connect_readonly(db)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc


def print_rows(records: list[dict[str, Any]], fmt: str, title: str = "") -> None:
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]) if records else [])
        writer.writeheader()
        writer.writerows(records)
    else:
        Console().print(rich_table(records, title))


def rich_table(records: list[dict[str, Any]], title: str = "") -> Table:
    table = Table(*(records[0] if records else ["(no rows)"]), title=title or None)
    for record in records:
        table.add_row(*("" if v is None else escape(str(v)) for v in record.values()))  # snippets hold [ ]
    return table


def filter_options(function: Any) -> Any:
    for option in reversed((
        click.option("--site", help="Only this site (host name)."),
        click.option("--author", help="Only posts whose author contains this text."),
        click.option("--lang", "language", help="Only this language (ISO 639-1)."),
        click.option("--since", help="Published on or after this date (YYYY-MM-DD)."),
        click.option("--until", help="Published on or before this date (YYYY-MM-DD)."),
    )):  # fmt: skip
        function = option(function)
    return function


@click.command()
@click.argument("query")
@DB_OPTION
@filter_options
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def search(query: str, db: Path, limit: int, fmt: str, **filters: Any) -> None:
    """Full-text search (FTS5, bm25-ranked) with highlighted snippets. QUERY may use FTS5 syntax
    ("exact phrase", OR, NEAR, prefix*, title:word); anything else is searched word by word."""
    results = run_search(open_archive(db), query, Filters(**filters), limit)
    print_rows(results, fmt, f"{len(results)} results for {query!r}")


@click.command()
@DB_OPTION
@click.option("--site", help="Only this site (host name).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(db: Path, site: str | None, fmt: str) -> None:
    """Posts per site, author, language and month; image caption coverage; the last crawls."""
    result = run_stats(open_archive(db), site)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    console = Console()
    for name, records in result.items():
        console.print(rich_table(records, name.replace("_", " ")))


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True))
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), required=True)
@click.option("--table", type=click.Choice(EXPORTABLE), default="articles", show_default=True)
@filter_options
@click.option("--bom", is_flag=True, help="CSV: start with a UTF-8 byte order mark (for spreadsheet programs).")
def export(out: str, db: Path, fmt: str, table: str, bom: bool, **filters: Any) -> None:
    """Export a table or view, streaming, to OUT ('-' for stdout; not for parquet)."""
    conn = open_archive(db)
    columns, data = rows(conn, table, Filters(**filters))
    if fmt == "parquet":
        if out == "-":
            raise click.BadParameter("parquet needs a file, not stdout", param_hint="OUT")
        count = write_parquet(out, column_types(conn, table), data)
    else:
        with _output(out) as handle:
            count = write_csv(handle, columns, data, bom) if fmt == "csv" else write_jsonl(handle, columns, data)
    if out != "-":
        click.echo(f"{count} rows of {table} written to {out}", err=True)


@contextmanager
def _output(out: str) -> Iterator[IO[str]]:
    if out == "-":
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as handle:  # newline="": the csv module ends rows itself
        yield handle


@click.command()
@DB_OPTION
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(db: Path, port: int, host: str) -> None:
    """Browse the archive in Datasette, read-only (immutable mode), with descriptions, facets and canned
    queries (posts per month, top authors, captions containing a word, changed posts)."""
    open_archive(db).close()
    metadata = json.loads(resources.files("archive").joinpath("datasette_metadata.json").read_text("utf-8"))
    metadata["databases"] = {db.stem: metadata["databases"]["*"]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(metadata, handle)
    command = [sys.executable, "-m", "datasette", "serve", "-i", str(db), "--metadata", handle.name,
               "--host", host, "--port", str(port)]  # fmt: skip
    server = subprocess.Popen(command)
    # A service manager stops us with SIGTERM, which reaches only this process: pass it on, or Datasette outlives
    # us. Ctrl-C reaches both (one process group), so we just wait for Datasette to finish.
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        sys.exit(server.wait())
    except KeyboardInterrupt:
        sys.exit(server.wait())
    finally:
        Path(handle.name).unlink(missing_ok=True)
