"""`python -m bench.wordpress`: blogarchive on a real WordPress, scored against WordPress's own database.

Starts WordPress from Debian's packages (scripts/wordpress.sh: every theme Debian ships × pretty and plain
permalinks, the same content in each), crawls each site once, two at a time, and holds each archive against what
the site's database says it published (scripts/wordpress/truth.php): post recall, non-posts kept, exact titles,
dates, authors, categories and tags, body F1 beside trafilatura (its `extract()` on the same stored pages, in the
same run), featured images, captions, comment recall with threading, the multi-page post, leaks of what nobody
may read, requests the server answered and the crawl's time. Prints a table and writes
bench-results/wordpress.json and .md. With WP_THEME_TEST_DATA naming WordPress's theme unit test data
(themeunittestdata.wordpress.xml), each site holds that too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import tempfile
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import trafilatura

from bench.wordpress_site import WordPress, crawl, requests_seen, wordpress

RESULTS = Path("bench-results")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "…": "...", "×": "x"})


def normalised(text: str | None) -> str:
    """WordPress prints titles and names through wptexturize (curly quotes, dashes): compared without it."""
    return " ".join((text or "").translate(_QUOTES).split())


def shown_title(title: str) -> str:
    """A title as its reader sees it: WordPress prints the markup an author put in a title (`<em>`) as markup."""
    return normalised(_TAG.sub("", title))


def f1(found: str, truth: str) -> float:
    """Token F1 of `found` against `truth` (bags of words, case folded)."""
    a, b = Counter(_WORD.findall(found.casefold())), Counter(_WORD.findall(truth.casefold()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def same_instant(found: str | None, truth: str) -> bool:
    try:
        return found is not None and datetime.fromisoformat(found) == datetime.fromisoformat(truth)
    except ValueError:
        return False


def score(db: Path, truth: dict[str, Any]) -> dict[str, Any]:
    """One archive against its site's database."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        articles = {row["url"]: dict(row) for row in conn.execute("SELECT * FROM articles")}
        posts = truth["posts"]
        found = [(post, articles.get(post["url"])) for post in posts]
        kept = [(post, article) for post, article in found if article is not None]
        figures = {
            "posts": len(posts),
            "post_recall": len(kept) / len(posts),
            "non_posts_kept": len(set(articles) - {post["url"] for post in posts}),
            "title_exact": _share(kept, lambda p, a: normalised(a["title"]) == shown_title(p["title"])),
            "date_exact": _share(kept, lambda p, a: same_instant(a["published"], p["date"])),
            "author_exact": _share(kept, lambda p, a: normalised(a["author"]) == normalised(p["author"])),
            "categories_exact": _share(kept, lambda p, a: _same_terms(a["categories"], p["categories"])),
            "tags_exact": _share(kept, lambda p, a: _same_terms(a["tags"], p["tags"])),
        }
        figures.update(_bodies(conn, kept))
        misses = _misses(found)
        figures.update(_images(conn, kept, misses))
        figures.update(_comments(conn, kept, misses))
        multi = [(p, a) for p, a in kept if p["pages"] > 1]
        figures["multi_page_whole"] = _share(multi, lambda p, a: f1(a["text"], p["text"]) > 0.9) if multi else None
        figures["leaks"] = _leaks(conn, truth)
        misses["multi_page"] = [p["url"] for p, a in multi if f1(a["text"], p["text"]) <= 0.9]
        figures["misses"] = misses
    finally:
        conn.close()
    return figures


def _misses(found: list[tuple[dict, dict | None]]) -> dict[str, list[str]]:
    """Per field, the posts it was wrong on (URL, then what the archive holds against the truth): what to read."""
    misses: dict[str, list[str]] = {"missing": [post["url"] for post, article in found if article is None]}
    checks = {
        "title": lambda p, a: (normalised(a["title"]), shown_title(p["title"])),
        "date": lambda p, a: (a["published"], p["date"]),
        "author": lambda p, a: (normalised(a["author"]), normalised(p["author"])),
        "categories": lambda p, a: (_terms(json.loads(a["categories"])), _terms(p["categories"])),
        "tags": lambda p, a: (_terms(json.loads(a["tags"])), _terms(p["tags"])),
    }
    for field, values in checks.items():
        misses[field] = []
        for post, article in found:
            if article is None:
                continue
            ours, truth = values(post, article)
            wrong = not same_instant(ours, truth) if field == "date" else ours != truth
            if wrong:
                misses[field].append(f"{post['url']}: {ours!r} ≠ {truth!r}")
    return misses


def _terms(terms: list[str]) -> list[str]:
    return sorted(normalised(term) for term in terms)


def _same_terms(archived: str, truth: list[str]) -> bool:
    return _terms(json.loads(archived)) == _terms(truth)


def _share(pairs: list[tuple[Any, Any]], test: Any) -> float | None:
    return sum(bool(test(*pair)) for pair in pairs) / len(pairs) if pairs else None


def _bodies(conn: sqlite3.Connection, kept: list[tuple[dict, dict]]) -> dict[str, float | None]:
    """Body F1 of the archive's text and of trafilatura.extract() on the same stored page (page 1 of a split post:
    what trafilatura is given by a user who crawls the post's URL)."""
    ours, theirs = [], []
    for post, article in kept:
        row = conn.execute(
            "SELECT b.body FROM pages p JOIN page_bodies b ON b.sha256 = p.body_sha256 WHERE p.url = ?"
            " ORDER BY p.fetched_at DESC LIMIT 1",
            (post["url"],),
        ).fetchone()
        if row is None:
            continue
        html = zlib.decompress(row[0]).decode("utf-8", "replace")
        ours.append(f1(article["text"], post["text"]))
        theirs.append(f1(trafilatura.extract(html, url=post["url"]) or "", post["text"]))
    return {"body_f1": _mean(ours), "trafilatura_f1": _mean(theirs)}


