"""A post that moved: its archived address now redirects for good to another (crawler/core/moves.py says which
redirects do). One post, one row: its row is stored at the new address with everything that hangs on its id — its
versions, authors, images, comments and changes —, the address it left kept in `article_addresses` with the redirect
that moved it, and the move noted as a change ('moved').

A crawl may have stored the post at its new address already, as a new post, before it learnt of the redirect (a
sitemap lists the new address, and the old one is asked for at the end, with the archived posts the crawl did not
reach), and an older blogarchive stored both: the two rows are one post then. The older row is kept — its id, its
history — and takes the newer's state as its next version; the newer's versions follow, its rows and changes hang on
the older's id, and its row goes (nothing of it is lost: every part is in the older row now). A "new" change this run
noted of it is no new post: it goes, and the run counts it as an update of the older post where their states differ.

A post moves without a redirect too: a blog that changes its permalink structure may answer the old addresses 404
(WordPress guesses a redirect for some only). Its platform numbers the post all the same, and the page prints the
number wherever the post is (articles.platform_id: crawler/extraction/identity.py): a post of a site archived as
one identity, gone at its address and read at another under the same identity, moved (same_post_elsewhere,
gone_as). Unless what the two hold contradicts it — another day of publication, or, where one is undated, another
title: a number reused after the post was deleted (a database restored, a site rebuilt) is another post.
"""

from __future__ import annotations

import sqlite3

from archive import changes, content
from archive.articles import Articles
from archive.pages import site_of

_ROWS_OF_A_POST = ("images", "comments", "article_authors", "article_addresses")
# what a post's row holds of its own; not its key, address, first sighting, nor whether it is retired
_NOT_STATE = {"id", "url", "site", "first_seen", "retired_at", "retired_reason"}


class Moves(Articles):
    def move_post(self, run_id: int, url: str, to: str, redirect: str, at: str) -> str | None:
        """The post stored at `url` redirects for good to `to` (`redirect`: its hops' causes, "301"): it is stored at
        `to` from now. "moved", or "merged" where a post was stored at `to` already (one post now, the older row's);
        None when nothing moved: no post that counts as one is stored at `url`, or the row at `to` is retired (no
        post)."""
        with self._tx():
            old = self.conn.execute("SELECT * FROM articles WHERE url = ? AND retired_at IS NULL", (url,)).fetchone()
            new = self.conn.execute("SELECT * FROM articles WHERE url = ?", (to,)).fetchone()
            if old is None or url == to or (new is not None and new["retired_at"] is not None):
                return None
            version, fields, summary = self._absorb(run_id, old, new) if new is not None else (None, [], None)
            # online again, at `to`: a "gone" this run noted of it (its old address answered 404 first) is no change
            self.conn.execute(
                "UPDATE articles SET url = ?, site = ?, gone_at = NULL WHERE id = ?", (to, site_of(to), old["id"])
            )
            self.conn.execute(
                "DELETE FROM changes WHERE article_id = ? AND change = 'gone' AND run_id = ?", (old["id"], run_id)
            )
            self._insert(
                "article_addresses",
                {"article_id": old["id"], "url": url, "moved_to": to, "redirect": redirect, "run_id": run_id, "at": at},
            )
            changes.note(
                self.conn,
                run_id,
                site_of(to),
                "post",
                "moved",
                url=to,
                title=(new or old)["title"],
                article_id=old["id"],
                version=version,
                fields=fields,
                summary="; ".join(filter(None, [f"moved from {url} ({redirect})", summary])),
            )
        return "merged" if new is not None else "moved"

    def same_post_elsewhere(self, url: str) -> tuple[str, str] | None:
        """(the address, the identity) of the live post of the same site archived under the identity of the post at
        `url` (its platform_id) at another address, where the two agree; None where there is none."""
        row = self.conn.execute(
            "SELECT platform_id, published, title FROM articles WHERE url = ? AND retired_at IS NULL", (url,)
        ).fetchone()
        if row is None or not row["platform_id"]:
            return None
        found = self._archived_as(url, row["platform_id"], row["published"], row["title"], gone=False)
        return (found, row["platform_id"]) if found is not None else None

    def gone_as(self, url: str, platform_id: str, published: str | None, title: str | None) -> str | None:
        """The address of a post of `url`'s site archived under `platform_id` at another address and gone there
        (404, 410), which agrees with the post read at `url` (`published`, `title`); None where there is none."""
        return self._archived_as(url, platform_id, published, title, gone=True)

    def _archived_as(
        self, url: str, platform_id: str, published: str | None, title: str | None, gone: bool
    ) -> str | None:
        rows = self.conn.execute(
            "SELECT url, published, title FROM articles WHERE site = ? AND platform_id = ? AND url != ?"
            " AND retired_at IS NULL AND (gone_at IS NOT NULL) = ? ORDER BY id",
            (site_of(url), platform_id, url, gone),
        )
        return next((row["url"] for row in rows if _agree(row, published, title)), None)

    def _absorb(self, run_id: int, old: sqlite3.Row, new: sqlite3.Row) -> tuple[int | None, list[str], str | None]:
        """The post `new`, stored at the address `old` moved to, becomes `old`'s current state: `old`'s kept as its
        next version (when they differ), then `new`'s versions; `new`'s rows and changes on `old`'s id, its row gone.
        (the version that keeps `old`'s state, the parts that changed, their summary)."""
        before, after = content.stored(self.conn, old), content.stored(self.conn, new)
        version = self._keep_version(old, before, after) if before != after else None
        kept = self.conn.execute(
            "SELECT coalesce(max(version), 0) FROM article_versions WHERE article_id = ?", (old["id"],)
        ).fetchone()[0]
        self.conn.execute(
            "UPDATE article_versions SET article_id = ?, version = version + ? WHERE article_id = ?",
            (old["id"], kept, new["id"]),
        )
        for table in _ROWS_OF_A_POST:
            if table != "article_addresses":  # the state's rows are `new`'s; the addresses both had
                self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (old["id"],))
            self.conn.execute(f"UPDATE {table} SET article_id = ? WHERE article_id = ?", (old["id"], new["id"]))
        noted = self.conn.execute(
            "DELETE FROM changes WHERE article_id = ? AND change = 'new' AND run_id = ?", (new["id"], run_id)
        ).rowcount
        # counted as what it is: the older post, updated where its state changed
        self.conn.execute(
            "UPDATE crawl_runs SET articles_new = articles_new - ?, articles_updated = articles_updated + ?"
            " WHERE id = ?",
            (noted, noted if version is not None else 0, run_id),
        )
        self.conn.execute("UPDATE changes SET article_id = ? WHERE article_id = ?", (old["id"], new["id"]))
        state = {column: new[column] for column in new.keys() if column not in _NOT_STATE}  # noqa: SIM118 (a Row's values)
        self.conn.execute("DELETE FROM articles WHERE id = ?", (new["id"],))
        self._update("articles", old["id"], state)
        if version is None:
            return None, [], None
        return version, content.changed_parts(before, after), content.summary(before, after)


def _agree(row: sqlite3.Row, published: str | None, title: str | None) -> bool:
    """The archived post `row` and a post published on `published`, titled `title`, can be one: the same day, or,
    where either is undated, the same title (a moved post may be retitled, not redated)."""
    if row["published"] and published:
        return row["published"][:10] == published[:10]
    return bool(title) and row["title"] == title
