"""End-to-end crawls of the sample blog served on 127.0.0.1 into real SQLite files."""

from __future__ import annotations

import gzip
import io
import re

from scrapy.utils.misc import is_generator_with_return_value

from crawler.demo.server import DemoSite, serve
from crawler.spiders.blog import BlogSpider
from tests.conftest import FAULTS_EXIT, run_cli


def _stored_posts(db) -> set[tuple[str, str]]:
    return set(db("SELECT url, title FROM articles"))


def test_crawl_archives_every_post_once_and_nothing_else(site, crawl, db):
    result = crawl(site.base)
    assert result.returncode == FAULTS_EXIT, result.stderr
    assert _stored_posts(db) == set(site.expected_posts())  # no listing, tag, author or alias page stored
    assert db("SELECT count(*) FROM articles")[0][0] == 33


def test_crawl_stores_authors_images_captions_comments_and_languages(site, crawl, db):
    assert crawl(site.base).returncode == FAULTS_EXIT
    assert set(db("SELECT name, article_count FROM authors")) == {
        ("Jane Holloway", 42),
        ("Philip Wienberg", 1367),
        ("김민지", 152),
        ("Lea Brandt", 1204),
    }
    assert dict(db("SELECT language, count(*) FROM articles GROUP BY language")) == {"en": 11, "de": 11, "ko": 11}
    multi = db(
        "SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id JOIN articles a"
        " ON a.id = aa.article_id WHERE a.title = 'Python packaging in 2024: a calm overview' ORDER BY aa.position"
    )
    assert multi == [("Jane Holloway",), ("Philip Wienberg",)]
    expected_images = sum(len(p.figures) for p in site.posts)
    assert db("SELECT count(*) FROM images")[0][0] == expected_images
    captions = {c for (c,) in db("SELECT caption FROM images WHERE caption IS NOT NULL")}
    assert "Day five: the first reliable rise - image 1" in captions
    assert (
        db("SELECT count(*) FROM images WHERE src LIKE '%avatars%' OR src LIKE '%pixel%' OR src LIKE '%-300x200%'")[0][
            0
        ]
        == 0
    )
    assert db("SELECT count(*) FROM comments")[0][0] == sum(len(p.comments) for p in site.posts)


def test_crawl_counts_bad_pages_as_errors_and_goes_on(site, crawl, db):
    result = crawl(site.base)
    assert result.returncode == FAULTS_EXIT
    # /broken/ and /empty/: the PDF a post links to is no page, and no loss
    assert result.stderr.startswith("2 pages or files of the blog could not be archived"), result.stderr
    errors = dict(db("SELECT url, message FROM crawl_errors"))
    assert errors[site.base + "downloads/checklist/"] == "not an HTML page (application/pdf)"
    assert errors[site.base + "empty/"] == "empty page (no body)"
    assert errors[site.base + "broken/"] == "HTTP 500 (tried 3 times)"
    assert db("SELECT errors, status FROM crawl_runs")[0] == (3, "finished")
    kinds = {kind for (kind,) in db("SELECT DISTINCT kind FROM pages")}
    assert {"robots", "sitemap", "feed", "article", "listing", "tag", "category", "author"} <= kinds


def test_recrawl_of_unchanged_site_skips_posts_the_sitemap_says_are_unchanged(site, crawl, db):
    assert crawl(site.base).returncode == FAULTS_EXIT
    before = db("SELECT id, content_hash, first_seen FROM articles ORDER BY id")
    assert crawl(site.base).returncode == FAULTS_EXIT
    assert db("SELECT id, content_hash, first_seen FROM articles ORDER BY id") == before
    assert db("SELECT articles_new, articles_updated FROM crawl_runs WHERE id = 2")[0] == (0, 0)
    # Posts are in the sitemap with a lastmod before our last fetch: skipped, or (reached through a link before
    # the sitemap was read) asked with a conditional GET and answered 304 — never downloaded and re-extracted.
    kinds = {
        k for (k,) in db("SELECT DISTINCT p.kind FROM pages p JOIN articles a ON a.url = p.url WHERE p.run_id = 2")
    }
    assert kinds <= {"not-modified"}
    assert (
        db("SELECT count(*) FROM pages WHERE run_id = 2")[0][0]
        < db("SELECT count(*) FROM pages WHERE run_id = 1")[0][0]
    )


