"""Bad input to extract(): a clean result or a clear ExtractionError, never a hang or a stray exception."""

from __future__ import annotations

import json

import pytest

from crawler.errors import ExtractionError
from crawler.extraction.extract import extract


def test_empty_page_gives_an_empty_record():
    article = extract(b"", "https://a.org/empty")
    assert (article.kind, article.text, article.images, article.author_box) == ("other", "", [], None)


def test_binary_data_is_a_clear_error():
    with pytest.raises(ExtractionError, match="binary data"):
        extract(bytes(range(256)) * 10, "https://a.org/file.bin")


def test_5000_deep_nesting_does_not_raise():
    deep = "<html><body>" + "<div>" * 5000 + "<p>deep</p>" + "</div>" * 5000 + "</body></html>"
    assert extract(deep, "https://a.org/deep").kind in ("other", "article")


POST = "<article><h1>A post</h1>" + "".join(
    f"<p>Note {n} about the garden and the weather in May, written down at length.</p>" for n in range(20)
)
NAV = "<nav><a href='/'>Home</a> <a href='/about/'>About</a></nav>"


def test_a_post_nested_thousands_deep_is_read_whole_and_says_so():
    page = f"<html><head><title>A post</title></head><body>{NAV}" + "<section>" * 3000 + POST + "</article>"
    article = extract(page + "</section>" * 3000 + "</body></html>", "https://a.org/2024/05/a-post.html")
    assert article.kind == "article" and article.title == "A post"
    assert "Note 0 about" in article.text and "Note 19 about" in article.text and "Home" not in article.text
    assert article.repairs == ["nested more than 120 levels deep: read with its deepest tags left out"]


def test_a_post_with_nul_characters_is_read_without_them_and_says_so():
    page = (
        f"<!doctype html>\x00<html><head><title>A post</title></head><body>\x00{NAV}{POST}\x00</article></body></html>"
    )
    article = extract(page.encode(), "https://a.org/2024/05/a-post.html")
    assert article.kind == "article" and "\x00" not in article.text and "Note 19 about" in article.text
    assert article.repairs == ["3 NUL characters removed"]


@pytest.mark.parametrize(
    "start", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"PK\x03\x04\x14\x00\x00\x00", b"%PDF-1.7\n\x00"]
)
def test_a_file_with_nul_bytes_that_is_no_page_is_still_binary_data(start):
    with pytest.raises(ExtractionError, match="binary data"):
        extract(start + bytes(range(256)) * 8, "https://a.org/file")


def test_a_post_whose_json_ld_is_nested_too_deeply_to_read_is_read_without_that_block():
    deep = '<script type="application/ld+json">' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "</script>"
    byline = '<script type="application/ld+json">{"@type": "BlogPosting", "author": {"name": "Ada Lovelace"}}</script>'
    page = f"<html><head><title>A post</title>{deep}{byline}</head><body>{NAV}{POST}</article></body></html>"
    article = extract(page, "https://a.org/2024/05/a-post.html")
    assert article.kind == "article" and "Note 19 about" in article.text
    assert [person.name for person in article.authors] == ["Ada Lovelace"]  # the readable block still counts
    assert article.repairs == ["1 JSON-LD block(s) nested too deeply to read left out"]


def test_20_mb_page_finishes_with_a_record():
    page = "<html><body><article>" + "<p>Some paragraph text that goes on about gardens.</p>" * 400_000
    assert len(page) > 20_000_000
    assert extract(page + "</article></body></html>", "https://a.org/huge").url == "https://a.org/huge"


def test_broken_markup_still_extracts_the_prose():
    broken = "<html><body><div><p>Unclosed <b>bold <i>italic</div></span></p><p>More words about soil and seeds" * 40
    article = extract(broken, "https://a.org/broken")
    assert "More words about soil and seeds" in article.text


def test_page_without_article_is_not_an_article():
    page = "<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav><footer>© 2024</footer></body></html>"
    article = extract(page, "https://a.org/")
    assert article.kind != "article"


