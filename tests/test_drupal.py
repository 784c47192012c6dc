"""Drupal 7 and Backdrop CMS: their post and comment markup (node.tpl.php, comment.tpl.php of Drupal 7's Bartik and
Backdrop's Basis), read as the engines print it."""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract

BODY = "<p>" + "In Woche eins haben wir an der Hobelbank gearbeitet und neue Griffe gedrechselt. " * 12 + "</p>"


def _backdrop_post(submitted: str, lang: str = "en", comments: str = "") -> str:
    """A post as Backdrop's Basis prints it: the node's footer with its submitted line, the body field, the tags."""
    return f"""<html lang="{lang}"><head><meta name="Generator" content="Backdrop CMS 1 (https://backdropcms.org)" />
<title>Wochennotiz | Werkstatt</title></head><body class="page node-type-post page-node-12">
<header class="l-header"><nav class="header-menu"><ul class="links"><li><a href="/user/login">Login</a></li></ul>
</nav></header><main class="l-content" role="main"><h1 class="page-title">Wochennotiz</h1>
<article id="node-12" class="node node-post promoted view-mode-full clearfix">
<footer><p class="submitted">{submitted}</p></footer>
<div class="content clearfix"><div class="field field-name-body field-type-text-with-summary field-label-hidden">
<div class="field-items"><div class="field-item even">{BODY}</div></div></div>
<div class="field field-name-field-tags field-type-taxonomy-term-reference field-label-hidden"><div class="field-items">
<div class="field-item even"><a href="/tags/wochennotiz">Wochennotiz</a></div></div></div></div>
<section class="comments" id="comments">{comments}</section></article></main></body></html>"""


@pytest.mark.parametrize(
    ("lang", "submitted", "day"),
    [
        # Backdrop's medium format, day first, on a page in English: 1 September 2024 was a Sunday
        ("en", "Sun, 01/09/2024 - 8:11am by Jana Becker", "2024-09-01"),
        # Drupal 7's, month first ("D, m/d/Y - H:i"), on a British page: 3 May 2024 was a Friday
        ("en-GB", "Submitted by Jana Becker on Fri, 05/03/2024 - 14:22", "2024-05-03"),
    ],
)
def test_a_numeric_date_after_its_weekday_is_read_in_the_order_that_weekday_agrees_with(lang, submitted, day):
    url = "https://werkstatt.example/posts/wochennotiz"
    assert extract(_backdrop_post(submitted, lang), url).published == day


def _basis_comment(cid: int, by: str, subject: str, time: str, text: str, anonymous: bool = True) -> str:
    """A comment as Backdrop's Basis prints it (comment.tpl.php), Drupal's anchor before it."""
    kind = "comment-by-anonymous" if anonymous else "comment-by-node-author"
    return f"""<a id="comment-{cid}"></a><article class="comment {kind} comment-title-auto clearfix">
<header class="comment-header"><div class="attribution"><div class="submitted"><p class="commenter-name">{by}</p>
</div></div></header><div class="comment-text"><div class="comment-title"><h3><a href="/comment/{cid}#comment-{cid}"
class="permalink" rel="bookmark">{subject}</a></h3><span class="comment-time">{time}</span></div>
<div class="content"><div class="field field-name-comment-body field-type-text-long field-label-hidden">
<div class="field-items"><div class="field-item even"><p>{text}</p></div></div></div></div>
<footer class="comment-footer"><nav><ul class="links inline"><li class="comment-reply"><a href="/comment/reply/6/{cid}">
reply</a></li></ul></nav></footer></div></article>"""


def _bartik_comment(cid: int, by: str, subject: str, time: str, text: str) -> str:
    """A visitor's comment as Drupal 7's Bartik prints it (comment.tpl.php, with the RDF module's attributes)."""
    return f"""<a id="comment-{cid}"></a><div class="comment comment-by-anonymous clearfix"
about="/comment/{cid}#comment-{cid}" typeof="sioc:Post sioct:Comment"><div class="attribution"><div class="submitted">
<p class="commenter-name"><span rel="sioc:has_creator">{by}</span></p><p class="comment-time"><span>{time}</span></p>
<p class="comment-permalink"><a href="/comment/{cid}#comment-{cid}" class="permalink" rel="bookmark">Permalink</a></p>
</div></div><div class="comment-text"><div class="comment-arrow"></div><h3 property="dc:title"><a
href="/comment/{cid}#comment-{cid}" class="permalink" rel="bookmark">{subject}</a></h3><div class="content">
<div class="field field-name-comment-body field-type-text-long field-label-hidden"><div class="field-items">
<div class="field-item even" property="content:encoded"><p>{text}</p></div></div></div></div></div>
<ul class="links inline"><li class="comment-reply first last"><a href="/comment/reply/6/{cid}">reply</a></li></ul>
</div>"""


