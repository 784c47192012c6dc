"""The address a post is stored under (crawler/core/post_keys.py): a wrong rel=canonical costs no post."""

from __future__ import annotations

import pytest

from archive import Archive
from crawler.core.post_keys import PostKeys
from crawler.urls import storage_url
from tests.test_archive_store import article

SITE = "https://blog.example"


@pytest.fixture
def archive(tmp_path):
    store = Archive(tmp_path / "a.db")
    yield store
    store.close()


def save(archive: Archive, keys: PostKeys, run: int, url: str, title: str, canonical: str | None) -> str:
    """Store the post `title` fetched at `url` as the crawl's pipeline does; the address it went to."""
    result = article(url=url, canonical_url=canonical, title=title, text=f"{title}: its own text.")
    result["url"] = keys.key(url, result)
    keys.stored(url, result["url"], archive.save_article(run, result, "2024-02-01T00:00:00+00:00"))
    return result["url"]


def stored(archive: Archive) -> dict[str, str]:
    return dict(archive.conn.execute("SELECT url, title FROM articles"))


def test_a_canonical_naming_the_site_root_is_no_posts_address():
    assert storage_url(f"{SITE}/2024/a/", f"{SITE}/") == f"{SITE}/2024/a/"
    assert storage_url(f"{SITE}/?p=12", f"{SITE}/index.php") == f"{SITE}/?p=12"
    assert storage_url(f"{SITE}/index.html", f"{SITE}/") == f"{SITE}/"  # the home page's own
    assert storage_url(f"{SITE}/?p=12", f"{SITE}/?p=12&utm_source=x") == f"{SITE}/?p=12"
    assert storage_url(f"{SITE}/amp/2024/a/", f"{SITE}/2024/a/") == f"{SITE}/2024/a/"


def test_posts_that_name_one_canonical_are_each_kept(archive):
    keys, run = PostKeys(archive), archive.start_run([SITE])
    assert save(archive, keys, run, f"{SITE}/a/", "Post A", f"{SITE}/latest/") == f"{SITE}/latest/"
    assert save(archive, keys, run, f"{SITE}/b/", "Post B", f"{SITE}/latest/") == f"{SITE}/b/"
    # the same post at another address (an AMP copy, a short link) is still one row
    assert save(archive, keys, run, f"{SITE}/a/amp/", "Post  A", f"{SITE}/latest/") == f"{SITE}/latest/"
    assert stored(archive) == {f"{SITE}/latest/": "Post  A", f"{SITE}/b/": "Post B"}


def test_a_post_that_took_another_posts_address_gives_it_back(archive):
    keys, run = PostKeys(archive), archive.start_run([SITE])
    # /c/'s theme names /d/ (the post before it) as its canonical; /c/ is read first
    assert save(archive, keys, run, f"{SITE}/c/", "Post C", f"{SITE}/d/") == f"{SITE}/d/"
    assert save(archive, keys, run, f"{SITE}/d/", "Post D", f"{SITE}/d/") == f"{SITE}/d/"
    assert stored(archive) == {f"{SITE}/c/": "Post C", f"{SITE}/d/": "Post D"}
    moved = archive.conn.execute("SELECT url FROM changes WHERE title = 'Post C'").fetchall()
    assert [row[0] for row in moved] == [f"{SITE}/c/"]
    assert archive.conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0

    # the next run reads them in the other order: nothing moves, nothing changes
    keys, run = PostKeys(archive), archive.start_run([SITE])
    assert save(archive, keys, run, f"{SITE}/d/", "Post D", f"{SITE}/d/") == f"{SITE}/d/"
    assert save(archive, keys, run, f"{SITE}/c/", "Post C", f"{SITE}/d/") == f"{SITE}/c/"
    assert stored(archive) == {f"{SITE}/c/": "Post C", f"{SITE}/d/": "Post D"}
    assert archive.conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0


