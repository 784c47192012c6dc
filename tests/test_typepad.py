"""Typepad's post pages, written after the markup its templates print (`<meta name="generator"
content="http://www.typepad.com/">`): the post's div.entry with its h3.entry-header, div.entry-body and the byline
line "Posted by <a rel=author>Name</a> at 03:42 PM" in p.entry-footer-info; the comments in div#all-comments.comments,
each a div.comment#comment-6a… whose p.comment-footer reads "Posted by: Name | <a href=#comment-6a…>date</a>"; the
comment form, its preview and captcha boxes in div#atp-comments."""

from __future__ import annotations

from crawler.extraction.extract import extract

URL = "http://harbourlights.typepad.com/notes/2013/05/the-lighthouse-keepers-log.html"
FIRST = "6a00d8341c4fe353ef0191026c075c970c"
SECOND = "6a00d8341c4fe353ef0192aa344596970d"
THIRD = "6a00d8341c4fe353ef0191026bcbf6970c"


def _comment(xid: str, text: str, poster: str) -> str:
    return (
        f"<a id='c{xid}'></a><div class='comment comment-odd' id='comment-{xid}'>"
        f"<div class='comment-content' id='comment-{xid}-content'><span><p>{text}</p></span></div>"
        f"<p class='comment-footer'>Posted by: {poster} | <a rel='nofollow'"
        f" href='{URL}?cid={xid}#comment-{xid}'>Thursday, May 23, 2013 at 09:12 AM</a></p></div>"
    )


def _post() -> str:
    comments = (
        _comment(
            FIRST,
            "My grandfather kept the same kind of log on the north light, in pencil, and he always said that the"
            " weather came first because the inspectors from the board read it before anything else in the spring.",
            "Maren",
        )
        + _comment(
            SECOND,
            "Do you know whether the log books went to the county archive? It would be good if someone could put"
            " all of them online so that we could see how the weather was on the days our families were at sea.",
            "<a rel='nofollow' href='http://tidewatcher.example.org'>Tom Ashby</a>",
        )
        + _comment(
            THIRD,
            "We found one of these books in a box at my aunt's house, and it was the same thing all the way through,"
            " the wind and the lamp and then a ship if there was one to be seen from the gallery.",
            "Ruth",
        )
    )
    return (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'>"
        "<meta name='generator' content='http://www.typepad.com/'>"
        "<title>Harbour Lights: The lighthouse keeper's log</title></head>"
        "<body class='layout-two-column-right post'><div id='container'><div id='banner'><h1>"
        "<a href='http://harbourlights.typepad.com/notes/'>Harbour Lights</a></h1></div>"
        "<div id='pagebody'><div id='alpha'><p class='content-nav'><a href='/notes/'>Main</a></p>"
        "<h2 class='date-header'>Wednesday, May 22, 2013</h2>"
        f"<div class='entry-author-ilse_brandt entry-type-post entry' id='entry-{FIRST}'>"
        "<h3 class='entry-header'>The lighthouse keeper's log</h3><div class='entry-content'><div class='entry-body'>"
        "<p>The keeper wrote one line every four hours: the wind, the sea, the state of the lamp and any ship that"
        " passed close enough to be named.</p><p>Reading a winter of those lines in a row, you can follow each storm"
        " as it comes in from the west and blows itself out over two or three days.</p></div></div>"
        "<div class='entry-footer'><p class='entry-footer-info'><span class='post-footers'>Posted by <a rel='author'"
        " href='http://profile.typepad.com/6p017ee5c70e77970d'>Ilse Brandt</a> at 03:42 PM</span>"
        f" <span class='separator'>|</span> <a class='permalink' href='{URL}'>Permalink</a></p></div></div>"
        "<a id='comments'></a><div class='comments' id='all-comments'><h3 class='comments-header'>Comments</h3>"
        f"<div class='comments-content' id='comments-content'>{comments}</div></div>"
        "<div id='atp-comments'><div id='comment-preview' class='hiddenBox'><h3 class='comments-header'>Comment"
        " Preview</h3></div><div id='comment-captcha' class='hiddenBox'><form id='comment-captcha-form'>"
        "<p>The letters and numbers you entered did not match the image. Please try again.</p></form></div>"
        "<div id='primary-comment-form' class='comment-form'><form id='comment-form'><div class='comments-open'>"
        "<h2 class='comments-open-header'>Post a comment</h2><p>Comments are moderated, and will not appear until"
        " the author has approved them.</p><textarea name='text'></textarea></div></form></div></div>"
        "</div></div></div></body></html>"
    )


