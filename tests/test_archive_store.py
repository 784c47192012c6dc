"""The Archive writer from plain dicts, on real SQLite files."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from archive import Archive


def article(**changes):
    row = {
        "url": "https://blog.example/2024/01/post/",
        "canonical_url": "https://blog.example/2024/01/post/",
        "title": "A post",
        "author": "Ann Lee, Bo Kim",
        "authors": [{"name": "Ann Lee", "url": "https://blog.example/author/ann/"}, {"name": "Bo Kim", "url": None}],
        "published": "2024-01-05T10:00:00+00:00",
        "language": "en",
        "categories": ["Garden"],
        "tags": ["soil", "compost"],
        "text": "First paragraph about compost.\nSecond paragraph.",
        "markdown": "First paragraph about compost.\n\nSecond paragraph.",
        "word_count": 6,
        "author_boxes": [
            {
                "name": "Ann Lee",
                "bio": "Gardener.",
                "avatar_url": "https://blog.example/a.png",
                "article_count": 12,
                "links": ["https://x.com/ann"],
                "url": None,
            }
        ],
        "images": [{"src": "https://blog.example/1.jpg", "position": 1, "alt": "Soil", "caption": "Soil - image 1"}],
        "comments": [{"author": "Cy", "published": "2024-01-06", "text": "Nice."}],
    }
    row.update(changes)
    return row


@pytest.fixture
def archive(tmp_path):
    store = Archive(tmp_path / "a.db")
    yield store
    store.close()


def rows(archive, sql, *params):
    return [tuple(r) for r in archive.conn.execute(sql, params)]


def test_new_then_unchanged_then_updated_keeps_the_old_version(archive):
    run = archive.start_run(["https://blog.example/"])
    assert archive.save_article(run, article(), "2024-02-01T00:00:00+00:00") == "new"
    assert archive.save_article(run, article(), "2024-02-02T00:00:00+00:00") == "unchanged"
    assert archive.save_article(run, article(title="A better post"), "2024-02-03T00:00:00+00:00") == "updated"
    assert rows(archive, "SELECT title, first_seen, last_fetched FROM articles") == [
        ("A better post", "2024-02-01T00:00:00+00:00", "2024-02-03T00:00:00+00:00")
    ]
    assert rows(archive, "SELECT version, title, diff_summary FROM article_versions") == [
        (1, "A post", "title changed")
    ]
    assert archive.finish_run(run, "finished")["articles_new"] == 1
    assert rows(archive, "SELECT articles_new, articles_updated FROM crawl_runs") == [(1, 1)]


def test_authors_are_one_row_per_person_per_site_in_byline_order(archive):
    run = archive.start_run([])
    archive.save_article(run, article(), "t1")
    archive.save_article(run, article(url="https://blog.example/2024/02/other/", title="Other"), "t2")
    assert rows(archive, "SELECT name, bio, article_count, links FROM authors ORDER BY id") == [
        ("Ann Lee", "Gardener.", 12, '["https://x.com/ann"]'),
        ("Bo Kim", None, None, "[]"),
    ]
    assert rows(archive, "SELECT author_id, position FROM article_authors WHERE article_id = 1") == [(1, 1), (2, 2)]


def test_the_sites_home_page_as_two_peoples_address_keeps_them_apart(archive):
    """Jekyll's Minimal Mistakes links every author without a page of their own to the home page: the owner on
    her posts, a guest on his. The home page is no one's address: each stays a row of their own, named as shown."""
    run = archive.start_run([])
    home = "https://blog.example/"
    for url, name in (("https://blog.example/a/", "Jane Example"), ("https://blog.example/b/", "Max Muster")):
        box = [{"name": name, "bio": f"{name} writes.", "url": home, "links": []}]
        archive.save_article(run, article(url=url, title=name, authors=[{"name": name}], author_boxes=box), "t1")
    assert rows(archive, "SELECT name, url FROM authors ORDER BY id") == [("Jane Example", home), ("Max Muster", home)]
    assert rows(archive, "SELECT count(*) FROM author_versions") == [(0,)]


def test_a_person_the_byline_and_the_box_name_differently_is_one_author_of_the_post(archive):
    """The byline's name and the author box's (another spelling, one author page) are found as one row: the post
    has that author once."""
    page = "https://blog.example/author/ann/"
    people = [{"name": "Ann Lee", "url": page}]
    box = [{"name": "Ann M. Lee", "bio": "Gardener.", "url": page, "links": []}]
    archive.save_article(archive.start_run([]), article(authors=people, author_boxes=box), "t1")
    assert rows(archive, "SELECT author_id, position FROM article_authors") == [(1, 1)]


