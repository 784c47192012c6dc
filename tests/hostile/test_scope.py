"""A hostile world: redirects and links that try to leave the crawl's scope, and credentials in start URLs.

Real crawls (child processes) against HTTP servers this test starts on 127.0.0.1; two ports of 127.0.0.1 stand for
"another host". Nothing is ever sent to a non-loopback address: the crawls run with http_proxy pointing at a sink
server on 127.0.0.1 (no_proxy for 127.0.0.1), so a request the guard let through to 169.254.169.254 would land in
the sink, and the test asserts the sink saw nothing.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.http import HtmlResponse, Request, Response
from scrapy.settings import Settings

from crawler.downloadermiddlewares.origin_credentials import OriginCredentialsMiddleware
from crawler.downloadermiddlewares.scope_guard import MEDIA, ScopeGuardMiddleware
from crawler.failures import Refused
from crawler.urls import Scope, origin, redact_url, split_credentials
from tests.hostile.servers import crawl, page, post_html, redirect


def errors(db: Callable[..., list[tuple]]) -> dict[str, str]:
    return dict(db("SELECT url, message FROM crawl_errors"))


def test_redirects_out_of_scope_are_refused_recorded_and_never_fetched(world, tmp_path, db):
    blog, other, sink = world
    metadata = "http://169.254.169.254/latest/meta-data/"
    blog.routes.update(
        {
            "/": page(
                "/hop/", "/away/", "/metadata/", "/ftp/", "/file/", "ftp://127.0.0.1/direct", "file:///etc/hostname"
            ),
            "/hop/": redirect("/hop2/"),
            "/hop2/": redirect("/post/", 301),
            "/post/": page(),
            "/away/": redirect(other.base + "admin/"),
            "/metadata/": redirect(metadata),
            "/ftp/": redirect("ftp://127.0.0.1/pub/x"),
            "/file/": redirect("file:///etc/passwd"),
        }
    )
    other.routes["/admin/"] = page()
    result = crawl(tmp_path, sink, blog.base)
    assert result.returncode in (0, 1), result.stderr  # 1: nothing archived (no article here); the crawl ran

    assert other.seen == [] and sink.seen == []  # no request to the other port, none towards 169.254.169.254
    fetched = {url for (url,) in db("SELECT url FROM pages")}
    assert blog.base + "post/" in fetched  # a redirect chain within scope still works
    assert not any(url.startswith(other.base) or "169.254" in url for url in fetched)
    found = errors(db)
    assert found[blog.base + "away/"] == f"redirect out of scope to {other.base}admin/"
    assert found[blog.base + "metadata/"] == (
        f"redirect to {metadata} refused: resolves to metadata address 169.254.169.254"
    )
    assert found[blog.base + "ftp/"] == "redirect to a non-http(s) URL refused: ftp://127.0.0.1/pub/x"
    assert found[blog.base + "file/"] == "redirect to a non-http(s) URL refused: file:///etc/passwd"
    refused = [
        url
        for url in found
        if url.startswith(blog.base) and url.rstrip("/").rsplit("/", 1)[1] in ("away", "metadata", "ftp", "file")
    ]
    assert len(refused) == 4
    assert db("SELECT errors FROM crawl_runs")[0][0] == len(found)
    assert "/direct" not in " ".join(blog.paths()) and not any("hostname" in url for url in found)


def test_credentials_are_used_for_their_origin_never_stored_or_logged(world, tmp_path, db):
    blog, other, sink = world
    blog.require_auth = "alice:s3cret-pw"
    blog.routes.update({"/": page("/post/", "/away/"), "/post/": page(), "/away/": redirect(other.base)})
    start = blog.base.replace("http://", "http://alice:s3cret-pw@")
    crawl(tmp_path, sink, start)

    token = "Basic " + base64.b64encode(b"alice:s3cret-pw").decode()
    assert ("/", token) in {(path, headers.get("Authorization")) for path, headers in blog.seen}
    assert "/post/" in blog.paths()  # the links of the page the credentials opened were followed
    assert other.seen == [] and sink.seen == []
    redacted = blog.base.replace("http://", "http://alice:***@")
    assert db("SELECT start_urls FROM crawl_runs")[0][0] == f'["{redacted}"]'
    for path in tmp_path.iterdir():
        if path.is_file():
            data = path.read_bytes()
            assert b"s3cret-pw" not in data and token.split()[1].encode() not in data, path.name


def test_cookies_and_authorization_never_cross_to_another_origin(world, tmp_path, db):
    """The blog sets a session cookie and wants Basic auth; its post shows an image whose address on the blog sets the
    cookie too and redirects to another port of the same machine (cookies ignore ports: one shared jar sent the
    blog's cookie there). A cookie lasts one page's visit, its redirect hops included (a new page starts without)."""
    blog, other, sink = world
    blog.require_auth = "alice:s3cret-pw"
    image = f'<figure><img src="{blog.base}pic.png" alt="a picture"></figure>'
    html = post_html("Post with a picture").replace("</h1>", "</h1>" + image)
    session = {"Set-Cookie": "session=blog-secret; Path=/"}
    blog.routes.update(
        {
            "/": (302, {**session, "Location": "/home/"}, b""),
            "/home/": page("/post/"),
            "/post/": (200, {}, html.encode()),
            "/pic.png": (302, {**session, "Location": other.base + "pic.png"}, b""),
        }
    )
    other.routes["/pic.png"] = (200, {"Content-Type": "image/png"}, PNG)
    start = blog.base.replace("http://", "http://alice:s3cret-pw@")
    result = crawl(tmp_path, sink, start, "--media", str(tmp_path / "media"))
    assert result.returncode == 0, result.stderr

    sent = {path: headers for path, headers in blog.seen}
    assert sent["/home/"].get("Cookie") == "session=blog-secret" and "Authorization" in sent["/post/"]
    assert "/pic.png" in other.paths()  # the image was fetched …
    for path, headers in other.seen:  # … without the blog's cookie or credentials
        assert "Cookie" not in headers and "Authorization" not in headers, (path, headers)
    assert db("SELECT count(*) FROM images WHERE local_path IS NOT NULL") == [(1,)]


# A 1×1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_scrapy_strips_authorization_on_a_cross_origin_redirect_and_we_never_forward_it():
    """What Scrapy 2.19 does by itself, and what OriginCredentialsMiddleware adds: the header goes to the start
    URL's origin only, and the request a redirect is built from no longer carries it."""
    start = "http://127.0.0.1:8001/"
    spider = SimpleNamespace(credentials={origin(start): ("alice", "pw")})
    crawler = SimpleNamespace(spider=spider, settings=Settings({"REDIRECT_ENABLED": True}))
    credentials = OriginCredentialsMiddleware(crawler)
    redirects = RedirectMiddleware.from_crawler(_crawler_for_redirects(spider))

    # Scrapy alone: an Authorization header set by anyone is dropped when the redirect changes port or host.
    request = Request(start, headers={"Authorization": "Basic x"})
    response = Response(start, status=302, headers={"Location": "http://127.0.0.1:8002/"}, request=request)
    assert b"Authorization" not in redirects.process_response(request, response).headers
    same = Response(start, status=302, headers={"Location": "/next/"}, request=request)
    assert b"Authorization" in redirects.process_response(request, same).headers  # Scrapy keeps it within an origin

    # Ours: added for the origin, taken back before the redirect is built, so no hop (nor frontier row) carries it.
    request = Request(start)
    credentials.process_request(request)
    assert request.headers[b"Authorization"].startswith(b"Basic ")
    same = Response(start, status=302, headers={"Location": "/next/"}, request=request)
    hop = redirects.process_response(request, credentials.process_response(request, same))
    assert b"Authorization" not in hop.headers
    credentials.process_request(hop)
    assert b"Authorization" in hop.headers  # same origin: sent again
    away = Request("http://127.0.0.1:8002/")
    credentials.process_request(away)
    assert b"Authorization" not in away.headers


def _crawler_for_redirects(spider: object) -> object:
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(settings_dict={"REDIRECT_ENABLED": True})
    crawler.spider = spider
    return crawler


def _guard(start_urls: list[str], addresses: dict[str, list[str]] | None = None) -> ScopeGuardMiddleware:
    spider = SimpleNamespace(start_urls=start_urls, scope=Scope.from_start_urls(start_urls))
    stats = SimpleNamespace(inc_value=lambda *args, **kwargs: None)
    guard = ScopeGuardMiddleware(SimpleNamespace(spider=spider, stats=stats))
    if addresses is not None:  # no DNS: the names this test uses resolve to what it says
        import ipaddress

        lookups = []

        def fake(host: str) -> list:
            lookups.append(host)
            return [ipaddress.ip_address(a) for a in addresses.get(host, [host])]

        guard._addresses = fake  # type: ignore[method-assign]
        guard.lookups = lookups  # type: ignore[attr-defined]
    return guard


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://169.254.169.254/latest/", "refused: resolves to metadata address 169.254.169.254"),
        ("http://[fd00:ec2::254]/", "refused: resolves to metadata address fd00:ec2::254"),
        ("http://100.100.100.200/", "refused: resolves to metadata address 100.100.100.200"),
        ("http://169.254.1.2/", "refused: resolves to link-local address 169.254.1.2"),
        ("http://[fe80::1]/", "refused: resolves to link-local address fe80::1"),
        ("http://[::ffff:169.254.169.254]/", "refused: resolves to metadata address ::ffff:a9fe:a9fe"),
        ("http://10.1.2.3/", "refused: resolves to private address 10.1.2.3"),
        ("http://192.168.0.1/", "refused: resolves to private address 192.168.0.1"),
        ("http://[fc00::5]/", "refused: resolves to private address fc00::5"),
        ("ftp://cdn.example/x.png", "refused: not an http(s) URL: ftp://cdn.example/x.png"),
        ("file:///etc/passwd", "refused: not an http(s) URL: file:///etc/passwd"),
    ],
)
def test_guard_refuses_addresses_and_schemes_for_media_too(url, message):
    guard = _guard(["http://127.0.0.1:8001/"])
    with pytest.raises(Refused) as refused:
        guard.process_request(Request(url, meta={MEDIA: True}))
    assert refused.value.message == message


