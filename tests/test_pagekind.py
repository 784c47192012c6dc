"""Hub pages (tag, category, author, paginated listings) are known by their URL and not parsed at all."""

from __future__ import annotations

import zlib

import pytest
from scrapy.utils.test import get_crawler

from crawler.demo.site import DemoSite
from crawler.extraction.extract import extract
from crawler.extraction.pagekind import url_kind
from crawler.extraction_pool.backlog import ExtractionBacklog
from crawler.extraction_pool.worker import extract_page, pack_without_parsing
from crawler.frontier.scheduler import NO_EXTRACTION_PRIORITY
from crawler.spiders.blog import BlogSpider


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/category/baking/", "category"), ("/tag/sourdough/", "tag"), ("/page/2/", "listing")],
)
def test_a_hub_page_is_classified_by_its_url_and_not_extracted(path, kind):
    site = DemoSite()
    response = site.respond(path)
    assert response is not None and response.status == 200 and b"<article" in response.body
    article = extract(response.body, site.base.rstrip("/") + path)
    assert (article.kind, article.title, article.text, article.images) == (kind, None, "", [])


@pytest.mark.parametrize(
    "url",
    [
        "https://blog.example/2024/01/sourdough-starter/",
        "https://blog.example/tagesgeschichte/",
        "https://a.org/",
        "https://news.example/story.php?id=7&page=2",
        "https://news.example/long-read?page=1",
        "https://blog.example/category/travel/a-week-in-rome/",
        "https://blog.example/tag/x/some-post.html",
    ],
)
def test_a_post_or_home_url_gives_nothing_away(url):
    assert url_kind(url) is None


@pytest.mark.parametrize("url", ["https://a.org/?page=2", "https://a.org/blog/?page=3", "https://a.org/?paged=2"])
def test_a_query_page_on_a_listings_path_is_a_listing(url):
    assert url_kind(url) == "listing"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://a.org/category/travel/", "category"),
        ("https://a.org/category/travel/page/3/", "category"),
        ("https://a.org/tag/rome", "tag"),
        ("https://a.blogspot.com/search/label/Rome?max-results=7", "search"),
    ],
)
def test_a_tag_or_category_url_with_one_name_is_a_hub(url, kind):
    assert url_kind(url) == kind


def test_a_post_under_a_category_permalink_is_parsed_and_stored_as_an_article():
    prose = "<p>" + "We walked from the Colosseum to the Tiber in the morning light. " * 20 + "</p>"
    html = f"<html><body><article><h1>A week in Rome</h1>{prose}</article></body></html>"
    assert extract(html, "https://blog.example/category/travel/a-week-in-rome/").kind == "article"


def test_a_post_is_still_extracted_in_full():
    site = DemoSite()
    post = site.posts[0]
    article = extract(site.respond(post.path).body, site.base.rstrip("/") + post.path)
    assert article.kind == "article" and article.title and len(article.text.split()) > 60


def test_the_crawl_settles_a_hub_page_itself_with_the_answer_an_extraction_process_would_give():
    site = DemoSite()
    url = site.base.rstrip("/") + "/tag/sourdough/"
    body = site.respond("/tag/sourdough/").body
    ok, result, packed = pack_without_parsing(body, url)
    assert (ok, result) == extract_page(body, url) and result["kind"] == "tag"
    assert zlib.decompress(packed) == body
    binary = b"\x00\x01binary"
    assert pack_without_parsing(binary, url)[:2] == extract_page(binary, url)
    assert pack_without_parsing(binary, url)[1].endswith("binary data, not an HTML page")


def test_a_post_still_goes_to_an_extraction_process():
    site = DemoSite()
    post = site.posts[0]
    assert pack_without_parsing(site.respond(post.path).body, site.base.rstrip("/") + post.path) is None


def test_hub_pages_are_queued_at_the_priority_the_scheduler_prefers_while_extraction_is_busy():
    crawler = get_crawler(BlogSpider, {"BLOG_MAX_PAGES": 0, "RECRAWL_ARCHIVED": False})
    spider = BlogSpider.from_crawler(crawler, start_urls="https://blog.example/")
    assert spider._page_request("https://blog.example/tag/bread/").priority == NO_EXTRACTION_PRIORITY
    assert spider._page_request("https://blog.example/page/3/").priority == NO_EXTRACTION_PRIORITY
    assert spider._page_request("https://blog.example/2024/01/sourdough-starter/").priority == 0
    backlog = ExtractionBacklog(processes=2)
    backlog.waiting = backlog.busy_at - 1
    assert not backlog.busy()
    backlog.waiting += 1
    assert backlog.busy()


def test_a_post_split_over_query_pages_is_an_article_and_a_home_page_never_is():
    body = "<p>" + "A long paragraph of the post, with words enough to be prose. " * 20 + "</p>"
    html = f"<html><head><title>T</title></head><body><article><h1>Long read</h1>{body}</article></body></html>"
    assert extract(html, "https://news.example/long-read?page=2").kind == "article"
    assert extract(html, "https://news.example/").kind == "listing"
    assert extract(html, "https://news.example/index.html").kind == "listing"