def test_an_author_keeps_the_fullest_values_seen_on_any_post(archive):
    run = archive.start_run([])
    archive.save_article(run, article(), "t1")  # Ann's box: bio, avatar, count, links
    bare = article(
        url="https://blog.example/2024/02/other/",
        title="Other",
        author_boxes=[],
        authors=[{"name": "Ann Lee", "url": None}],
    )
    archive.save_article(run, bare, "t2")  # a later post naming her without a box
    query = "SELECT name, url, bio, avatar_url, article_count, links FROM authors WHERE name = 'Ann Lee'"
    assert rows(archive, query) == [
        (
            "Ann Lee",
            "https://blog.example/author/ann/",
            "Gardener.",
            "https://blog.example/a.png",
            12,
            '["https://x.com/ann"]',
        ),
    ]


def test_a_person_is_found_again_by_their_author_page_and_their_changes_are_versions(archive):
    run = archive.start_run([])
    archive.save_article(run, article(), "t1")
    run = archive.start_run([])  # a later crawl
    renamed = [{"name": "Ann Lee-Park", "url": "https://blog.example/author/ann/"}]
    box = [{"name": "Ann Lee-Park", "bio": "Gardener and cook.", "links": []}]
    archive.save_article(run, article(authors=renamed, author_boxes=box), "t2")  # same post, new byline and bio
    person = {
        "name": "Ann Lee-Park",
        "bio": "Gardener and cook.",
        "article_count": 13,
        "links": ["https://a.social/@ann"],
    }
    archive.save_author_page(run, "https://blog.example/author/ann/", person, "t3")
    assert rows(archive, "SELECT name, bio, article_count, links, first_seen, last_seen FROM authors WHERE id = 1") == [
        ("Ann Lee-Park", "Gardener and cook.", 13, '["https://x.com/ann", "https://a.social/@ann"]', "t1", "t3")
    ]
    assert rows(archive, "SELECT version, name, bio, changed, seen_until FROM author_versions") == [
        (1, "Ann Lee", "Gardener.", '["name", "bio"]', "t2")
    ]
    assert rows(archive, "SELECT author_id FROM article_authors WHERE article_id = 1") == [(1,)]


def test_one_crawl_reading_a_person_in_several_states_keeps_no_version_per_page(archive):
    run = archive.start_run([])
    for n, bio in enumerate(("Gardener.", "Gardener and cook.", "Cook.")):
        box = [{"name": "Ann Lee", "bio": bio, "links": []}]
        archive.save_article(run, article(url=f"https://blog.example/{n}/", author_boxes=box), f"t{n}")
    assert rows(archive, "SELECT bio FROM authors WHERE id = 1") == [("Cook.",)]
    assert rows(archive, "SELECT count(*) FROM author_versions") == [(0,)]
    run = archive.start_run([])  # a later crawl: one version, the state it found, however many pages change it
    for n, bio in enumerate(("Baker.", "Baker and cook.")):
        box = [{"name": "Ann Lee", "bio": bio, "links": []}]
        archive.save_article(run, article(url=f"https://blog.example/{n}/", author_boxes=box), f"u{n}")
    assert rows(archive, "SELECT version, bio, changed, seen_until FROM author_versions") == [
        (1, "Cook.", '["bio"]', "u0")
    ]
    assert rows(archive, "SELECT bio FROM authors WHERE id = 1") == [("Baker and cook.",)]
    assert rows(archive, "SELECT change, fields FROM changes WHERE subject = 'person' AND run_id = ?", run) == [
        ("changed", '["bio"]')
    ]


def test_an_author_page_heading_with_an_unknown_label_does_not_rename_the_person(archive):
    """An author page's heading read with a label extraction does not know ("Autorenarchiv: Ann Lee", as WordPress's
    Twenty Ten prints "Author Archives: …") replaced the name the posts' bylines give, and each later post put it
    back: a new version of the person every time."""
    run = archive.start_run([])
    archive.save_article(run, article(), "t1")
    person = {"name": "Autorenarchiv: Ann Lee", "bio": "Gardener.", "links": []}
    archive.save_author_page(run, "https://blog.example/author/ann/", person, "t2")
    archive.save_article(run, article(url="https://blog.example/2024/02/other/", title="Other"), "t3")
    assert rows(archive, "SELECT name FROM authors WHERE url = 'https://blog.example/author/ann/'") == [("Ann Lee",)]
    assert rows(archive, "SELECT count(*) FROM author_versions") == [(0,)]


