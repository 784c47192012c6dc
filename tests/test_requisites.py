"""Page requisites (`crawl --warc DIR --requisites`): what the finder takes from HTML and CSS, the host rules, and
real crawls of the sample blog on 127.0.0.1 whose WARC files then hold each post's stylesheets, scripts and
images once per crawl."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from crawler.archivist.scheduling import crawl_command
from crawler.archivist.sites import read_config
from crawler.capture.hosts import HostRules, check_host_pattern
from crawler.capture.requisites import Requisite, page_requisites, parse_srcset, stylesheet_requisites
from crawler.demo.server import DemoSite, serve
from crawler.errors import ConfigError
from tests.conftest import run_cli
from tests.test_warc import assert_warcio_accepts, records, warc_files

PAGE = b"""<!doctype html><html><head>
<base href="https://blog.example.org/2024/05/post/">
<link rel="stylesheet" href="/wp-content/themes/t/style.css?ver=6.5">
<link rel="alternate stylesheet" href="dark.css">
<link rel="icon" href="/favicon.png"><link rel="apple-touch-icon" href="/touch.png">
<link rel="preload" as="font" href="/fonts/body.woff2" crossorigin>
<link rel="preload" as="image" imagesrcset="/hero-800.jpg 800w, /hero-1600.jpg 1600w">
<link rel="modulepreload" href="/js/app.mjs"><link rel="canonical" href="/2024/05/post/">
<link rel="alternate" type="application/rss+xml" href="/feed/">
<script src="https://cdn.example.net/jquery.min.js"></script><script>var inline = "/not-a-requisite.png";</script>
<style>@import url("print.css") print; .hero { background: url('/img/hero-bg.jpg') }</style>
<noscript><link rel="stylesheet" href="/noscript.css"></noscript>
</head><body style="background-image: url(/img/paper.png)">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/uploads/lazy.jpg"
     data-srcset="/uploads/lazy-300x200.jpg 300w, https://res.example.com/w_1200,h_800/lazy.jpg 1200w" alt="lazy">
