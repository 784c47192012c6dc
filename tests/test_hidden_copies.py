"""Hidden copies of the post (crawler/extraction/hidden_copies.py): a copy a page hides from readers is never read
into the body, and hidden text that stands nowhere else is no copy. Pages written here, after the markup comment
embeds and news sites print."""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract
from crawler.extraction.hidden_copies import hidden_copies
from crawler.extraction.page import Page

LOCKS = ("Hatton", "Caen Hill", "Foxton", "Tardebigge", "Bingley", "Wigan")
WALK = [
    f"At {lock} the path climbed beside {n + 3} locks, and we counted the gates and the paddles while a boat worked"
    f" up behind us, its crew waving from the balance beams as the water roared into chamber number {n + 1}."
    for n, lock in enumerate(LOCKS)
]


def _blog_post(embed: str) -> str:
    """A blog page of the 2000s (no post markup, no HTML5 sections) whose comment embed reads the post from a
    hidden copy under it: `embed` is the embed's prefix, `tpc` for TypePad Connect, `disqus` for Disqus."""
    post = "".join(f"<p>{paragraph}</p>" for paragraph in WALK)
    return (
        "<html><head><title>Along the canal - Towpath Notes</title></head><body><div id='container'>"
        "<div id='banner'><h1><a href='/'>Towpath Notes</a></h1><p>Walks along the waterways</p></div>"
        "<div id='alpha'><h2 class='date-header'>October 14, 2012</h2><h3 class='entry-header'>Along the canal</h3>"
        f"<div class='entry-content'><div class='entry-body'>{post}</div></div>"
        "<p class='entry-footer'>Posted by Ann at 06:12 PM | <a href='/archives/canal.html'>Permalink</a></p>"
        f"<div class='comments-content'><div id='{embed}_thread'></div>"
        f"<div style='display:none;' id='{embed}_post_title'>Along the canal</div>"
        f"<div style='display:none;' id='{embed}_post_message'>{post}</div>"
        f"<script>var message = document.getElementById('{embed}_post_message').innerHTML;</script></div></div>"
        "<div id='beta'><h2>Recent posts</h2><ul><li><a href='/a.html'>The lock flight</a></li>"
        "<li><a href='/b.html'>Winter moorings</a></li></ul></div></div></body></html>"
    )


@pytest.mark.parametrize("embed", ["tpc", "disqus"])
def test_the_hidden_copy_a_comment_embed_reads_the_post_from_is_not_read_into_the_body(embed):
    """TypePad Connect and Disqus take the post's text from a `div#tpc_post_message` / `div#disqus_post_message`
    printed under it with display:none: jusText, one of the best of three, read both copies, and the model kept
    the post twice."""
    article = extract(_blog_post(embed), "https://towpath.example/2012/10/along-the-canal.html")
    assert all(article.text.count(paragraph) == 1 for paragraph in WALK), article.text


LEAD = [
    "HARBOUR CITY—The port authority approved a second container terminal on Tuesday, ending a three-year dispute"
    " over the dredging of the outer channel.",
    "The terminal, planned for the reclaimed land north of the ferry pier, will double the port's capacity by 2016,"
    " officials said.",
]
REPRINTS = (
    "<p>Harbour Daily Reprints: this copy is for your personal, non-commercial use only; to order copies for your"
    " colleagues or clients, use the reprints tool.</p>"
)


def test_a_news_articles_hidden_preview_of_its_lead_is_not_read_into_the_body():
    """A news site prints an article's lead again, with its reprints notice, in a preview it shows readers who are not
    subscribers (`class="hidden"`, a CSS framework's display:none) inside the article: trafilatura's own reading
    was short, readability's read both copies and, twice as long, was kept."""
    lead = "".join(f"<p>{paragraph}</p>" for paragraph in LEAD)
    html = (
        "<html><head><title>Port Approves Second Terminal - Harbour Daily</title></head><body><div id='header'>"
        "<a href='/'>Harbour Daily</a><ul><li><a href='/news'>News</a></li><li><a href='/business'>Business</a></li>"
        "</ul></div><h1>Port Approves Second Terminal</h1><article>"
        f"<div class='reprints hidden'>{REPRINTS}</div>"
        f"<div class='article story preview hidden'><h3 class='byline'>BY JANE ROE</h3>{lead}</div>"
        f"<div class='article story'><h3 class='byline'>BY JANE ROE</h3>{lead}</div></article>"
        f"<div class='reprints'>{REPRINTS}</div><div id='footer'>Copyright 2012 Harbour Daily</div></body></html>"
    )
    article = extract(html, "https://news.example/article/port-terminal.html")
    assert all(article.text.count(paragraph) == 1 for paragraph in LEAD), article.text


SENTENCE = "The second panel says how the starter is fed twice a day with rye flour and water at room temperature."


def _copies(body: str) -> list[str]:
    page = Page.from_html(f"<html><body><article><h1>Feeding a starter</h1>{body}</article></body></html>", "")
    return [element.get("id") for element in hidden_copies(page)]


def test_a_hidden_element_whose_text_stands_visible_elsewhere_is_a_copy_by_each_way_of_hiding():
    for hiding in ("hidden", "style='display: none'", "style='VISIBILITY:HIDDEN'", "class='note d-none'"):
        assert _copies(f"<p>{SENTENCE}</p><div id='copy' {hiding}><p>{SENTENCE}</p></div>") == ["copy"], hiding


@pytest.mark.parametrize(
    "hidden",
    [
        "<div id='tab' role='tabpanel' hidden><p>{}</p></div>",  # a closed tab
        "<div id='more' style='display:none'><p>{}</p></div>",  # a "read more" expander
        "<div id='spoiler' class='spoiler-body hide'><p>{}</p></div>",  # a spoiler
    ],
)
def test_hidden_text_that_stands_nowhere_else_visible_is_no_copy(hidden):
    """A closed tab, an expander, a spoiler hold the only copy of their text, and stay in the body: alone, or
    beside another hidden copy of it (a layout printed for small screens and for large ones)."""
    assert _copies(f"<p>The first panel says how to start it.</p>{hidden.format(SENTENCE)}") == []
    assert _copies(f"<div class='hidden'><p>{SENTENCE}</p></div>{hidden.format(SENTENCE)}") == []


def test_a_part_hidden_until_found_is_visible_text():
    """`hidden=until-found` is shown when a reader's search finds its words: its text is no copy, and the text it
    shows makes a hidden copy of it one."""
    found = f"<div id='found' hidden='until-found'><p>{SENTENCE}</p></div>"
    assert _copies(
        f"<p>The first panel says how to start it.</p>{found}<div id='copy' hidden><p>{SENTENCE}</p></div>"
    ) == ["copy"]
