"""Tab-separated values, one record per line whatever the cells hold: a tab, newline, carriage return or
backslash inside a cell is written as \\t, \\n, \\r or \\\\ (the convention of PostgreSQL's COPY and of `cut`-friendly
TSV), NULL as an empty cell."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def write_tsv_row(out: IO[str], values: Iterable[Any]) -> None:
    out.write("\t".join("" if value is None else str(value).translate(ESCAPES) for value in values) + "\n")
