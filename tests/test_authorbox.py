"""Author boxes and images from small snippets: the counts, the labels, the avatars, the traps."""

from __future__ import annotations

import pytest

from crawler.extraction.authorbox import find_author_boxes, parse_article_count
from crawler.extraction.content import find_content_root
from crawler.extraction.images import find_images, parse_srcset
from crawler.extraction.page import Page, parse_html

BIO = "Writes about soil, compost and the garden year."


def _boxes(html: str, jsonld: list | None = None):
    return find_author_boxes(Page(parse_html(html), "https://a.org/p/"), jsonld or [])


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Artikel: 1367", 1367),
        ("1.367 Beiträge", 1367),
        ("글 152개", 152),
        ("42 posts", 42),
        ("Posts: 12", 12),
        ("1,204 articles", 1204),
        ("記事数 30", 30),
        ("Co-founded in 2009", None),
        ("", None),
    ],
)
def test_article_count_as_the_box_shows_it(text, count):
    assert parse_article_count(text) == count


def test_a_byline_is_not_an_author_box():
    assert _boxes('<article><p class="byline">By <a rel="author" href="/a/jane">Jane</a></p></article>') == []


def test_json_ld_person_with_description_is_a_box_when_the_markup_has_none():
    person = {
        "@type": "Person",
        "name": "Ann",
        "description": "Writes about soil.",
        "sameAs": ["https://x.com/ann"],
        "image": {"url": "/ann.png"},
        "url": "/author/ann/",
    }
    [box] = _boxes("<p>post</p>", [person])
    assert (box.name, box.avatar_url, box.url, box.links) == (
        "Ann",
        "https://a.org/ann.png",
        "https://a.org/author/ann/",
        ["https://x.com/ann"],
    )


@pytest.mark.parametrize(
    "label",
    ["Author: ", "Written by ", "Von ", "Post author By ", "Zeige alle Beiträge von ", "글쓴이 ", "About "],
)
def test_the_name_comes_without_its_label(label):
    html = f'<div class="author-box"><span class="author-name">{label}Martin Oakes</span><p>{BIO}</p></div>'
    assert [b.name for b in _boxes(html)] == ["Martin Oakes"]


def test_a_name_starting_like_a_label_keeps_it():
    html = f'<div class="author-box"><span class="author-name">Byron Vonnegut</span><p>{BIO}</p></div>'
    assert [b.name for b in _boxes(html)] == ["Byron Vonnegut"]


@pytest.mark.parametrize(
    "html",
    [
        # Ghost (Source theme)
        f'<section class="gh-author-box"><h4 class="gh-author-name">Jane Doe</h4><p class="gh-author-bio">{BIO}</p>'
        "</section>",
        # Ghost (Casper)
        f'<section class="author-card"><h4 class="author-card-name">Jane Doe</h4><p>{BIO}</p></section>',
        # Blogger (post footer)
        '<div class="author-profile"><img class="author-image" src="/jane.jpg"><a class="g-profile">Jane Doe</a>'
        f'<div class="author-description">{BIO}</div></div>',
        # Blogger / WordPress themes' .post-author
        f'<div class="post-author"><span class="post-author-name">Jane Doe</span><div class="post-author-bio">{BIO}'
        "</div></div>",
        # Wix
        f'<div data-hook="author-card"><span data-hook="author-name">Jane Doe</span><p>{BIO}</p></div>',
        # Medium
        f'<div class="pw-author"><h2 class="pw-author-name">Written by Jane Doe</h2><p>{BIO}</p></div>',
        # Substack
        f'<div class="profile-hover-card"><a class="author-name">Jane Doe</a><div class="bio">{BIO}</div></div>',
    ],
    ids=["ghost-source", "ghost-casper", "blogger", "post-author", "wix", "medium", "substack"],
)
def test_platform_author_boxes_are_found(html):
    [box] = _boxes(f"<article><p>Post.</p>{html}</article>")
    assert (box.name, box.bio) == ("Jane Doe", BIO)


def test_blogger_sidebar_profile_is_not_the_posts_author_box():
    html = (
        '<aside><div class="widget Profile"><img class="profile-img" src="/me.jpg">'
        '<a class="profile-name-link g-profile">Blog Owner</a><dd class="profile-textblock">'
        + BIO
        + "</dd></div></aside>"
    )
    assert _boxes(html) == []


def test_the_avatar_is_the_box_picture_not_a_share_icon_or_logo():
    html = (
        '<div class="author-box"><a href="https://twitter.com/intent/tweet"><img src="/img/social/twitter.png"></a>'
        '<img class="site-logo" src="/logo.png"><img src="/icons/rss.png" width="16" height="16">'
        f'<img class="avatar" src="/jane.jpg"><span class="author-name">Jane Doe</span><p>{BIO}</p></div>'
    )
    [box] = _boxes(html)
    assert box.avatar_url == "https://a.org/jane.jpg"


def test_the_avatar_prefers_the_lazy_loaded_source_over_the_placeholder():
    html = (
        '<div class="author-box"><img src="/wp-content/plugins/lazy/placeholder.gif" data-lazy-src="/jane.jpg">'
        f'<span class="author-name">Jane Doe</span><p>{BIO}</p></div>'
    )
    assert _boxes(html)[0].avatar_url == "https://a.org/jane.jpg"


def test_a_box_with_only_a_share_icon_beside_the_name_is_no_box():
    html = (
        '<div class="author-box"><span class="author-name">jd</span><img src="/img/social/facebook-medium.png"></div>'
    )
    assert _boxes(html) == []


def test_one_author_shown_twice_is_one_box_completed_from_both_and_from_json_ld():
    person = {"@type": "Person", "name": "Jane Doe", "description": BIO, "sameAs": ["https://x.com/jane", "Jane"]}
    html = (
        '<div class="author-box"><img class="avatar" src="/jane.jpg"><span class="author-name">Jane Doe</span></div>'
        '<div class="about-author"><span class="author-name">Jane Doe</span><p>42 posts</p></div>'
    )
    [box] = _boxes(html, [person])
    assert (box.avatar_url, box.article_count, box.bio, box.links) == (
        "https://a.org/jane.jpg",
        42,
        BIO,
        ["https://x.com/jane"],
    )


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
    page = Page(parse_html(html), "https://a.org/p/")
    images = find_images(page, find_content_root(page))
    assert [(i.src, i.width, i.height) for i in images] == [("https://a.org/a-1200.jpg", 1200, 800)]


def test_parse_srcset_ignores_data_uris():
    assert parse_srcset("data:image/png;base64,xx 1x, /b.jpg 2x") == [("/b.jpg", 2.0)]
