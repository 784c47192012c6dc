"""The post's publication date, in the page's own day and offset, and never a guess.

Two readings are compared. What the page states for machines: JSON-LD datePublished, article:published_time,
the theme's <time datetime> or microdata. And htmldate's reading of the page (its URL, meta tags, the dates the
page shows), with comment threads and sidebars out of the tree: WordPress themes print each comment's time in a
<time> too, and a sidebar lists other posts' dates. Where they agree, the stated value is kept for its time and
offset; where they disagree, htmldate decides the day (on the shared real pages it is right about three times as
often: a stated date is often a re-publication or a sidebar's) — except against a date htmldate took from the
URL: the page's printed or JSON-LD date beats the URL's when they differ (a post filed under the day its draft
began), unless it is a UTC timestamp a day off the URL's (the same moment, the URL has the author's local day).

A date printed with numbers only is read in the order of the page's language and locale: `08/12/2013` is August
12 on an English (en, en-US) page and 8 December on a German or British one; `08.12.2013` is day-first
everywhere, ISO year-first always; where the page prints the weekday before it (Drupal's and Backdrop's "Sun,
01/09/2024 - 8:11am"), the reading that falls on that weekday is the date; else, where the URL names the year and
month, it settles the order. htmldate's
extensive search (free text, then copyright lines and lone years) runs only when its ordinary search found
nothing, and its answer counts only where the page prints that very day in full in a short text (a byline, a
date line): a lone "© 1995" or a number in the post's prose makes no date.

Go's zero time, 0001-01-01, is no date: Hugo themes print it ("Jan 01, 0001", "01/1/0001", `<time
datetime="0001-01-01T00:00:00Z">`) on a page whose front matter gives none, and htmldate reads its year 0001 as
2001.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cached_property, lru_cache
from typing import Any

from htmldate.extractors import MONTHS, extract_url_date
from htmldate.utils import Extractor
from lxml import etree

from crawler.extraction.bearblog import bear_published
from crawler.extraction.gnuboard import read_time as gnuboard_time
from crawler.extraction.page import HtmlElement, Page, detached, first, text_of
from crawler.extraction.selectors import COMMENT_THREADS
from crawler.extraction.serendipity import entry_time_prints, published_title
from crawler.extraction.structured import first_text
from crawler.extraction.upstream import day_in_words, find_date
from crawler.extraction.vitepress import sugarat_published
from crawler.extraction.xpressengine import READ_TIME, generated_by_xe
from crawler.extraction.zblog import POST_DATE, generated_by_zblog, post_time

MAX_PRINTED_CHARS = 200  # a text longer than this is prose, not a date line
MAX_SIDEBAR_SHARE = 0.3  # of the page's text: a "sidebar" holding more is the post's column
MAX_TIMES_READ = 20
# WordPress's block themes print the post's date in the post-date block, outside any <article>; so do Serendipity's
# Timeline, in the byline line of its section#entry (SERENDIPITY_CHROME), and Clean Blog, in the p.meta of the page's
# header over the entry (Start Bootstrap's Clean Blog: `.post-heading > .meta`).
_THEME_TIMES = (
    ".wp-block-post-date time[datetime], article time[datetime], .entry-date[datetime], time.published[datetime],"
    " section#entry > p.post-info time[datetime], .post-heading > .meta time[datetime]"
)
# When the post last changed: microdata's dateModified, hAtom's `updated` where it is not also `published` (WordPress's
# classic themes print `<time class="entry-date published updated">` for a post never edited, and for an edited one
# the two times apart — GeneratePress the modified one first; Kadence marks the one time of a post never edited
# itemprop=dateModified too). HTML5's pubdate attribute says the publication date. Pelican's themes print an edited
# article's last change after its publication, as a <time class="modified" datetime> (simple, the default) or an
# <abbr class="modified" title> (notmyidea, as it prints abbr.published). Astro's blog starter (BlogPost.astro) prints
# a post's `updatedDate` after its `pubDate`, "Last updated on <time datetime>" in a div.last-updated-on.
_MODIFIED_TIMES = (
    "[itemprop~=dateModified]:not(.published), .updated:not(.published):not([pubdate]), #pageinfo > .pagedate > time,"
    " time.modified[datetime]:not(.published), abbr.modified[title]:not(.published), .last-updated-on > time[datetime]"
)
# VuePress 1's default theme, and the themes built on it (vuepress-theme-reco 1.x), print under a page, in its
# footer.page-edit, when git last changed its file ("Last Updated: 2/18/2020, 10:15:44 AM", the browser's locale
# string): no publication date, though the page states none other
_VUEPRESS_LAST_UPDATED = "footer.page-edit > .last-updated"
# MkDocs Material's blog plugin prints a post's dates in the post's own sidebar (div.md-sidebar--post, outside its
# <article>), in its metadata list: date.created in the first item, date.updated (where the front matter gives one)
# in the item after it, each a <time datetime> holding Python's str() of the front matter's time ("2024-03-05
# 09:30:00+01:00"). A day alone is made midnight, in UTC from 9.x on ("2024-03-05 00:00:00+00:00"): the day alone.
# Not the teasers' times of its index and archive pages (div.md-post__meta in an article.md-post--excerpt).
_MATERIAL_TIMES = ".md-sidebar--post .md-post__meta time[datetime]"
_MATERIAL_UPDATED = ".md-sidebar--post .md-post__meta .md-nav__item + .md-nav__item > .md-nav__link > time[datetime]"
_MATERIAL_MIDNIGHT = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[ T]00:00:00(?:\+00:00)?")
# ikiwiki's page template prints when the page last changed in its footer's page info, "Last edited <date>", and
# when it was created only in an HTML comment after that (the date its Atom feed gives as `published`):
# `<!-- Created <span class="date">2024-05-20 08:30</span> -->` in the setup's timeformat, a `<time datetime
# pubdate>` with the html5 option. The last edit is no publication date.
_IKIWIKI_PAGEDATE = "#pageinfo > .pagedate"
_IKIWIKI_CREATED = re.compile(
    r'<div class="pagedate">\s*Last edited <(span|time)\b[^>]*>[^<]*</\1>\s*'
    r'<!-- Created (?:<time datetime="([^"]+)"[^>]*>|<span class="date">)([^<]*)</'
)
# Elementor Pro's Post Info widget (ul.elementor-post-info) prints the post's date and its time as two items, each
# in a <time> with no datetime, in the site's formats: the date item's (.elementor-post-info__item--type-date)
# "March 5, 2024", "5. März 2024", the time item's (--type-time) "9:30 am", "09:30", "9:30 Uhr".
# Not one in a Loop Grid's or Loop Carousel's item (e-loop-item) or a Posts widget's card: another post's.
_ELEMENTOR_POST_INFO = "ul.elementor-post-info"
_ELEMENTOR_OTHER_POSTS = {
    "e-loop-item",
    "elementor-widget-posts",
    "elementor-widget-loop-grid",
    "elementor-widget-loop-carousel",
}
_ELEMENTOR_DATE = ".elementor-post-info__item--type-date"
_ELEMENTOR_TIME = ".elementor-post-info__item--type-time"
# A moment as Korean engines print it, with dots, to the minute: Tistory's skins ([##_rp_rep_date_##]: "2016.07.25
# 09:13"; its comment app's "2023. 4. 8. 21:03"), XpressEngine's and Rhymix's board skins ('Y.m.d H:i')
DOTTED_DATETIME = re.compile(r"(\d{4})\. ?(\d{1,2})\. ?(\d{1,2})\.? (\d{1,2}):(\d\d)")
_PRINTED_TIME = re.compile(r"^(\d{1,2})[:.h](\d\d)(?::\d\d)?\s*(?:([ap])\.?\s?m\.?|uhr|h)?$", re.IGNORECASE)
# The clock a comment template prints after the day in its date line, in whatever words its language joins them
# with: WordPress's default "%1$s at %2$s" and its translations ("July 11, 2011 at 12:25 pm", "10. Februar 2019 um
# 18:05 Uhr", "26 abril 2022 a las 14:02"), "8. April 2019 @ 11:38", Drupal's "le 7 mai 2020 - 12:38", French
# "14 h 22", Korean "오후 2:22" (오전 before noon, 오후 after). The seconds may follow; a dotted "12.38" is a date's.
_CLOCK = re.compile(
    r"(?<![\d:.])(?:(오[전후])\s*)?(\d{1,2})(?::|\s?h\s?)(\d\d)(?::\d\d)?(?![\d:])(?:\s*([ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
# A post's entry as hAtom, microformats2, HTML and WordPress's query loop mark it up. A small entry inside another
# is another post's teaser in the post (a query loop, a latest-comments block): its date is that post's.
_ENTRIES = "article, .hentry, .h-entry, .wp-block-post"
# WordPress's core blocks that list other posts' and comments' dates wherever an author puts them, post included.
_LISTING_BLOCKS = ".wp-block-latest-posts, .wp-block-latest-comments, .wp-block-rss, .wp-block-calendar"
# The post a WordPress page is (its body class postid-N), and the post an entry is (its class post-N).
_WORDPRESS_POST_ID = re.compile(r"(?:^|\s)postid-(\d+)(?=\s|$)")
_ENTRY_POST_ID = re.compile(r"(?:^|\s)post-(\d+)(?=\s|$)")
_TIME_VALUES = etree.XPath("//time/@datetime", smart_strings=False)
# A moment printed as the page's own clock shows it, "2025-12-22 02:48:31" (Hexo's date_format and time_format, in
# the site's `timezone`), with no zone; the seconds may be left out.
_PRINTED_DATETIME = re.compile(r"(?<![\d-])(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d\d)(?::(\d\d))?(?![\d:])")
MAX_OFFSET = timedelta(hours=14)  # the farthest a zone is from UTC (UTC+14, Kiribati)
OFFSET_STEP = timedelta(minutes=15)  # every zone is a whole number of quarter hours from UTC
# Velog (velog-client's server render) hands its scripts the Apollo cache of the page's queries as
# `window.__APOLLO_STATE__={…};`: the ROOT_QUERY's `post({"url_slug":…,"username":…})` refers to the post the page
# shows, whose `released_at` is when it was published (the page prints the day only, a recent post "3일 전").
_APOLLO_STATE = re.compile(r"^\s*window\.__APOLLO_STATE__\s*=\s*(\{.*\})\s*;?\s*$", re.DOTALL)
_APOLLO_SCRIPTS = etree.XPath("//script[not(@src)][starts-with(normalize-space(), 'window.__APOLLO_STATE__')]")
# A program's dates are its own (Hydejack's search index key holds the build's time), not the post's; a script of
# data — JSON-LD, Next.js's __NEXT_DATA__, a state of type application/json — may state the post's.
_SCRIPTS = etree.XPath("//script[not(contains(@type, 'json'))]")
_SHORT_TEXTS = etree.XPath(
    f"//text()[string-length(normalize-space()) <= {MAX_PRINTED_CHARS}][not(parent::script or parent::style)]",
    smart_strings=False,
)
# A number of a date stands on its own: "c3ef1996dc1b" (a hash, an id) prints no day of 1996, "29th", "1er" and
# ISO's "29T10:00" print the 29th and the 1st.
_ALONE = r"(?<![0-9A-Za-z])"
_ALONE_AFTER = r"(?![0-9A-Za-z])"
_URL_NUMBERS = re.compile(_ALONE + r"\d+" + _ALONE_AFTER)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)")
# A numeric date after the weekday it falls on, its English name or abbreviation: Drupal's and Backdrop's "medium"
# date format, in which they print a post's and a comment's time ("D, m/d/Y - H:i" in Drupal 7, "D, d/m/Y - g:ia"
# in Backdrop: "Sun, 01/09/2024 - 8:11am"), whichever order a site sets
WEEKDAY_NUMERIC_DATE = re.compile(
    r"(?<![^\W\d_])(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(\d{1,2})([./-])(\d{1,2})\3(\d{4})(?!\d)", re.IGNORECASE
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH_FIRST_LOCALES = re.compile(r"^en(?:[-_](?:us|ca|ph))?$|^es[-_]us$", re.IGNORECASE)
_LOCALE = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]+)*$")
_URL_YEAR_MONTH = re.compile(r"/((?:19|20)\d\d)/(\d\d?)/")
_ZERO_TIME = "0001-01-01"
_ZERO_TIME_READ = "2001-01-01"  # htmldate's reading of it: a two-digit year is taken for this century's
_YEAR_ONE = re.compile(r"(?<!\d)0001(?!\d)")
# The months' names as printed dates write them, by their first letters (htmldate's English, French, German,
# Indonesian and Turkish names, and Spanish, Italian, Portuguese, Dutch, Polish, Czech and Russian stems).
_MONTH_STEMS = (
    ("ene", "gen", "janv", "sty", "led", "янв"),
    ("feb", "fev", "fév", "lut", "úno", "фев"),
    ("mar", "mär", "maa", "bře", "мар"),
    ("abr", "apr", "avr", "kwi", "dub", "апр"),
    ("mag", "mai", "may", "mei", "maj", "kvě", "мая", "май"),
    ("jun", "giu", "jui", "cze", "čer", "июн"),
    ("jul", "lug", "juil", "lip", "čvc", "июл"),
    ("ago", "aug", "aoû", "sie", "srp", "авг"),
    ("sep", "set", "wrz", "zář", "сен"),
    ("oct", "okt", "ott", "out", "paź", "říj", "окт"),
    ("nov", "lis", "ноя"),
    ("dic", "dec", "dez", "déc", "gru", "pro", "дек"),
)
_MONTH_NAMES = {n: names + stems for n, (names, stems) in enumerate(zip(MONTHS, _MONTH_STEMS, strict=True), 1)}
_MONTH_WORDS = "|".join(sorted({re.escape(name) for names in _MONTH_NAMES.values() for name in names}, key=len)[::-1])
# A day printed at the start of a meta line, any weekday before it: "March 3, 2024", "Sun, 3rd March 2024",
# "3. März 2024", "2024-03-03", "03.03.2024", "2024년 3월 3일".
PRINTED_DAY = re.compile(
    rf"^(?:[^\W\d_]{{2,}}\.?,?\s+)??(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./]\s?\d{{1,2}}[./]\s?\d{{2,4}}"
    rf"|(?:{_MONTH_WORDS})[^\W\d_]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:\.|st|nd|rd|th|er)?\s+(?:{_MONTH_WORDS})[^\W\d_]*\.?,?\s+\d{{4}}"
    r"|\d{4}년\s*\d{1,2}월\s*\d{1,2}일)(?![\w:])",
    re.IGNORECASE,
)


def days_named(page: Page) -> int:
    """How many days the page's first MAX_TIMES_READ <time datetime>s name: a listing names one per entry."""
    return len({value[:10] for value in _TIME_VALUES(page.tree)[:MAX_TIMES_READ]})