def test_an_author_pages_curled_apostrophe_is_the_bylines_name(archive):
    """WordPress's wptexturize curls the apostrophe of an author page's title ("Daniel O’Connor"), not of a byline's
    name ("Daniel O'Connor"): the author page renamed the person, a new version, and a post naming them without a
    link (a co-author its feed names) made a second person."""
    run = archive.start_run([])
    byline = [{"name": "Daniel O'Connor", "url": "https://blog.example/author/daniel/"}]
    archive.save_article(run, article(author="Daniel O'Connor", authors=byline), "t1")
    archive.save_author_page(run, "https://blog.example/author/daniel/", {"name": "Daniel O’Connor"}, "t2")
    other = article(url="https://blog.example/2024/02/other/", title="Other", author="Ann Lee, Daniel O’Connor")
    other["authors"] = [{"name": "Ann Lee"}, {"name": "Daniel O’Connor"}]
    archive.save_article(run, other, "t3")
    assert rows(archive, "SELECT name, url FROM authors WHERE name LIKE 'Daniel%'") == [
        ("Daniel O'Connor", "https://blog.example/author/daniel/")
    ]
    assert rows(archive, "SELECT count(*) FROM author_versions") == [(0,)]


def test_an_author_page_alone_makes_the_person(archive):
    person = {"name": "Dee Roe", "bio": "Writes.", "avatar_url": "https://blog.example/d.png", "links": []}
    archive.save_author_page(archive.start_run([]), "https://blog.example/author/dee/", person, "t1")
    assert rows(archive, "SELECT site, name, url, avatar_url FROM authors") == [
        ("blog.example", "Dee Roe", "https://blog.example/author/dee/", "https://blog.example/d.png")
    ]


def test_children_are_replaced_not_duplicated_on_update(archive):
    run = archive.start_run([])
    archive.save_article(run, article(), "t1")
    two_images = [
        {"src": "https://blog.example/1.jpg", "position": 1},
        {"src": "https://blog.example/2.jpg", "position": 2},
    ]
    archive.save_article(run, article(images=two_images), "t2")
    assert rows(archive, "SELECT position, src FROM images ORDER BY position") == [
        (1, "https://blog.example/1.jpg"),
        (2, "https://blog.example/2.jpg"),
    ]
    assert rows(archive, "SELECT count(*) FROM comments") == [(1,)]


def test_page_bodies_are_stored_once_per_content_and_give_validators(archive):
    run = archive.start_run([])
    page = {
        "url": "https://blog.example/p/",
        "status": 200,
        "content_type": "text/html",
        "kind": "article",
        "fetched_at": "t",
        "etag": '"abc"',
        "last_modified": None,
        "body": b"<html>same</html>",
    }
    archive.record_page(run, page)
    archive.record_page(run, {**page, "url": "https://blog.example/p2/"})
    assert rows(archive, "SELECT count(*) FROM page_bodies") == [(1,)]
    assert archive.stored_page("https://blog.example/p2/") == (b"<html>same</html>", "text/html")
    archive.record_page(run, {**page, "status": 304, "content_type": "", "kind": "not-modified"})
    assert archive.stored_page("https://blog.example/p/") == (b"<html>same</html>", "text/html")  # the 200's
    assert archive.page_validators("https://blog.example/p/") == {"etag": '"abc"', "last_modified": None}
    assert archive.page_validators("https://blog.example/never/") is None


def test_gone_post_keeps_its_data(archive):
    run = archive.start_run([])
    archive.save_article(run, article(), "t1")
    assert archive.mark_gone(run, "https://blog.example/2024/01/post/", "t2") is True
    assert archive.mark_gone(run, "https://blog.example/unknown/", "t2") is False
    assert rows(archive, "SELECT title, gone_at FROM articles") == [("A post", "t2")]
    assert archive.article_fetch_times() == {}