def test_a_typepad_posts_comments_and_comment_form_are_not_its_text():
    """A Typepad post's text went on past the post with its comments and its comment form ("Comments", each
    comment, "Post a comment", the captcha box's "The letters and numbers you entered did not match the image"):
    Typepad prints the comment list in div#all-comments (an empty <a id=comments> before it) and the form in
    div#atp-comments, classes no other template's comments share."""
    article = extract(_post(), URL)
    assert article.text.splitlines() == [
        "The keeper wrote one line every four hours: the wind, the sea, the state of the lamp and any ship that passed"
        " close enough to be named.",
        "Reading a winter of those lines in a row, you can follow each storm as it comes in from the west and blows"
        " itself out over two or three days.",
    ]


def test_a_typepad_comment_names_its_commenter_in_its_footer_line():
    """A Typepad comment had no author: Typepad names the commenter in the comment's footer line, "Posted by:
    Maren |" (a link where they gave their site), before the comment's permalink, which prints its time; the
    comment's element is `comment-` and its asset id ("6a" and 32 hex digits)."""
    article = extract(_post(), URL)
    assert [(c.author, c.author_url, c.id, c.published[:10]) for c in article.comments] == [
        ("Maren", None, FIRST, "2013-05-23"),
        ("Tom Ashby", "http://tidewatcher.example.org", SECOND, "2013-05-23"),
        ("Ruth", None, THIRD, "2013-05-23"),
    ]


def test_a_typepad_byline_line_is_no_author_box():
    """A Typepad post's byline line made an author box whose bio was "Posted by at 03:42 PM | Permalink": the
    line names the author with rel=author and the time the post was written; a short text that names a clock
    time is no bio, as one naming a year is not. The author stands, with the profile link."""
    article = extract(_post(), URL)
    assert [(a.name, a.url) for a in article.authors] == [
        ("Ilse Brandt", "http://profile.typepad.com/6p017ee5c70e77970d")
    ]
    assert article.author_box is None


def test_a_typepad_posts_title_is_its_entry_header():
    """A Typepad post's title kept the blog's name: Typepad states the post's og:title and <title> as "Post - Blog -
    tagline" (the tagline no site name, so no part was cut), and prints the post's heading alone in the
    h3.entry-header of its div.entry, which no title selector named."""
    stated = "The lighthouse keeper's log - Harbour Lights - Notes from the north coast, its lights and its weather"
    page = _post().replace(
        "<title>Harbour Lights: The lighthouse keeper's log</title>",
        f"<title>{stated}</title><meta property='og:title' content=\"{stated}\">",
    )
    assert extract(page, URL).title == "The lighthouse keeper's log"


def test_a_typepad_posts_first_paragraph_written_before_its_paragraphs_is_kept():
    """A Typepad post lost its first paragraph, or kept it broken at its first element ("… and the", "whole"): its
    editor wrote it straight into the div.entry-body, bare text before the <p>s of the rest, and trafilatura reads a
    <div>'s own text beside its <p>s not at all, or as scraps. That line, a sentence,
    is the post's first paragraph (where the page's <p>s hold less text than here, trafilatura reads the <div>'s
    own text, and kept it)."""
    more = "".join(
        f"<p>In the {month} pages the keeper notes the ice on the gallery rail, the coal delivered by the supply boat"
        " and the days the fog kept the horn sounding from dusk until the morning watch.</p>"
        for month in ("January", "February", "March", "April", "May")
    )
    page = (
        _post()
        .replace(
            "<div class='entry-body'><p>The keeper wrote",
            "<div class='entry-body'>NORTH LIGHT -- For sixty years the keepers of the north light kept a log, and the"
            " <em>whole</em> run of it has come back to the village this spring.<p>The keeper wrote",
        )
        .replace("two or three days.</p></div>", f"two or three days.</p>{more}</div>")
    )
    assert extract(page, URL).text.splitlines()[:2] == [
        "NORTH LIGHT -- For sixty years the keepers of the north light kept a log, and the whole run of it has come"
        " back to the village this spring.",
        "The keeper wrote one line every four hours: the wind, the sea, the state of the lamp and any ship that passed"
        " close enough to be named.",
    ]
