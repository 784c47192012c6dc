"""The narrowing shared by search, export, stats, reextract and verify: by site, author, language and date.

A filter that names nothing in the archive (a mistyped site) or that the chosen table has no column for is an
error, never an empty or an unfiltered result. Dates are ISO 8601 — a date, or a date and time with or without an
offset — and compare as instants in UTC through SQLite's datetime(): '2024-05-01T10:00:00+02:00' is 08:00 UTC.
A time without an offset is taken as UTC. A date as --until takes in that whole day.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from archive.errors import FilterError

SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S"  # what SQLite's datetime() returns, so the two compare as text
# A row's date, by table: the first of these columns it has.
DATE_COLUMNS = ("published", "fetched_at", "started", "at")
# The columns of articles the filters read (search and stats filter posts).
POST_COLUMNS = ("site", "author", "language", "published")
# Is {url} on host {site}? (crawl_errors and pages have no site column.)
ON_SITE = "instr({url} || '/', '://' || {site} || '/') > 0"


@dataclass(frozen=True)
class Moment:
    """A --since or --until bound: `utc` as SQLite's datetime() writes it; `day` when only a date was given."""

    text: str
    utc: str
    day: bool

    @property
    def day_after(self) -> str:
        return (datetime.strptime(self.utc, SQLITE_DATETIME) + timedelta(days=1)).strftime(SQLITE_DATETIME)


def parse_moment(text: str) -> Moment:
    """An ISO 8601 date or date and time, or FilterError naming the text and the forms accepted."""
    value = text.strip()
    try:
        return Moment(
            text, datetime.combine(date.fromisoformat(value), datetime.min.time()).strftime(SQLITE_DATETIME), day=True
        )
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise FilterError(
            f"{text!r} is not an ISO 8601 date or date and time; write e.g. 2024-05-01 or 2024-05-01T14:30:00+02:00"
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return Moment(text, moment.strftime(SQLITE_DATETIME), day=False)


@dataclass
class Filters:
    """All optional, combined with AND."""

    site: str | None = None
    author: str | None = None  # a part of the byline, any case
    language: str | None = None
    since: Moment | None = None  # inclusive
    until: Moment | None = None  # inclusive (a date: the whole day)

    def __post_init__(self) -> None:
        self.site = self.site.strip().lower() if self.site else None
        self.language = self.language.strip().lower() if self.language else None

    def given(self) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name)]

    def where(self, alias: str, columns: Sequence[str] | None = None) -> tuple[list[str], list[Any]]:
        """SQL conditions on `alias` and their parameters; FilterError when a given filter has no column here.
        Without `columns`, `alias` is articles read as posts (search, stats, charts, a site's posts): the rows
        retired as no posts by today's rules are left out, as v_posts leaves them out."""
        posts = columns is None
        columns = POST_COLUMNS if columns is None else columns
        self.require(columns)
        clauses, params = ([f"{alias}.retired_at IS NULL"] if posts else []), []
        for column in ("site", "language"):
            if value := getattr(self, column):
                clauses.append(f"{alias}.{column} = ?")
                params.append(value)
        if self.author:
            clauses.append(f"{alias}.author LIKE ?")
            params.append(f"%{self.author}%")
        dated = f"datetime({alias}.{date_column(columns)})"
        if self.since:
            clauses.append(f"{dated} >= ?")
            params.append(self.since.utc)
        if self.until:
            clauses.append(f"{dated} < ?" if self.until.day else f"{dated} <= ?")
            params.append(self.until.day_after if self.until.day else self.until.utc)
        return clauses, params

    def require(self, columns: Sequence[str], table: str = "") -> None:
        """FilterError for the first given filter that `columns` (a table's) cannot answer."""
        for name in self.given():
            column = date_column(columns) if name in ("since", "until") else name
            if column not in columns:
                wanted = f"date column ({', '.join(DATE_COLUMNS)})" if name in ("since", "until") else f"{name} column"
                option = "--lang" if name == "language" else f"--{name}"
                raise FilterError(f"{option} does not apply to {table or 'this table'}: it has no {wanted}")

    def check(self, conn: sqlite3.Connection) -> None:
        """FilterError when --site, --author or --lang matches nothing in the archive, naming what there is."""
        if self.site and not _site_known(conn, self.site):
            raise FilterError(f"--site {self.site!r} matches no site in the archive{_some(conn, 'site')}")
        if (
            self.author
            and not conn.execute("SELECT 1 FROM articles WHERE author LIKE ? LIMIT 1", (f"%{self.author}%",)).fetchone()
        ):
            raise FilterError(f"--author {self.author!r} matches no post's author{_some(conn, 'name', 'authors')}")
        if (
            self.language
            and not conn.execute("SELECT 1 FROM articles WHERE language = ? LIMIT 1", (self.language,)).fetchone()
        ):
            raise FilterError(f"--lang {self.language!r} matches no post's language{_some(conn, 'language')}")


def date_column(columns: Sequence[str]) -> str:
    return next((column for column in DATE_COLUMNS if column in columns), DATE_COLUMNS[0])


def _site_known(conn: sqlite3.Connection, site: str) -> bool:
    """A site with posts, or whose pages were fetched (its crawl may have archived nothing yet)."""
    return bool(
        conn.execute("SELECT 1 FROM articles WHERE site = ? LIMIT 1", (site,)).fetchone()
        or conn.execute(f"SELECT 1 FROM pages WHERE {ON_SITE.format(url='url', site='?')} LIMIT 1", (site,)).fetchone()
    )


def _some(conn: sqlite3.Connection, column: str, table: str = "articles", shown: int = 8) -> str:
    """'; the archive has: a, b, c …' — the most frequent values of a column."""
    values = [
        value
        for (value,) in conn.execute(
            f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL GROUP BY {column} ORDER BY count(*) DESC LIMIT ?",
            (shown + 1,),
        )
    ]
    if not values:
        return "; the archive has no posts yet"
    more = " …" if len(values) > shown else ""
    return f"; the archive has: {', '.join(values[:shown])}{more}"
