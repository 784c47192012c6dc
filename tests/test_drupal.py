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
