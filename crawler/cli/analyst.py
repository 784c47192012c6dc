"""Analysts' commands over an archive: search, stats and export. All read-only (serve is in serve.py)."""

from __future__ import annotations

import signal
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from archive.charts import chart_series, draw
from archive.columns import Column
from archive.export import FORMATS, rows, write_csv, write_jsonl, write_parquet, write_tsv
from archive.filters import Filters
from archive.outfile import replacing
from archive.query import LAST_CRAWL_SQL, STATS_SQL
from archive.query import search as run_search
from archive.query import stats as run_stats
from crawler.cli.documents import DOCUMENT_FORMATS, check_document_options, export_documents
from crawler.cli.options import (
    DB_OPTION,
    InputError,
    filter_options,
    format_option,
    open_readonly,
    output_format,
    stop_signals,
    user_errors,
)
from crawler.cli.output import counted, print_rows, print_sections

EVERY_FILTER = ("site", "author", "language", "since", "until")


@click.command()
@click.argument("query")
@DB_OPTION
@filter_options(*EVERY_FILTER)
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@format_option()
def search(query: str, db: Path, limit: int, fmt: str | None, **filters: Any) -> None:
    """Full-text search (FTS5, bm25-ranked) with highlighted snippets. QUERY may use FTS5 syntax
    ("exact phrase", OR, NEAR, prefix*, title:word); anything else is searched word by word. --since and
    --until compare publication dates."""
    conn = open_readonly(db)
    with user_errors():
        results = run_search(conn, query, Filters(**filters), limit)
    print_rows(results, output_format(fmt), f"{counted(len(results.records), 'result')} for {query!r}")


@click.command()
@DB_OPTION
@filter_options("site")
@click.option(
    "--section",
    "sections",
    multiple=True,
    type=click.Choice([*STATS_SQL, *LAST_CRAWL_SQL]),
    help="Print only this table; repeat it for several, printed in the order given.",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Draw posts per month (months without posts as 0), per author, per language and words per post over time"
    " into this .svg or .png file instead of printing tables.",
)
@format_option()
def stats(db: Path, site: str | None, sections: tuple[str, ...], plot: Path | None, fmt: str | None) -> None:
    """Posts per site, author, language and month; image caption coverage; the last crawls. As TSV or CSV each
    table is a `# name` line, its header and rows, and a blank line; --section prints one table alone (several,
    repeated); --plot draws the charts into a picture."""
    if plot:
        _plot(db, site, plot)
        return
    conn = open_readonly(db)
    with user_errors():
        result = run_stats(conn, site)
    if len(sections) == 1:
        print_rows(result[sections[0]], output_format(fmt), sections[0].replace("_", " "))
    elif sections:
        print_sections({name: result[name] for name in dict.fromkeys(sections)}, output_format(fmt))
    else:
        print_sections(result, output_format(fmt))


PLOT_FORMATS = {".svg": "svg", ".png": "png"}


def _plot(db: Path, site: str | None, out: Path) -> None:
    fmt = PLOT_FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise InputError(f"--plot {out}: name the picture .svg or .png")
    conn = open_readonly(db)
    with user_errors():
        series = chart_series(conn, site)
        picture = draw(series, fmt)
        with replacing(out) as partial:
            partial.write_bytes(picture)
    click.echo(f"{counted(int(sum(series[0].values)), 'post')} drawn into {out}", err=True)


@click.command()
@click.argument("out", type=click.Path(allow_dash=True))
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted({*FORMATS.values(), *DOCUMENT_FORMATS})),
    help="Default: from OUT's extension (.jsonl or .ndjson, .csv, .tsv, .parquet, .epub); needed for '-' and for"
    " markdown (OUT a folder).",
)
@click.option("--table", help="Any table or view of the archive (default: articles; not for markdown or epub).")
@filter_options(*EVERY_FILTER)
@click.option("--bom", is_flag=True, help="CSV: start with a UTF-8 byte order mark (for spreadsheet programs).")
@click.option(
    "--media",
    type=click.Path(file_okay=False, path_type=Path),
    help="markdown, epub: the folder the crawl saved the posts' images in (crawl --media); they go beside the posts.",
)
def export(
    out: str, db: Path, fmt: str | None, table: str | None, bom: bool, media: Path | None, **filters: Any
) -> None:
    """Export a table or view, streaming, to OUT ('-' for stdout; not for parquet); or a site's posts as a folder
    of Markdown files (--format markdown) or an e-book (--format epub). --since and --until compare the table's
    date: published, else fetched_at, started or at."""
    fmt = fmt or _format_of(out)
    if fmt in DOCUMENT_FORMATS:
        check_document_options(out, fmt, table is not None, bom, media)
        conn = open_readonly(db)
        with _stopped_cleanly(out, kept="each file written so far is whole" if fmt == "markdown" else None):
            click.echo(export_documents(conn, Path(out), fmt, Filters(**filters), media), err=True)
        return
    if media is not None:
        raise InputError(f"--media applies to --format markdown and epub, not {fmt}")
    table = table or "articles"
    if fmt == "parquet" and out == "-":
        raise InputError("OUT '-': parquet needs a file, not stdout")
    if bom and fmt != "csv":
        raise InputError(f"--bom applies to CSV only, not {fmt}")
    conn = open_readonly(db)
    with user_errors():
        columns, data = rows(conn, table, Filters(**filters))
    with _stopped_cleanly(out), user_errors():
        count, unreadable = _write(out, fmt, columns, data, bom)
    for column, number in unreadable.items():
        click.echo(f"warning: {number} values of {table}.{column} did not parse; written as null", err=True)
    if out != "-":
        click.echo(f"{count} rows of {table} written to {out}", err=True)


def _write(
    out: str, fmt: str, columns: list[Column], data: Iterator[tuple[Any, ...]], bom: bool
) -> tuple[int, Counter[str]]:
    """The rows to stdout, or into OUT once all are written (archive/outfile.py); how many, and per column how many
    times parquet could not read a value as its type."""
    text_writers = {
        "csv": lambda handle: write_csv(handle, columns, data, bom),
        "tsv": lambda handle: write_tsv(handle, columns, data),
        "jsonl": lambda handle: write_jsonl(handle, columns, data),
    }
    if out == "-":
        return text_writers[fmt](sys.stdout), Counter()
    with replacing(Path(out)) as partial:
        if fmt == "parquet":
            return write_parquet(str(partial), columns, data)
        with open(partial, "w", encoding="utf-8", newline="") as handle:  # newline="": csv ends rows itself
            return text_writers[fmt](handle), Counter()


def _format_of(out: str) -> str:
    if out == "-":
        raise InputError("OUT '-' (stdout): give --format jsonl, csv or tsv")
    fmt = {**FORMATS, ".epub": "epub"}.get(Path(out).suffix.lower())
    if fmt is None:
        raise InputError(
            f"OUT {out!r}: cannot tell the format from its extension; name it .jsonl, .csv, .tsv, .parquet or"
            " .epub, or give --format (markdown for a folder)"
        )
    return fmt


@contextmanager
def _stopped_cleanly(out: str, kept: str | None = None) -> Iterator[None]:
    """Ctrl-C or SIGTERM during an export: one line, and the exit status a shell gives a command that signal ended
    (130, 143) — OUT as it was before (or, for a folder, `kept`), the partial file removed (archive/outfile.py)."""
    with stop_signals() as stop:
        try:
            yield
        except KeyboardInterrupt:
            kept = "" if out == "-" else f"; {kept or f'{out} is as it was before'}"
            click.echo(f"export stopped{kept}", err=True)
            sys.exit(128 + (stop.signum or signal.SIGINT))
