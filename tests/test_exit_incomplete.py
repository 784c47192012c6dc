"""A crawl that archived less than it should exits non-zero (status 3, crawler/errors.py EXIT_INCOMPLETE), with one
line that says how many pages or files and where their causes are; a broken link — a page answering 404 or 410,
even one a feed lists (`verify` names those) — or a redirect off the blog is no loss, and leaves the status 0.
`run-due` says the same of its sites, and keeps such a run 'finished'."""

from __future__ import annotations

from pathlib import Path

from archive import Archive
from crawler.errors import EXIT_INCOMPLETE
from tests.conftest import run_cli
from tests.hostile.servers import Server, post, redirect, serve
from tests.test_schedule import YEARLY, sites_file

NO_RETRY = ("-s", "RETRY_TIMES=0")


def _home(*links: str, feed: str | None = None) -> tuple[int, dict[str, str], bytes]:
    head = f'<link rel="alternate" type="application/rss+xml" href="{feed}">' if feed else ""
    items = "".join(f'<li><a href="{link}">{link}</a></li>' for link in links)
    return 200, {}, f"<!doctype html><html><head>{head}</head><body><ul>{items}</ul></body></html>".encode()


def _rss(base: str, *paths: str) -> tuple[int, dict[str, str], bytes]:
    items = "".join(
        f"<item><link>{base}{path}</link><pubDate>Thu, 02 May 2024 09:30:00 +0000</pubDate></item>" for path in paths
    )
    return 200, {"Content-Type": "application/rss+xml"}, f'<rss version="2.0"><channel>{items}</channel></rss>'.encode()


def test_a_post_the_server_fails_on_makes_the_crawl_exit_incomplete(crawl, db, tmp_path: Path):
    routes = {
        "/": _home("/blog/rye/", "/blog/spelt/", "/blog/oats/"),
        "/blog/rye/": post("Rye"),
        "/blog/spelt/": (500, {}, b"database error"),
        "/blog/oats/": post("Oats"),
    }
    with serve(Server(routes=routes)) as site:
        result = crawl(site.base, *NO_RETRY)
    assert result.returncode == EXIT_INCOMPLETE, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("1 page or file of the blog could not be archived"), lines
    assert "crawl_errors, run_id = 1" in lines[0] and "blogarchive verify" in lines[0]
    assert db("SELECT count(*) FROM articles") == [(2,)]  # the rest is archived
    assert db("SELECT status FROM crawl_runs") == [("finished",)]
    verified = run_cli("verify", "--db", str(tmp_path / "archive.db"), "--format", "csv")
    assert f"given up,{site.base}blog/spelt/,HTTP 500" in verified.stdout


def test_a_post_whose_rows_the_archive_refuses_is_a_crawl_error_and_the_crawl_exits_incomplete(crawl, db, tmp_path):
    """A fault in one page's rows (here a trigger of the archive's owner refuses a title) undoes that page's
    writes; the page is a crawl error that counts as lost — it was lost without a word before."""
    store = Archive(tmp_path / "archive.db")
    store.conn.execute(
        "CREATE TRIGGER no_spelt BEFORE INSERT ON articles WHEN NEW.title = 'Spelt'"
        " BEGIN SELECT RAISE(ABORT, 'no spelt here'); END"
    )
    store.close()
    routes = {"/": _home("/blog/rye/", "/blog/spelt/"), "/blog/rye/": post("Rye"), "/blog/spelt/": post("Spelt")}
    with serve(Server(routes=routes)) as site:
        result = crawl(site.base, *NO_RETRY)
    assert result.returncode == EXIT_INCOMPLETE, result.stderr
    assert db("SELECT title FROM articles") == [("Rye",)]
    assert db("SELECT url, message FROM crawl_errors") == [
        (site.base + "blog/spelt/", "could not be stored (IntegrityError: no spelt here)")
    ]


def test_broken_links_and_redirects_off_the_blog_lose_nothing(crawl, db):
    routes = {
        "/": _home("/blog/rye/", "/blog/gone-long-ago/", "/go/shop", feed="/feeds/news.xml"),  # its feed is gone
        "/blog/rye/": post("Rye"),
        "/go/shop": redirect("http://shop.example/item"),  # an affiliate link: out of the crawl's scope
    }
    with serve(Server(routes=routes)) as site:
        result = crawl(site.base, *NO_RETRY)
    assert result.returncode == 0, result.stderr
    errors = db("SELECT url, message FROM crawl_errors ORDER BY url")
    assert [url for url, _ in errors] == [
        site.base + "blog/gone-long-ago/",
        site.base + "feeds/news.xml",
        site.base + "go/shop",
    ]