def test_recrawl_without_sitemap_sends_conditional_gets_and_writes_no_rows(crawl, db):
    site = DemoSite(sitemap="none")
    with serve(site):
        assert crawl(site.base).returncode == 0
        assert crawl(site.base).returncode == 0
    assert db("SELECT articles_new, articles_updated FROM crawl_runs WHERE id = 2")[0] == (0, 0)
    not_modified = db("SELECT count(*) FROM pages WHERE run_id = 2 AND kind = 'not-modified'")[0][0]
    assert not_modified >= 33


def test_recrawl_of_a_server_without_validators_does_not_extract_the_same_bytes_again(tmp_path, db):
    site = DemoSite(sitemap="none")
    args = ("--db", str(tmp_path / "archive.db"), "-s", "EXTRACT_PROCESSES=1", "-s", "CONDITIONAL_GET=False")
    with serve(site):
        assert run_cli("crawl", site.base, *args, "--quiet").returncode == 0
        site.edit_post("winter-squash-soup", paragraph="Update: a pinch of smoked paprika works well too.")
        second = run_cli("crawl", site.base, *args)
    assert second.returncode == 0, second.stderr
    summary = dict(re.findall(r"│ ([a-z0-9 ,()-]+?) +│ (\d+) +│", second.stdout))
    assert int(summary["same body, not re-extracted"]) >= 32  # every page but the edited one
    assert summary["updated articles"] == "1" and summary["new articles"] == "0"
    assert int(summary["unchanged articles"]) == 32
    touched = db("SELECT count(*) FROM articles WHERE last_fetched > first_seen")[0][0]
    assert touched == 33  # the unchanged ones were seen again all the same
    assert db("SELECT count(*) FROM pages WHERE run_id = 2 AND kind = 'not-modified'")[0][0] == 0


def test_changed_post_is_updated_and_its_old_version_kept(site, crawl, db):
    assert crawl(site.base).returncode == FAULTS_EXIT
    site.edit_post("winter-squash-soup", title="Roasted squash soup, revisited", paragraph="A new closing note.")
    site.delete_post("cast-iron-care")
    assert crawl(site.base).returncode == FAULTS_EXIT
    title = db("SELECT title FROM articles WHERE url LIKE '%winter-squash-soup%'")[0][0]
    assert title == "Roasted squash soup, revisited"
    versions = db(
        "SELECT v.title, v.diff_summary FROM article_versions v JOIN articles a ON a.id = v.article_id"
        " WHERE a.url LIKE '%winter-squash-soup%'"
    )
    assert versions[0][0] == "Roasted winter squash soup with brown butter"
    assert "title changed" in versions[0][1]
    gone = db("SELECT gone_at, title FROM articles WHERE url LIKE '%cast-iron-care%'")[0]
    assert gone[0] is not None and gone[1].startswith("Cast iron care")
    assert db("SELECT count(*) FROM articles")[0][0] == 33


def test_query_pagination_atom_feed_and_yoast_gzip_sitemap_each_find_every_post(crawl, db):
    site = DemoSite(pagination="query", sitemap="yoast", feed="atom")
    with serve(site):
        assert crawl(site.base).returncode == 0
    assert _stored_posts(db) == set(site.expected_posts())
    sitemap_urls = {u for (u,) in db("SELECT url FROM pages WHERE kind = 'sitemap'")}
    assert site.base + "post-sitemap.xml.gz" in sitemap_urls


def test_links_alone_find_every_post_without_sitemap_or_feed(crawl, db):
    site = DemoSite(sitemap="none", feed="none")
    with serve(site):
        assert crawl(site.base).returncode == 0
    assert _stored_posts(db) == set(site.expected_posts())


