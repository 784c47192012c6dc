"""The people behind a site: one `authors` row per person, whatever page showed them, and their changes as versions.

A person is found again by their author page URL first (a renamed author keeps their row; the site's home page,
where themes link every author without a page of their own, names no one), then by their name on the site. A post
page's byline, its author box and the person's own author page each complete the row: a field a page shows fills
or replaces the stored one, a field it lacks keeps its stored value, profile links add up. Their author page URL,
once known, stays: it is who they are (a multilingual site's /de/authors/x/ is the same person). When a shown
name, bio or avatar replaces a different stored one, the stored state is first kept in `author_versions`, as a
changed post's is in `article_versions` — once a run: a state this run stored (the person new, or changed) is its
own reading, which its other pages complete in place. The article count is updated in place: it grows
with every post, which is no change of the person.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any
from urllib.parse import urlsplit

from archive import changes
from archive.connection import Connection
from archive.pages import site_of

VERSIONED = ("name", "bio", "avatar_url")
_FIELDS = (*VERSIONED, "url", "article_count", "links")


class People(Connection):
    def save_author_page(self, run_id: int, url: str, person: dict[str, Any], fetched_at: str) -> int:
        """The person an author page (`url`) is about, as extraction read it (Article.author_box), seen by run
        `run_id`."""
        with self._tx():
            shown = {**person, "url": person.get("url") or url}
            return upsert_person(self.conn, run_id, site_of(url), shown, fetched_at)


def upsert_person(conn: sqlite3.Connection, run_id: int, site: str, person: dict[str, Any], seen_at: str) -> int:
    """The row id of `person` ({name, url, bio, avatar_url, article_count, links}) on `site`, inserted or
    completed as seen at `seen_at` by run `run_id` (a new person, a changed one: a change of the run)."""
    row = _find(conn, site, person)
    shown = {k: person.get(k) for k in _FIELDS if person.get(k) not in (None, "", [])}
    if row is None:
        shown["links"] = json.dumps(shown.get("links") or [], ensure_ascii=False)
        columns = {"site": site, **shown, "first_seen": seen_at, "last_seen": seen_at}
        author_id = conn.execute(
            f"INSERT INTO authors ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            list(columns.values()),
        ).lastrowid
        changes.note(
            conn, run_id, site, "person", "new", url=shown.get("url"), title=shown["name"], author_id=author_id
        )
        return author_id
    stored_links = json.loads(row["links"] or "[]")
    links = list(dict.fromkeys([*stored_links, *(shown.pop("links", None) or [])]))
    if row["url"]:
        shown.pop("url", None)  # their page, as first seen, is who they are: a translation's /de/authors/x/ is not news
    if shown.get("name") and _name_taken(conn, site, shown["name"], row["id"]):
        shown.pop("name")  # another row has that name: this page's name for the person is not theirs alone
    if shown.get("name") and row["name"] and _labelled(shown["name"], row["name"]):
        shown.pop("name")  # their stored name behind a label that extraction did not know ("Autorenarchiv: Ann")
    if shown.get("name") and row["name"] and _straight(shown["name"]) == _straight(row["name"]):
        shown.pop("name")  # the stored name in other quotes: WordPress curls an author page's title, not a byline
    changed = [k for k in VERSIONED if k in shown and row[k] not in (None, "") and shown[k] != row[k]]
    noted = _noted(conn, run_id, row["id"]) if changed else None
    if noted is not None:  # the stored state is this run's (its pages show the person in several states)
        _renote(conn, noted, row, shown)
    elif changed:
        version = _keep_version(conn, row, seen_at, changed)
        said = "; ".join(f"{field} changed" for field in changed)
        name = shown.get("name") or row["name"]
        url = row["url"] or shown.get("url")
        changes.note(
            conn,
            run_id,
            site,
            "person",
            "changed",
            url=url,
            title=name,
            author_id=row["id"],
            version=version,
            fields=changed,
            summary=said,
        )
    update = {**shown, "links": json.dumps(links, ensure_ascii=False), "last_seen": seen_at}
    conn.execute(
        f"UPDATE authors SET {', '.join(f'{k} = ?' for k in update)} WHERE id = ?", [*update.values(), row["id"]]
    )
    return row["id"]


def _find(conn: sqlite3.Connection, site: str, person: dict[str, Any]) -> sqlite3.Row | None:
    if person.get("url") and not _site_home(person["url"], site):
        found = conn.execute(
            "SELECT * FROM authors WHERE site = ? AND url = ? ORDER BY id LIMIT 1", (site, person["url"])
        ).fetchone()
        if found is not None:
            return found
    found = conn.execute("SELECT * FROM authors WHERE site = ? AND name = ?", (site, person["name"])).fetchone()
    if found is None:
        found = conn.execute(
            "SELECT * FROM authors WHERE site = ? AND replace(replace(name, char(8217), ?), char(8216), ?) = ?"
            " ORDER BY id",
            (site, "'", "'", _straight(person["name"])),
        ).fetchone()
    return found


def _straight(name: str) -> str:
    """`name` with straight apostrophes: WordPress's wptexturize curls them in titles — an author page's, "Author:
    Daniel O’Connor" — and not in a byline's name, "Daniel O'Connor"; one person's name either way (the author page
    renamed the person the byline named, a new version, and a post naming them without a link, by the byline's
    spelling, made a second row)."""
    return name.replace("\u2019", "'").replace("\u2018", "'")


def _site_home(url: str, site: str) -> bool:
    """`url` is the site's own home page: no one person's address. Jekyll's Minimal Mistakes links each post's
    author, the owner or a guest, to the home page when no page of their own is configured."""
    parts = urlsplit(url)
    return parts.netloc.lower() == site and parts.path in ("", "/") and not parts.query


def _labelled(shown: str, stored: str) -> bool:
    """`shown` is `stored` behind a label and a colon: the heading of an author page in a label extraction does not
    know (a theme's or a translation's "Author Archives: Ann Lee"), which replaced the name every post's byline
    gave, and back again on the next post — a new version of the person each time."""
    return re.fullmatch(r".+[:：]\s*" + re.escape(stored), shown) is not None


def _name_taken(conn: sqlite3.Connection, site: str, name: str, row_id: int) -> bool:
    found = conn.execute("SELECT 1 FROM authors WHERE site = ? AND name = ? AND id != ?", (site, name, row_id))
    return found.fetchone() is not None


def _noted(conn: sqlite3.Connection, run_id: int, author_id: int) -> sqlite3.Row | None:
    """This run's change of the person (new or changed), if it noted one: the state it stored is its own reading,
    which another page of the same crawl completes in place — no version per page (a byline's line read as a bio
    on one theme's pages differed on each: a dozen versions of one person in one crawl)."""
    return conn.execute(
        "SELECT id, change, version FROM changes WHERE run_id = ? AND author_id = ? AND subject = 'person'"
        " ORDER BY id DESC LIMIT 1",
        (run_id, author_id),
    ).fetchone()


def _renote(conn: sqlite3.Connection, noted: sqlite3.Row, row: sqlite3.Row, shown: dict[str, Any]) -> None:
    """This run's change `noted` of the person `row`, now to `shown`: a changed one names the fields that differ
    from the version it kept (none left: the note stays as it was)."""
    if noted["change"] != "changed" or noted["version"] is None:
        return
    kept = conn.execute(
        "SELECT * FROM author_versions WHERE author_id = ? AND version = ?", (row["id"], noted["version"])
    ).fetchone()
    after = {k: shown.get(k, row[k]) for k in VERSIONED}
    if kept is None or not (fields := [k for k in VERSIONED if kept[k] not in (None, "") and after[k] != kept[k]]):
        return
    summary = "; ".join(f"{field} changed" for field in fields)
    conn.execute(
        "UPDATE changes SET title = ?, fields = ?, summary = ? WHERE id = ?",
        (after["name"] or row["name"], json.dumps(fields), summary, noted["id"]),
    )


def _keep_version(conn: sqlite3.Connection, row: sqlite3.Row, seen_at: str, changed: list[str]) -> int:
    version = conn.execute(
        "SELECT coalesce(max(version), 0) + 1 FROM author_versions WHERE author_id = ?", (row["id"],)
    ).fetchone()[0]
    conn.execute(
        "INSERT INTO author_versions (author_id, version, name, bio, url, avatar_url, links, seen_until, changed)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row["id"],
            version,
            row["name"],
            row["bio"],
            row["url"],
            row["avatar_url"],
            row["links"],
            seen_at,
            json.dumps(changed),
        ),
    )
    return version