def test_a_post_at_the_end_of_a_5_mb_page_is_read():
    menu = "".join(f'<li><a href="/p/{i}">Item number {i} of the menu</a></li>' for i in range(90_000))
    post = "".join(f"<p>Paragraph {i} of the post, about the soil, the seeds and the rain.</p>" for i in range(30))
    page = f"<html><head><title>A post</title></head><body><nav><ul>{menu}</ul></nav><article>{post}</article>"
    assert len(page) > 5_000_000
    article = extract(page + "</body></html>", "https://a.org/2024/05/a-post.html")
    assert article.kind == "article"
    assert "Paragraph 0 of the post" in article.text and "Paragraph 29 of the post" in article.text


def test_json_ld_of_lists_and_strings_does_not_cost_the_post():
    # trafilatura's extract_meta_json calls .get() on each item of a JSON-LD list (AttributeError on a list)
    page = (
        '<html><head><script type="application/ld+json">[["a list"], "a string"]</script>'
        '<meta name="author" content="Ada Lovelace"></head><body><article><h1>A post</h1>'
        + "".join(
            f"<p>Note {n} about the garden and the weather in May, written down at length.</p>" for n in range(20)
        )
        + "</article></body></html>"
    )
    article = extract(page, "https://a.org/2024/05/a-post.html")
    assert article.kind == "article" and "garden and the weather" in article.text


BROKEN = "http://[2001:db8::1/x"  # an unclosed IPv6 bracket: urllib raises ValueError on it


@pytest.mark.parametrize("mode", ["auto", "best-of-three"])
def test_addresses_no_parser_reads_do_not_cost_the_post(mode, monkeypatch):
    # Every place an address is read: <base>, canonical, og:image, JSON-LD author, byline and rel=author, rel=me,
    # the post's links, an autolink, a reading list, images (src, srcset, data-src), an iframe, a gist, a
    # comment's author link, the author box.
    monkeypatch.setenv("BLOGARCHIVE_BODY", mode)
    jsonld = json.dumps(
        {
            "@type": "BlogPosting",
            "headline": "A post",
            "image": BROKEN,
            "datePublished": "2024-05-02",
            "author": {"@type": "Person", "name": "Ada Lovelace", "url": BROKEN},
        }
    )
    prose = "".join(
        f"<p>Note {n} about the garden and <a href='{BROKEN}'>the weather</a> in May.</p>" for n in range(12)
    )
    page = (
        f'<html><head><base href="{BROKEN}"><link rel="canonical" href="{BROKEN}">'
        f'<meta property="og:image" content="{BROKEN}"><script type="application/ld+json">{jsonld}</script></head>'
        f'<body><nav><a href="{BROKEN}">Home</a></nav><article class="post h-entry"><h1 class="entry-title">A post'
        f'</h1><div class="byline">By <a rel="author" class="p-author h-card" href="{BROKEN}">Ada Lovelace</a>'
        f'</div><div class="entry-content">{prose}<p><a href="{BROKEN}">{BROKEN}</a></p>'
        f'<ul><li><a href="{BROKEN}">A reading</a></li><li><a href="https://x.example/">Another</a></li></ul>'
        f'<figure><img src="{BROKEN}" srcset="{BROKEN} 2x" data-src="{BROKEN}"><figcaption>A bed</figcaption>'
        f'</figure><figure><img srcset="{BROKEN} 2x" src="/bed.jpg"><figcaption>The bed in May</figcaption>'
        f'</figure><iframe src="{BROKEN}/embed/v" width="560" height="315"></iframe>'
        f'<script src="https://gist.github.com/[x/1.js"></script></div>'
        f'<div class="author-box"><img class="avatar" src="{BROKEN}"><a href="{BROKEN}" rel="me">Ada</a>'
        f"<p>Ada writes about gardens.</p></div></article>"
        f'<ol class="commentlist"><li class="comment"><cite class="fn"><a href="{BROKEN}">Bob</a></cite>'
        "<p>A fine post about the garden.</p></li></ol></body></html>"
    )
    article = extract(page, "https://a.org/2024/05/a-post.html")
    assert article.kind == "article" and "Note 11 about the garden and the weather in May." in article.text
    assert [(image.src, image.caption) for image in article.images] == [("https://a.org/bed.jpg", "The bed in May")]