def modified(page: Page) -> str | None:
    """When the page's own date markup says the post last changed (MkDocs Material's date.updated, _MODIFIED_TIMES),
    outside comment threads."""
    if (updated := material_time(page, _MATERIAL_UPDATED)) is not None:
        return updated
    threads = page.select_unordered(COMMENT_THREADS)
    for node in page.select(_MODIFIED_TIMES)[:MAX_TIMES_READ]:
        if not any(n in threads for n in (node, *node.iterancestors())):
            return first_date(
                node.get("datetime"), node.get("content"), node.get("title") if node.tag == "abbr" else None
            )
    return None


def material_time(page: Page, selector: str) -> str | None:
    """The time of MkDocs Material's blog post sidebar that `selector` finds (_MATERIAL_TIMES: date.created, the first;
    _MATERIAL_UPDATED), ISO 8601; the day alone where it is the midnight Material makes of a day."""
    if "md-sidebar--post" not in page.names.classes:
        return None
    node = next(iter(page.select(selector)), None)
    value = " ".join((node.get("datetime") or "").split()) if node is not None else ""
    if match := _MATERIAL_MIDNIGHT.fullmatch(value):
        return match[1]
    return first_date(value)


def published(
    page: Page, post: dict[str, Any], url: str, language: str | None, root: HtmlElement | None = None
) -> str | None:
    """`post`: the page's JSON-LD Article (or {}); `url`: the canonical URL where the page has one;
    `language`: the page's ISO 639-1 language when it declares none (a locale is read from the page first);
    `root`: the post's container, where known."""
    return _Dates(page, url, language, root).published(post)