<noscript><img src="/uploads/lazy.jpg" alt="lazy"></noscript>
<img data-lazy-src="/uploads/rocket.jpg" data-lazy-srcset="/uploads/rocket-2x.jpg 2x">
<img src="/uploads/plain.jpg#top" srcset="/uploads/plain@2x.jpg 2x">
<picture><source type="image/webp" srcset="/uploads/pic.webp"><img src="/uploads/pic.jpg"></picture>
<video poster="/uploads/poster.jpg" src="/uploads/film.mp4"><source src="/uploads/film.webm"></video>
<div class="hero" data-bg="/uploads/bg-lazy.jpg"></div><div data-background-image="url('/uploads/bg2.jpg')"></div>
<svg><use href="/icons.svg#menu"></use><use href="#local"></use></svg>
<table background="/old/table-bg.gif"><tr><td>x</td></tr></table>
<input type="image" src="/buttons/go.png"><a href="/other-post/"><img src="javascript:void(0)"></a>
<iframe src="https://video.example.com/embed/1"></iframe>
</body></html>"""


def test_the_finder_takes_every_kind_of_requisite_and_nothing_else():
    found = {r.url.removeprefix("https://blog.example.org"): r.kind for r in page_requisites(PAGE, "https://x/")}
    assert found == {
        "/wp-content/themes/t/style.css?ver=6.5": "stylesheet",
        "/2024/05/post/dark.css": "stylesheet",
        "/favicon.png": "image",
        "/touch.png": "image",
        "/fonts/body.woff2": "font",
        "/hero-800.jpg": "image",
        "/hero-1600.jpg": "image",
        "/js/app.mjs": "script",
        "https://cdn.example.net/jquery.min.js": "script",
        "/2024/05/post/print.css": "stylesheet",  # @import in a <style> block, against <base href>
        "/img/hero-bg.jpg": "image",
        "/noscript.css": "stylesheet",
        "/img/paper.png": "image",  # a style attribute
        "/uploads/lazy.jpg": "image",  # data-src; the <noscript> copy is the same URL
        "/uploads/lazy-300x200.jpg": "image",
        "https://res.example.com/w_1200,h_800/lazy.jpg": "image",  # a comma inside a srcset URL
        "/uploads/rocket.jpg": "image",
        "/uploads/rocket-2x.jpg": "image",
        "/uploads/plain.jpg": "image",  # without its fragment
        "/uploads/plain@2x.jpg": "image",
        "/uploads/pic.webp": "image",
        "/uploads/pic.jpg": "image",
        "/uploads/poster.jpg": "image",  # the poster; not the film
        "/uploads/bg-lazy.jpg": "image",
        "/uploads/bg2.jpg": "image",
        "/icons.svg": "image",  # the sprite, once; #local is the page itself
        "/old/table-bg.gif": "image",
        "/buttons/go.png": "image",
    }


def test_the_finder_reads_stylesheets_imports_fonts_and_image_sets():
    css = b"""@charset "utf-8";
    /* url(/commented-out.png) */
    @import "base.css";
    @import url(theme/colors.css) screen;
    @font-face { font-family: Body; src: url(../fonts/body.woff2) format("woff2"), url("../fonts/body.woff") }
    .logo { background: image-set("logo.png" 1x, url(logo@2x.png) 2x) no-repeat; }
    @media print { .x { list-style-image: url( 'bullet.gif' ) } }
    .y { background: url(data:image/png;base64,AAAA) }"""
    found = stylesheet_requisites(css, "https://b.example/assets/css/site.css")
    assert found == [
        Requisite("https://b.example/assets/css/base.css", "stylesheet"),
        Requisite("https://b.example/assets/css/theme/colors.css", "stylesheet"),
        Requisite("https://b.example/assets/fonts/body.woff2", "font"),
        Requisite("https://b.example/assets/fonts/body.woff", "font"),
        Requisite("https://b.example/assets/css/logo.png", "image"),
        Requisite("https://b.example/assets/css/logo@2x.png", "image"),
        Requisite("https://b.example/assets/css/bullet.gif", "image"),
    ]
    css = "a { background: url(caf\xe9.png) }".encode("latin-1")
    latin1 = stylesheet_requisites(css, "https://b.example/", "iso-8859-1")
    assert latin1 == [Requisite("https://b.example/caf\xe9.png", "image")]  # decoded as its Content-Type says


def test_srcset_is_split_as_the_html_standard_says():
    assert parse_srcset(" a.jpg 1x,b.jpg 2x , https://c.example/w_300,h_200/c.jpg 300w, d.jpg, e.jpg,f.jpg") == [
        "a.jpg",
        "b.jpg",
        "https://c.example/w_300,h_200/c.jpg",
        "d.jpg",
        "e.jpg,f.jpg",  # one URL, as browsers read it
    ]
    assert parse_srcset("f.jpg (max-width: 5em, 10em) 100w, g.jpg") == ["f.jpg", "g.jpg"]
    assert parse_srcset("") == [] and parse_srcset(" , ,") == []


def test_host_rules_match_hosts_domains_and_ports_and_deny_wins():
    rules = HostRules(["fonts.gstatic.com", "*.wp.com", "cdn.example.net:8443"], deny=["stats.wp.com"])
    assert rules.allows("https://fonts.gstatic.com/s/font.woff2")
    assert rules.allows("https://i0.wp.com/x.jpg") and rules.allows("https://wp.com/x.jpg")
    assert not rules.allows("https://stats.wp.com/e.js")  # denied, though *.wp.com allows it
    assert rules.allows("https://cdn.example.net:8443/a.css") and not rules.allows("https://cdn.example.net/a.css")
    assert not rules.allows("https://gstatic.com.evil.example/x") and not rules.allows("https://notwp.com/x")
    everything = HostRules(["*"], deny=[".doubleclick.net"])
    assert everything.allows("https://anything.example/") and not everything.allows("https://ad.doubleclick.net/")
    assert not HostRules([]).allows("https://cdn.example.net/")
    assert check_host_pattern("https://cdn.example.com/") == (
        "'https://cdn.example.com/' is not a host pattern: give the host alone (cdn.example.com), not a URL"
    )
    assert check_host_pattern("cdn example") is not None and check_host_pattern("[::1]:8080") is None


def test_each_posts_requisites_are_captured_once_per_crawl_and_as_revisits_on_a_recrawl(tmp_path, db):
    warc, media = tmp_path / "warc", tmp_path / "media"
    site = DemoSite(sitemap="none")  # every post is asked again on the recrawl
    options = (
        "--db",
        str(tmp_path / "archive.db"),
        "--warc",
        str(warc),
        "--requisites",
        "--media",
        str(media),
        "-s",
        "EXTRACT_PROCESSES=1",
    )
    with serve(site):
        first = run_cli("crawl", site.base, *options)
        assert first.returncode == 0, first.stderr
        first_files = warc_files(warc)
        assert run_cli("crawl", site.base, *options, "--quiet").returncode == 0
    assert_warcio_accepts(warc_files(warc))
    requisites = _requisite_records(records(first_files))
    assert {url: n for url, n in Counter(r["WARC-Target-URI"] for r in requisites).items() if n > 1} == {}
    assert {r["WARC-Type"] for r in requisites} == {"response"} and {r["status"] for r in requisites} == {200}
    captured = re.search(r"page requisites \(--requisites\) (\d+) captured, 0 failed$", summary(first.stdout), re.M)
    assert captured and int(captured.group(1)) == len(requisites), first.stdout
    via = {r["WARC-Target-URI"].removeprefix(site.base.rstrip("/")): r["via"] for r in requisites}
    theme = "/wp-content/themes/demo/"
    from_css = {f"{theme}typography.css", f"{theme}images/header.png"}  # @import and url() of style.css
    assert {via[url] for url in from_css} == {site.base + f"{theme[1:]}style.css?ver=1.4"}
    posts = {url for (url,) in db("SELECT url FROM pages WHERE kind = 'article'")}
    assert {found for url, found in via.items() if url not in from_css} <= posts  # each post's own, else its page
    assert {
        f"{theme}style.css?ver=1.4",
        f"{theme}lazyload.js?ver=1.4",
        f"{theme}images/icon.png",
        "/pixel.gif",
        "/avatars/guest.png",
        "/icons/x.png",
        "/ads/banner.png",
    } <= via.keys()
    sourdough = site.post("sourdough-starter-from-scratch")
    small = "/wp-content/uploads/2024/01/sourdough-starter-from-scratch-2-300x200.png"  # in its srcset only
    assert via[small] in {site.base.rstrip("/") + sourdough.path, f"{site.base}p/{sourdough.id}/"}  # or its alias
    # The post's own images were saved by --media and so written to the WARC: not asked a second time.
    saved = {url for (url,) in db("SELECT url FROM media_files WHERE sha256 IS NOT NULL")}
    assert saved and not saved & {r["WARC-Target-URI"] for r in requisites}
    assert site.base + "wp-content/uploads/2024/01/sourdough-starter-from-scratch-1.png" in saved
    again = _requisite_records(records([p for p in warc_files(warc) if p not in first_files]))
    assert {r["WARC-Target-URI"] for r in requisites} <= {r["WARC-Target-URI"] for r in again}
    assert {r["WARC-Type"] for r in again} == {"revisit"}  # the same bytes: no payload stored twice


class RecordingSite(DemoSite):
    """The sample blog, noting every request target it is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def respond(self, target: str):  # noqa: ANN201 (DemoSite's Response)
        self.asked.append(target)
        return super().respond(target)


