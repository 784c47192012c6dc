"""WordPress's translation plugins, from pages they rendered with Twenty Twenty-One in German, English and Korean:
what a page in one language of a post written in another is."""

from __future__ import annotations

from crawler.extraction.extract import extract

SINGLE = "post-template-default single single-post postid-45 single-format-standard wp-embed-responsive"
HOME = "home blog wp-embed-responsive"


def _post(lang: str, body_classes: str, content: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>Eine Runde um den Titisee</title></head>'
        f'<body class="{body_classes}"><header id="masthead"><nav><a href="/en/">Home</a></nav></header>'
        '<main id="main"><article id="post-45" class="post-45 post type-post status-publish hentry">'
        '<header class="entry-header"><h1 class="entry-title">(Deutsch) Eine Runde um den Titisee</h1></header>'
        f'<div class="entry-content">{content}</div>'
        '<footer class="entry-footer"><span class="posted-on">Published <time class="entry-date published" '
        'datetime="2024-08-11T08:00:00+02:00">August 11, 2024</time></span></footer></article></main>'
        '<aside class="widget-area"><section class="widget qtranxs_widget"><ul>'
        '<li><a href="/2024/08/11/titisee/">Deutsch</a></li><li><a href="/en/2024/08/11/titisee/">English</a></li>'
        "</ul></section></aside></body></html>"
    )


def _notice(lang: str, message: str) -> str:
    return f'<p class="qtranxs-available-languages-message qtranxs-available-languages-message-{lang}">{message}</p>'


GERMAN = (
    "<p>Um den Titisee führt ein Weg von knapp sieben Kilometern, flach und im Sommer voller Menschen. Früh am "
    "Morgen aber hat man ihn fast für sich allein, und das Wasser liegt still wie ein Spiegel.</p>"
)
ONLY_IN = 'Sorry, this entry is only available in <a href="/2024/08/11/titisee/" title="Deutsch">Deutsch</a>.'


def test_qtranslate_xt_notice_of_a_post_not_in_the_pages_language_is_no_post():
    """qTranslate-XT serves every post at every language's address, and its feed of each language lists it there; where
    the post has no text in that language the page holds its notice, "Sorry, this entry is only available in Deutsch"
    (or nothing, for a language it has no message for), or the notice above the German text: each was stored as a
    post, "(Deutsch) Eine Runde um den Titisee", beside the German post at its own address."""
    url = "https://blog.example/en/2024/08/11/titisee/"
    for content in (_notice("en", ONLY_IN), _notice("ko", ""), _notice("en", ONLY_IN) + GERMAN):
        assert extract(_post("en-US", SINGLE, content), url).kind == "untranslated"


def test_a_post_in_its_own_language_and_a_listing_with_the_notice_in_a_teaser_are_what_they_were():
    german = extract(_post("de-DE", SINGLE, GERMAN), "https://blog.example/2024/08/11/titisee/")
    assert german.kind == "article" and german.text.startswith("Um den Titisee")
    listing = extract(_post("en-US", HOME, _notice("en", ONLY_IN)), "https://blog.example/en/")
    assert listing.kind == "listing"