class _Dates:
    def __init__(self, page: Page, url: str, language: str | None, root: HtmlElement | None = None) -> None:
        self.page, self.url, self.language, self.root = page, url, language, root

    def published(self, post: dict[str, Any]) -> str | None:
        if (board_time := gnuboard_time(self.page)) is not None:
            return board_time  # the skin's "yy-mm-dd", which htmldate reads day first: no reading of it to weigh
        metas = self.page.meta
        stated = first_date(
            first_text(post.get("datePublished")),
            next(iter(metas.get("article:published_time", [])), None),
            self._apollo_released,
            self._ikiwiki_created,
            bear_published(self.page),
            sugarat_published(self.page),
            self._elementor_post_info_time,
            self._xe_read_time,
            self._zblog_post_time,
            self._serendipity_time,
            material_time(self.page, _MATERIAL_TIMES),
            self._theme_time(),
        )
        if stated is not None and self._docusaurus and (midnight := _MATERIAL_MIDNIGHT.fullmatch(stated)):
            stated = midnight[1]
        seen = self.seen
        if stated is None or seen is None:
            return stated or seen
        local = (self._local_time(stated) or self._printed_local_time(stated) if _is_utc(stated) else None) or stated
        if seen[:10] in (stated[:10], local[:10]) or self._month_of(seen, local):
            return local
        if seen == self.url_date and (_days_apart(seen, stated) > 1 or not _is_utc(local)):
            return local  # the page's own date over the URL's, but a UTC timestamp a day off is the same moment
        if not _is_utc(local) and seen[:10] in _days_somewhere(local) and self._prints_as(local, seen):
            return local  # the author's own clock; the <time> printed that moment's day where it was rendered
        return seen

    @cached_property
    def _docusaurus(self) -> bool:
        """Docusaurus dates a post by its front matter's `date` or the day its file's name begins with, and a day
        alone is midnight in UTC in every date it prints (`<time datetime="2023-04-14T00:00:00.000Z">`,
        `article:published_time`, JSON-LD): the day alone — a Korean blog's posts were dated 09:00 in Seoul."""
        return any(generator.startswith("Docusaurus") for generator in self.page.meta.get("generator", []))

    def _month_of(self, seen: str, stated: str) -> bool:
        """htmldate read only the year and month of the day the page states: it makes a month the month's first day,
        and reads a date line as far as its length limit, which a long line cuts in the day (Kirby's Starterkit
        prints a note's tags before "Published on 2025-05-26 00:00:00" in its footer: "… Published on 2025-05").
        A page that prints that first day in full meant it."""
        return seen[8:10] == "01" and seen[:7] == stated[:7] and stated[8:10] != "01" and not self._printed(seen)

    @cached_property
    def url_date(self) -> str | None:
        options = Extractor(False, datetime(2100, 1, 1), datetime(1995, 1, 1), True, "%Y-%m-%d")
        return extract_url_date(self.url, options)

    @cached_property
    def seen(self) -> str | None:
        """htmldate's reading with comment threads and other posts' teasers out of the tree, in the page's date
        order. Its extensive search's answer stands where the page prints that day or its URL names it; else the
        ordinary search's."""
        today = datetime.now().astimezone().strftime("%Y-%m-%d")
        tree, url = self.page.tree, self.url
        # ikiwiki's date line is the last edit, where the page states its creation
        last_edit = set(self.page.select(_IKIWIKI_PAGEDATE)) if self._ikiwiki_created else set()
        taken = self._comment_threads | self._other_posts | self._beside_the_post | set(_SCRIPTS(tree)) | last_edit
        if "last-updated" in self.page.names.classes:
            taken |= set(self.page.select(_VUEPRESS_LAST_UPDATED))
        with detached(taken):
            day = find_date(tree, original_date=True, extensive_search=True, max_date=today, url=url)
            if day is not None and day != self.url_date and not self._printed(day) and not self._in_url(day):
                day = find_date(tree, original_date=True, extensive_search=False, max_date=today, url=url)
        if day == _ZERO_TIME_READ and self._prints_zero_time:
            return None
        return self._in_page_order(day) if day is not None and day != self.url_date else day

    @cached_property
    def _ikiwiki_created(self) -> str | None:
        """When ikiwiki says the page was created (_IKIWIKI_CREATED): its <time datetime>, else its printed time
        ("2024-05-20 08:30", the server's local time), else the day it prints in words (the default "%c")."""
        if not self.page.source or (match := _IKIWIKI_CREATED.search(self.page.source)) is None:
            return None
        if match[2]:
            return iso_date(match[2].strip())
        printed = " ".join(match[3].split())
        return iso_date(printed) or day_in_words(printed)

    @cached_property
    def _elementor_post_info_time(self) -> str | None:
        """The day and the time Elementor Pro's Post Info widget prints in its date and time items
        (_ELEMENTOR_POST_INFO), as the site's clock reads them: "2024-03-05T09:30"; None without both."""
        if "elementor-post-info__item--type-time" not in self.page.names.classes:
            return None
        for widget in self.page.select(_ELEMENTOR_POST_INFO):
            if self._outside_post(widget) or any(
                not _ELEMENTOR_OTHER_POSTS.isdisjoint((a.get("class") or "").split()) for a in widget.iterancestors()
            ):
                continue
            day_item, time_item = first(widget, _ELEMENTOR_DATE), first(widget, _ELEMENTOR_TIME)
            if day_item is None or time_item is None:
                continue
            day = day_in_words(text_of(day_item))
            match = _PRINTED_TIME.match(text_of(time_item))
            clock = _clock(match[1], match[2], match[3]) if match else None
            return None if day is None or clock is None else f"{self._in_page_order(day)}T{clock}"
        return None

    @cached_property
    def _xe_read_time(self) -> str | None:
        """The document's time an XpressEngine or Rhymix board skin prints in its header (xpressengine.READ_TIME),
        as the site's clock reads it: "2024-05-06T07:45"."""
        if not generated_by_xe(self.page) or (node := first(self.page.tree, READ_TIME)) is None:
            return None
        match = DOTTED_DATETIME.fullmatch(text_of(node))
        return dotted_datetime(match) if match else None

    @cached_property
    def _zblog_post_time(self) -> str | None:
        """The post's time Z-BlogPHP's themes print in its title's heading or header (zblog.POST_DATE), as the
        blog's clock reads it: "2024-05-07T12:17" (htmldate read the day alone)."""
        if not generated_by_zblog(self.page) or (node := first(self.page.tree, POST_DATE)) is None:
            return None
        return None if self._outside_post(node) else post_time(node)

    @cached_property
    def _serendipity_time(self) -> str | None:
        """The entry's time a Serendipity theme without a <time> prints, as the blog's clock reads it: Bulletproof's
        abbr title, else the day of the heading over the entry's day and the time of its footer
        (serendipity.entry_time_prints): "Sunday, June  2. 2024" and "09:30" are 2024-06-02T09:30 (htmldate read
        the day alone, and the feed gives the moment of the newest entries only)."""
        if (title := published_title(self.page)) is not None:
            return title
        if (prints := entry_time_prints(self.page)) is None:
            return None
        heading, link = prints
        return day_and_clock(f"{heading} {link}" if clock_alone(link) else link)

    @cached_property
    def _apollo_released(self) -> str | None:
        """When the post the page's Apollo cache queried was released (_APOLLO_STATE: Velog's post page)."""
        if "__APOLLO_STATE__" not in self.page.source:
            return None
        for script in _APOLLO_SCRIPTS(self.page.tree)[:1]:
            try:
                state = json.loads(match[1]) if (match := _APOLLO_STATE.match(script.text or "")) else None
            except ValueError:
                return None
            queries = state.get("ROOT_QUERY") if isinstance(state, dict) else None
            for key, value in (queries or {}).items():
                if key.startswith("post(") and isinstance(value, dict):
                    post = state.get(value.get("__ref") or value.get("id") or "")  # Apollo 3's reference, Apollo 2's
                    released = post.get("released_at") if isinstance(post, dict) else None
                    return released if isinstance(released, str) else None
        return None

    @cached_property
    def _prints_zero_time(self) -> bool:
        """True when the page shows the year 0001 (Go's zero time) and never 2001."""
        values = [self.page.text, *_TIME_VALUES(self.page.tree)[:MAX_TIMES_READ]]
        return any(_YEAR_ONE.search(v) for v in values) and not any("2001" in v for v in values)

    @cached_property
    def _not_the_posts(self) -> set[HtmlElement]:
        """Comment threads, sidebars, widgets and related posts holding a small share of the page's text or not
        holding the post's container (a theme may give the post's own column an id "sidebar"; beside a short page a
        sidebar of archive links holds most of the text: Chyrp Lite's "April 2023" <time>s dated its About page),
        and other posts' in the post."""
        limit = MAX_SIDEBAR_SHARE * len(self.page.text)
        around = {self.root, *self.root.iterancestors()} if self.root is not None else set()
        sidebars = [e for e in self.page.sidebars if len(self.page.text_in(e)) <= limit or around and e not in around]
        return self._comment_threads | set(sidebars) | self._other_posts

    @cached_property
    def _beside_the_post(self) -> set[HtmlElement]:
        """The sidebars and widgets that do not hold the post's container, where it is known: a short page's sidebar
        of archive links ("April 2023") holds most of its text and all its dates (Chyrp Lite's About)."""
        if self.root is None:
            return set()
        around = {self.root, *self.root.iterancestors()}
        return {e for e in self.page.sidebars if e not in around and self.root not in e.iterancestors()}

    @cached_property
    def _other_posts(self) -> set[HtmlElement]:
        """Other posts' teasers and lists inside the post: query loops, latest posts and comments."""
        entries = self.page.select_unordered(_ENTRIES)
        body = self.page.tree.find("body")
        post = _WORDPRESS_POST_ID.search(body.get("class") or "") if body is not None else None
        others = {e for e in entries if self._teaser_in(e, entries) or post and _names_another(e, post.group(1))}
        return others | self.page.select_unordered(_LISTING_BLOCKS)

    def _teaser_in(self, entry: HtmlElement, entries: set[HtmlElement]) -> bool:
        """An entry inside another that holds less than half its text: another post's teaser in the post, not the
        post marked up twice (a theme's hentry <div> in its schema.org <article>)."""
        outer = next((a for a in entry.iterancestors() if a in entries), None)
        return outer is not None and len(self.page.text_in(entry)) < len(self.page.text_in(outer)) / 2

    @cached_property
    def _comment_threads(self) -> set[HtmlElement]:
        return self.page.select_unordered(COMMENT_THREADS)

    def _theme_time(self) -> str | None:
        """The theme's own date markup outside comments and sidebars: <time datetime>, microdata datePublished,
        hAtom abbr.published; never a time marked as the last change."""
        modified = self.page.select_unordered(_MODIFIED_TIMES)
        for node in self.page.select(_THEME_TIMES)[:MAX_TIMES_READ]:
            if node not in modified and not self._outside_post(node):
                return node.get("datetime")
        node = first(self.page.tree, "[itemprop~=datePublished][content], [itemprop~=datePublished][datetime]")
        node = node if node is not None else first(self.page.tree, "abbr.published")
        if node is None or self._outside_post(node):
            return None
        return node.get("content") or node.get("datetime") or node.get("title")

    def _outside_post(self, node: HtmlElement) -> bool:
        regions = self._not_the_posts
        return bool(regions) and any(n in regions for n in (node, *node.iterancestors()))

    def _prints_as(self, stated: str, day: str) -> bool:
        """True when a <time> whose datetime is the moment `stated` prints `day` as its text."""
        moment = _instant(stated)
        return any(
            _instant((node.get("datetime") or "").strip()) == moment and date_printed(text_of(node), day) is not None
            for node in self.page.tree.iter("time")
        )

    def _in_url(self, day: str) -> bool:
        """True when the page's URL spells `day` with numbers, in either order ("/29-10-2021", "/2021/10/29/")."""
        year, month, dom = day[:4], day[5:7], day[8:10]
        numbers = _URL_NUMBERS.findall(self.url)
        return any(numbers[i : i + 3] in ([year, month, dom], [dom, month, year]) for i in range(len(numbers)))

    def _local_time(self, utc: str) -> str | None:
        """The page's <time datetime> naming the same instant as `utc` with a local offset, if it has one."""
        instant = _instant(utc)
        for value in _TIME_VALUES(self.page.tree)[:MAX_TIMES_READ]:
            local = iso_date(value.strip())
            if local and not _is_utc(local) and instant is not None and _instant(local) == instant:
                return local
        return None

    def _printed_local_time(self, utc: str) -> str | None:
        """The moment `utc` in the zone of the page's printed date and time of it, where the page prints it with no
        zone: Hexo's open_graph helper states a post's date in UTC (`article:published_time` "2025-12-21T18:48:31.000Z",
        toISOString()), while its themes print it on the site's own clock (Redefine's "2025-12-22 02:48:31"); the
        print that is a whole number of quarter hours, at most 14 hours, from the moment is that moment, and the
        difference is the zone the author wrote in."""
        instant = _instant(utc)
        if instant is None:
            return None
        instant = instant.astimezone(UTC).replace(tzinfo=None)
        for text in _SHORT_TEXTS(self.page.tree):
            for match in _PRINTED_DATETIME.finditer(text):
                year, month, day, hour, minute, second = match.groups()
                try:
                    wall = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
                except ValueError:
                    continue
                offset = wall - (instant.replace(microsecond=0) if second else instant.replace(second=0, microsecond=0))
                if offset and abs(offset) <= MAX_OFFSET and not offset % OFFSET_STEP:
                    return instant.replace(tzinfo=UTC).astimezone(timezone(offset)).isoformat()
        return None

    def _printed(self, day: str) -> bool:
        """True when a short text of the page prints `day` in full: its year, its day, and its month as a
        number or a name."""
        year = day[:4]
        return any(year in text and date_printed(text, day) is not None for text in _SHORT_TEXTS(self.page.tree))

    def _in_page_order(self, day: str) -> str:
        """htmldate reads an ambiguous numeric date day-first. Where the page prints this date as `A/B/YYYY` or
        `A-B-YYYY`, the reading that falls on the weekday printed before it (WEEKDAY_NUMERIC_DATE), else the one its
        URL's year and month agree with, else its locale's; a dotted `A.B.YYYY` is
        day-first everywhere. Only a print whose first number is htmldate's day is its reading: where the page
        prints the month first and htmldate has that order, it read the day elsewhere (R's distill prints the front
        matter's "05-10-2020" under the title and states 2020-05-10 in `itemprop=datePublished`), and it stands."""
        year, month, dom = int(day[:4]), int(day[5:7]), int(day[8:10])
        if dom > 12 or dom == month or self._separator_printed(year, dom, month) in (None, "."):
            return day
        swapped = date(year, dom, month).isoformat()
        for match in WEEKDAY_NUMERIC_DATE.finditer(self.page.text):
            printed = (int(match[2]), int(match[4]), int(match[5]))
            if printed in ((dom, month, year), (month, dom, year)) and (weekday := weekday_numeric_date(match)):
                return weekday.isoformat()
        url_month = self._url_year_month
        if url_month in ((year, dom), (year, month)):
            return swapped if url_month == (year, dom) else day
        return swapped if self._month_first else day

    def _separator_printed(self, year: int, first: int, second: int) -> str | None:
        """The separator of the first numeric date of `year` the page prints as `first`, `second`, year."""
        for first_number, separator, second_number, printed_year in _NUMERIC_DATE.findall(self.page.text):
            if int(printed_year) == year and (int(first_number), int(second_number)) == (first, second):
                return separator
        return None

    @cached_property
    def _url_year_month(self) -> tuple[int, int] | None:
        match = _URL_YEAR_MONTH.search(self.url)
        return (int(match.group(1)), int(match.group(2))) if match else None

    @cached_property
    def _month_first(self) -> bool:
        """True on a page whose locale writes the month first (en, en-US …): its declared locale, else its
        language."""
        tree, metas = self.page.tree, self.page.meta
        declared = [tree.get("lang"), tree.get("xml:lang"), *metas.get("og:locale", [])]
        declared += metas.get("content-language", [])
        for value in declared:
            if value and _LOCALE.match(value.strip()):
                return bool(_MONTH_FIRST_LOCALES.match(value.strip()))
        return self.language == "en"