def test_guard_resolves_names_once_and_allows_what_the_start_urls_allow():
    addresses = {
        "evil.example": ["93.184.216.34", "169.254.169.254"],
        "cdn.example": ["93.184.216.34"],
        "intranet.lan": ["10.0.0.7"],
        "blog.lan": ["10.0.0.8"],
    }
    guard = _guard(["http://127.0.0.1:8001/"], addresses)
    for _ in range(3):
        with pytest.raises(Refused, match="metadata address 169.254.169.254"):
            guard.process_request(Request("http://evil.example/a.png", meta={MEDIA: True}))
    assert guard.lookups.count("evil.example") == 1  # type: ignore[attr-defined]
    assert guard.process_request(Request("http://cdn.example/a.png", meta={MEDIA: True})) is None  # a CDN image
    assert guard.process_request(Request("http://127.0.0.1:8001/post/")) is None  # loopback start URL: loopback ok
    with pytest.raises(Refused, match="^refused: out of scope: http://cdn.example/page/$"):
        guard.process_request(Request("http://cdn.example/page/"))  # a page on another host
    with pytest.raises(Refused, match="^redirect out of scope to http://127.0.0.1:8002/$"):
        guard.process_request(Request("http://127.0.0.1:8002/", meta={"redirect_urls": ["http://127.0.0.1:8001/a/"]}))
    with pytest.raises(Refused, match="private address 10.0.0.7"):
        guard.process_request(Request("http://intranet.lan/x.png", meta={MEDIA: True}))

    intranet = _guard(["http://blog.lan/"], addresses)  # an intranet blog: private addresses are its world
    assert intranet.process_request(Request("http://intranet.lan/x.png", meta={MEDIA: True})) is None
    with pytest.raises(Refused, match="loopback address 127.0.0.1"):
        intranet.process_request(Request("http://127.0.0.1/x.png", meta={MEDIA: True}))


