"""A comment's time as comment templates print it in their date line, in the site's language, no <time datetime>:
WordPress's default walker ("%1$s at %2$s" and its translations, in the permalink of `.comment-metadata` or in the
classic themes' `.commentmetadata`), a theme's own `.comment-time` ("8. April 2019 @ 11:38"), Korean and French
clocks — the day and the time of day are read; a relative time is none."""

from __future__ import annotations

import pytest

from crawler.extraction.comments import find_comments
from crawler.extraction.page import Page


def _wordpress_comment(number: int, meta: str, text: str) -> str:
    """A comment as WordPress's Walker_Comment prints it for a classic theme (html5 off): the name, then the
    permalink with the date and time in `div.comment-meta.commentmetadata`."""
    return (
        f'<li class="comment even thread-even depth-1" id="comment-{number}"><div id="div-comment-{number}" '
        'class="comment-body"><div class="comment-author vcard"><cite class="fn">Anna Weber</cite> '
        f'<span class="says">sagt:</span></div><div class="comment-meta commentmetadata">{meta}</div>'
        f'<p>{text}</p><div class="reply"><a class="comment-reply-link" href="?replytocom={number}#respond">'
        "Antworten</a></div></div></li>"
    )


def _published(html: str) -> list[str | None]:
    page = Page.from_html(f'<html><body><ol class="commentlist">{html}</ol></body></html>', "https://b.example/p/")
    return [c.published for c in find_comments(page)]


@pytest.mark.parametrize(
    ("printed", "published"),
    [
        ("July 11, 2011 at 12:25 pm", "2011-07-11T12:25"),  # en_US, "F j, Y" and "g:i a"
        ("10. Februar 2019 um 18:05 Uhr", "2019-02-10T18:05"),  # de_DE's "%1$s um %2$s Uhr"
        ("Juli 30, 2013 um 2:33 pm", "2013-07-30T14:33"),  # de_DE's words, the site's English formats
        ("06.01.2020 um 9:16", "2020-01-06T09:16"),  # a numeric "d.m.Y"
        ("26 abril 2022 a las 14:02", "2022-04-26T14:02"),  # es_ES's "%1$s a las %2$s"
        ("14/04/2020 at 3:00 pm", "2020-04-14T15:00"),  # en_GB's "d/m/Y"
        ("3 mai 2024 à 14 h 22", "2024-05-03T14:22"),  # fr_FR's "%1$s à %2$s", a time format "G \h i"
        ("2024년 5월 3일 오후 2:22", "2024-05-03T14:22"),  # ko_KR's "Y년 n월 j일" and "A g:i"
        ("2024년 5월 3일 오전 12:05", "2024-05-03T00:05"),
        ("Feb 7, 2014 at 10:53", "2014-02-07T10:53"),
    ],
)
def test_the_permalink_of_wordpresss_comment_meta_gives_the_day_and_the_time(printed, published):
    meta = f'<a href="https://b.example/p/#comment-7">{printed}</a>'
    assert _published(_wordpress_comment(7, meta, "Schön.")) == [published]


@pytest.mark.parametrize(
    "printed",
    [
        "Jun 20th at 2:41 am",  # no year: no day
        "3 hours ago",  # a relative time is no time
        "vor 3 Tagen",
    ],
)
def test_a_date_line_without_a_day_gives_no_time(printed):
    meta = f'<a href="https://b.example/p/#comment-7">{printed}</a>'
    assert _published(_wordpress_comment(7, meta, "Schön.")) == [None]


def test_a_date_line_of_two_clocks_keeps_the_day_alone():
    meta = '<a href="https://b.example/p/#comment-7">3. Mai 2024 um 14:22 Uhr (bearbeitet 15:10)</a>'
    assert _published(_wordpress_comment(7, meta, "Schön.")) == ["2024-05-03"]


@pytest.mark.parametrize(
    ("html", "published"),
    [
        # Kubrick's comments.php and the themes built on it: `small.commentmetadata` after the name, the bare line
        # where the theme prints no link to the comment (its number links it)
        (
            '<li id="comment-4414" class="alt"><img class="gravatar" src="/a.gif" alt=""> Kommentar<small> von '
            '</small><cite>Mareike</cite><br><small class="commentmetadata">8. Dezember 2010 um 10:56</small>'
            '<p>Sehr lecker.</p><p><a href="#comment-4414">1</a></p></li>',
            "2010-12-08T10:56",
        ),
        # a theme's own callback: the name "dijo:", the text, then the line in a `div.commentmetadata`
        (
            '<li class="comment even depth-1" id="comment-10353767"><div class="commenttext"><cite><strong>Ramón'
            '</strong> dijo:</cite><p>Muy bien.</p><div class="commentmetadata"> 26 abril 2022 a las 14:02 </div>'
            '<div class="reply"><a class="comment-reply-link" href="?replytocom=10353767#respond">Responder</a>'
            "</div></div></li>",
            "2022-04-26T14:02",
        ),
    ],
)
def test_the_classic_themes_commentmetadata_line_gives_the_day_and_the_time(html, published):
    assert _published(html) == [published]


