"""Author boxes and images from small snippets: the counts, the traps."""

from __future__ import annotations

import pytest

from crawler.extraction.authorbox import find_author_boxes, parse_article_count
from crawler.extraction.content import find_content_root
from crawler.extraction.images import find_images, parse_srcset
from crawler.extraction.page import Page

URL = "https://a.org/p/"


@pytest.mark.parametrize(
    ("text", "count"),
    [("Artikel: 1367", 1367), ("1.367 Beiträge", 1367), ("글 152개", 152), ("42 posts", 42), ("Posts: 12", 12),
     ("1,204 articles", 1204), ("記事数 30", 30), ("Co-founded in 2009", None), ("", None)],
)  # fmt: skip
def test_article_count_as_the_box_shows_it(text, count):
    assert parse_article_count(text) == count


def test_a_byline_is_not_an_author_box():
    page = Page.from_html('<article><p class="byline">By <a rel="author" href="/a/jane">Jane</a></p></article>', URL)
    assert find_author_boxes(page, []) == []


def test_json_ld_person_with_description_is_a_box_when_the_markup_has_none():
    person = {"@type": "Person", "name": "Ann", "description": "Writes about soil.", "sameAs": ["https://x.com/ann"],
              "image": {"url": "/ann.png"}, "url": "/author/ann/"}  # fmt: skip
    [box] = find_author_boxes(Page.from_html("<p>post</p>", URL), [person])
    assert (box.name, box.avatar_url, box.url, box.links) == (
        "Ann", "https://a.org/ann.png", "https://a.org/author/ann/", ["https://x.com/ann"],
    )  # fmt: skip


def test_srcset_largest_candidate_and_lazy_noscript_twin_counted_once():
    html = (
        """<article><div class="entry-content"><p>"""
        + "Text of the post. " * 20
        + """</p>
      <img src="data:image/gif;base64,R0l" data-src="/a.jpg" data-srcset="/a-300.jpg 300w, /a-1200.jpg 1200w"
           alt="A" width="300" height="200"><noscript><img src="/a-1200.jpg" alt="A"></noscript>
      <img src="/pixel.gif" width="1" height="1"><img class="avatar" src="/me.png">
      <div class="jp-relatedposts"><img src="/related.jpg"></div></div></article>"""
    )
    page = Page.from_html(html, URL)
    images = find_images(page, find_content_root(page))
    assert [(i.src, i.width, i.height) for i in images] == [("https://a.org/a-1200.jpg", 1200, 800)]


def test_parse_srcset_ignores_data_uris():
    assert parse_srcset("data:image/png;base64,xx 1x, /b.jpg 2x") == [("/b.jpg", 2.0)]


@pytest.mark.parametrize(
    "label", ["Author: ", "Written by ", "Von ", "Post author By ", "Zeige alle Beiträge von ", "글쓴이 "]
)
def test_an_author_box_name_comes_without_its_label(label):
    html = f"""<article><p>{"Body. " * 50}</p><div class="author-box"><h4 class="author-name">{label}Martin Oakes</h4>
      <p class="author-description">Martin writes about trains and the towns they pass through.</p></div></article>"""
    [box] = find_author_boxes(Page.from_html(html, URL), [])
    assert box.name == "Martin Oakes"


def test_a_share_icon_is_not_a_post_image():
    html = f"""<article><div class="entry-content"><p>{"Text of the post. " * 20}</p>
      <img src="/photo.jpg" width="800" height="600" alt="Photo">
      <a href="https://www.facebook.com/sharer/sharer.php?u=x"><img src="/fb.png" width="120" height="120"></a>
    </div></article>"""
    page = Page.from_html(html, URL)
    assert [i.src for i in find_images(page, find_content_root(page))] == ["https://a.org/photo.jpg"]
