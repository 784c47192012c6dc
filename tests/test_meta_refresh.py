"""The meta-refresh fast path skips only pages that cannot hold a refresh tag; all others get Scrapy's handling."""

from __future__ import annotations

from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawler.downloadermiddlewares.meta_refresh import MetaRefreshMiddleware

MOVED = '<html><head><meta http-equiv="Refresh" content="0; url=/new-home/"></head><body>Moved</body></html>'


def middleware() -> MetaRefreshMiddleware:
    return MetaRefreshMiddleware.from_crawler(get_crawler())


def response(html: str, encoding: str = "utf-8") -> HtmlResponse:
    body = html.encode(encoding)
    return HtmlResponse("https://blog.example/old/", body=body, encoding=encoding)


def test_a_page_with_a_meta_refresh_is_redirected() -> None:
    result = middleware().process_response(Request("https://blog.example/old/"), response(MOVED))
    assert isinstance(result, Request) and result.url == "https://blog.example/new-home/"


def test_a_refresh_in_utf16_is_found_although_its_bytes_do_not_spell_refresh() -> None:
    page = response(MOVED, "utf-16")
    assert b"refresh" not in page.body.lower()
    result = middleware().process_response(Request("https://blog.example/old/"), page)
    # Scrapy's own handling follows it (and, in 2.19, appends the BOM to the target URL as "?%FF%FE").
    assert isinstance(result, Request) and result.url.startswith("https://blog.example/new-home/")


def test_a_refresh_after_multibyte_text_within_4096_characters_is_found() -> None:
    korean = "<html><head><title>" + "블로그" * 1000 + "</title>" + MOVED.split("<head>")[1]
    assert len(korean.encode()) > 4096 and korean.index("Refresh") < 4096
    result = middleware().process_response(Request("https://blog.example/old/"), response(korean))
    assert isinstance(result, Request) and result.url == "https://blog.example/new-home/"


def test_an_ordinary_page_passes_through_unchanged() -> None:
    page = response("<html><head><title>Post</title></head><body><p>Text about refreshing drinks.</p></body></html>")
    assert middleware().process_response(Request("https://blog.example/old/"), page) is page
