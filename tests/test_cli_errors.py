"""Bad input to the crawl command: one clear line naming the input and the cause, the right exit status."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import run_cli, unused_port
from tests.hostile.servers import Server, page, serve


def test_a_refused_connection_is_one_error_not_retried_and_the_host_not_tried_again(tmp_path):
    log = tmp_path / "crawl.log"
    port = unused_port()
    result = run_cli(
        "crawl",
        f"http://127.0.0.1:{port}/",
        "--db",
        str(tmp_path / "a.db"),
        "--quiet",
        "--log-file",
        str(log),
        "-s",
        "LOG_LEVEL=DEBUG",
    )
    assert result.returncode == 1
    assert "nothing was archived" in result.stderr
    rows = sqlite3.connect(tmp_path / "a.db").execute("SELECT url, message FROM crawl_errors").fetchall()
    assert rows == [(f"http://127.0.0.1:{port}/", "connection refused (is the server running?)")]
    text = log.read_text()
    assert "Retrying <GET" not in text
    # Scrapy's count of requests that reached the network: robots.txt found the host down, and the start page,
    # the usual sitemap and feed paths were not tried
    assert "'downloader/request_count': 1," in text


def test_a_host_whose_name_does_not_resolve_is_not_tried_again():
    from scrapy import Request
    from scrapy.exceptions import CannotResolveHostError

    from crawler.downloadermiddlewares.unreachable import UnreachableHostMiddleware

    middleware = UnreachableHostMiddleware()
    middleware.process_exception(Request("http://blog.invalid/robots.txt"), CannotResolveHostError("no such host"))
    assert middleware.process_request(Request("http://other.invalid/")) is None
    with pytest.raises(CannotResolveHostError, match="no such host"):
        middleware.process_request(Request("http://blog.invalid/feed/"))


@pytest.mark.parametrize(
    ("urls", "expected"),
    [
        (
            ("example.com",),
            "invalid start URL 'example.com': it must start with http:// or https://; "
            "did you mean https://example.com/?",
        ),
        (("localhost:8000/blog/",), "did you mean http://localhost:8000/blog/?"),
        (("http://127.0.0.1:1/", "htp:/broken"), "invalid start URL 'htp:/broken': it must start with http://"),
        (("http://",), "invalid start URL 'http://': it has no host name"),
    ],
)
def test_a_bad_start_url_stops_the_command_before_the_archive_is_created(tmp_path, urls, expected):
    result = run_cli("crawl", *urls, "--db", str(tmp_path / "a.db"))
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "a.db").exists()


def test_unwritable_db_path_fails_before_crawling(tmp_path):
    result = run_cli("crawl", "http://127.0.0.1:1/", "--db", str(tmp_path / "missing" / "a.db"))
    assert result.returncode == 1
    assert f"folder {tmp_path / 'missing'} does not exist" in result.stderr


def test_corrupt_db_is_refused_with_the_path_in_the_message(tmp_path):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a database" * 100)
    result = run_cli("crawl", "http://127.0.0.1:1/", "--db", str(corrupt))
    assert result.returncode == 1
    assert str(corrupt) in result.stderr and "Traceback" not in result.stderr


def test_extract_of_a_missing_file_is_one_line(tmp_path):
    result = run_cli("extract", str(tmp_path / "nope.html"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: cannot read {tmp_path / 'nope.html'}: No such file or directory"


def test_scrapy_native_crawl_writes_the_archive(site, tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    db = tmp_path / "native.db"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "blog",
            "-a",
            f"start_urls={site.base}",
            "-s",
            f"ARCHIVE_DB={db}",
            "-s",
            "EXTRACT_PROCESSES=1",
            "-s",
            "LOG_LEVEL=WARNING",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 33


def test_a_bad_setting_name_or_value_is_one_line_before_the_archive_is_created(tmp_path):
    db = tmp_path / "a.db"
    for value, expected in (
        ("CONCURENT_REQUESTS=4", "CONCURENT_REQUESTS: no such setting; did you mean CONCURRENT_REQUESTS?"),
        ("WARC_MAX_SIZ=10", "WARC_MAX_SIZ: no such setting; did you mean WARC_MAX_SIZE?"),
        ("NO_SUCH_THING=1", "NO_SUCH_THING: no such setting"),
        ("WARC_MAX_SIZE=abc", "WARC_MAX_SIZE='abc': WARC_MAX_SIZE takes a whole number (default: 1073741824)"),
        ("ROBOTSTXT_OBEY=maybe", "ROBOTSTXT_OBEY='maybe': ROBOTSTXT_OBEY takes true or false (also 1 or 0)"),
        ("DOWNLOAD_HANDLERS={oops", "DOWNLOAD_HANDLERS='{oops': DOWNLOAD_HANDLERS takes a JSON object"),
        (
            "CONCURRENT_REQUESTS=2.5",
            "CONCURRENT_REQUESTS='2.5': CONCURRENT_REQUESTS takes a whole number (default: 16)",
        ),
    ):
        result = run_cli("crawl", "http://127.0.0.1:1/", "--db", str(db), "--quiet", "-s", value)
        assert result.returncode == 2, result.stderr
        assert expected in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()  # refused before the archive was created


def test_an_allow_or_deny_regex_that_does_not_compile_is_one_line_before_crawling(tmp_path):
    db = tmp_path / "a.db"
    for arguments, expected in (
        (
            ("--deny", "/shop/", "--deny", "["),
            "Invalid value for '--deny': '[' is not a valid regular expression: unterminated character set",
        ),
        (
            ("-s", r"BLOG_ALLOW=/20\d\d/,(draft"),  # Scrapy splits a list setting's text at commas
            "BLOG_ALLOW='/20\\\\d\\\\d/,(draft': '(draft' is not a valid regular expression: missing )",
        ),
    ):
        result = run_cli("crawl", "http://127.0.0.1:1/", "--db", str(db), "--quiet", *arguments)
        assert result.returncode == 2, result.stderr
        assert expected in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()  # refused before the archive was created


def test_a_list_setting_takes_a_json_list_or_commas_and_bad_items_are_one_line(tmp_path):
    db = tmp_path / "a.db"
    lists = ("-s", "RETRY_HTTP_CODES=[500,503]", "-s", "RETRY_TIMES=1", "-s", 'BLOG_DENY=["/a,b/", "/c/"]')
    result = run_cli("crawl", f"http://127.0.0.1:{unused_port()}/", "--db", str(db), "--quiet", *lists)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr  # crawled: nothing there
    for value, expected in (
        ('RETRY_HTTP_CODES=[500,"x"]', "RETRY_HTTP_CODES takes a list of int items, as JSON ([500, 502, 503])"),
        ("RETRY_HTTP_CODES=[500", "RETRY_HTTP_CODES='[500': not a JSON list"),
        ("BLOG_DENY=[1]", "BLOG_DENY takes a list of str items"),
    ):
        result = run_cli("crawl", "http://127.0.0.1:1/", "--db", str(tmp_path / "b.db"), "--quiet", "-s", value)
        assert result.returncode == 2 and expected in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "b.db").exists()


def test_a_blog_whose_pages_are_routes_after_a_hash_says_so_when_nothing_was_archived(crawl, db):
    """A script-routed app in hash mode (Docsify, a router on a host that serves one file for every path) links its
    posts as `#/posts/x`: the crawl cannot follow them, archives nothing, and its one line says why."""
    links = "".join(f'<li><a href="#/posts/{slug}">Post {slug}</a></li>' for slug in ("rye", "spelt", "oats"))
    anchor = '<a href="#/?id=notes">#</a>'  # Docsify's anchor of a heading of the home route: counted, not named
    home = f"<!doctype html><html><head><title>Notes</title></head><body><h1>Notes {anchor}</h1><ul>{links}</ul></body>"
    with serve(Server(routes={"/": (200, {}, home.encode())})) as site:
        result = crawl(site.base)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"nothing was archived from {site.base}: its pages are addressed")
    assert "routes after '#' (4 links such as /#/posts/rye," in lines[0] and "docs/rendering.md" in lines[0]


def test_a_blog_whose_pages_hold_no_text_unrendered_says_so_when_nothing_was_archived(crawl, db):
    """An app whose shell no rule of --render auto knows (its own root element, its code in files): the page is
    stored with no text, nothing is archived, and the crawl's one line said no more than that. It says now that
    its page held no text and was not rendered, and how to render it."""
    home = (
        b"<!doctype html><html><head><title>Notes</title><script type=module src=/bundle.js></script></head>"
        b"<body><notes-app></notes-app></body></html>"
    )
    bundle = (200, {"Content-Type": "text/javascript"}, b"document.body.append('Notes');")
    with serve(Server(routes={"/": (200, {}, home), "/bundle.js": bundle})) as site:
        result = crawl(site.base)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"nothing was archived from {site.base}: its page held no text")
    assert "--render always" in lines[0]
    assert db("SELECT kind, rendered FROM pages WHERE url = ?", site.base) == [("other", None)]


def test_a_blog_whose_robots_txt_forbids_the_crawl_says_so_when_nothing_was_archived(crawl, db):
    """`Disallow: /` for every agent: Scrapy's robots.txt middleware refuses every request, which a --quiet crawl
    logs nowhere — it exited 1 with "nothing was archived from URL" and no reason. Its one line says why now, and
    how to crawl the site anyway."""
    robots = b"User-agent: *\nDisallow: /\n"
    home = page("/2024/01/rye/", "/2024/02/spelt/")
    with serve(Server(routes={"/robots.txt": (200, {"Content-Type": "text/plain"}, robots), "/": home})) as site:
        result = crawl(site.base)
        paths = site.paths()
    # Nothing but robots.txt: the sitemap and feed probes queued beside the start page waited for the same rules
    # (Scrapy's middleware let all but the first waiting request through, and eleven probes were fetched).
    assert result.returncode == 1 and set(paths) == {"/robots.txt"}, paths
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"nothing was archived from {site.base}: its robots.txt forbids")
    assert "-s ROBOTSTXT_OBEY=False" in lines[0]


def test_a_blog_whose_posts_all_answer_404_says_so_not_that_robots_txt_forbids_it(crawl, db):
    """A start page whose posts are all gone, and a robots.txt that keeps crawlers from a folder the page links (its
    drafts): the one line blamed robots.txt for the empty archive; it names the 404s now."""
    robots = b"User-agent: *\nDisallow: /drafts/\n"
    home = page("/2024/01/rye/", "/2024/02/spelt/", "/drafts/")
    with serve(Server(routes={"/robots.txt": (200, {"Content-Type": "text/plain"}, robots), "/": home})) as site:
        result = crawl(site.base)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"nothing was archived from {site.base}: the 2 pages it links"), (
        lines
    )
    assert "404 Not Found or 410 Gone (its robots.txt refused 1 requests more)" in lines[0]