def test_a_post_its_feed_lists_that_answers_404_is_no_loss_of_the_crawl_and_verify_names_it(crawl, tmp_path: Path):
    """The site says the post exists and does not serve it: the crawl archived all it could; `verify`, which holds
    the archive against the site's own lists, names the post missing."""
    routes = {"/": _home("/blog/rye/", feed="/feed.xml"), "/blog/rye/": post("Rye")}
    with serve(Server(routes=routes)) as site:
        site.routes["/feed.xml"] = _rss(site.base, "blog/rye/", "blog/spelt/")
        result = crawl(site.base, *NO_RETRY)
    assert result.returncode == 0, result.stderr
    verified = run_cli("verify", "--db", str(tmp_path / "archive.db"), "--format", "csv")
    assert verified.returncode == 1 and f"{site.base}blog/spelt/" in verified.stdout


def test_run_due_says_which_sites_lost_pages_and_keeps_their_runs_finished(tmp_path, db):
    routes = {"/": _home("/blog/rye/", "/blog/spelt/"), "/blog/rye/": post("Rye"), "/blog/spelt/": (503, {}, b"")}
    with serve(Server(routes=routes)) as site:
        config = sites_file(tmp_path, {"flaky": (site.base, YEARLY)})
        result = run_cli("run-due", "--config", str(config))
    assert result.returncode == EXIT_INCOMPLETE, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("incomplete: flaky (")
    assert db("SELECT job, status FROM crawl_runs") == [("flaky", "finished")]
    assert db("SELECT message FROM crawl_errors") == [("HTTP 503",)]


def test_an_image_the_server_fails_on_is_lost_one_it_has_not_is_not(crawl, db, tmp_path: Path):
    figure = '<figure><img src="{}" alt="a loaf"><figcaption>The loaf</figcaption></figure>'

    def page(title: str, src: str) -> bytes:
        return post(title)[2].decode().replace("</article>", figure.format(src) + "</article>").encode()

    routes = {
        "/": _home("/blog/rye/", "/blog/spelt/"),
        "/blog/rye/": (200, {}, page("Rye", "/img/missing.png")),
        "/blog/spelt/": (200, {}, page("Spelt", "/img/broken.png")),
        "/img/broken.png": (500, {}, b"storage backend down"),
    }
    with serve(Server(routes=routes)) as site:
        only_missing = crawl(site.base + "blog/rye/", "--media", str(tmp_path / "media"), *NO_RETRY)
        both = crawl(site.base, "--media", str(tmp_path / "media"), *NO_RETRY)
    assert only_missing.returncode == 0, only_missing.stderr
    assert both.returncode == EXIT_INCOMPLETE, both.stderr
    assert db("SELECT message FROM crawl_errors WHERE run_id = 2 ORDER BY message") == [
        ("image: HTTP 404",),
        ("image: HTTP 500",),
    ]


def test_a_post_that_needs_a_browser_is_lost_without_one_a_tag_page_is_not(crawl, db):
    """With --render never, a page that needs a browser is a crawl error; a post's text is lost with it, a tag's
    page (a hub by its address, which holds no post) loses nothing: its links were read from its HTML."""
    shell = b'<!doctype html><html><body><div id="app"></div><script src="/app.js"></script></body></html>'
    routes = {
        "/": _home("/blog/rye/", "/tags/bread/"),
        "/blog/rye/": post("Rye"),
        "/tags/bread/": (200, {}, shell.replace(b"</div>", b'</div><a href="/blog/spelt/">Spelt</a>')),
        "/blog/spelt/": post("Spelt"),
    }
    with serve(Server(routes=routes)) as site:
        hub_only = crawl(site.base, *NO_RETRY, "--render", "never")
        site.routes["/blog/oats/"] = (200, {}, shell)
        site.routes["/"] = _home("/blog/rye/", "/tags/bread/", "/blog/oats/")
        with_post = crawl(site.base, *NO_RETRY, "--render", "never")
    assert hub_only.returncode == 0, hub_only.stderr
    assert with_post.returncode == EXIT_INCOMPLETE, with_post.stderr
    assert db("SELECT count(*) FROM articles WHERE url LIKE '%/blog/spelt/'") == [(1,)]  # found through the tag page