def _images(
    conn: sqlite3.Connection, kept: list[tuple[dict, dict]], misses: dict[str, list[str]]
) -> dict[str, float | None]:
    featured, captions_found, captions = 0, 0, 0
    with_featured = [(p, a) for p, a in kept if p["featured_image"]]
    misses["featured_image"], misses["captions"] = [], []
    for post, article in kept:
        images = conn.execute("SELECT src, caption FROM images WHERE article_id = ?", (article["id"],)).fetchall()
        stem = Path(post["featured_image"] or "").stem
        shows_featured = bool(stem) and any(Path(src).stem.startswith(stem) for src, _ in images)
        featured += shows_featured
        if stem and not shows_featured:
            misses["featured_image"].append(f"{post['url']}: {stem} not among {[src for src, _ in images][:3]}")
        shown = " ".join(normalised(c) for _, c in images if c) + " " + normalised(article["text"])
        captions += len(post["captions"])
        captions_found += sum(normalised(c) in shown for c in post["captions"])
        misses["captions"] += [f"{post['url']}: {c!r}" for c in post["captions"] if normalised(c) not in shown]
    return {
        "featured_images": featured / len(with_featured) if with_featured else None,
        "caption_recall": captions_found / captions if captions else None,
    }


def _comments(
    conn: sqlite3.Connection, kept: list[tuple[dict, dict]], misses: dict[str, list[str]]
) -> dict[str, float | None]:
    """A comment counts when its text is archived under its post; threaded when its parent is the right one."""
    total = found = threaded = 0
    for post, article in kept:
        rows = conn.execute(
            "SELECT c.comment_id, c.text, p.comment_id AS parent FROM comments c"
            " LEFT JOIN comments p ON p.id = c.parent_id WHERE c.article_id = ?",
            (article["id"],),
        ).fetchall()
        by_text = {normalised(text): (key, parent) for key, text, parent in rows}
        for comment in post["comments"]:
            total += 1
            match = by_text.get(normalised(comment["text"]))
            found += match is not None
            threaded += match is not None and match[1] == comment["parent"]
            if match is None or match[1] != comment["parent"]:
                wrong = "missing" if match is None else f"answers {match[1]}, not {comment['parent']}"
                misses.setdefault("comments", []).append(f"{post['url']} comment {comment['id']}: {wrong}")
    return {
        "comment_recall": found / total if total else None,
        "comments_threaded": threaded / total if total else None,
    }


def _leaks(conn: sqlite3.Connection, truth: dict[str, Any]) -> int:
    """Archived posts or comments holding the text of a post or comment nobody may read."""
    secrets = [normalised(h["text"]) for h in truth["hidden"]] + [normalised(t) for t in truth["unapproved_comments"]]
    texts = [normalised(t) for (t,) in conn.execute("SELECT text FROM articles UNION ALL SELECT text FROM comments")]
    return sum(any(secret and secret in text for text in texts) for secret in secrets)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def run(folder: Path) -> list[dict[str, Any]]:
    with wordpress(folder, theme_test_data=os.environ.get("WP_THEME_TEST_DATA")) as wp:
        with ThreadPoolExecutor(2) as pool:
            crawls = list(pool.map(lambda item: crawl(item[0], item[1], folder / f"{item[0]}.db"), wp.sites.items()))
        return [_row(wp, result) for result in crawls]


def _row(wp: WordPress, result: Any) -> dict[str, Any]:
    theme, permalinks = result.site.rsplit("_", 1)
    return {
        "theme": theme,
        "permalinks": permalinks,
        "exit": result.returncode,
        "seconds": round(result.seconds, 1),
        "requests": len(requests_seen(wp, result.site)),
        **score(result.db, wp.truth(result.site)),
    }


COLUMNS = (
    ("theme", "theme"),
    ("permalinks", "links"),
    ("post_recall", "post recall"),
    ("non_posts_kept", "non-posts kept"),
    ("title_exact", "title"),
    ("date_exact", "date"),
    ("author_exact", "author"),
    ("categories_exact", "categories"),
    ("tags_exact", "tags"),
    ("body_f1", "body F1"),
    ("trafilatura_f1", "trafilatura F1"),
    ("featured_images", "featured images"),
    ("caption_recall", "captions"),
    ("comment_recall", "comments"),
    ("comments_threaded", "threaded"),
    ("multi_page_whole", "multi-page post"),
    ("leaks", "leaks"),
    ("requests", "requests"),
    ("seconds", "seconds"),
    ("exit", "exit"),
)


def table(rows: list[dict[str, Any]]) -> str:
    def cell(value: Any) -> str:
        return "–" if value is None else f"{value:.3f}" if isinstance(value, float) and value <= 1 else str(value)

    lines = ["| " + " | ".join(title for _, title in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell(row[key]) for key, _ in COLUMNS) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="work in this folder (kept) instead of a temporary one")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        rows = run(args.keep.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="bench-wordpress-") as folder:
            rows = run(Path(folder))
    print(table(rows))
    for row in rows:
        for field, posts in row["misses"].items():
            for miss in posts:
                print(f"{row['theme']}_{row['permalinks']} {field}: {miss}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "wordpress.json").write_text(json.dumps(rows, indent=1))
    (RESULTS / "wordpress.md").write_text(table(rows) + "\n")


if __name__ == "__main__":
    main()