def test_max_pages_and_deny_limit_the_crawl(site, crawl, db):
    assert crawl(site.base, "--deny", r"/2024/0[1-4]/", "--max-pages", "200").returncode == FAULTS_EXIT
    months = {url.split("/")[4] for (url,) in db("SELECT url FROM articles")}
    assert months and not months & {"01", "02", "03", "04"}


def test_gzip_sitemap_is_served_compressed(site):
    import urllib.request

    body = urllib.request.urlopen(site.base + "post-sitemap.xml.gz").read()
    assert b"<urlset" in gzip.decompress(body)


def test_progress_is_plain_lines_off_a_terminal_and_log_file_gets_the_full_log(site, tmp_path):
    from tests.conftest import run_cli

    log = tmp_path / "crawl.log"
    result = run_cli(
        "crawl",
        site.base,
        "--db",
        str(tmp_path / "p.db"),
        "--log-file",
        str(log),
        "-s",
        "PROGRESS_INTERVAL=0.2",
        "-s",
        "EXTRACT_PROCESSES=1",
    )
    assert result.returncode == FAULTS_EXIT
    lines = [line for line in result.stderr.splitlines() if " · posts " in line]
    assert lines and all(re.match(r"\d+:\d\d:\d\d · posts \d+", line) for line in lines)  # elapsed first
    assert any(re.search(r"posts \d+ of 33 ", line) for line in lines)  # the total the sitemaps give
    # While sitemaps are still read the total is a lower bound ("of 12+") without an ETA; a total without "+" is final.
    assert {int(total) for total in re.findall(r"posts \d+ of (\d+) ", result.stderr)} == {33}
    assert not any(re.search(r"of \d+\+ .*ETA", line) for line in lines)
    queues = [
        tuple(map(int, q)) for q in re.findall(r"queue (\d+) pending, (\d+) in flight, (\d+) done", result.stderr)
    ]
    assert any(pending > 0 and done > 0 for pending, _, done in queues)  # the frontier's own counts
    assert "new articles" in result.stdout and "33" in result.stdout  # the summary table
    text = log.read_text()
    assert "INFO" in text and f"{site.base}broken/: HTTP 500" in text


def test_log_file_holds_the_log_level_asked_for(site, tmp_path):
    """The root logger is set to LOG_LEVEL (crawler/core/runner.py): DEBUG asked for is still written, else left out."""
    for level, expected in (("DEBUG", True), ("INFO", False)):
        log = tmp_path / f"{level}.log"
        result = run_cli(
            "crawl",
            site.base,
            "--db",
            str(tmp_path / f"{level}.db"),
            "--log-file",
            str(log),
            "-s",
            "EXTRACT_PROCESSES=1",
            "-s",
            f"LOG_LEVEL={level}",
        )
        assert result.returncode == FAULTS_EXIT, result.stderr
        text = log.read_text()
        assert "INFO" in text
        assert (" DEBUG scrapy.core.engine: Crawled (200)" in text) is expected


def test_max_depth_limits_link_following(crawl, db):
    site = DemoSite(sitemap="none", feed="none")
    with serve(site):
        assert crawl(site.base, "--max-depth", "1").returncode == 0
    stored = db("SELECT count(*) FROM articles")[0][0]
    assert 0 < stored < 33  # only posts linked from the home page (depth 1)


def test_no_spider_callback_is_a_generator_that_returns_a_value():
    """WARN_ON_GENERATOR_RETURN_VALUE is off (crawler/settings.py): this makes Scrapy's check once, here."""
    callbacks = [getattr(BlogSpider, name) for name in dir(BlogSpider) if name.startswith(("parse", "on_"))]
    assert len(callbacks) >= 5
    assert not [function.__name__ for function in callbacks if is_generator_with_return_value(function)]


