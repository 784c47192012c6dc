"""Pages: every fetch (pages), its raw body stored once per distinct content (page_bodies), and what a recrawl
asks of them: validators for a conditional GET, whether a body is the one stored, the stored pages to re-extract."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from archive.connection import Connection, now

# The kinds of what the crawl fetched for a post besides its page (crawler/discovery/wordpress.py): pages 2..N of a
# split post, the REST API's answers about its comments, and the post's REST API entry (its date). Kept so that
# reextract builds the post whole again.
PART = "post-part"
COMMENTS_API = "comments-api"
POST_API = "post-api"


class Pages(Connection):
    def record_page(self, run_id: int, page: dict[str, Any]) -> None:
        """One fetch. The body is stored once per distinct content (sha256), zlib-compressed; a caller that
        already has both passes them as `body_sha256` and `body_zlib` instead of `body`. A page rendered in a browser
        has the DOM it built as `body`, and what the server sent as `raw_body` (stored the same way), `rendered`
        (why) and `screenshot` (a file name)."""
        body = page.get("body")
        sha = page.get("body_sha256") or (hashlib.sha256(body).hexdigest() if body else None)
        raw = page.get("raw_body")
        raw_sha = hashlib.sha256(raw).hexdigest() if raw is not None else None
        with self._tx():
            self._store_body(sha, body, page.get("body_zlib"))
            self._store_body(raw_sha, raw, None)
            self.conn.execute(
                "INSERT INTO pages (run_id, url, status, content_type, charset, kind, reason, fetched_at, etag,"
                " last_modified, body_sha256, raw_sha256, rendered, screenshot)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    page["url"],
                    page.get("status"),
                    page.get("content_type"),
                    page.get("charset"),
                    page.get("kind"),
                    page.get("reason"),
                    page.get("fetched_at") or now(),
                    page.get("etag"),
                    page.get("last_modified"),
                    sha,
                    raw_sha,
                    page.get("rendered"),
                    page.get("screenshot"),
                ),
            )
            self.conn.execute("UPDATE crawl_runs SET pages_fetched = pages_fetched + 1 WHERE id = ?", (run_id,))

    def _store_body(self, sha: str | None, body: bytes | None, compressed: bytes | None) -> None:
        if sha and compressed is None and body is not None and not self._has_body(sha):
            compressed = zlib.compress(body, 6)
        if sha and compressed is not None:
            self.conn.execute("INSERT OR IGNORE INTO page_bodies (sha256, body) VALUES (?, ?)", (sha, compressed))

    def _has_body(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM page_bodies WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def page_validators(self, url: str) -> dict[str, str] | None:
        """ETag / Last-Modified of the latest successful fetch of `url`, for a conditional GET."""
        row = self.conn.execute(
            "SELECT etag, last_modified FROM pages WHERE url = ? AND status = 200 AND body_sha256 IS NOT NULL"
            " ORDER BY id DESC LIMIT 1",
            (url,),
        ).fetchone()
        if row is None or not (row["etag"] or row["last_modified"]):
            return None
        return {"etag": row["etag"], "last_modified": row["last_modified"]}

    def same_body_kind(self, url: str, sha256: str, rules: str) -> tuple[str, str | None] | None:
        """The page kind, and why, of the latest decision on `url` when it read exactly this body and the `rules` of
        today decided it (else None): extracting the same bytes again would give the same result. A decision is a
        fetch (200), or a page found unchanged (304) and decided again from its stored body."""
        row = self.conn.execute(
            "SELECT p.kind, p.reason, p.body_sha256, r.rules FROM pages p JOIN crawl_runs r ON r.id = p.run_id"
            " WHERE p.url = ? AND p.status IN (200, 304) AND p.kind != 'not-modified' ORDER BY p.id DESC LIMIT 1",
            (url,),
        ).fetchone()
        # A failed page is tried again, and so is one not kept as a post: what the crawl knows of the site (its
        # feeds) may make it one now. So is a page another blogarchive decided (a release since, or a run before
        # runs recorded their rules: NULL): today's rules may decide otherwise.
        if row is None or row["body_sha256"] != sha256 or row["kind"] in ("error", "other"):
            return None
        if row["rules"] != rules:
            return None
        return row["kind"], row["reason"]

    def settle_page(self, run_id: int, url: str, kind: str, reason: str) -> None:
        """This run's fetch of `url` is of `kind` after all (a page the crawl first did not keep, then found listed
        as a post in a feed read later; or one it stored by its length alone before it had read the site's posts)."""
        with self._tx():
            self.conn.execute(
                "UPDATE pages SET kind = ?, reason = ?"
                " WHERE id = (SELECT max(id) FROM pages WHERE run_id = ? AND url = ?)",
                (kind, reason, run_id, url),
            )

    def stored_page(self, url: str) -> tuple[bytes, str] | None:
        """The raw body and content type (no parameters) of the latest 200 fetch of `url` that kept its body."""
        stored = self.stored_fetch(url)
        return stored[:2] if stored else None

    def stored_fetch(self, url: str) -> tuple[bytes, str, str | None] | None:
        """stored_page's body and content type, and the charset its header declared: what a recrawl reads of a post
        it does not fetch again."""
        row = self.conn.execute(
            "SELECT b.body, p.content_type, p.charset FROM pages p JOIN page_bodies b ON b.sha256 = p.body_sha256"
            " WHERE p.url = ? AND p.status = 200 ORDER BY p.id DESC LIMIT 1",
            (url,),
        ).fetchone()
        return (zlib.decompress(row["body"]), row["content_type"] or "", row["charset"]) if row else None

    def last_read(self, url: str) -> str | None:
        """When a crawl last read `url` (200) or found it unchanged (304), as stored; None if never."""
        row = self.conn.execute(
            "SELECT fetched_at FROM pages WHERE url = ? AND status IN (200, 304) ORDER BY id DESC LIMIT 1", (url,)
        ).fetchone()
        return row["fetched_at"] if row else None

    def same_companions(self, kind: str, fetched: list[tuple[str, bytes]]) -> bool:
        """Whether each of `fetched` (url, body) is, byte for byte, the latest stored fetch of its URL of `kind`
        (COMMENTS_API): a post's comments served apart from its page, unchanged since the last crawl."""
        for url, body in fetched:
            row = self.conn.execute(
                "SELECT body_sha256 FROM pages WHERE url = ? AND kind = ? ORDER BY id DESC LIMIT 1", (url, kind)
            ).fetchone()
            if row is None or row["body_sha256"] != hashlib.sha256(body).hexdigest():
                return False
        return True

    def latest_pages(
        self, site: str | None = None, since: str | None = None
    ) -> Iterator[tuple[str, str, bytes, str | None]]:
        """(url, fetched_at, raw body, its header's charset) of the latest stored fetch of every HTML page, for
        re-extraction; `since` is a UTC time as SQLite's datetime() writes it (archive.filters.Moment.utc). Not the
        parts of split posts nor a post's comments view (FlatPress's, HTML): see `companions`; nor a page that redirects
        since it was last read, nor an address a post moved from since (its post moved, and is read at its new
        address: a permanent redirect, or the post's identity read there while its old address answered 404)."""
        sql = (
            "SELECT p.url, p.fetched_at, b.body, p.charset FROM pages p JOIN page_bodies b ON b.sha256 = p.body_sha256"
            " WHERE p.id IN (SELECT max(id) FROM pages WHERE content_type IN ('text/html', 'application/xhtml+xml')"
            f" AND status = 200 AND coalesce(kind, '') NOT IN ('{PART}', '{COMMENTS_API}') GROUP BY url)"
            # not a page that redirects since (a post that moved: archived at its new address)
            " AND NOT EXISTS (SELECT 1 FROM pages r WHERE r.url = p.url AND r.kind = 'redirect' AND r.id > p.id)"
            " AND NOT EXISTS (SELECT 1 FROM article_addresses m WHERE m.url = p.url AND m.run_id >= p.run_id)"
        )
        params: list[str] = []
        if since:
            sql += " AND datetime(p.fetched_at) >= ?"
            params.append(since)
        for url, fetched_at, body, charset in self.conn.execute(sql + " ORDER BY p.id", params).fetchall():
            if site is None or site_of(url) == site:
                yield url, fetched_at, zlib.decompress(body), charset

    def companions(self, kind: str, prefix: str) -> list[tuple[str, bytes]]:
        """(url, body) of the latest stored fetch of each page of `kind` (PART, COMMENTS_API, POST_API) whose URL
        starts with `prefix`, in the order they were fetched."""
        rows = self.conn.execute(
            "SELECT p.url, b.body FROM pages p JOIN page_bodies b ON b.sha256 = p.body_sha256 WHERE p.id IN"
            " (SELECT max(id) FROM pages WHERE kind = ? AND substr(url, 1, length(?)) = ? GROUP BY url) ORDER BY p.id",
            (kind, prefix, prefix),
        )
        return [(url, zlib.decompress(body)) for url, body in rows.fetchall()]


def site_of(url: str) -> str:
    return urlsplit(url).netloc.lower()