def test_full_text_search_follows_updates(archive):
    run = archive.start_run([])
    archive.save_article(run, article(), "t1")
    assert rows(archive, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'compost'") == [(1,)]
    archive.save_article(run, article(text="Now about mulch only."), "t2")
    assert rows(archive, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'compost'") == []
    assert rows(archive, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'mulch'") == [(1,)]


def test_errors_are_counted_in_the_run(archive):
    run = archive.start_run([])
    archive.record_error(run, "https://blog.example/x", "HTTP 500")
    assert archive.finish_run(run, "finished")["errors"] == 1


def test_reader_never_sees_half_a_batch(tmp_path):
    path = tmp_path / "wal.db"
    writer = Archive(path)
    run = writer.start_run([])
    seen: list[int] = []
    inside_batch = threading.Event()
    release = threading.Event()

    def read():
        inside_batch.wait(5)
        seen.append(sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone()[0])
        release.set()

    reader = threading.Thread(target=read)
    reader.start()
    with writer.batch():
        for n in range(5):
            writer.save_article(run, article(url=f"https://blog.example/{n}/"), "t")
        inside_batch.set()
        release.wait(5)
    reader.join()
    assert seen == [0]
    assert sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    writer.close()


def test_grouped_commits_show_whole_pages_only_at_commit_and_undo_a_failed_one(tmp_path):
    archive = Archive(tmp_path / "a.db")
    run = archive.start_run([])
    archive.group_commits()
    archive.save_article(run, {"url": "https://b.example/1/", "title": "One", "text": "first"}, "t1")
    with pytest.raises(RuntimeError), archive.batch():
        archive.save_article(run, {"url": "https://b.example/2/", "title": "Two", "text": "second"}, "t1")
        raise RuntimeError("extraction result unusable")
    reader = sqlite3.connect(tmp_path / "a.db")
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # nothing committed yet
    archive.commit()
    assert reader.execute("SELECT url FROM articles").fetchall() == [("https://b.example/1/",)]
    archive.save_article(run, {"url": "https://b.example/3/", "title": "Three", "text": "third"}, "t2")
    archive.close()  # commits the rest
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_the_full_text_index_takes_a_commit_s_posts_at_commit_through_savepoints_edits_and_deletes(tmp_path):
    path = tmp_path / "a.db"
    archive = Archive(path)
    run = archive.start_run([])
    archive.save_article(run, article(url="https://b.example/indexed/", text="compost before grouping"), "t0")
    archive.group_commits()
    for n, text in enumerate(["compost one", "compost two", "compost three"]):
        with archive.batch():  # a page of a crawl: its own savepoint
            archive.save_article(run, article(url=f"https://b.example/{n}/", title=f"Post {n}", text=text), "t1")
    with pytest.raises(RuntimeError), archive.batch():
        archive.save_article(run, article(url="https://b.example/undone/", text="compost undone"), "t1")
        raise RuntimeError("a page that fails half-way")
    archive.save_article(run, article(url="https://b.example/1/", title="Post 1", text="mulch now"), "t2")  # pending
    archive.save_article(run, article(url="https://b.example/indexed/", text="mulch after"), "t2")  # indexed
    archive.conn.execute("DELETE FROM articles WHERE url = 'https://b.example/2/'")  # pending, then gone
    reader = sqlite3.connect(path)

    def search(word):
        return reader.execute(
            "SELECT a.url FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY a.url",
            (word,),
        ).fetchall()

    assert search("compost") == [("https://b.example/indexed/",)]  # nothing of this transaction yet
    archive.commit()
    assert search("compost") == [("https://b.example/0/",)]
    assert search("mulch") == [("https://b.example/1/",), ("https://b.example/indexed/",)]
    assert reader.execute("SELECT count(*) FROM articles_fts_pending").fetchone() == (0,)
    archive.conn.execute("DELETE FROM articles WHERE url = 'https://b.example/0/'")  # indexed, then gone
    archive.commit()
    assert search("compost") == []
    reader.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")  # raises if not
    archive.close()


def test_a_feed_read_later_titles_a_stored_post_as_its_page_title_completed_reads(archive):
    """credit_posts_from_feed completed a post's authors and terms only: a post stored with its page's whole
    <title> ("A post — Garden notes — soil and seeds") kept it where the feed read after it titles it "A post". Now
    the title completed from the one stored (`title`: [stored, completed]) is the post's: in place where this run
    stored it, a change with a version where an earlier run did; a post titled otherwise by now keeps its title."""
    page_title = "A post — Garden notes — soil and seeds"
    first = archive.start_run(["https://blog.example/"])
    archive.save_article(first, article(title=page_title), "2024-02-01T00:00:00+00:00")
    retitle = {"title": [page_title, "A post"], "authors": [], "categories": []}
    second = archive.start_run(["https://blog.example/"])
    other = article(url="https://blog.example/2024/01/other/", title=page_title)
    archive.save_article(second, other, "2024-02-02T00:00:00+00:00")
    stale = {"title": ["A post — Garden", "A post"], "authors": [], "categories": []}
    credits = {article()["url"]: retitle, other["url"]: retitle, "https://blog.example/2024/01/gone/": retitle}
    assert archive.credit_posts_from_feed(second, credits, "2024-02-02T00:00:00+00:00") == 2
    assert archive.credit_posts_from_feed(second, {other["url"]: stale}, "2024-02-02T00:00:00+00:00") == 0
    assert rows(archive, "SELECT url, title FROM articles ORDER BY id") == [
        (article()["url"], "A post"),
        (other["url"], "A post"),
    ]
    assert rows(archive, "SELECT version, title FROM article_versions") == [(1, page_title)]
    assert rows(
        archive, "SELECT run_id, url, change, title, fields FROM changes WHERE subject = 'post' ORDER BY id"
    ) == [
        (first, article()["url"], "new", page_title, "[]"),
        (second, other["url"], "new", "A post", "[]"),
        (second, article()["url"], "changed", "A post", '["title"]'),
    ]
    assert rows(archive, "SELECT title FROM articles_fts WHERE articles_fts MATCH 'seeds'") == []
    assert archive.stored_titles([other["url"], "https://blog.example/2024/01/gone/"]) == {
        other["url"]: ("A post", None)
    }


def test_a_feed_read_later_completes_a_stored_post_that_names_some_of_its_authors(archive):
    """A post stored by the first of the authors a feed read after it names (Co-Authors Plus's RSS item names each
    co-author; a block theme's page the post author alone) is by them all; one naming someone else, or all of
    them, keeps its own."""
    run = archive.start_run(["https://blog.example/"])
    first = [{"name": "Ann Lee", "url": "https://blog.example/author/ann/"}]
    archive.save_article(run, article(author="Ann Lee", authors=first), "2024-02-01T00:00:00+00:00")
    other = article(url="https://blog.example/2024/01/other/", author="Cy Doe", authors=[{"name": "Cy Doe"}])
    archive.save_article(run, other, "2024-02-01T00:00:00+00:00")
    feed = [{"name": "Ann Lee", "url": None}, {"name": "Bo Kim", "url": None}]
    credits = {url: {"authors": feed, "categories": []} for url in (article()["url"], other["url"])}
    assert archive.credit_posts_from_feed(run, credits, "2024-02-01T00:00:00+00:00") == 1
    assert rows(archive, "SELECT url, author FROM articles ORDER BY id") == [
        (article()["url"], "Ann Lee, Bo Kim"),
        (other["url"], "Cy Doe"),
    ]
    assert rows(
        archive,
        "SELECT p.name, p.url FROM article_authors aa JOIN authors p ON p.id = aa.author_id"
        " WHERE aa.article_id = 1 ORDER BY aa.position",
    ) == [("Ann Lee", "https://blog.example/author/ann/"), ("Bo Kim", None)]


def test_a_feed_read_later_gives_a_post_stored_without_terms_its_categories_and_the_tags_it_marks(archive):
    """A Hexo post stored before its Atom feed was read, its page naming no term, gets the feed item's categories
    and, apart from them, the terms the feed marks as tags (structure.credit: `tags`); a post naming a term keeps
    its own."""
    run = archive.start_run(["https://blog.example/"])
    archive.save_article(run, article(categories=[], tags=[]), "2024-02-01T00:00:00+00:00")
    other = article(url="https://blog.example/2024/01/other/", categories=["Notes"], tags=[])
    archive.save_article(run, other, "2024-02-01T00:00:00+00:00")
    credit = {"authors": [], "categories": ["译文"], "tags": ["CSS", "布局"]}
    credits = {article()["url"]: credit, other["url"]: credit}
    assert archive.credit_posts_from_feed(run, credits, "2024-02-01T00:00:00+00:00") == 1
    assert rows(archive, "SELECT url, categories, tags FROM articles ORDER BY id") == [
        (article()["url"], '["译文"]', '["CSS", "布局"]'),
        (other["url"], '["Notes"]', "[]"),
    ]