def test_a_feed_given_as_start_url_is_read_for_its_posts_and_the_site_it_names_is_crawled(crawl, db):
    site = DemoSite()
    with serve(site):
        assert crawl(site.base + "feed/").returncode == 0
    assert _stored_posts(db) == set(site.expected_posts())  # the feed lists 10; the site it names has 33
    assert db("SELECT errors FROM crawl_runs") == [(0,)]
    assert db("SELECT kind FROM pages WHERE url = ?", site.base + "feed/") == [("feed",)]


def test_a_sitemap_index_given_as_start_url_is_read_for_its_posts_and_is_no_error(crawl, db):
    site = DemoSite(sitemap="yoast", feed="none")
    with serve(site):
        assert crawl(site.base + "sitemap_index.xml", "--max-pages", "5").returncode == 0
    assert db("SELECT errors FROM crawl_runs") == [(0,)]
    assert db("SELECT kind FROM pages WHERE url = ?", site.base + "sitemap_index.xml") == [("sitemap",)]
    # --max-pages counts pages, not the sitemaps; all five went to posts the sitemaps list
    assert db("SELECT count(*) FROM articles") == [(5,)]
    assert db("SELECT count(*) FROM pages WHERE kind NOT IN ('robots', 'sitemap', 'feed')") == [(5,)]


def test_a_small_max_pages_goes_to_the_posts_the_sitemap_lists_not_to_listings(crawl, db):
    site = DemoSite()
    with serve(site):
        assert crawl(site.base, "--max-pages", "5").returncode == 0
    assert db("SELECT kind, count(*) FROM pages WHERE kind NOT IN ('robots', 'sitemap', 'feed') GROUP BY kind") == [
        ("article", 4),
        ("listing", 1),
    ]  # the start page, then four posts
    assert db("SELECT count(*) FROM frontier") == [(0,)]  # the budget met: the job is finished


def test_summary_counts_images_saved_warc_files_and_gone_posts_and_a_first_crawl_has_nothing_unchanged(tmp_path):
    site = DemoSite()
    args = (
        "--db",
        str(tmp_path / "archive.db"),
        "--media",
        str(tmp_path / "media"),
        "--warc",
        str(tmp_path / "warc"),
        "-s",
        "EXTRACT_PROCESSES=1",
    )
    with serve(site):
        first = run_cli("crawl", site.base, *args)
        site.delete_post("cast-iron-care")
        second = run_cli("crawl", site.base, *args)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    summary = dict(re.findall(r"│ ([^│]+?) +│ ([^│]+?) +│", first.stdout))
    images = len(list((tmp_path / "media").rglob("*.*")))
    assert images > 0 and summary["images saved (--media)"] == f"{images}, 0 already there"
    assert summary["WARC files written (--warc)"] == "1"
    assert summary["unchanged articles"] == "0" and summary["new articles"] == "33"
    again = dict(re.findall(r"│ ([^│]+?) +│ ([^│]+?) +│", second.stdout))
    assert again["gone (404/410)"] == "1" and again["errors"] == "0"
    assert again["images saved (--media)"].startswith("0, ")


def test_a_total_that_sitemaps_still_being_read_can_grow_is_a_lower_bound_without_an_eta():
    from rich.console import Console

    from crawler.extensions.progress import Snapshot

    counts = {"pages": 40, "posts": 14, "total": 33, "pending": 9, "leased": 2, "done": 30, "errors": 0, "elapsed": 6.0}
    growing, final = Snapshot(**counts, discovering=True), Snapshot(**counts, discovering=False)
    assert "posts 14 of 33+ " in growing.line() and "ETA" not in growing.line()
    assert "posts 14 of 33 " in final.line() and final.line().endswith("ETA 0:00:08")  # 19 posts at 14 per 6 s
    shown = {}
    for name, snapshot in (("growing", growing), ("final", final)):
        console = Console(record=True, width=100, file=io.StringIO())
        console.print(snapshot.table())
        shown[name] = console.export_text()
    assert "14 of 33+" in shown["growing"] and "ETA" not in shown["growing"] and "0:00:08" in shown["final"]