def test_other_hosts_follow_the_host_rules_and_every_host_the_address_rules(tmp_path, db):
    site, cdn, tracker = DemoSite(), RecordingSite(), RecordingSite()
    with serve(site), serve(cdn), serve(tracker):
        on_cdn, on_tracker = site.post("sourdough-starter-from-scratch"), site.post("winter-squash-soup")
        on_cdn.figures[0]["src"] = cdn.base + "wp-content/uploads/cdn-photo.png"
        on_cdn.figures[1]["src"] = tracker.base + "wp-content/uploads/tracker.png"
        on_tracker.figures[0]["src"] = "http://169.254.169.254/latest/meta-data/photo.png"
        on_tracker.figures[1]["src"] = "/missing/photo.png"
        posts = [site.base.rstrip("/") + post.path for post in (on_cdn, on_tracker)]
        deny_tracker = ("-s", f"REQUISITES_DENY_HOSTS={tracker.base.split('/')[2]}")
        result = run_cli(
            "crawl",
            *posts,
            "--db",
            str(tmp_path / "archive.db"),
            "--warc",
            str(tmp_path / "warc"),
            "--requisites",
            *deny_tracker,
            "-s",
            "EXTRACT_PROCESSES=1",
        )
        assert "(--requisites) 15 captured, 4 failed, 2 not asked (REQUISITES_HOSTS)" in summary(result.stdout)
        assert sorted(cdn.asked) == [
            "/robots.txt",
            "/wp-content/uploads/cdn-photo-300x200.png",
            "/wp-content/uploads/cdn-photo.png",
        ]
        assert tracker.asked == []
        errors = dict(db("SELECT url, message FROM crawl_errors"))
        metadata = "http://169.254.169.254/latest/meta-data/photo.png"
        assert errors[metadata] == f"image of {posts[1]}: refused: resolves to metadata address 169.254.169.254"
        assert errors[site.base + "missing/photo.png"] == f"image of {posts[1]}: HTTP 404"
        assert len(errors) == 4 and db("SELECT errors FROM crawl_runs")[0][0] == 4

        cdn.asked.clear()
        own_only = run_cli(
            "crawl",
            *posts,
            "--db",
            str(tmp_path / "second.db"),
            "--warc",
            str(tmp_path / "w2"),
            "--requisites",
            "-s",
            "REQUISITES_HOSTS=",
            "-s",
            "EXTRACT_PROCESSES=1",
        )
        # the metadata address is another host too: left out before its address is even looked at
        assert "(--requisites) 13 captured, 2 failed, 6 not asked (REQUISITES_HOSTS)" in summary(own_only.stdout)
        assert cdn.asked == [] and tracker.asked == []


