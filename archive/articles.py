"""Articles: one row per post with its authors, images and comments; a changed post's previous state kept in
article_versions, an unchanged one only touched, a post that went away marked gone and kept."""

from __future__ import annotations

import difflib
import hashlib
import json
import sqlite3
from typing import Any

from archive.connection import Connection
from archive.media import fill_image_files
from archive.pages import site_of

ARTICLE_COLUMNS = ("canonical_url", "title", "author", "published", "updated", "language", "sitename", "description")


def content_hash(article: dict[str, Any]) -> str:
    """What makes a post 'changed': its title, text and images (src + caption). Not fetch times or comments."""
    images = [(i.get("src"), i.get("caption")) for i in article.get("images", [])]
    payload = json.dumps([article.get("title"), article.get("text"), images], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


class Articles(Connection):
    def save_article(self, run_id: int, article: dict[str, Any], fetched_at: str, refresh: bool = False) -> str:
        """Insert or update one post with its authors, images and comments: "new", "updated", "unchanged", or
        with `refresh` (re-extraction) "refreshed" — same content, derived rows rebuilt, no new version.

        A changed post's previous state is first copied to article_versions; nothing is overwritten unsaved.
        """
        digest = content_hash(article)
        with self._tx():
            old = self.conn.execute("SELECT * FROM articles WHERE url = ?", (article["url"],)).fetchone()
            if old is not None and old["content_hash"] == digest:
                if refresh:
                    self._write_children(self._write_article(article, digest, old["last_fetched"], old), article)
                    return "refreshed"
                self.touch_article(article["url"], fetched_at)
                return "unchanged"
            if old is not None:
                self._keep_version(old, article)
            article_id = self._write_article(article, digest, fetched_at, old)
            self._write_children(article_id, article)
            column = "articles_updated" if old is not None else "articles_new"
            self.conn.execute(f"UPDATE crawl_runs SET {column} = {column} + 1 WHERE id = ?", (run_id,))
        return "updated" if old is not None else "new"

    def article_fetch_times(self) -> dict[str, str]:
        """URL → last fetch of every archived post still online: what a recrawl may skip or must revisit."""
        rows = self.conn.execute("SELECT url, last_fetched FROM articles WHERE gone_at IS NULL ORDER BY id")
        return {url: fetched for url, fetched in rows}

    def touch_article(self, url: str, fetched_at: str) -> bool:
        """The post at `url` was fetched again, unchanged: note when (and that it is online). False if none."""
        with self._tx():
            cursor = self.conn.execute(
                "UPDATE articles SET last_fetched = ?, gone_at = NULL WHERE url = ?", (fetched_at, url)
            )
        return cursor.rowcount > 0

    def mark_gone(self, url: str, fetched_at: str) -> bool:
        """The post answered 404/410: keep everything, note when it went. False when `url` is no archived post."""
        with self._tx():
            cursor = self.conn.execute(
                "UPDATE articles SET gone_at = coalesce(gone_at, ?) WHERE url = ?", (fetched_at, url)
            )
        return cursor.rowcount > 0

    def _write_article(self, article: dict[str, Any], digest: str, fetched_at: str, old: sqlite3.Row | None) -> int:
        row = {key: article.get(key) for key in ARTICLE_COLUMNS}
        row.update(
            url=article["url"],
            site=site_of(article["url"]),
            categories=json.dumps(article.get("categories") or [], ensure_ascii=False),
            tags=json.dumps(article.get("tags") or [], ensure_ascii=False),
            text=article.get("text") or "",
            markdown=article.get("markdown") or "",
            word_count=article.get("word_count") or 0,
            content_hash=digest,
            last_fetched=fetched_at,
            gone_at=None,
        )
        if old is None:
            row["first_seen"] = fetched_at
            return self._insert("articles", row)
        self._update("articles", old["id"], row)
        return old["id"]

    def _write_children(self, article_id: int, article: dict[str, Any]) -> None:
        for table in ("images", "comments", "article_authors"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        images = [
            {
                "article_id": article_id,
                "position": i.get("position") or n,
                "src": i["src"],
                "alt": i.get("alt"),
                "title": i.get("title"),
                "caption": i.get("caption"),
                "width": i.get("width"),
                "height": i.get("height"),
            }
            for n, i in enumerate(article.get("images") or [], start=1)
        ]
        for image in images:
            self._insert("images", image)
        fill_image_files(self.conn, article_id)
        self._write_comments(article_id, article.get("comments") or [])
        site = site_of(article["url"])
        for position, person in enumerate(_people(article), start=1):
            author_id = self._upsert_author(site, person)
            self.conn.execute(
                "INSERT OR IGNORE INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)",
                (article_id, author_id, position),
            )

    def _write_comments(self, article_id: int, comments: list[dict[str, Any]]) -> None:
        """In page order, so a reply's parent (named by the platform's comment id) has its row already."""
        rows: dict[str, int] = {}
        for position, comment in enumerate(comments, start=1):
            key = comment.get("id")
            row_id = self._insert(
                "comments",
                {
                    "article_id": article_id,
                    "position": position,
                    "author": comment.get("author"),
                    "published": comment.get("published"),
                    "text": comment.get("text") or "",
                    "comment_id": key,
                    "parent_id": rows.get(comment.get("parent") or ""),
                    "depth": comment.get("depth") or 1,
                    "author_url": comment.get("author_url"),
                },
            )
            if key:
                rows[key] = row_id

    def _upsert_author(self, site: str, person: dict[str, Any]) -> int:
        """One row per person per site; a newer page's non-empty fields win, empty ones keep what we had."""
        row = self.conn.execute("SELECT * FROM authors WHERE site = ? AND name = ?", (site, person["name"])).fetchone()
        fields = {k: v for k, v in person.items() if v not in (None, "", []) and k != "name"}
        if "links" in fields:
            fields["links"] = json.dumps(fields["links"], ensure_ascii=False)
        if row is None:
            return self._insert("authors", {"site": site, "name": person["name"], **fields})
        if fields:
            self._update("authors", row["id"], fields)
        return row["id"]

    def _keep_version(self, old: sqlite3.Row, new: dict[str, Any]) -> None:
        version = self.conn.execute(
            "SELECT coalesce(max(version), 0) + 1 FROM article_versions WHERE article_id = ?", (old["id"],)
        ).fetchone()[0]
        images = [
            dict(r)
            for r in self.conn.execute(
                "SELECT src, caption, alt FROM images WHERE article_id = ? ORDER BY position", (old["id"],)
            )
        ]
        self._insert(
            "article_versions",
            {
                "article_id": old["id"],
                "version": version,
                "fetched_at": old["last_fetched"],
                "title": old["title"],
                "text": old["text"],
                "images": json.dumps(images, ensure_ascii=False),
                "content_hash": old["content_hash"],
                "diff_summary": diff_summary(old, new),
            },
        )


def diff_summary(old: sqlite3.Row, new: dict[str, Any]) -> str:
    """A one-line account of what changed, e.g. 'title changed; text +3/-1 lines; images 2 -> 3'."""
    parts = []
    if (old["title"] or "") != (new.get("title") or ""):
        parts.append("title changed")
    old_lines, new_lines = (old["text"] or "").splitlines(), (new.get("text") or "").splitlines()
    if old_lines != new_lines:
        diff = list(difflib.unified_diff(old_lines, new_lines, lineterm="", n=0))
        added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
        removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
        parts.append(f"text +{added}/-{removed} lines")
    return "; ".join(parts) or "images changed"


def _people(article: dict[str, Any]) -> list[dict[str, Any]]:
    """Authors in byline order, enriched by their author boxes (matched by name)."""
    boxes = {box["name"]: box for box in article.get("author_boxes") or [] if box.get("name")}
    people = []
    for person in article.get("authors") or []:
        box = boxes.pop(person["name"], {})
        people.append({**box, "name": person["name"], "url": person.get("url") or box.get("url")})
    people.extend(boxes.values())  # a box whose author the byline did not name
    return people
