"""A "read also" line between a post's paragraphs — a label ending in a colon and a link to another post of the
same site — is not the post's text; a line that cites another site, or says more than a label and a headline,
stays (crawler/extraction/read_also.py)."""

from __future__ import annotations

from crawler.extraction.content import find_content_root
from crawler.extraction.extract import extract
from crawler.extraction.page import Page
from crawler.extraction.read_also import read_also_lines

URL = "https://news.example/2024/05/harbour-reopens/"
FIRST = "The harbour reopened on Monday after three weeks of repairs to the northern quay and its cranes. " * 3
SECOND = "Fishing boats queued at dawn, and the first catch was sold at the market before nine o'clock. " * 3
THIRD = "The council says the southern quay will be repaired next spring, when the storms have passed. " * 3


def _lines(html: str, url: str) -> list[str]:
    page = Page.from_html(html, url)
    return [line.text_content() for line in read_also_lines(page, find_content_root(page))]


def _page(lines: str, head: str = "") -> str:
    return (
        f"<html><head><title>Harbour reopens</title>{head}</head><body>"
        '<nav><a href="/">Home</a> <a href="/local/">Local</a></nav>'
        f"<main><article><h1>Harbour reopens</h1><p>{FIRST}</p>{lines}<p>{SECOND}</p><p>{THIRD}</p></article></main>"
        "<footer>© News Example</footer></body></html>"
    )


def test_a_label_and_a_link_to_another_post_of_the_site_between_paragraphs_is_left_out():
    """As news and blog editors insert them: bold label, the other story's headline as the link (relative or
    absolute, www. or not), in a paragraph, a heading or a quote."""
    article = extract(
        _page(
            '<p><strong>Read more: <a href="/2024/04/storm-damage/">Storm damage closes the northern quay</a>'
            "</strong></p>"
            f"<p>{SECOND}</p>"
            '<h3>Lea también: <a href="https://www.news.example/2024/03/cranes/">New cranes arrive by sea</a></h3>'
            '<blockquote><p>Czytaj też:<a href="https://news.example/2024/02/fish/">Fish prices fall again in'
            " winter</a></p></blockquote>"
        ),
        URL,
    )
    assert FIRST.strip() in article.text and THIRD.strip() in article.text
    for words in ("Read more", "Storm damage", "Lea también", "New cranes", "Czytaj", "Fish prices"):
        assert words not in article.text
        assert words not in article.markdown


def test_a_line_that_cites_another_site_or_says_more_stays():
    lines = (
        '<p>Source: <a href="https://port-authority.example/notices/42">Notice on the northern quay works</a></p>'
        '<p>Read more: <a href="/2024/04/storm-damage/">Storm damage closes the quay</a>, and see the map below.</p>'
        '<p>We wrote about the storm in April, see <a href="/2024/04/storm-damage/">Storm damage closes the quay'
        "</a></p>"
        '<p>Update: <a href="/2024/04/storm-damage/">here</a></p>'
    )
    article = extract(_page(lines), URL)
    assert "Source: Notice on the northern quay works" in article.text
    assert "Read more: Storm damage closes the quay, and see the map below." in article.text
    assert "We wrote about the storm in April, see Storm damage closes the quay" in article.text
    assert "Update: here" in article.text


def test_links_resolve_against_the_canonical_address_of_a_page_saved_without_one():
    """A page read from a file (`blogarchive extract page.html`) has no web address: its rel=canonical names the
    site."""
    head = f'<link rel="canonical" href="{URL}">'
    html = _page('<p>Read more: <a href="/2024/04/storm-damage/">Storm damage closes the northern quay</a></p>', head)
    assert _lines(html, "file:///tmp/harbour.html") == ["Read more: Storm damage closes the northern quay"]
    assert _lines(html.replace(head, ""), "file:///tmp/harbour.html") == []


def test_a_link_to_the_page_itself_is_no_other_post():
    html = _page(f'<p>Permalink: <a href="{URL}#top">Harbour reopens after repairs</a></p>')
    assert _lines(html, URL) == []


def test_a_link_without_words_is_no_headline():
    """An icon's link (a picture, a font glyph) has no words to be another post's headline."""
    html = _page('<p>Share: <a href="/share/?u=harbour"><img src="/icons/share.svg" alt=""></a></p>')
    assert _lines(html, URL) == []


def test_a_line_of_the_sidebar_is_the_sidebars():
    """A widget's "Author: <a>name</a>" line is no line between the post's paragraphs: taken out of the page, it
    changed where trafilatura found the post to begin."""
    widget = '<aside class="widget"><p>Author: <a href="/author/jane/">Attorney Jane Roe Smith</a></p></aside>'
    html = _page("").replace("<footer>", widget + "<footer>")
    assert _lines(html, URL) == []
    assert _lines(html.replace(widget, "").replace("</article>", widget + "</article>"), URL) == []
