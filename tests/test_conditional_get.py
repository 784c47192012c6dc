"""A 304 answer gets the archived body back, read as that body was when first fetched."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import HtmlResponse, Response

from archive import Archive
from crawler.downloadermiddlewares.conditional_get import NOT_MODIFIED, ConditionalGetMiddleware

URL = "https://blog.example/kategorie/"
BODY = '<html><head><meta charset="utf-8"></head><body><a href="/küche/">Küche</a></body></html>'.encode()


def _middleware_with_archived_page(tmp_path, content_type: str = "text/html") -> ConditionalGetMiddleware:
    db = tmp_path / "archive.db"
    archive = Archive(db)
    run = archive.start_run([URL])
    archive.record_page(
        run,
        {
            "url": URL,
            "status": 200,
            "content_type": content_type,
            "kind": "category",
            "fetched_at": "2026-01-01T00:00:00+00:00",
            "etag": '"v1"',
            "body": BODY,
        },
    )
    archive.close()
    middleware = ConditionalGetMiddleware(str(db))
    middleware.spider_opened()
    return middleware


def test_not_modified_answer_carries_the_stored_body_decoded_with_its_own_charset(tmp_path):
    middleware = _middleware_with_archived_page(tmp_path)
    request = Request(URL, meta={"page": True})
    middleware.process_request(request)
    assert request.headers[b"If-None-Match"] == b'"v1"'
    not_modified = HtmlResponse(URL, status=304, body=b"", headers={"ETag": '"v1"'}, request=request)
    response = middleware.process_response(request, not_modified)
    assert isinstance(response, HtmlResponse) and response.status == 304
    assert NOT_MODIFIED in response.flags and response.body == BODY
    assert response.encoding == "utf-8" and 'href="/küche/"' in response.text
    plain = middleware.process_response(request, Response(URL, status=304, request=request))  # no Content-Type
    assert isinstance(plain, HtmlResponse) and plain.encoding == "utf-8"
    middleware.spider_closed()


def test_a_page_first_served_without_content_type_is_told_by_its_body(tmp_path):
    middleware = _middleware_with_archived_page(tmp_path, content_type="")
    request = Request(URL, meta={"page": True})
    middleware.process_request(request)
    response = middleware.process_response(request, Response(URL, status=304, request=request))
    assert isinstance(response, HtmlResponse) and response.encoding == "utf-8"
    middleware.spider_closed()