def test_a_themes_comment_time_with_an_at_sign_gives_the_day_and_the_time():
    # a theme's own list of the comment's meta: the name, then the permalink "date @ time" in its li.comment-time
    html = (
        '<li class="comment even depth-1" id="li-comment-2772"><article id="comment-2772" class="comment">'
        '<div class="comment-content"><ul class="comment-meta"><li class="comment-author">Dietmar H.</li>'
        '<li class="comment-time"><a href="https://b.example/p/#comment-2772"> 8. April 2019 &#64; 11:38</a></li>'
        '</ul><div class="comment-text"><p>Ein Kommentar.</p></div></div></article></li>'
    )
    assert _published(html) == ["2019-04-08T11:38"]


def test_divis_comment_date_gives_the_day_and_the_time():
    # Divi's comment callback: the name and "on <date> at <time>" in the site's language in span.comment_date
    html = (
        '<li class="comment even depth-1 et-pb-non-builder-comment" id="li-comment-1224"><article id="comment-1224" '
        'class="comment-body clearfix"><div class="comment_avatar"></div><div class="comment_postinfo"><span '
        'class="fn">Trockenduscher</span> <span class="comment_date"> am 9. Juni 2017 um 13:22 </span></div><div '
        'class="comment_area"><div class="comment-content clearfix"><p>Guter Punkt.</p></div></div></article></li>'
    )
    assert _published(html) == ["2017-06-09T13:22"]


@pytest.mark.parametrize(
    ("line", "published"),
    [
        # "Comment by <name> — <date> @ <permalink: time>" in a <cite> after the text, in the site's language
        (
            '<p><cite>Kommentar von <span class="fn">Margit H.</span> &#8212; 2019-01-01 @ <a href="#comment-7">'
            "00:39</a></cite></p>",
            "2019-01-01T00:39",
        ),
        # "<name> said, on <date> at <permalink: time>" beside the avatar
        (
            '<div class="comment_author vcard"><strong class="fn">stephan</strong> said, on August 3, 2019 at <a '
            'href="https://b.example/p/#comment-7">3:12 pm</a></div>',
            "2019-08-03T15:12",
        ),
    ],
)
def test_a_permalink_of_the_time_alone_is_read_with_the_day_before_it_in_its_line(line, published):
    html = f'<li class="comment even depth-1" id="comment-7"><div id="div-comment-7">{line}<p>Gut.</p></div></li>'
    assert _published(html) == [published]


@pytest.mark.parametrize(
    ("time", "published"),
    [
        # a theme's <time> whose datetime states the day alone and whose text prints the time too
        ('<time datetime="2020-07-29">29.07.2020 // 12:56</time>', "2020-07-29T12:56"),
        ('<time datetime="2020-07-29">July 29, 2020 at 12:56 pm</time>', "2020-07-29T12:56"),
        ('<time datetime="2019-11-5">05.11.2019 // 07:08</time>', "2019-11-05T07:08"),
        # the attribute's moment stands; so does its day where the text prints another day or no time
        ('<time datetime="2020-07-29T12:56:08+02:00">29.07.2020 // 13:00</time>', "2020-07-29T12:56:08+02:00"),
        ('<time datetime="2020-07-29">30.07.2020 // 12:56</time>', "2020-07-29"),
        ('<time datetime="2020-07-29">vor 3 Jahren</time>', "2020-07-29"),
    ],
)
def test_a_time_element_stating_the_day_alone_takes_the_time_its_text_prints_that_day(time, published):
    html = (
        '<li class="comment even depth-1"><div id="comment-63215" class="comment-wrap"><div class="comment-content">'
        f'<div class="comment-author"> Rolf B. <span><a href="#" title="Permalink">{time}</a></span></div>'
        "<p>Schöner Bericht.</p></div></div></li>"
    )
    assert _published(html) == [published]