def test_guard_refuses_a_redirect_to_a_non_http_location():
    guard = _guard(["http://127.0.0.1:8001/"])
    request = Request("http://127.0.0.1:8001/a/")
    with pytest.raises(Refused, match="non-http"):
        guard.process_response(request, Response(request.url, status=302, headers={"Location": "file:///etc/passwd"}))
    ok = HtmlResponse(request.url, status=200, body=b"<html></html>")
    assert guard.process_response(request, ok) is ok


def test_url_credentials_helpers():
    assert split_credentials("http://u%40x:p%3Aw@h.org:81/a") == ("http://h.org:81/a", ("u@x", "p:w"))
    assert split_credentials("http://h.org/") == ("http://h.org/", None)
    assert redact_url("http://user:pass@h.org/") == "http://user:***@h.org/"
    assert redact_url("http://token@h.org/") == "http://token@h.org/"
    scope = Scope.from_start_urls(["http://a.org/"])
    assert scope.contains_host("https://a.org/x") and scope.contains_host("http://a.org:80/x")
    assert not scope.contains_host("http://a.org:8080/x")


def test_a_name_that_rebinds_to_a_forbidden_address_is_refused_when_the_crawl_connects():
    """GuardedResolver answers every connection's lookup (Scrapy's cache seeded here with what a rebinding name
    answers the second time: no DNS server needed) and applies the guard's rules to that very address."""
    from scrapy.resolver import dnscache

    from crawler.core.resolver import GuardedResolver
    from crawler.downloadermiddlewares.scope_guard import allowed_addresses

    guard = _guard(["http://127.0.0.1:8001/"])
    guard.process_request(Request("http://127.0.0.1:8001/"))
    resolver = GuardedResolver(SimpleNamespace(), 100, 5, owner=guard.crawler)  # no reactor: cached answers only
    assert allowed_addresses(guard.crawler) == {"loopback"}  # the guard's judgement of the start URL, shared
    outcomes = {}
    for name, address in (
        ("rebind.example", "169.254.169.254"),
        ("intranet.example", "10.1.2.3"),
        ("cdn.example", "93.184.216.34"),
        ("local.example", "127.0.0.1"),
    ):
        dnscache[name] = address
        resolver.getHostByName(name).addBoth(lambda result, name=name: outcomes.__setitem__(name, result))
    assert outcomes["rebind.example"].value.message == (
        "refused at connect time: rebind.example resolves to metadata address 169.254.169.254 (DNS rebinding?)"
    )
    assert "private address 10.1.2.3" in outcomes["intranet.example"].value.message
    assert outcomes["cdn.example"] == "93.184.216.34" and outcomes["local.example"] == "127.0.0.1"


def test_a_crawl_of_a_host_name_connects_through_the_guarded_resolver(world, tmp_path, db):
    blog, _, sink = world
    blog.routes.update({"/": page("/post/"), "/post/": (200, {}, post_html("Found by name").encode())})
    start = blog.base.replace("127.0.0.1", "localhost")
    result = crawl(tmp_path, sink, start)
    assert result.returncode == 0, result.stderr
    assert db("SELECT url, title FROM articles") == [(start + "post/", "Found by name")]
    assert "crawler.core.resolver.GuardedResolver" in (tmp_path / "crawl.log").read_text()
