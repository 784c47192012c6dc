"""Articles: one row per post with its authors, images and comments; a changed post's previous state kept in
article_versions, an unchanged one only touched, a post that went away marked gone and kept, a page an older
blogarchive stored as a post that today's rules decide is none marked retired and kept.

What "changed" means is archive/content.py: any of the parts of what the archive holds for the post (title, authors,
text, tags, categories, images and captions, comments)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from archive import changes, content
from archive.connection import Connection
from archive.media import fill_image_files
from archive.pages import site_of
from archive.people import upsert_person

ARTICLE_COLUMNS = (
    "canonical_url",
    "title",
    "author",
    "published",
    "updated",
    "language",
    "sitename",
    "description",
    "platform_id",
)

Rows = dict[str, list[dict[str, Any]]]


class Articles(Connection):
    def save_article(self, run_id: int, article: dict[str, Any], fetched_at: str, refresh: bool = False) -> str:
        """Insert or update one post with its authors, images and comments: "new", "updated", "unchanged", or
        with `refresh` (re-extraction) "refreshed" — same content, derived rows rebuilt, no new version.

        A changed post's previous state is first copied to article_versions; nothing is overwritten unsaved. The
        stored content is read back only when the digests differ: a post stored before the digest covered every
        part is compared part by part, and counts as changed only if a part did.
        """
        rows = _rows(article)
        with self._tx():
            new = content.built(self.conn, article, rows)
            digest = content.digest(new)
            old = self.conn.execute("SELECT * FROM articles WHERE url = ?", (article["url"],)).fetchone()
            before = content.stored(self.conn, old) if old is not None and old["content_hash"] != digest else None
            if old is not None and (before is None or before == new):
                if refresh:
                    article_id = self._write_article(article, digest, old["last_fetched"], old)
                    self._write_children(run_id, article_id, site_of(article["url"]), rows, old["last_fetched"])
                    return "refreshed"
                self._touch(article["url"], fetched_at, digest, article.get("platform_id"))
                # a bio, an avatar
                self._write_people(run_id, old["id"], site_of(article["url"]), rows["authors"], fetched_at)
                return "unchanged"
            version = self._keep_version(old, before, new) if before is not None else None
            article_id = self._write_article(article, digest, fetched_at, old)
            self._note_change(run_id, article_id, article, before, new, version)
            self._write_children(run_id, article_id, site_of(article["url"]), rows, fetched_at)
            column = "articles_updated" if old is not None else "articles_new"
            self.conn.execute(f"UPDATE crawl_runs SET {column} = {column} + 1 WHERE id = ?", (run_id,))
        return "updated" if old is not None else "new"

    def article_title(self, url: str) -> tuple[bool, str | None]:
        """(whether a post is stored at `url`, its title)."""
        row = self.conn.execute("SELECT title FROM articles WHERE url = ?", (url,)).fetchone()
        return (row is not None, row["title"] if row is not None else None)

    def move_article(self, url: str, to: str) -> bool:
        """The post stored at `url` is stored at `to` instead, with its versions, authors, images, comments and
        changes (they hang on its id). False, and nothing moved, when a post is stored at `to` already."""
        with self._tx():
            if self.conn.execute("SELECT 1 FROM articles WHERE url = ?", (to,)).fetchone() is not None:
                return False
            row = self.conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
            if row is None:
                return False
            self.conn.execute("UPDATE articles SET url = ?, site = ? WHERE id = ?", (to, site_of(to), row["id"]))
            self.conn.execute("UPDATE changes SET url = ? WHERE article_id = ? AND url = ?", (to, row["id"], url))
        return True

    def date_posts_from_feed(self, dates: dict[str, str]) -> int:
        """Posts stored without a publication date (their page prints none) get the one a feed gives them (`dates`:
        URL → ISO 8601), however long ago they were stored, and a post stored with its day alone gets the feed's
        time of that day (`more_precise`: not its midnight, a day alone), and a post stored with its time on the
        site's clock but no offset (ikiwiki's "Created" time) the offset the feed's time of the same moment shows
        (`zoned_by_feed`: a whole quarter hour off UTC, at most 14 hours, not from a feed's midnight); another date
        already stored stands. How many changed."""
        with self._tx():
            cursor = self.conn.executemany(
                "UPDATE articles SET published = ?1 WHERE url = ?2 AND (published IS NULL"
                " OR length(published) = 10 AND published = substr(?1, 1, 10) AND length(?1) > 10"
                " AND substr(?1, 12, 8) != '00:00:00')",
                [(published, url) for url, published in dates.items()],
            )
            changed = max(cursor.rowcount, 0)
            # SQLite's julianday() reads a time with an offset as the moment, one without as on UTC's clock: their
            # difference in minutes is the offset of the page's clock
            cursor = self.conn.executemany(
                "UPDATE articles SET published = published || CASE WHEN m < 0 THEN '-' ELSE '+' END"
                " || printf('%02d:%02d', abs(m) / 60, abs(m) % 60)"
                " FROM (SELECT id AS zoned, CAST(round((julianday(published) - julianday(?1)) * 1440) AS INTEGER) AS m"
                " FROM articles WHERE url = ?2 AND published GLOB '????-??-??T??:??:??'"
                " AND (?1 GLOB '*[+-]??:??' OR ?1 GLOB '*Z') AND substr(?1, 12, 8) != '00:00:00')"
                " WHERE id = zoned AND m % 15 = 0 AND abs(m) <= 840",
                [(published, url) for url, published in dates.items()],
            )
            changed += max(cursor.rowcount, 0)
        return changed

    def comment_times(self, urls: list[str]) -> dict[str, dict[str, str]]:
        """The times of the comments of the posts stored at `urls`, as stored: post URL → {comment id: time}."""
        found: dict[str, dict[str, str]] = {}
        for url in urls:
            rows = self.conn.execute(
                "SELECT c.comment_id, c.published FROM comments c JOIN articles a ON a.id = c.article_id"
                " WHERE a.url = ? AND c.comment_id IS NOT NULL AND c.published IS NOT NULL",
                (url,),
            )
            if times := {comment_id: published for comment_id, published in rows}:
                found[url] = times
        return found

    def zone_comments(self, times: dict[str, dict[str, list[str]]]) -> int:
        """Comments stored with their time on the site's clock get it with its offset (`times`: post URL → {comment
        id: [the time stored, the time zoned]}, as crawler/extraction/dates.py `zoned_comments` reads it with the
        post's comment feed, read after the post) where they hold the time stored still: the same moment, no new
        version. How many changed."""
        with self._tx():
            cursor = self.conn.executemany(
                "UPDATE comments SET published = ?4 WHERE comment_id = ?2 AND published = ?3"
                " AND article_id = (SELECT id FROM articles WHERE url = ?1)",
                [(url, cid, stored, zoned) for url, by_id in times.items() for cid, (stored, zoned) in by_id.items()],
            )
        return max(cursor.rowcount, 0)

    def identify_posts(self, identities: dict[str, str]) -> int:
        """Posts stored without their identity on their platform get the one a feed read after them gives
        (`identities`: URL → identity, as crawler/discovery/feeds.py reads Ghost's <guid>): a Ghost post's page states
        its id only with Ghost's comments on. No part of a post's content: no version. How many got one."""
        with self._tx():
            cursor = self.conn.executemany(
                "UPDATE articles SET platform_id = ? WHERE url = ? AND platform_id IS NULL",
                [(identity, url) for url, identity in identities.items()],
            )
        return max(cursor.rowcount, 0)

    def credit_posts_from_feed(self, run_id: int, credits: dict[str, dict[str, Any]], seen_at: str) -> int:
        """Posts stored naming nobody (their page prints no byline: WordPress's Hello Elementor), or some of the people
        a feed read after them names and no one else (_completing), get the authors that feed names (`credits`: URL →
        {"authors": [{"name", "url"}], "categories": [...], "tags": [...], "title": [stored, completed]}, as
        crawler/discovery/structure.py and the archive pipeline give them), posts stored with no category or tag the
        feed item's terms, and a post stored titled `stored` the title `completed` (the page's title completed with the
        feed item's: crawler/extraction/titles.py `with_feed_title`, read against the title stored_titles() gave; a post
        titled otherwise by now keeps its title) — what the crawl gives a post it extracts after the feed. A post this
        run stored (new or changed) is completed in place, its change of this run saying what changed; one an earlier
        run stored changes, as save_article changes it: its previous state kept in article_versions, the change noted.
        How many changed."""
        changed = 0
        with self._tx():
            for url, credit in credits.items():
                old = self.conn.execute("SELECT * FROM articles WHERE url = ?", (url,)).fetchone()
                if old is None:
                    continue
                before = content.stored(self.conn, old)
                authors = _completing(before["authors"], list(credit.get("authors") or []))
                untermed = not (before["tags"] or before["categories"])
                terms = list(credit.get("categories") or []) if untermed else []
                tags = list(credit.get("tags") or []) if untermed else []
                stored, completed = credit.get("title") or (None, None)
                title = completed if completed and stored == old["title"] else old["title"]
                after = {**before, "title": title, "categories": terms or before["categories"]}
                after["tags"] = tags or before["tags"]
                after["authors"] = list(dict.fromkeys(person["name"] for person in authors)) or before["authors"]
                if after == before:
                    continue
                self._complete(run_id, old, before, after)
                row: dict[str, Any] = {"content_hash": content.digest(after)}
                if authors:
                    row["author"] = ", ".join(after["authors"])
                    self._write_people(run_id, old["id"], site_of(url), authors, seen_at)
                if terms:
                    row["categories"] = json.dumps(terms, ensure_ascii=False)
                if tags:
                    row["tags"] = json.dumps(tags, ensure_ascii=False)
                if title != old["title"]:
                    row["title"] = title
                self._update("articles", old["id"], row)
                changed += 1
        return changed

    def stored_titles(self, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """URL → (title, site name) of each post stored at one of `urls`: what a feed's title completes
        (credit_posts_from_feed)."""
        found: dict[str, tuple[str | None, str | None]] = {}
        for url in urls:
            row = self.conn.execute("SELECT title, sitename FROM articles WHERE url = ?", (url,)).fetchone()
            if row is not None:
                found[url] = (row["title"], row["sitename"])
        return found

    def _complete(self, run_id: int, old: sqlite3.Row, before: content.Content, after: content.Content) -> None:
        """The versions and changes of the post `old` completed from `before` to `after` (credit_posts_from_feed)."""
        noted = self.conn.execute(
            "SELECT id, change, version FROM changes WHERE run_id = ? AND article_id = ? AND subject = 'post'"
            " ORDER BY id DESC LIMIT 1",
            (run_id, old["id"]),
        ).fetchone()
        if noted is None:  # stored by an earlier run: a change
            version = self._keep_version(old, before, after)
            self._note_change(run_id, old["id"], {"url": old["url"], "title": after["title"]}, before, after, version)
            self.conn.execute("UPDATE crawl_runs SET articles_updated = articles_updated + 1 WHERE id = ?", (run_id,))
            return
        # this run's change, now to `after`, under the post's title
        self.conn.execute("UPDATE changes SET title = ? WHERE id = ?", (after["title"], noted["id"]))
        if noted["change"] == "changed" and noted["version"] is not None:
            kept = self._version_content(old["id"], noted["version"])
            self.conn.execute(
                "UPDATE changes SET fields = ?, summary = ? WHERE id = ?",
                (json.dumps(content.changed_parts(kept, after)), content.summary(kept, after), noted["id"]),
            )

    def _version_content(self, article_id: int, version: int) -> content.Content:
        """The content article_versions keeps as `version` of the post `article_id`."""
        row = self.conn.execute(
            "SELECT * FROM article_versions WHERE article_id = ? AND version = ?", (article_id, version)
        ).fetchone()
        return {
            part: json.loads(row[part]) if part in content.LIST_PARTS and row[part] is not None else row[part]
            for part in content.PARTS
        }

    def article_fetch_times(self) -> dict[str, str]:
        """URL → last fetch of every archived post still online: what a recrawl may skip or must revisit."""
        rows = self.conn.execute("SELECT url, last_fetched FROM articles WHERE gone_at IS NULL ORDER BY id")
        return {url: fetched for url, fetched in rows}

    def touch_article(self, url: str, fetched_at: str) -> bool:
        """The post at `url` was fetched again, unchanged: note when (and that it is online). False if none."""
        return self._touch(url, fetched_at)

    def _touch(self, url: str, fetched_at: str, digest: str | None = None, platform_id: str | None = None) -> bool:
        """Also note the content's digest, when given (one made before the digest covered every part), and the post's
        identity on its platform (no part of its content: a post stored before it was read gets it here)."""
        with self._tx():
            cursor = self.conn.execute(
                "UPDATE articles SET last_fetched = ?, gone_at = NULL, content_hash = coalesce(?, content_hash),"
                " platform_id = coalesce(?, platform_id) WHERE url = ?",
                (fetched_at, digest, platform_id, url),
            )
        return cursor.rowcount > 0

    def mark_gone(self, run_id: int, url: str, fetched_at: str) -> bool:
        """The post answered 404/410: keep everything, note when it went (a change of run `run_id`, the first time).
        False when `url` is no archived post."""
        with self._tx():
            old = self.conn.execute("SELECT id, site, title, gone_at FROM articles WHERE url = ?", (url,)).fetchone()
            if old is not None and old["gone_at"] is None:
                self.conn.execute("UPDATE articles SET gone_at = ? WHERE id = ?", (fetched_at, old["id"]))
                changes.note(
                    self.conn, run_id, old["site"], "post", "gone", url=url, title=old["title"], article_id=old["id"]
                )
        return old is not None

    def retire_article(self, run_id: int, url: str, reason: str, at: str) -> bool:
        """The post stored at `url` is no post by today's rules (a listing, a hub, a page of the site: `reason`, as
        the page's kind says): an older blogarchive stored it. Kept whole — its versions, authors, images and
        comments —, marked retired at `at` with `reason`, left out of the views and counts of posts, and noted as a
        change of run `run_id`. False when no post still counted as one is stored at `url`."""
        with self._tx():
            old = self.conn.execute(
                "SELECT id, site, title FROM articles WHERE url = ? AND retired_at IS NULL", (url,)
            ).fetchone()
            if old is None:
                return False
            self.conn.execute(
                "UPDATE articles SET retired_at = ?, retired_reason = ? WHERE id = ?", (at, reason, old["id"])
            )
            changes.note(
                self.conn,
                run_id,
                old["site"],
                "post",
                "retired",
                url=url,
                title=old["title"],
                article_id=old["id"],
                summary=reason,
            )
        return True

    def restore_article(self, run_id: int, url: str) -> bool:
        """The post at `url`, retired before, is decided a post again: it counts as one again, a change of run
        `run_id`. False when `url` holds no retired post."""
        with self._tx():
            old = self.conn.execute(
                "SELECT id, site, title FROM articles WHERE url = ? AND retired_at IS NOT NULL", (url,)
            ).fetchone()
            if old is None:
                return False
            self.conn.execute("UPDATE articles SET retired_at = NULL, retired_reason = NULL WHERE id = ?", (old["id"],))
            changes.note(
                self.conn, run_id, old["site"], "post", "restored", url=url, title=old["title"], article_id=old["id"]
            )
        return True

    def _note_change(
        self,
        run_id: int,
        article_id: int,
        article: dict[str, Any],
        before: content.Content | None,
        after: content.Content,
        version: int | None,
    ) -> None:
        """The post new, or changed from `before` (kept as article_versions `version`): a change of run `run_id`."""
        url, title = article["url"], article.get("title")
        if before is None:
            changes.note(self.conn, run_id, site_of(url), "post", "new", url=url, title=title, article_id=article_id)
            return
        changes.note(
            self.conn,
            run_id,
            site_of(url),
            "post",
            "changed",
            url=url,
            title=title,
            article_id=article_id,
            version=version,
            fields=content.changed_parts(before, after),
            summary=content.summary(before, after),
        )

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

    def _write_children(self, run_id: int, article_id: int, site: str, rows: Rows, seen_at: str) -> None:
        """The post's images, comments and people, as `_rows` built them, in place of those it had."""
        for table in ("images", "comments"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        for table in content.ROW_PARTS:
            self._insert_rows(table, article_id, rows[table])
        fill_image_files(self.conn, article_id)
        self._write_people(run_id, article_id, site, rows["authors"], seen_at)

    def _write_people(
        self, run_id: int, article_id: int, site: str, people: list[dict[str, Any]], seen_at: str
    ) -> None:
        """The post's people (archive/people.py) and which of them wrote it, in byline order; a person the byline
        and the author box name differently (found as one row) is written once, at their first place."""
        self.conn.execute("DELETE FROM article_authors WHERE article_id = ?", (article_id,))
        authors = dict.fromkeys(upsert_person(self.conn, run_id, site, person, seen_at) for person in people)
        for position, author_id in enumerate(authors, start=1):
            self.conn.execute(
                "INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)",
                (article_id, author_id, position),
            )

    def _insert_rows(self, table: str, article_id: int, rows: list[dict[str, Any]]) -> None:
        """Rows of `table` for one post, in order; a column naming another row of the table holds that row's
        position in `rows` (archive/content.py), written as its row id."""
        references = content.self_references(self.conn, table)
        ids: dict[int, int] = {}
        for position, row in enumerate(rows, start=1):
            named = {column: ids.get(row[column]) for column in references if row.get(column) is not None}
            ids[position] = self._insert(table, {**row, **named, "article_id": article_id})

    def _keep_version(self, old: sqlite3.Row, before: content.Content, after: content.Content) -> int:
        """Copy the post's stored content (`before`) to article_versions, with what changed on the way to `after`;
        the version's number."""
        version = self.conn.execute(
            "SELECT coalesce(max(version), 0) + 1 FROM article_versions WHERE article_id = ?", (old["id"],)
        ).fetchone()[0]
        parts = {
            part: json.dumps(value, ensure_ascii=False) if part in content.LIST_PARTS else value
            for part, value in before.items()
        }
        row = {"article_id": old["id"], "version": version, "fetched_at": old["last_fetched"], **parts}
        row.update(content_hash=old["content_hash"], diff_summary=content.summary(before, after))
        self._insert("article_versions", row)
        return version


def _rows(article: dict[str, Any]) -> Rows:
    """The rows the post's images, comments and people are stored as (without the post's row id), in order."""
    images = [
        {
            "position": image.get("position") or number,
            "src": image["src"],
            "alt": image.get("alt"),
            "title": image.get("title"),
            "caption": image.get("caption"),
            "width": image.get("width"),
            "height": image.get("height"),
        }
        for number, image in enumerate(article.get("images") or [], start=1)
    ]
    return {"images": images, "comments": _comment_rows(article.get("comments") or []), "authors": _people(article)}


def _comment_rows(comments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Comments in page order; a reply's `parent_id` is the position of the comment it answers (named by the
    platform's comment id, one the page showed before it), written as that comment's row id (`_insert_rows`)."""
    positions: dict[str, int] = {}
    rows = []
    for position, comment in enumerate(comments, start=1):
        key = comment.get("id")
        rows.append(
            {
                "position": position,
                "author": comment.get("author"),
                "published": comment.get("published"),
                "text": comment.get("text") or "",
                "comment_id": key,
                "parent_id": positions.get(comment.get("parent") or ""),
                "depth": comment.get("depth") or 1,
                "author_url": comment.get("author_url"),
            }
        )
        if key:
            positions[key] = position
    return rows


def _people(article: dict[str, Any]) -> list[dict[str, Any]]:
    """Authors in byline order, enriched by their author boxes (matched by name); each person once."""
    boxes = {box["name"]: box for box in article.get("author_boxes") or [] if box.get("name")}
    people: dict[str, dict[str, Any]] = {}
    for person in article.get("authors") or []:
        box = boxes.pop(person["name"], {})
        people.setdefault(person["name"], {**box, "name": person["name"], "url": person.get("url") or box.get("url")})
    for name, box in boxes.items():  # a box whose author the byline did not name
        people.setdefault(name, box)
    return list(people.values())


def _completing(stored: list[str], feed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The feed's authors where they complete the post's `stored` names: it names nobody, or only some of the
    feed's people (Co-Authors Plus's RSS item names each co-author, a block theme's page the first:
    crawler/discovery/structure.py `with_feed_authors`, which keeps the page's links); else none."""
    names = {person["name"].casefold() for person in feed}
    if not stored or (len(feed) > len(stored) and {name.casefold() for name in stored} <= names):
        return feed
    return []
