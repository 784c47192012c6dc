"""Any change to what the archive holds for a post — its body, title, authors, images, captions, comments, tags or
categories — is a version with its diff, and nothing else is: a recrawl that changed only the comments stores the new
comments and keeps the old ones (a deleted comment too) in article_versions; `history --diff` shows each part."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from archive import Archive, content
from crawler.demo.server import DemoSite, serve
from tests.conftest import run_cli

POST = {
    "url": "https://blog.example.org/2024/05/bread/",
    "title": "Bread at home",
    "text": "Flour, water, salt.\nA long rise.",
    "markdown": "Flour, water, salt.\n\nA long rise.",
    "authors": [{"name": "Lea Brandt", "url": "https://blog.example.org/author/lea/"}],
    "tags": ["bread", "baking"],
    "categories": ["Kitchen"],
    "images": [{"src": "https://blog.example.org/loaf.jpg", "position": 1, "alt": "A loaf", "caption": "Day one"}],
    "comments": [
        {"author": "Sam", "published": "2024-05-02", "text": "Tried it, lovely."},
        {"author": "Spam Bot", "published": "2024-05-03", "text": "Cheap watches here."},
    ],
}

# part → (a change to a post, what the version's diff summary says about it)
CHANGES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "title": (lambda p: p.update(title="Bread at home, again"), "title changed"),
    "text": (lambda p: p.update(text=p["text"] + "\nBake hot."), "text +1/-0 lines"),
    "authors": (lambda p: p["authors"].append({"name": "Sam Carter"}), "authors +1/-0"),
    "tags": (lambda p: p.update(tags=["bread", "sourdough"]), "tags +1/-1"),
    "categories": (lambda p: p.update(categories=["Kitchen", "Weekend"]), "categories +1/-0"),
    "images": (
        lambda p: p["images"].append({"src": "https://blog.example.org/crumb.jpg", "position": 2}),
        "images +1/-0",
    ),
    "captions": (lambda p: p["images"][0].update(caption="Day two"), "images +1/-1"),
    "comments": (lambda p: p["comments"].append({"author": "Priya", "text": "Which flour?"}), "comments +1/-0"),
    "deleted comment": (lambda p: p["comments"].pop(), "comments +0/-1"),
}


def _post() -> dict[str, Any]:
    return json.loads(json.dumps(POST))


@pytest.fixture
def archive(tmp_path):
    opened = Archive(tmp_path / "archive.db")
    yield opened
    opened.close()


@pytest.mark.parametrize("part", CHANGES)
def test_a_change_of_any_part_is_a_version_holding_the_part_as_it_was(archive, part):
    change, said = CHANGES[part]
    run = archive.start_run([POST["url"]])
    assert archive.save_article(run, _post(), "2024-05-01T00:00:00+00:00") == "new"
    changed = _post()
    change(changed)
    assert archive.save_article(run, changed, "2024-05-08T00:00:00+00:00") == "updated"

    rows = archive.conn.execute("SELECT version, fetched_at, diff_summary FROM article_versions").fetchall()
    assert [tuple(row) for row in rows] == [(1, "2024-05-01T00:00:00+00:00", said)]
    version = dict(archive.conn.execute("SELECT * FROM article_versions").fetchone())
    kept = {part: json.loads(version[part]) if part in content.LIST_PARTS else version[part] for part in content.PARTS}
    assert kept["title"] == POST["title"] and kept["text"] == POST["text"]
    assert (kept["tags"], kept["categories"], kept["authors"]) == (POST["tags"], POST["categories"], ["Lea Brandt"])
    assert [(c["author"], c["text"]) for c in kept["comments"]] == [(c["author"], c["text"]) for c in POST["comments"]]
    assert [(i["src"], i["alt"], i["caption"]) for i in kept["images"]] == [
        (i["src"], i["alt"], i["caption"]) for i in POST["images"]
    ]
    article = archive.conn.execute("SELECT * FROM articles").fetchone()
    now = content.stored(archive.conn, article)  # the rows hold the new state
    assert now != kept and content.summary(kept, now) == said
    assert archive.save_article(run, changed, "2024-05-09T00:00:00+00:00") == "unchanged"


def test_the_same_post_saved_again_is_unchanged_and_makes_no_version(archive):
    run = archive.start_run([POST["url"]])
    archive.save_article(run, _post(), "t1")
    assert archive.save_article(run, _post(), "t2") == "unchanged"
    assert archive.conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0
    assert archive.conn.execute("SELECT last_fetched FROM articles").fetchone()[0] == "t2"


def test_a_post_whose_digest_is_of_an_older_kind_is_compared_part_by_part(archive):
    """Archives from before every part counted keep another digest: the same content is no version."""
    run = archive.start_run([POST["url"]])
    archive.save_article(run, _post(), "t1")
    archive.conn.execute("UPDATE articles SET content_hash = 'an older digest'")
    assert archive.save_article(run, _post(), "t2") == "unchanged"
    assert archive.conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0
    expected = content.digest(content.built(archive.conn, _post(), _rows_of(_post())))
    assert archive.conn.execute("SELECT content_hash FROM articles").fetchone()[0] == expected


def test_a_reply_names_its_parent_by_position_and_a_change_of_thread_is_a_version(archive):
    """Threaded comments (schema V7): a reply's parent is another comment row; the content names it by position,
    which stays the same when the rows are written again, so a re-extraction is no change but a reply moved is."""
    threaded = _post()
    threaded["comments"] = [
        {"id": "c1", "author": "Sam", "text": "Tried it, lovely."},
        {
            "id": "c2",
            "parent": "c1",
            "depth": 2,
            "author": "Lea",
            "author_url": "https://lea.example/",
            "text": "Thanks",
        },
    ]
    run = archive.start_run([POST["url"]])
    assert archive.save_article(run, threaded, "t1") == "new"
    assert archive.save_article(run, json.loads(json.dumps(threaded)), "t2", refresh=True) == "refreshed"
    assert archive.save_article(run, json.loads(json.dumps(threaded)), "t3") == "unchanged"  # new row ids, same thread
    rows = archive.conn.execute("SELECT id, comment_id, parent_id, depth FROM comments ORDER BY position").fetchall()
    assert [tuple(row)[1:] for row in rows] == [("c1", None, 1), ("c2", rows[0][0], 2)]

    moved = json.loads(json.dumps(threaded))
    moved["comments"][1].update(parent=None, depth=1)  # the reply now stands on its own
    assert archive.save_article(run, moved, "t4") == "updated"
    version = archive.conn.execute("SELECT comments, diff_summary FROM article_versions").fetchone()
    kept = json.loads(version[0])
    assert [(c["comment_id"], c["parent_id"], c["depth"], c["author_url"]) for c in kept] == [
        ("c1", None, 1, None),
        ("c2", 1, 2, "https://lea.example/"),
    ]
    assert version[1] == "comments +1/-1"


def _rows_of(post: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    from archive.articles import _rows

    return _rows(post)


NEW_COMMENT = {"author": "Jonas W.", "text": "Made it twice this week, the second time with rye.", "date": "2024-06-01"}


def test_a_recrawl_that_changed_only_comments_and_tags_stores_them_and_keeps_the_old_ones(tmp_path):
    db = tmp_path / "archive.db"
    options = ("--db", str(db), "--quiet", "-s", "EXTRACT_PROCESSES=1")
    site = DemoSite()
    post = next(p for p in site.posts if p.comments and p.lang == "en")
    kept, deleted = (comment["text"] for comment in post.comments)
    with serve(site):
        assert run_cli("crawl", site.base, *options).returncode == 0
        url = site.base.rstrip("/") + post.path
        site.edit_post(post.slug, tags=[*post.tags[:-1], "Weeknight"], comments=[post.comments[0], NEW_COMMENT])
        recrawl = run_cli("crawl", site.base, *options)
        assert recrawl.returncode == 0, recrawl.stderr

    connection = sqlite3.connect(db)
    comments = connection.execute(
        "SELECT c.text FROM comments c JOIN articles a ON a.id = c.article_id WHERE a.url = ? ORDER BY c.position",
        (url,),
    ).fetchall()
    assert [text for (text,) in comments] == [kept, NEW_COMMENT["text"]]
    assert "Weeknight" in json.loads(
        connection.execute("SELECT tags FROM articles WHERE url = ?", (url,)).fetchone()[0]
    )
    history = json.loads(run_cli("history", url, "--db", str(db), "--format", "json").stdout)
    assert [v["diff_summary"] for v in history] == ["tags +1/-1; comments +1/-1", "current"]
    assert deleted in [c["text"] for c in history[0]["comments"]]  # the deleted comment stays in the versions
    diff = run_cli("history", url, "--db", str(db), "--diff", "1").stdout.splitlines()
    assert [line.rsplit(" ", 1)[1] for line in diff if line.startswith(("--- ", "+++ "))] == [
        "tags",
        "tags",
        "comments",
        "comments",
    ]
    assert f"-    {deleted}" in diff and f"+    {NEW_COMMENT['text']}" in diff and "+Weeknight" in diff