def test_requisites_without_warc_and_a_bad_host_pattern_are_one_line_errors_before_crawling(tmp_path, db):
    for options, expected in (
        (["--requisites"], "--requisites needs --warc DIR"),
        (["-s", "REQUISITES=true"], "--requisites needs --warc DIR"),
        (
            ["--warc", str(tmp_path / "w"), "--requisites", "-s", "REQUISITES_HOSTS=https://cdn.example.com/"],
            "REQUISITES_HOSTS='https://cdn.example.com/': 'https://cdn.example.com/' is not a host pattern",
        ),
    ):
        result = run_cli("crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "archive.db"), *options)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert expected in result.stderr.strip().splitlines()[-1], result.stderr
    assert not (tmp_path / "archive.db").exists()


def test_sites_file_requisites_keys_become_crawl_options_and_need_a_warc_folder(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(
        '[sites.notes]\nurls = ["https://notes.example.net/"]\nwarc = "warc"\nrequisites = true\n'
        'requisite_hosts = ["fonts.gstatic.com", "*.wp.com"]\nrequisite_deny_hosts = ["stats.wp.com"]\n'
        '[sites.bare]\nurls = ["https://bare.example.net/"]\nwarc = "w"\nrequisites = true\nrequisite_hosts = []\n'
    )
    config = read_config(path)
    command = crawl_command(config.sites["notes"], config.db)
    assert command[command.index("--warc") :][:3] == ["--warc", str(tmp_path / "warc"), "--requisites"]
    assert "REQUISITES_HOSTS=fonts.gstatic.com,*.wp.com" in command
    assert "REQUISITES_DENY_HOSTS=stats.wp.com" in command
    assert "REQUISITES_HOSTS=" in crawl_command(config.sites["bare"], config.db)  # no other host at all
    path.write_text(
        '[sites.notes]\nurls = ["https://notes.example.net/"]\nrequisites = true\n'
        'requisite_hosts = ["https://cdn.example.com/"]\n'
    )
    with pytest.raises(ConfigError) as caught:
        read_config(path)
    assert [(p.line, p.key) for p in caught.value.problems] == [
        (3, "[sites.notes] requisites"),
        (4, "[sites.notes] requisite_hosts"),
    ]
    assert 'needs warc = "DIR"' in str(caught.value)


def summary(stdout: str) -> str:
    """The crawl's summary table as text, one row a line, whatever the terminal's width wrapped."""
    rows = re.split(r"\n[├└]", stdout)
    return "\n".join(" ".join(re.sub(r"[│┌┐└┘├┤─┬┴┼]", " ", row).split()) for row in rows)


def _requisite_records(found: list[dict]) -> list[dict]:
    """The main (response or revisit) record of every exchange whose metadata record names a `via`, with it."""
    via = {}
    for record in found:
        if record["WARC-Type"] == "metadata" and (match := re.search(rb"^via: (.+?)\r$", record["payload"], re.M)):
            via[record["WARC-Concurrent-To"]] = match.group(1).decode()
    main = [r for r in found if r["WARC-Type"] in ("response", "revisit") and r["WARC-Record-ID"] in via]
    return [{**r, "via": via[r["WARC-Record-ID"]]} for r in main]


def test_a_base_or_a_requisite_address_urllib_cannot_read_costs_that_address_only():
    body = (
        b'<html><head><base href="http://[2001:db8::1/"><link rel="stylesheet" href="/site.css"></head>'
        b'<body><img src="http://cdn.example:99999/x.png"><img src="/ok.png"></body></html>'
    )
    assert page_requisites(body, "https://blog.example/post/") == [
        Requisite("https://blog.example/site.css", "stylesheet"),
        Requisite("https://blog.example/ok.png", "image"),
    ]