def test_a_hugo_section_list_beside_its_themes_inline_script_is_no_page_lost_without_a_browser(crawl, db):
    """Hugo names itself in the home page's `<meta name="generator">` only: a section's list of two posts beside
    the theme's 4 KB of inline code (Hugo Stack's /post/ and /archives/) was a shell that needed a browser, and with
    --render never a page lost — the crawl of a complete static blog exited incomplete. The home page's generator
    speaks for the site's other pages."""
    script = "<script>" + "document.body.classList.add('animated-loading');" * 80 + "</script>"
    hugo = '<meta name="generator" content="Hugo 0.155.3">'
    home = _home("/post/", "/p/rye/", "/p/spelt/")[2].replace(b"<head>", f"<head>{hugo}".encode())
    section = (
        "<!doctype html><html><head><title>Posts</title></head><body><section class='article-list--compact'>"
        "<article><a href='/p/rye/'><h2>Rye</h2><time>Feb 03, 2026</time></a></article>"
        f"<article><a href='/p/spelt/'><h2>Spelt</h2><time>Feb 02, 2026</time></a></article></section>{script}"
        "</body></html>"
    )
    routes = {"/": (200, {}, home), "/post/": (200, {}, section.encode()), "/p/rye/": post("Rye")}
    routes["/p/spelt/"] = post("Spelt")
    with serve(Server(routes=routes)) as site:
        result = crawl(site.base, *NO_RETRY, "--render", "never")
    assert result.returncode == 0, result.stderr
    assert db("SELECT count(*) FROM crawl_errors") == [(0,)]
    assert db("SELECT count(*) FROM articles") == [(2,)]


def test_links_to_an_engines_admin_and_login_areas_are_not_followed_nor_lost(crawl, db):
    """Rhymix's xedition layout links its admin area (`/index.php?module=admin&act=…`) and the member module's
    sign-in and sign-up (`?act=dispMemberLoginForm`) on every page, and the engine answers a visitor's request for
    the admin area 403: the crawl counted a page lost and exited 3. Engines' admin and member areas, by their own URL
    conventions (XE's `module=admin` and `act=disp…Admin…`/`dispMember…`, WordPress's /wp-admin/ and /wp-login.php,
    Joomla's /administrator/, Drupal's /user/login …), are no pages of a blog."""
    areas = (
        "/index.php?module=admin",
        "/index.php?module=admin&act=dispMenuAdminSiteMap",
        "/index.php?mid=board&act=dispMemberLoginForm",
        "/index.php?mid=board&document_srl=7&act=dispMemberSignUpForm",
        "/wp-admin/",
        "/wp-login.php?redirect_to=%2F",
        "/administrator/",
        "/user/login?destination=/node/1",
    )
    routes = {"/": _home("/board/7", "/board/9", *areas), "/board/7": post("Rye"), "/board/9": post("Spelt")}
    routes.update({path.split("?")[0]: (403, {}, b"<h1>Forbidden</h1>") for path in areas})
    with serve(Server(routes=routes)) as site:
        result = crawl(site.base, *NO_RETRY)
    assert result.returncode == 0, result.stderr
    assert db("SELECT count(*) FROM crawl_errors") == [(0,)]
    assert db("SELECT count(*) FROM articles") == [(2,)]
    assert not [path for path in site.paths() if "admin" in path or "login" in path or "Member" in path]


def test_links_to_gnuboards_forms_and_pop_ups_are_not_followed_nor_lost(crawl, db):
    """A Gnuboard post's page links the board's write and reply forms, the comment delete check, the scrap, profile
    and mail pop-ups, and view_image.php for each attachment: a script's shell around the picture, which the crawl
    reported as a page that needs a browser and exited 3. Those scripts of its bbs/ folder are no pages of a blog;
    nor is its switch to the other skins (`?device=mobile`), which the visitor's session keeps."""
    areas = (
        "/bbs/write.php?bo_table=free&w=r&wr_id=1",
        "/bbs/password.php?w=x&bo_table=free&comment_id=18",
        "/bbs/view_image.php?bo_table=free&fn=a_b.jpg",
        "/bbs/scrap_popin.php?bo_table=free&wr_id=1",
        "/bbs/profile.php?mb_id=admin",
        "/bbs/login.php?url=%2F",
        "/?device=mobile",
    )
    shell = b"<html><body><div id='app'></div>" + b"<script>var x = 1;</script>" * 200 + b"</body></html>"
    routes = {"/": _home("/board/7", "/board/9", *areas), "/board/7": post("Rye"), "/board/9": post("Spelt")}
    routes.update({path.split("?")[0]: (200, {}, shell) for path in areas if path.startswith("/bbs/")})
    with serve(Server(routes=routes)) as site:
        result = crawl(site.base, *NO_RETRY, "--render", "never")
    assert result.returncode == 0, result.stderr
    assert db("SELECT count(*) FROM crawl_errors") == [(0,)]
    assert db("SELECT count(*) FROM articles") == [(2,)]
    assert not [path for path in site.paths() if path.startswith("/bbs/")]
    assert db("SELECT count(*) FROM pages WHERE url LIKE '%device=%'") == [(0,)]