def weekday_numeric_date(match: re.Match[str]) -> date | None:
    """The day a WEEKDAY_NUMERIC_DATE match prints: of its two readings, day first and month first, the one that
    falls on the weekday it names; None where both or neither do."""
    weekday, first_number, second_number, year = (
        _WEEKDAYS.index(match[1].lower()),
        int(match[2]),
        int(match[4]),
        int(match[5]),
    )
    readings = set()
    for month, day in ((second_number, first_number), (first_number, second_number)):
        try:
            reading = date(year, month, day)
        except ValueError:
            continue
        if reading.weekday() == weekday:
            readings.add(reading)
    return readings.pop() if len(readings) == 1 else None


def more_precise(listed: str | None, stated: str | None) -> bool:
    """A feed's date `listed` says more than the page's `stated`: the page states none, or only the day on which
    the feed's timestamp falls (Jekyll's Hyde prints "15 Jan 2024", its Atom feed 2024-01-15T08:30:00+00:00) — not
    the feed's midnight, which is that day alone (Docusaurus's feeds date a post of a day `00:00:00 GMT`, as
    zoned_by_feed reads a feed's midnight). archive/articles.py `date_posts_from_feed` applies the same rule to posts
    stored before the feed was read."""
    if not listed:
        return False
    return not stated or len(stated) == 10 and len(listed) > 10 and listed[:10] == stated and not _at_midnight(listed)


