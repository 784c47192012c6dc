"""Printing rows for people and for programs: a rich table on a terminal (long values wrap, never cut), and
TSV, CSV or JSON in full (TSV by default when stdout is a pipe or a file). CSV and TSV always start with their
header, even with no rows; JSON keeps lists as lists and numbers as numbers."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from archive.query import Rows
from archive.tsv import write_tsv_row


def print_rows(rows: Rows, fmt: str, title: str = "") -> None:
    if fmt == "json":
        click.echo(json.dumps(rows.records, ensure_ascii=False, indent=2))
    elif fmt in ("csv", "tsv"):
        write_delimited(rows, fmt)
    else:
        Console().print(rich_table(rows, title))


def print_sections(sections: dict[str, Rows], fmt: str) -> None:
    """Several named results: a JSON object of lists, or one table (CSV and TSV: a `# name` line, the rows and
    a blank line) per name."""
    if fmt == "json":
        click.echo(json.dumps({name: rows.records for name, rows in sections.items()}, ensure_ascii=False, indent=2))
        return
    console = Console()
    for number, (name, rows) in enumerate(sections.items()):
        if fmt == "table":
            console.print(rich_table(rows, name.replace("_", " ")))
            continue
        sys.stdout.write(("\n" if number else "") + f"# {name}\n")
        write_delimited(rows, fmt)


def write_delimited(rows: Rows, fmt: str) -> None:
    cells = [[_cell(record[column]) for column in rows.columns] for record in rows.records]
    if fmt == "tsv":
        for values in [rows.columns, *cells]:
            write_tsv_row(sys.stdout, values)
        return
    writer = csv.writer(sys.stdout)
    writer.writerow(rows.columns)
    writer.writerows(cells)


def rich_table(rows: Rows, title: str = "") -> Table:
    table = Table(title=title or None)
    for column in rows.columns or ["(no rows)"]:
        table.add_column(column, overflow="fold")  # a URL wraps at the edge instead of ending in "…"
    for record in rows.records:
        table.add_row(*(escape(_cell(record[column], ", ")) for column in rows.columns))  # snippets hold [ ]
    return table


def _cell(value: Any, joiner: str = "") -> str:
    """A value as one cell's text: a list as JSON (or joined, for people), NULL as empty."""
    if isinstance(value, list):
        return joiner.join(map(str, value)) if joiner else json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def counted(number: int, noun: str) -> str:
    """`1 result`, `2 results`, `0 results`: a count with its noun (one that takes an -s)."""
    return f"{number} {noun}{'s' * (number != 1)}"
