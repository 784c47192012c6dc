"""Members-only posts: a crawl with a browser's cookies.txt and extra headers archives what a member sees, sends
the session to the blog's own origin only, keeps it out of the archive, the log and the WARC files, and records a
session that expires partway (a login page, a members-only notice, a private post's 404 served instead of the post)
as crawl errors — never as the post, a new version of it, or the post gone.

Real crawls (child processes) against a members-only blog on 127.0.0.1 (tests/members_blog.py); the signs of a wall
are read from pages written after each platform's default templates (tests/members/walls/<platform>/<case>/)."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy.http import HtmlResponse, Request

from crawler.archivist.scheduling import crawl_command, crawl_environment
from crawler.archivist.sites import read_config
from crawler.downloadermiddlewares.session_expiry import SessionExpiryMiddleware
from crawler.errors import SessionInputError
from crawler.failures import SessionExpired
from crawler.members.addresses import is_login_address
from crawler.members.cookies_file import read_cookies_file
from crawler.members.session import HEADERS_ENV, build_session, parse_header
from crawler.members.walls import read_signs
from crawler.urls import origin
from tests.conftest import REPO, run_cli
from tests.hostile.servers import Server, answer, serve
from tests.members_blog import (
    HEADER,
    MEMBERS_LINE,
    SESSION_COOKIE,
    SESSION_VALUE,
    MembersBlog,
    cookies_txt,
    serve_members,
)

WALLS = sorted((REPO / "tests" / "members" / "walls").glob("*/*/page.html"))
SECRETS = (SESSION_VALUE, HEADER[1])
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\0" * 40


def _crawl(tmp_path: Path, *args: str) -> object:
    options = ("--db", str(tmp_path / "archive.db"), "--quiet", "--log-file", str(tmp_path / "crawl.log"))
    settings = ("-s", "EXTRACT_PROCESSES=0", "-s", "RETRY_TIMES=0", "-s", "AUTOTHROTTLE_ENABLED=false")
    return run_cli("crawl", *args, *options, *settings)


def _session_options(tmp_path: Path) -> tuple[str, ...]:
    (tmp_path / "cookies.txt").write_text(cookies_txt(), "utf-8")
    return ("--cookies", str(tmp_path / "cookies.txt"), "--header", f"{HEADER[0]}: {HEADER[1]}")


def _rows(tmp_path: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(tmp_path / "archive.db") as connection:
        return connection.execute(sql, params).fetchall()


def _warc_bytes(folder: Path) -> bytes:
    return b"".join(gzip.decompress(path.read_bytes()) for path in sorted(folder.glob("*.warc.gz")))


@pytest.mark.parametrize("page", WALLS, ids=[str(p.parent.relative_to(p.parents[2])) for p in WALLS])
def test_walls_and_signed_in_marks_are_read_by_each_platforms_markup(page):
    expected = json.loads((page.parent / "expected.json").read_text("utf-8"))
    signs = read_signs(page.read_bytes())
    assert (signs.wall, signs.signed_in) == (expected["wall"], expected["signed_in"])


@pytest.mark.parametrize(
    ("url", "login"),
    [
        ("https://blog.example.org/wp-login.php?redirect_to=%2Fx%2F", True),
        ("https://notes.example.net/accounts/login/?next=/notes/x/", True),
        ("https://notes.example.net/user/signin", True),
        ("https://blog.example.org/2024/05/how-to-login-to-your-router/", False),
        ("https://blog.example.org/login-page-design/", False),
        ("https://blog.example.org/", False),
    ],
)
def test_login_addresses_are_told_by_their_last_path_segment(url, login):
    assert is_login_address(url) is login


def test_members_posts_are_archived_whole_and_the_session_goes_to_the_blogs_origin_only(tmp_path):
    image_host = Server(fallback=lambda handler: answer(handler, (200, {"Content-Type": "image/png"}, PNG)))
    with serve(image_host), serve_members(MembersBlog(image_host="")) as blog:
        blog.image_host = image_host.base  # another port of 127.0.0.1: the cookie's domain, not its origin
        media, warc = tmp_path / "media", tmp_path / "warc"
        result = _crawl(tmp_path, blog.base, *_session_options(tmp_path), "--media", str(media), "--warc", str(warc))
    assert result.returncode == 0, result.stderr

    texts = dict(_rows(tmp_path, "SELECT url, text FROM articles"))
    assert {blog.base + slug + "/" for slug in blog.posts()} == set(texts)
    for slug in blog.posts():
        assert (MEMBERS_LINE in texts[blog.base + slug + "/"]) is slug.startswith("members-")
    assert blog.signed_out_posts == set()
    asked = [path for path, _ in blog.seen]  # the toolbar's Log Out and Dashboard, the footer's Log in: not followed
    assert not [path for path in asked if path.startswith(("/wp-admin", "/wp-login.php"))]
    sent = [headers for path, headers in blog.seen if not path.startswith("/robots")]
    assert sent and all(headers.get(HEADER[0]) == HEADER[1] for headers in sent)
    assert all(f"{SESSION_COOKIE}={SESSION_VALUE}" in headers.get("Cookie", "") for headers in sent)
    assert all("not-for-this-blog" not in headers.get("Cookie", "") for headers in sent)  # another site's cookie
    images = [path for path in image_host.paths() if path.startswith("/photo-")]
    assert len(images) == len(blog.posts())  # every post's image fetched from the other origin …
    assert all("Cookie" not in headers and HEADER[0] not in headers for _, headers in image_host.seen)  # … bare

    stored = b"".join(path.read_bytes() for path in tmp_path.glob("archive.db*"))
    log = (tmp_path / "crawl.log").read_bytes()
    records = _warc_bytes(warc)
    assert records.count(b"WARC-Type: request") >= len(blog.posts())
    for secret in SECRETS:
        for where, data in {"archive": stored, "log": log, "WARC": records}.items():
            assert secret.encode() not in data, f"the session is in the {where}"
        assert secret not in result.stdout + result.stderr


def test_a_session_that_expires_partway_is_recorded_never_archived_as_the_post(tmp_path):
    with serve_members(MembersBlog()) as blog:
        first = _crawl(tmp_path, blog.base, *_session_options(tmp_path))
        assert first.returncode == 0, first.stderr
        before = dict(_rows(tmp_path, "SELECT url, text FROM articles"))
        blog.expire_after_next(4)  # the home page and three posts; then the server forgets the session
        blog.members += 1  # a new members-only post, published between the crawls
        second = _crawl(tmp_path, blog.base, *_session_options(tmp_path))

    assert second.returncode == 1
    assert "served signed out" in second.stderr and "export the cookies" in second.stderr
    signed_out = {blog.base + slug + "/" for slug in blog.signed_out_posts}
    assert signed_out and len(signed_out) < len(blog.posts())  # the session ended partway
    errors = dict(_rows(tmp_path, "SELECT url, message FROM crawl_errors WHERE run_id = 2"))
    assert set(errors) == signed_out
    assert all(message.startswith("not archived: the site served ") for message in errors.values())
    walls = {message.split("served ", 1)[1].split(";")[0] for message in errors.values()}
    assert walls <= {
        "the login page /wp-login.php (redirected)",
        "MemberPress's members-only notice",
        "the page without the signed-in marks its earlier pages had",
    }
    after = dict(_rows(tmp_path, "SELECT url, text FROM articles"))
    assert {url: after[url] for url in before} == before  # nothing overwritten by a login page
    assert _rows(tmp_path, "SELECT count(*) FROM article_versions") == [(0,)]
    assert _rows(tmp_path, "SELECT count(*) FROM articles WHERE gone_at IS NOT NULL") == [(0,)]  # no 404 taken for gone
    new_post = blog.base + f"members-{blog.members}/"
    assert (new_post in after) is (new_post not in signed_out)


def test_a_sites_file_site_crawls_with_its_cookies_and_headers_kept_off_the_command_line(tmp_path):
    (tmp_path / "members.txt").write_text(cookies_txt(), "utf-8")
    with serve_members(MembersBlog(public=1, members=2)) as blog:
        (tmp_path / "sites.toml").write_text(
            f'[sites.garden]\nurls = ["{blog.base}"]\ncookies = "members.txt"\n'
            f'headers = {{ "{HEADER[0]}" = "{HEADER[1]}" }}\n'
            "settings = { EXTRACT_PROCESSES = 0, AUTOTHROTTLE_ENABLED = false }\n",
            "utf-8",
        )
        site = read_config(tmp_path / "sites.toml").sites["garden"]
        assert HEADER[1] not in " ".join(crawl_command(site, tmp_path / "archive.db"))
        assert json.loads(crawl_environment(site)[HEADERS_ENV]) == [f"{HEADER[0]}: {HEADER[1]}"]
        result = run_cli("run-due", "--config", str(tmp_path / "sites.toml"), "--site", "garden")
    assert result.returncode == 0, result.stderr
    texts = [text for (text,) in _rows(tmp_path, "SELECT text FROM articles WHERE url LIKE '%members-%'")]
    assert len(texts) == 2 and all(MEMBERS_LINE in text for text in texts)
    assert all(headers.get(HEADER[0]) == HEADER[1] for path, headers in blog.seen if path == "/")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--cookies", "{tmp}/missing.txt"), "--cookies {tmp}/missing.txt: cannot read it: No such file or directory"),
        (("--cookies", "{tmp}/other.txt"), "--cookies {tmp}/other.txt: no cookie for 127.0.0.1 (it has cookies for"),
        (("--cookies", "{tmp}/broken.txt"), "--cookies {tmp}/broken.txt: line 2 is not a cookies.txt line"),
        (("--header", "X-Token secret-value"), "--header X-Token: give it as 'Name: value'"),
        (("--header", "Cookie: a=b"), "--header Cookie: not an extra header: give cookies with --cookies FILE"),
        (
            ("--header", "X-A: b", "--broker", "redis://127.0.0.1:1/0"),
            "--cookies and --header cannot be used with --broker",
        ),
    ],
)
def test_a_session_that_cannot_be_used_is_one_line_before_the_crawl(tmp_path, options, message):
    (tmp_path / "other.txt").write_text(".other.example\tTRUE\t/\tTRUE\t0\tsid\tsecret-value\n", "utf-8")
    (tmp_path / "broken.txt").write_text("# Netscape HTTP Cookie File\n127.0.0.1 FALSE / secret-value\n", "utf-8")
    arguments = [option.format(tmp=tmp_path) for option in options]
    result = run_cli("crawl", "http://127.0.0.1:9/", *arguments, "--db", str(tmp_path / "archive.db"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {message.format(tmp=tmp_path)}")
    assert "secret-value" not in result.stderr and not (tmp_path / "archive.db").exists()


def test_cookies_file_lines_are_read_as_browsers_and_curl_write_them(tmp_path):
    path = tmp_path / "cookies.txt"
    path.write_text(cookies_txt("blog.example.org") + "\n# a comment\n", "utf-8")
    cookies = read_cookies_file(path)
    assert [(c.domain, c.name, c.subdomains, c.https_only, c.expires) for c in cookies] == [
        ("blog.example.org", SESSION_COOKIE, False, False, 4102444800),  # #HttpOnly_ line
        ("blog.example.org", "wp-settings-time-1", False, False, 0),  # ends with the browser session
        ("other.example", "sid", True, True, 4102444800),
    ]
    session = build_session(["https://blog.example.org/", "https://www.other.example:8443/"], path, [], now=0)
    assert [c.name for c in session.cookies[origin("https://blog.example.org/")]] == [
        SESSION_COOKIE,
        "wp-settings-time-1",
    ]
    assert [c.name for c in session.cookies[origin("https://www.other.example:8443/")]] == ["sid"]
    with pytest.raises(SessionInputError, match="are for HTTPS only; crawl https://www.other.example/"):
        build_session(["http://www.other.example/"], path, [], now=0)
    path.write_text(cookies_txt("blog.example.org").splitlines()[3] + "\n", "utf-8")  # the session cookie alone
    with pytest.raises(
        SessionInputError, match="every cookie for blog.example.org has expired .the last on 2100-01-01"
    ):
        build_session(["https://blog.example.org/"], path, [], now=4102444800 + 1)


def test_headers_are_checked_and_never_quoted():
    assert parse_header("X-Members-Token:  abc def ") == ("X-Members-Token", "abc def")
    for line, problem in [
        ("Host: secret.example", "the crawl sets Host itself"),
        ("X-A: secret\nX-B: c", "may not hold a line break"),
        (": secret-only", "give it as 'Name: value'"),
        ("X-A secret", "give it as 'Name: value'"),
    ]:
        with pytest.raises(SessionInputError, match=problem) as caught:
            parse_header(line)
        assert "secret" not in str(caught.value)


@pytest.mark.parametrize("status", [401, 403])
def test_a_401_or_403_to_a_members_page_is_a_wall(status):
    session = build_session(["https://blog.example.org/"], None, ["X-A: b"])
    crawler = SimpleNamespace(
        spider=SimpleNamespace(session=session), stats=SimpleNamespace(inc_value=lambda key: None)
    )
    middleware = SessionExpiryMiddleware(crawler)
    request = Request("https://blog.example.org/members/", meta={"page": True})
    response = HtmlResponse(request.url, status=status, body=b"<html><body>no</body></html>", request=request)
    with pytest.raises(SessionExpired, match=f"the site served HTTP {status}"):
        middleware.process_response(request, response)
    other = Request("https://cdn.example.org/members/", meta={"page": True})  # not the session's origin
    assert middleware.process_response(other, response.replace(url=other.url, request=other)) is not None