def _at_midnight(value: str) -> bool:
    """An ISO 8601 time at 00:00:00 (any offset): a day alone, as a generator writes one."""
    return value[11:19] == "00:00:00"


MAX_UTC_OFFSET = timedelta(hours=14)  # Kiribati's; every offset in use is a whole quarter hour


def zoned_by_feed(listed: str | None, stated: str | None) -> str | None:
    """The page's time `stated` with the UTC offset the feed's `listed` shows it has, or None: a page that prints its
    time on the site's clock with no offset (ikiwiki's "Created" time, in its timeformat, on the clock of its setup's
    timezone) beside a feed that states the moment (ikiwiki's Atom <published>, in UTC) — where the two are the same
    moment on a clock a whole quarter hour off UTC, at most 14 hours off, the page's time with that offset
    ("2024-05-03T20:15:00" and "2024-05-03T18:15:00Z": "2024-05-03T20:15:00+02:00"). Not from a feed's midnight
    beside a page's other hour: a feed that dates its items by their day alone. archive/articles.py
    `date_posts_from_feed` applies the same rule to posts stored before the feed was read.

    A page that prints its time to the minute (a comment's "April 12, 2023 at 3:07 pm", `2023-04-12T15:07`) is
    the same moment as the feed's time in that minute, to the second ("Wed, 12 Apr 2023 13:07:53 +0000"): the
    feed's moment, on the page's clock ("2023-04-12T15:07:53+02:00")."""
    if not listed or not stated or len(stated) <= 10:
        return None
    try:
        page_time, feed_time = datetime.fromisoformat(stated), datetime.fromisoformat(listed)
    except ValueError:
        return None
    if page_time.tzinfo is not None or feed_time.tzinfo is None or feed_time.time() == datetime.min.time():
        return None
    feed_utc = feed_time.astimezone(UTC).replace(tzinfo=None)
    to_the_minute = len(stated) == len("2023-04-12T15:07")
    offset = page_time - (feed_utc.replace(second=0, microsecond=0) if to_the_minute else feed_utc)
    if offset % timedelta(minutes=15) or abs(offset) > MAX_UTC_OFFSET:
        return None
    return feed_time.astimezone(timezone(offset)).isoformat()


