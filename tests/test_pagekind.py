"""Hub pages (tag, category, author, paginated listings) are known by their URL and not parsed at all."""

from __future__ import annotations

import pytest

from crawler.demo.site import DemoSite
from crawler.extraction.extract import extract
from crawler.extraction.pagekind import url_kind


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
    ["https://blog.example/2024/01/sourdough-starter/", "https://blog.example/tagesgeschichte/", "https://a.org/"],
)
def test_a_post_or_home_url_gives_nothing_away(url):
    assert url_kind(url) is None


def test_a_post_is_still_extracted_in_full():
    site = DemoSite()
    post = site.posts[0]
    article = extract(site.respond(post.path).body, site.base.rstrip("/") + post.path)
    assert article.kind == "article" and article.title and len(article.text.split()) > 60
