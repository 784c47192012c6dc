"""No silent loss: every URL a crawl gives up on is a crawl_errors row with its cause, counted, and listed by
`blogarchive verify`; a post the extraction cannot read at first is read another way; query strings that name
posts are kept.

One crawl of a blog whose home page links to each hostile page (servers on 127.0.0.1, see servers.py).
"""

from __future__ import annotations

import gzip
import json
import zlib

import brotli

from crawler.errors import EXIT_INCOMPLETE
from crawler.urls import storage_url
from tests.conftest import run_cli
from tests.hostile.servers import answer, crawl, page, post, post_html, redirect

MB = 1024 * 1024


def gzipped(body: bytes, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Encoding": "gzip", **headers}, gzip.compress(body, 9)


def cut_gzip(handler) -> None:
    """A post whose gzip stream stops half-way, with a Content-Length that matches what is sent."""
    stream = gzip.compress(post_html("Cut short post", paragraphs=40).encode())
    answer(handler, (200, {"Content-Encoding": "gzip"}, stream[: len(stream) // 2]))


def oversized_promise(handler) -> None:
    """Headers announcing 40 MB (over DOWNLOAD_MAXSIZE), then a few bytes and the end."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(40 * MB))
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.write(b"<html>")


def sitemap_bomb() -> tuple[int, dict[str, str], bytes]:
    """A .xml.gz sitemap (no Content-Encoding: Scrapy does not inflate it) that inflates to 60 MB."""
    filler = b"<url><loc>http://127.0.0.1/x</loc></url>" * (60 * MB // 41)
    return 200, {"Content-Type": "application/x-gzip"}, gzip.compress(b"<urlset>" + filler + b"</urlset>", 6)


def deep_post() -> tuple[int, dict[str, str], bytes]:
    """A post nested 5,000 <div>s deep."""
    html = post_html("Deep post").replace("<article>", "<div>" * 5000 + "<article>")
    return 200, {}, html.replace("</article>", "</article>" + "</div>" * 5000).encode()


def nul_post() -> tuple[int, dict[str, str], bytes]:
    """A post a broken CMS wrote NUL bytes into, near its start and in its text."""
    html = post_html("NUL post").replace("<title>", "<title>\x00").replace("</h1>", "</h1>\x00\x00")
    return 200, {}, html.encode()


def refreshing(title: str, target: str, delay: int = 0) -> tuple[int, dict[str, str], bytes]:
    """A post whose <meta http-equiv="refresh"> sends the browser to `target` after `delay` seconds."""
    return 200, {}, post_html(title, head=f'<meta http-equiv="refresh" content="{delay}; url={target}">').encode()


def canonical(title: str, href: str) -> tuple[int, dict[str, str], bytes]:
    """A post whose theme prints `href` as its rel=canonical."""
    return 200, {}, post_html(title, head=f'<link rel="canonical" href="{href}">').encode()


def deep_jsonld_post() -> tuple[int, dict[str, str], bytes]:
    """A post whose only odd part is a JSON-LD block nested 100,000 lists deep (Python's json gives up)."""
    deep = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    return 200, {}, post_html("Deep JSON-LD post", head=deep).encode()


HOSTILE = {
    "/gzip-bomb/": "dropped for size: ",
    "/brotli-bomb/": "dropped for size: ",
    "/too-large/": "dropped for size: ",
    "/loop/": "redirect loop: {base}loop/ → {base}loop/again/ → {base}loop/",
    "/chain/0/": "more than REDIRECT_MAX_TIMES redirect hops",
    "/cut-gzip/": "cut short: its gzip stream ends early (",
    "/aside-post/": "extraction found no post body, though the page's <aside> holds ",
    "/moved-nowhere/": "redirects to an address no server can have: http://[2001:db8::1/x",
    "/fixed/": "HTTP 404",  # the canonical two posts name (below)
    "/sitemap-bomb.xml.gz": "sitemap refused: it inflates to more than 50 MB (a gzip bomb?)",
}


def test_every_url_given_up_on_is_a_crawl_error_counted_and_verified(world, tmp_path, db):
    blog, _, sink = world
    bombs = {"/gzip-bomb/": gzipped(b" " * (40 * MB))}
    bombs["/brotli-bomb/"] = (200, {"Content-Encoding": "br"}, brotli.compress(b" " * (40 * MB), quality=5))
    jsonld = json.dumps(
        {
            "@type": "BlogPosting",
            "headline": "Big JSON-LD post",
            "datePublished": "2024-05-01",
            "author": {"@type": "Person", "name": "Ann Smith"},
            "comment": "x" * (5 * MB),
        }
    )
    blog.routes.update(
        {
            "/": page(
                *list(HOSTILE)[:-1],  # the sitemap is named by robots.txt only
                "/ok-post/",
                "/deep-post/",
                "/jsonld-post/",
                "/nul-post/",
                "/deep-jsonld-post/",
                "/index.php?entry=1",
                "/index.php?entry=2",
                "/?p=123",
                "/?p=124&utm_source=feed",
                "/reloading/",
                "/refresh-nowhere/",
                "/alias/",
                *(f"/canonical-{n}/" for n in range(4)),
            ),
            "/robots.txt": (200, {"Content-Type": "text/plain"}, f"Sitemap: {blog.base}sitemap-bomb.xml.gz\n".encode()),
            **bombs,
            "/too-large/": oversized_promise,
            "/loop/": redirect("/loop/again/"),
            "/loop/again/": redirect("/loop/"),
            "/moved-nowhere/": redirect("http://[2001:db8::1/x"),
            **{f"/chain/{n}/": redirect(f"/chain/{n + 1}/") for n in range(25)},
            "/cut-gzip/": cut_gzip,
            "/aside-post/": post("Aside post", wrap="aside"),
            "/sitemap-bomb.xml.gz": sitemap_bomb(),
            "/ok-post/": post("A fine post"),
            "/deep-post/": deep_post(),
            "/jsonld-post/": post("Big JSON-LD post", head=f'<script type="application/ld+json">{jsonld}</script>'),
            "/nul-post/": nul_post(),
            "/deep-jsonld-post/": deep_jsonld_post(),
            "/index.php?entry=1": post("Entry one"),
            "/index.php?entry=2": post("Entry two"),
            "/?p=123": post("Post 123"),
            "/?p=124": post("Post 124"),
            "/reloading/": refreshing("Reloading post", "/reloading/", delay=30),
            "/refresh-nowhere/": refreshing("Refresh nowhere", "http://[2001:db8::1/x"),
            "/alias/": refreshing("Moved", "/alias-target/"),  # a Hugo alias: the stub goes, its target stays
            "/alias-target/": post("Alias target"),
            # a theme that names the home page as each post's canonical; one that names a fixed (missing) page
            **{f"/canonical-{n}/": canonical(f"Canonical {n}", "/" if n < 2 else "/fixed/") for n in range(4)},
        }
    )
    result = crawl(tmp_path, sink, blog.base)
    assert result.returncode == EXIT_INCOMPLETE, result.stderr
    # all but the page a canonical names, which answers 404 (no feed or sitemap lists it: a broken link, no loss)
    assert result.stderr.startswith(f"{len(HOSTILE) - 1} pages or files of the blog could not be archived")

    errors = dict(db("SELECT url, message FROM crawl_errors"))
    for path, cause in HOSTILE.items():
        assert errors.get(blog.base + path.lstrip("/"), "").startswith(cause.format(base=blog.base)), (path, errors)
    assert len(errors) == len(HOSTILE), errors
    assert db("SELECT errors FROM crawl_runs") == [(len(HOSTILE),)]  # counted
    articles = dict(db("SELECT url, title FROM articles"))
    expected = {
        "ok-post/": "A fine post",
        "deep-post/": "Deep post",
        "jsonld-post/": "Big JSON-LD post",
        "nul-post/": "NUL post",
        "deep-jsonld-post/": "Deep JSON-LD post",
        "index.php?entry=1": "Entry one",
        "index.php?entry=2": "Entry two",
        "?p=123": "Post 123",
        "?p=124": "Post 124",
        "reloading/": "Reloading post",  # a meta refresh to the page itself, or to an address no server can
        "refresh-nowhere/": "Refresh nowhere",  # have, is no redirect: the page stays
        "alias-target/": "Alias target",
        "canonical-0/": "Canonical 0",
        "canonical-1/": "Canonical 1",
    }
    # of two posts naming one canonical, the one read first is stored there, the other under its own address
    fixed = {title: url for url, title in articles.items() if title in ("Canonical 2", "Canonical 3")}
    assert sorted(fixed.values()) in (
        [blog.base + "canonical-3/", blog.base + "fixed/"],
        [blog.base + "canonical-2/", blog.base + "fixed/"],
    )
    articles = {url: title for url, title in articles.items() if title not in fixed}
    assert articles == {blog.base + path: title for path, title in expected.items()}
    deep, big = (
        db("SELECT word_count, author, published FROM articles WHERE url = ?", blog.base + path)[0]
        for path in ("deep-post/", "jsonld-post/")
    )
    # the whole post, and its JSON-LD block's short values
    assert deep[0] > 300 and big[0] > 300 and big[1:] == ("Ann Smith", "2024-05-01")
    assert not any("Cut short" in title for title in articles.values())
    for path in ("nul-post/", "deep-jsonld-post/"):  # the whole post, the repair said in the log
        assert db("SELECT word_count FROM articles WHERE url = ?", blog.base + path)[0][0] > 300
    log = (tmp_path / "crawl.log").read_text()
    assert f"{blog.base}nul-post/: 3 NUL characters removed" in log
    assert f"{blog.base}deep-jsonld-post/: 1 JSON-LD block(s) nested too deeply to read left out" in log
    assert f"{blog.base}deep-post/: nested more than " in log
    assert f"{blog.base}refresh-nowhere/: its meta refresh names an address no server can have" in log

    report = run_cli("verify", "--db", str(tmp_path / "archive.db"), "--json")
    assert dict(json.loads(report.stdout)["given_up"]) == errors
    text = run_cli("verify", "--db", str(tmp_path / "archive.db"), "--format", "table").stdout
    assert f"{len(HOSTILE)} URLs the crawls gave up on" in text and "/cut-gzip/" in text
    piped = run_cli("verify", "--db", str(tmp_path / "archive.db")).stdout  # one TSV line per problem
    assert sum(line.startswith("given up\t") for line in piped.splitlines()) == len(HOSTILE)


def test_a_deflate_or_brotli_stream_cut_short_is_refused_and_a_whole_one_kept():
    from scrapy.http import HtmlResponse, Request

    from crawler.downloadermiddlewares.complete_body import CompleteBodyMiddleware
    from crawler.failures import GaveUp

    middleware = CompleteBodyMiddleware(32 * MB)
    html = post_html("Whole").encode()
    for coding, data in (
        ("deflate", zlib.compress(html)),
        ("br", brotli.compress(html)),
        ("gzip", gzip.compress(html)),
    ):
        request = Request("http://127.0.0.1/p/")
        whole = HtmlResponse(request.url, headers={"Content-Encoding": coding}, body=data)
        assert middleware.process_response(request, whole) is whole
        cut = HtmlResponse(request.url, headers={"Content-Encoding": coding}, body=data[: len(data) // 2])
        try:
            middleware.process_response(request, cut)
        except GaveUp as exc:
            assert exc.message.startswith(f"cut short: its {coding} stream ends early")
        else:
            raise AssertionError(f"a cut {coding} stream was kept")


def test_a_canonical_url_with_the_default_port_is_the_same_post():
    assert storage_url("http://127.0.0.1/x/", "http://127.0.0.1:80/x/") == "http://127.0.0.1/x/"
    assert storage_url("https://a.org/y/", "https://a.org:443/x/") == "https://a.org/x/"
    assert storage_url("http://a.org:8080/y/", "http://a.org/x/") == "http://a.org:8080/y/"  # another site


BROKEN = ("http://[2001:db8::1/x", "http://127.0.0.1:99999/x", "http://127.0.0.1:port/x")  # urllib raises on each


def test_addresses_no_parser_reads_cost_their_link_not_the_page_feed_or_sitemap(world, tmp_path, db):
    # A home page, feed and sitemap with broken links beside good ones: each lost the whole page, so the crawl
    # archived nothing ("could not read the page: ValueError: Invalid IPv6 URL"). Now each loses only those links.
    blog, _, sink = world
    broken = "".join(f'<a href="{url}">broken</a><link rel="alternate" href="{url}">' for url in BROKEN)
    dated = '<meta property="article:published_time" content="2024-05-02">'
    home = f'<html><head>{broken}</head><body>{broken}<a href="/home-post/">Home post</a></body></html>'
    items = "".join(f"<item><title>Broken</title><link>{url}</link></item>" for url in BROKEN)
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><link>{blog.base}</link>{items}'
        f"<item><title>Feed post</title><link>{blog.base}feed-post/</link></item></channel></rss>"
    )
    sitemap = "".join(f"<url><loc>{url}</loc></url>" for url in (*BROKEN, f"{blog.base}sitemap-post/"))
    home_post = post_html("Home post", head=f'{dated}<link rel="canonical" href="{BROKEN[0]}">')
    blog.routes.update(
        {
            "/": (200, {}, home.encode()),
            "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, feed.encode()),
            "/robots.txt": (200, {"Content-Type": "text/plain"}, f"Sitemap: {blog.base}sitemap.xml\n".encode()),
            "/sitemap.xml": (200, {"Content-Type": "application/xml"}, f"<urlset>{sitemap}</urlset>".encode()),
            "/home-post/": (200, {}, home_post.replace("</h1>", f"</h1>{broken}").encode()),
            "/feed-post/": post("Feed post", head=dated),
            "/sitemap-post/": post("Sitemap post", head=dated),
        }
    )
    result = crawl(tmp_path, sink, blog.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT url, message FROM crawl_errors") == []
    assert {title for (title,) in db("SELECT title FROM articles")} == {"Home post", "Feed post", "Sitemap post"}
