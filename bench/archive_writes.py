"""`python -m bench.archive_writes --posts 2000`: the archive's write path by hand-written SQL against sqlite-utils.

Two questions, each answered on N posts written as a crawl writes them — one savepoint per post (the crawl's unit of
work), a commit every COMMIT_EVERY posts (the crawl's grouped commit, about once a second) — in new archives on the
same disk, ROUNDS rounds alternating the variants, the median reported:

1. Rows: `Archive.save_article` (the post, its image, its comments, its people, its version on a change) with the
   rows written by plain INSERT and UPDATE statements, as the archive writes them, against the same method with
   every row written by sqlite-utils' `table.insert(row)` and `table.update(id, row)`.
2. The full-text feed: the same post rows (search terms computed beforehand, out of the timing) inserted into
   `articles` with the archive's index — triggers that note each post in `articles_fts_pending`, the noted posts
   indexed at commit — against the index sqlite-utils makes, `enable_fts(…, create_triggers=True)`, whose triggers
   index each row as it is inserted.

Prints posts per second for each, and the ratio. The figures are in docs/benchmarks.md and docs/architecture.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive import Archive
from archive.database import database
from archive.schema import INDEX_PENDING
from archive.terms import search_terms
from crawler.demo.site import DemoSite

SITE = "blog.example.org"
COMMIT_EVERY = 50
ROUNDS = 3
FTS_COLUMNS = ["title", "text", "author", "search_terms"]
TOKENIZER = "porter unicode61 remove_diacritics 2"


def posts(count: int) -> list[dict[str, Any]]:
    """`count` posts from the sample blog's texts, each with an image, two comments and a tag."""
    templates = DemoSite().posts
    made = []
    for n in range(count):
        template = templates[n % len(templates)]
        text = "\n\n".join([template.intro, template.outro] * 3)
        made.append(
            {
                "url": f"https://{SITE}/{2015 + n % 10}/{n % 12 + 1:02d}/post-{n}/",
                "title": f"{template.title} ({n})",
                "author": template.authors[0],
                "authors": [{"name": template.authors[0], "url": None}],
                "published": f"{2015 + n % 10}-{n % 12 + 1:02d}-01T09:00:00+00:00",
                "language": template.lang,
                "tags": ["bench"],
                "text": text,
                "markdown": text,
                "word_count": len(text.split()),
                "images": [{"src": f"https://{SITE}/uploads/{n}.png", "alt": template.title, "caption": f"{n}"}],
                "comments": [{"id": "1", "author": "A", "text": "Thanks!"}, {"id": "2", "parent": "1", "text": "Yes"}],
            }
        )
    return made


class SqliteUtilsRows(Archive):
    """The archive with each row written by sqlite-utils' insert and update (inside the same savepoints)."""

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        return database(self.conn).table(table).insert(row).last_rowid

    def _update(self, table: str, row_id: int, row: dict[str, Any]) -> None:
        database(self.conn).table(table).update(row_id, row)


def save_posts(kind: type[Archive], path: Path, batch: list[dict[str, Any]]) -> float:
    """Seconds to save `batch` (twice: new, then each post changed) as a crawl does, through `kind`."""
    archive = kind(path)
    archive.group_commits()
    run = archive.start_run([f"https://{SITE}/"])
    started = time.perf_counter()
    for edition in ("", " (edited)"):
        for number, post in enumerate(batch, start=1):
            with archive.batch():
                archive.save_article(run, {**post, "text": post["text"] + edition}, "2024-01-01T00:00:00+00:00")
            if number % COMMIT_EVERY == 0:
                archive.commit()
    archive.commit()
    seconds = time.perf_counter() - started
    archive.close()
    return seconds


def post_rows(batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "url": post["url"],
            "site": SITE,
            "title": post["title"],
            "author": post["author"],
            "text": post["text"],
            "content_hash": str(number),
            "first_seen": "t",
            "last_fetched": "t",
            "search_terms": search_terms(post["title"], post["text"], post["language"]),
        }
        for number, post in enumerate(batch)
    ]


def archive_index(path: Path) -> Archive:
    return Archive(path)


def sqlite_utils_index(path: Path) -> Archive:
    """A new archive whose articles_fts is sqlite-utils' own: same columns and tokenizer, its per-row triggers."""
    archive = Archive(path)
    for trigger in ("articles_fts_insert", "articles_fts_update", "articles_fts_delete"):
        archive.conn.execute(f"DROP TRIGGER {trigger}")
    database(archive.conn)["articles"].enable_fts(
        FTS_COLUMNS, fts_version="FTS5", create_triggers=True, tokenize=TOKENIZER, replace=True
    )
    return archive


def feed_index(make: Callable[[Path], Archive], path: Path, rows: list[dict[str, Any]]) -> float:
    """Seconds to insert `rows` into articles, a savepoint each and a commit every COMMIT_EVERY, index included."""
    archive = make(path)
    conn = archive.conn
    columns = list(rows[0])
    insert = f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"

    def commit() -> None:
        for statement in INDEX_PENDING:  # with sqlite-utils' triggers nothing is pending: these do nothing
            conn.execute(statement)
        conn.commit()

    started = time.perf_counter()
    conn.execute("BEGIN")
    for number, row in enumerate(rows, start=1):
        conn.execute("SAVEPOINT unit")
        conn.execute(insert, [row[column] for column in columns])
        conn.execute("RELEASE unit")
        if number % COMMIT_EVERY == 0:
            commit()
            conn.execute("BEGIN")
    commit()
    seconds = time.perf_counter() - started
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")  # index = articles' rows
    indexed = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
    if indexed != len(rows):
        raise SystemExit(f"the index holds {indexed} of {len(rows)} posts")
    archive.disconnect()
    return seconds


def median_rate(seconds: list[float], count: int) -> float:
    return count / statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    args = parser.parse_args()
    batch = posts(args.posts)
    rows = post_rows(batch)
    times: dict[str, list[float]] = {name: [] for name in ("sql", "sqlite-utils", "pending", "triggers")}
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(ROUNDS):
            base = Path(folder) / str(round_)
            base.mkdir()
            times["sql"].append(save_posts(Archive, base / "sql.db", batch))
            times["sqlite-utils"].append(save_posts(SqliteUtilsRows, base / "su.db", batch))
            times["pending"].append(feed_index(archive_index, base / "pending.db", rows))
            times["triggers"].append(feed_index(sqlite_utils_index, base / "triggers.db", rows))
    saved = 2 * args.posts
    sql, su = median_rate(times["sql"], saved), median_rate(times["sqlite-utils"], saved)
    pending, triggers = median_rate(times["pending"], args.posts), median_rate(times["triggers"], args.posts)
    print(f"save_article, {saved} saves ({args.posts} new, then each changed), median of {ROUNDS}:")
    print(f"  plain SQL rows        {sql:8.1f} posts/s")
    print(f"  sqlite-utils rows     {su:8.1f} posts/s   (plain SQL ÷ sqlite-utils {sql / su:.2f})")
    print(f"full-text feed, {args.posts} posts inserted, median of {ROUNDS}:")
    print(f"  indexed at commit     {pending:8.1f} posts/s")
    print(f"  sqlite-utils triggers {triggers:8.1f} posts/s   (at commit ÷ triggers {pending / triggers:.2f})")


if __name__ == "__main__":
    main()