KARL = '<a href="http://karl.example.net/" rel="nofollow" class="username">Karl Vogt (not verified)</a>'


def test_backdrops_comments_are_read_with_their_thread_names_and_times():
    thread = (
        _basis_comment(1, KARL, "Sensoren", "Sat, 04/05/2024 - 9:12am", "Welche Sensoren habt ihr benutzt?")
        + '<div class="indented">'
        + _basis_comment(
            2,
            '<span class="username">Jana Becker</span>',
            "Re: Sensoren",
            "Sat, 04/05/2024 - 11:30am",
            "Drei Funksensoren.",
            anonymous=False,
        )
        + '<div class="indented">'
        + _basis_comment(3, KARL, "Danke", "Sun, 05/05/2024 - 4:45pm", "Danke, das hilft.")
        + "</div></div>"
        + _basis_comment(
            4, '<span class="username">Ann Lee (not verified)</span>', "Hallo", "Mon, 06/05/2024 - 12:05am", "Schön."
        )
        + '<h2 class="title comment-form">Add comment</h2>'
    )
    page = _backdrop_post("Fri, 03/05/2024 - 2:22pm by Jana Becker", comments=thread)
    comments = extract(page, "https://werkstatt.example/posts/werkbank").comments
    assert [(c.id, c.parent, c.depth, c.author, c.author_url, c.published, c.text) for c in comments] == [
        (
            "1",
            None,
            1,
            "Karl Vogt",
            "http://karl.example.net/",
            "2024-05-04T09:12",
            "Welche Sensoren habt ihr benutzt?",
        ),
        ("2", "1", 2, "Jana Becker", None, "2024-05-04T11:30", "Drei Funksensoren."),
        ("3", "2", 3, "Karl Vogt", "http://karl.example.net/", "2024-05-05T16:45", "Danke, das hilft."),
        ("4", None, 1, "Ann Lee", None, "2024-05-06T00:05", "Schön."),
    ]


def test_drupal_7_bartiks_comments_are_read_with_their_thread_names_and_times():
    thread = (
        _bartik_comment(1, KARL, "Sensoren", "Sat, 05/04/2024 - 09:12", "Which sensors did you use?")
        + '<div class="indented">'
        + _bartik_comment(
            2, '<span class="username">Ann Lee (not verified)</span>', "Same", "Sat, 05/04/2024 - 21:30", "Me too."
        )
        + "</div>"
    )
    page = _backdrop_post("Submitted by Jana Becker on Fri, 05/03/2024 - 14:22", comments=thread)
    comments = extract(page, "https://werkstatt.example/posts/werkbank").comments
    assert [(c.id, c.parent, c.depth, c.author, c.published, c.text) for c in comments] == [
        ("1", None, 1, "Karl Vogt", "2024-05-04T09:12", "Which sensors did you use?"),
        ("2", "1", 2, "Ann Lee", "2024-05-04T21:30", "Me too."),
    ]


@pytest.mark.parametrize(
    "submitted",
    [
        # Backdrop's default "[node:created:medium] by [node:author]": the name as text, after the date and time
        "Sun, 01/09/2024 - 8:11am by Jana Becker",
        # Drupal 7's "Submitted by !username on !datetime", theme_username()'s span with the RDF module's attributes
        'Submitted by <span class="username" typeof="sioc:UserAccount" property="foaf:name">Jana Becker</span>'
        " on Sun, 09/01/2024 - 08:11",
    ],
)
def test_the_author_of_a_drupal_or_backdrop_post_is_read_from_its_submitted_line(submitted):
    page = _backdrop_post(submitted, comments=_basis_comment(1, KARL, "Hallo", "Sun, 01/09/2024 - 9:12am", "Schön."))
    assert [p.name for p in extract(page, "https://werkstatt.example/posts/wochennotiz").authors] == ["Jana Becker"]


def test_the_commenter_and_time_of_drupals_stock_comment_template_are_in_its_submitted_line():
    # Drupal 6's and 7's comment.tpl.php: one div.submitted line of the name and the time, in the site's language
    comment = """<a id="comment-13843"></a><div class="comment comment-published comment-by-anonymous clearfix">
<div class="submitted">par <span class="username">Jeanne Petit</span> le 7 mai 2020 - 12:38.</div>
<div class="content"><p>Un très beau duo à distance, à écouter.</p></div>
<ul class="links"><li class="comment_hautpage"><a href="#top">haut de page</a></li></ul></div>"""
    page = _backdrop_post("Sun, 01/09/2024 - 8:11am by Jana Becker", lang="fr", comments=comment)
    comments = extract(page, "https://werkstatt.example/posts/werkbank").comments
    assert [(c.id, c.author, c.published, c.text) for c in comments] == [
        ("13843", "Jeanne Petit", "2020-05-07T12:38", "Un très beau duo à distance, à écouter.")
    ]