def test_a_post_whose_title_changed_keeps_its_address(archive):
    keys, run = PostKeys(archive), archive.start_run([SITE])
    assert save(archive, keys, run, f"{SITE}/e/", "Post E", f"{SITE}/e/") == f"{SITE}/e/"
    keys, run = PostKeys(archive), archive.start_run([SITE])
    # reached at another spelling of its address only (http://, a query), edited: still the same post
    assert save(archive, keys, run, "http://blog.example/e/?amp=1", "Post E, edited", f"{SITE}/e/") == f"{SITE}/e/"
    assert stored(archive) == {f"{SITE}/e/": "Post E, edited"}


def test_a_folder_and_its_index_page_holding_one_post_are_one_row(archive):
    """Quarto links every post as /posts/x/index.html and its author's prose as /posts/x/; a static host serves the
    same page at both, and it has no rel=canonical: one post. Another post at the other spelling stays apart."""
    keys, run = PostKeys(archive), archive.start_run([SITE])
    assert save(archive, keys, run, f"{SITE}/posts/x/index.html", "Post X", None) == f"{SITE}/posts/x/index.html"
    assert save(archive, keys, run, f"{SITE}/posts/x/", "Post X", None) == f"{SITE}/posts/x/index.html"
    assert save(archive, keys, run, f"{SITE}/posts/y/", "Post Y", None) == f"{SITE}/posts/y/"
    assert save(archive, keys, run, f"{SITE}/posts/y/index.html", "Post Y", None) == f"{SITE}/posts/y/"
    assert save(archive, keys, run, f"{SITE}/z/", "Post Z", None) == f"{SITE}/z/"
    assert save(archive, keys, run, f"{SITE}/z/index.html", "Another page", None) == f"{SITE}/z/index.html"
    assert len(stored(archive)) == 4


def test_a_canonical_in_other_letters_than_the_address_read_is_no_better_address(archive):
    """Hexo Redefine lowercases a post's canonical: /2025/12/22/macmini-ipad/ for the post served at
    /2025/12/22/Macmini-iPad/. On a case-sensitive host that is a dead address (404): the post stays where it was
    read. Where the crawl reads the canonical (200), the host ignores case, and the post is stored there, once."""
    keys, run = PostKeys(archive), archive.start_run([SITE])
    read, lowered = f"{SITE}/2025/12/22/Macmini-iPad%E6%97%A0/", f"{SITE}/2025/12/22/macmini-ipad无/"
    assert save(archive, keys, run, read, "Macmini iPad", lowered) == read
    assert stored(archive) == {read: "Macmini iPad"}

    keys, run = PostKeys(archive), archive.start_run([SITE])
    assert save(archive, keys, run, read, "Macmini iPad", lowered) == read
    answered = storage_url(read, lowered)
    archive.record_page(run, {"url": answered, "status": 200, "content_type": "text/html", "body": b"<html>"})
    assert save(archive, keys, run, answered, "Macmini iPad", lowered) == answered
    assert stored(archive) == {answered: "Macmini iPad"}
    # read once, the canonical is the post's address from the first
    keys, run = PostKeys(archive), archive.start_run([SITE])
    assert save(archive, keys, run, read, "Macmini iPad", lowered) == answered


def test_route_pages_of_an_app_whose_shell_names_a_canonical_are_each_kept(archive):
    """A Docsify blog's index.html with `<link rel="canonical" href="https://blog.example/">`: the same in every
    route's page, it put every post under the home page's address, each over the one before."""
    keys, run = PostKeys(archive), archive.start_run([f"{SITE}/"])
    for slug, title in (("rye", "Sowing rye"), ("oats", "Rolling oats")):
        assert save(archive, keys, run, f"{SITE}/#/posts/{slug}", title, f"{SITE}/") == f"{SITE}/#/posts/{slug}"
    assert stored(archive) == {f"{SITE}/#/posts/rye": "Sowing rye", f"{SITE}/#/posts/oats": "Rolling oats"}