def zoned_comments(comments: list[dict[str, Any]], times: dict[str, str]) -> list[dict[str, Any]]:
    """extract()'s `comments`, each whose page prints its time without an offset (Hueman, ColorMag and Blocksy print
    "April 12, 2023 at 3:07 pm" on the site's clock) with the offset its moment in `times` (comment id → its time:
    WordPress's comment feeds give each comment's in UTC) shows, as zoned_by_feed reads a post's."""
    return [
        {**comment, "published": zoned}
        if (zoned := zoned_by_feed(times.get(comment.get("id") or ""), comment.get("published")))
        else comment
        for comment in comments
    ]


def date_printed(text: str, day: str) -> str | None:
    """What `text` holds besides the date `day` (YYYY-MM-DD) printed in full — its year, its day, and its month as
    a number or a name —, or None when it does not print that date."""
    year_number, day_number, month_number, month_name = _day_patterns(day)
    rest, years = year_number.subn(" ", text, count=1)
    rest, days = day_number.subn(" ", rest, count=1)
    if not years or not days:
        return None
    rest, months = month_number.subn(" ", rest, count=1)
    if not months:
        rest, months = month_name.subn(" ", rest, count=1)
    return rest if months else None


@lru_cache(maxsize=64)
def _day_patterns(day: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The year, the day, the month's number and the month's names of `day`, each standing alone: compiled once
    for a page's many short texts."""
    year, month, dom = day[:4], int(day[5:7]), int(day[8:10])
    names = "|".join(map(re.escape, _MONTH_NAMES[month]))
    return (
        re.compile(_ALONE + year + _ALONE_AFTER),
        re.compile(rf"{_ALONE}0?{dom}(?:(?:st|nd|rd|th|er)?{_ALONE_AFTER}|(?=T\d))"),
        re.compile(rf"{_ALONE}0?{month}{_ALONE_AFTER}"),
        re.compile(rf"\b(?:{names})\w*\.?", re.IGNORECASE),
    )


def _names_another(entry: HtmlElement, post_id: str) -> bool:
    """On WordPress's page of post `post_id`, an entry marked as another post (a block theme's query loop prints
    its teasers outside any entry of the post's own)."""
    named = _ENTRY_POST_ID.search(entry.get("class") or "")
    return named is not None and named.group(1) != post_id


def first_date(*values: str | None) -> str | None:
    """The first value that reads as a date, in extended ISO 8601 ("20230527T21:10:32" → "2023-05-27T21:10:32",
    RFC 822 feed dates too); unreadable values are skipped for the next source."""
    for value in values:
        if value and (iso := iso_date(value.strip())):
            return iso
    return None


def day_and_clock(printed: str) -> str | None:
    """The day a short date line prints in words or numbers (upstream.day_in_words: htmldate's reading, in any
    language it knows) and, where the line prints one clock time too (_CLOCK), that time to the minute, as the
    site's clock reads it: "10. Februar 2019 um 18:05 Uhr" is 2019-02-10T18:05; None where it prints no day (a
    relative "3 hours ago" is none)."""
    if (day := day_in_words(printed)) is None:
        return None
    if len(clocks := _CLOCK.findall(printed)) != 1:
        return day
    korean, hour, minute, half = clocks[0]
    clock = _clock(hour, minute, {"오전": "a", "오후": "p"}.get(korean, half))
    return f"{day}T{clock}" if clock else day


def clock_alone(printed: str) -> bool:
    """Whether a text is a time of day and nothing else ("00:39", "3:12 pm", "14:22 Uhr")."""
    return _PRINTED_TIME.match(printed.strip()) is not None


def _clock(hour: str, minute: str, half: str | None) -> str | None:
    """A printed clock time as HH:MM, `half` "a" or "p" on a 12-hour clock (12 am is midnight, 12 pm noon); None
    for no such time."""
    hours, minutes = int(hour), int(minute)
    if half:
        hours = hours % 12 + (12 if half.lower() == "p" else 0)
    return f"{hours:02d}:{minutes:02d}" if hours <= 23 and minutes <= 59 else None


def dotted_datetime(match: re.Match[str]) -> str | None:
    """A DOTTED_DATETIME match as ISO 8601 to the minute ("2024-01-11T09:30"), or None for no such moment."""
    try:
        return datetime(*(int(n) for n in match.groups())).isoformat(timespec="minutes")
    except ValueError:
        return None


def iso_date(value: str) -> str | None:
    if value.startswith(_ZERO_TIME):
        return None
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):  # ASCII digits: \d takes ২০২০ (Bengali) for a year
        return value  # a date alone stays a date: no invented midnight
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value[:10] if re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}$", value[:10]) else None


def _days_apart(first_day: str, second_day: str) -> int:
    try:
        return abs((date.fromisoformat(first_day[:10]) - date.fromisoformat(second_day[:10])).days)
    except ValueError:
        return 0


def _days_somewhere(value: str) -> set[str]:
    """The days a moment stated with its offset falls on somewhere on Earth (UTC−12 to UTC+14): the days a <time>
    may print for its own datetime where it is rendered — an app formats <time datetime="…+09:00"> in its reader's
    zone (the crawl's browser runs in UTC), a static site's build in its server's. Empty without an offset."""
    moment = _instant(value)
    if moment is None:
        return set()
    return {(moment + timedelta(hours=hours)).astimezone(UTC).date().isoformat() for hours in range(-12, 15)}


def same_moment(first: str | None, second: str | None) -> bool:
    """Both name the same moment, each with its offset ("2023-01-05T10:00:00+01:00", "2023-01-05T09:00:00+00:00")."""
    moments = [_instant(value) if value else None for value in (first, second)]
    return moments[0] is not None and moments[0] == moments[1]


def _is_utc(value: str) -> bool:
    return value.endswith(("+00:00", "Z"))


def _instant(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
