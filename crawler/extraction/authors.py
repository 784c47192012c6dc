"""The post's authors, from the first source that names a person: JSON-LD, author meta tags, rel=author links, the
theme's byline, then trafilatura's guesses; and which names are people rather than the site, a desk or a theme."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree
from lxml.cssselect import CSSSelector
from trafilatura.metadata import METANAME_AUTHOR

from crawler.extraction.article import Person
from crawler.extraction.authorbox import BY_PREFIX, BY_WORDS, clean_name, split_names
from crawler.extraction.dates import PRINTED_DAY
from crawler.extraction.ghost import rendered_by_ghost
from crawler.extraction.guesses import Guesses
from crawler.extraction.page import HtmlElement, Page, first, text_of
from crawler.extraction.pagekind import ARTICLE_TYPES, url_kind
from crawler.extraction.selectors import AUTHOR_BOXES
from crawler.extraction.sitename import TITLE_SEPARATOR, fold
from crawler.extraction.structured import as_list, by_type, first_text
from crawler.extraction.term_links import counted_link_lists
from crawler.extraction.vitepress import sugarat_authors
from crawler.extraction.zblog import footer_fields, view_links
from crawler.urls import clean_url, joined

_SENTENCE_END = re.compile(r"(?<![.\w])[^\W\d_]{3,}[.!?]\s*$")
_AUTHOR_LINKS = CSSSelector("a[rel~=author][href]")
_HEAD_META = etree.XPath(
    "/html/head/meta[translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = $name]"
)
_FIRST_H1 = etree.XPath("(//h1)[1]")
# "Author: Jane Roe", "Autor: …", "작성자: 홍길동": a label and a colon before the name, where a hand-made layout or a
# Korean blog's skin prints the writer without "By".
_AUTHOR_LABELS = "author|autor|autorin|auteur|autore|verfasser|verfasserin|작성자|글쓴이|저자|作者|著者"
_LABELLED = re.compile(r"^[^\W\d_][\w .’'-]{0,30}?\s*[:：]\s*\S")  # "Seiten: 400", "Verlag: …", "Dt. Titel: …"
_AUTHOR_LABEL = re.compile(f"^(?:{_AUTHOR_LABELS})\\s*[:：]\\s*", re.IGNORECASE)
# Korean skins (Tistory's, hand-made ones) print "글쓴이" or "작성자" and the name without a colon: in two spans, apart
# by a space or a bar ("글쓴이 홍길동", "작성자 | 홍길동"). The name then is one, of a word or two, up to a date.
_SPACED_LABELS = "작성자|글쓴이"
_SPACED_LABEL = re.compile(f"^(?:{_SPACED_LABELS})(?:\\s*[|｜]\\s*|\\s+)(?=\\S)")
_SPACED_LABEL_RUN_ON = re.compile(f"^(?:{_SPACED_LABELS})\\s*[|｜]?\\s*(?=\\S)")  # the text: the spans run on
_SPACED_NAME_END = re.compile(r"\s+(?=\d)")
MAX_SPACED_NAME_WORDS = 2
# The labels a post's own header prints beside its author's (its date, categories, tags, reading time, comments):
# "Datum: … / Autor: … / Kategorie: …" is the post's header, not a data sheet.
_POST_FIELD_LABEL = re.compile(
    r"^(?:date|datum|published|posted|updated|veröffentlicht|aktualisiert|erstellt|geändert|publié|mis à jour"
    r"|category|categories|kategorien?|rubriken?|catégories?|tags?|schlagw(?:ö|o)rte?r?|stichw(?:ö|o)rte?r?"
    r"|reading time|lesezeit|lesedauer|temps de lecture|comments?|kommentare?|commentaires?"
    r"|작성일|날짜|카테고리|분류|태그|댓글)\s*[:：]",
    re.IGNORECASE,
)
# A line of its own (no block inside it) that starts with "By" ("Written by", Lektor's blog) or its translation, or
# with an author label, after the post's heading (or anywhere, on a page without one); EXSLT's regular expressions,
# so that libxml2 tests each element once.
_LINE = (
    "[self::p or self::span or self::div or self::li or self::address or self::small]"
    "[not(.//p or .//div or .//li or .//h1 or .//h2 or .//h3 or .//table)]"
    "[re:test(normalize-space(.), "
    f"'^(((written|posted) )?({BY_WORDS})\\s+\\S|({_AUTHOR_LABELS})\\s*[:：]\\s*\\S"
    f"|({_SPACED_LABELS})\\s*[|｜]?\\s*\\S)', 'i')]"
    "[string-length(normalize-space(.)) < 100]"
)
_BY_LINES_AFTER = etree.XPath("following::*" + _LINE, namespaces={"re": "http://exslt.org/regular-expressions"})
# "Written by <strong>Jane Roe</strong>, who lives in …": the name set in bold after the words, the rest of the line
# a bio (Gatsby's starter blog, under the post). The words are matched in Python: EXSLT's are slower.
_BOLD_FIRST = etree.XPath("//*[self::p or self::div or self::span or self::small]/*[1][self::strong or self::b]")
_BY_BOLD = re.compile(rf"^(?:(?:written|posted)\s+)?(?:{BY_WORDS})$", re.IGNORECASE)
_BY_LINES = etree.XPath("//*" + _LINE, namespaces={"re": "http://exslt.org/regular-expressions"})
# A header line of the author's name, the <time> and the reading time, separated, without "By" (Hugo's Poison:
# `<span>Alice Schmidt - </span><time …>May 20, 2024</time><span> - </span><span>1 min read</span>`): the first
# line around one of the first <time>s after the post's heading: its nearest element of a few words around it.
_TIMES_AFTER = etree.XPath("following::time")
MAX_HEADER_ELEMENTS = 60  # elements after the post's heading searched for a date line that names the author
_FOLLOWING = etree.XPath(f"following::*[position() <= {MAX_HEADER_ELEMENTS}]")
_BLOCKS = etree.XPath("boolean(.//p or .//div or .//li or .//h1 or .//h2 or .//h3 or .//table)")
# The innermost blocks of an element, each a line of its own; and a line that is a label alone ("By", "作者", "Author:")
_TEXT_BLOCKS = etree.XPath(".//*[self::p or self::div or self::li][not(.//p or .//div or .//li)]")
_LABEL_ALONE = re.compile(
    f"^(?:(?:(?:written|posted)\\s+)?(?:{BY_WORDS}|{_AUTHOR_LABELS})\\s*[:：]?|[^:：]{{1,30}}[:：])$", re.IGNORECASE
)
MAX_DATED_LINES, MAX_LINE_LEVELS, MAX_DATED_LINE_CHARS = 3, 3, 120
_META_SEPARATOR = re.compile(r"(?:\s*(?:[|•·—–]|(?<!\S)-(?!\S))\s*)+")  # a run of them: "Jane Roe - - 1 min read"
READING_TIME = re.compile(
    r"^(?:~\s*)?\d{1,3}\s*(?:min(?:ute)?s?|minuten?|분)\.?(?:\s+(?:read|reading|lesezeit|lesen|de lecture|읽기))?$",
    re.IGNORECASE,
)
# "Posted on March 3, 2024 by Jonas Weber · Tags: …" as a text's first line (_by_after_time's line; the date may be
# gone from it: trafilatura drops a <time> in a link)
_POSTED_ON_BY = re.compile(
    rf"^(?:posted|published|written|veröffentlicht|publié)(?:\s+(?:on|am|le))?\b.{{0,40}}?\s(?:{BY_WORDS})\s+",
    re.IGNORECASE,
)
# " by Jonas Weber" or " — Jonas Weber" after a <time> or a date printed as text; " (edited by Jonas Weber)", a
# newsletter's editors in parentheses
_NAME_AFTER_DATE = re.compile(
    rf"^\s*(?:(?P<paren>\(\s*)?(?:edited\s+)?(?:{BY_WORDS})\s+|(?P<dash>[—–])\s*)(?=\S)", re.IGNORECASE
)
# A time printed after the day at the start of a header line, before the by-word: Drupal's and Backdrop's medium
# date format ("Sun, 01/09/2024 - 8:11am by Jana Becker": Backdrop's "[node:created:medium] by [node:author]"),
# "March 3, 2024, 14:22 von Jonas Weber", "3 March 2024 at 9:05 pm by Jonas Weber"
_TIME_AFTER_DAY = re.compile(
    r"^\s*(?:[-–—,@]|at|um|à)?\s*\d{1,2}[:.h]\d\d(?::\d\d)?(?:\s*(?:[ap]\.?m\.?|uhr)(?![^\W\d_]))?", re.IGNORECASE
)
_PROSE_CHARS = 200  # a paragraph this long: the post's text has begun, its header is past
# Where the names end: a date ("on 5 May", "Le 12 avril"), a separator, a dash.
_BY_LINE_END = re.compile(
    r"\s+(?:on|am|le|el|il|op)\s+(?=\S*\d|[^\W\d_]+\.?\s+\d)|\s+(?:at|um|à|alle)\s+(?=\d)|\s*[|•·/]\s*|\s+[—–]\s+|\s+-\s+",
    re.IGNORECASE,
)
# An account's name: a letter or digit first and last ("jane.doe", "marianne1"); a word and a full stop ends a
# sentence ("Por ejemplo, esto.": Spanish "for example" after the by-word "Por").
_HANDLE = re.compile(r"^[^\W_](?:[\w.'-]{0,38}[^\W_])?$")
_MENTION = re.compile(r"^@[^\W\d_][\w.-]{0,38}$")  # an account as a mention names it: "@phip1611"
# An account's name of letters and then digits, as a site's `author` setting often is ("tom0727" in the <meta
# name="author"> of a Hugo Even blog): no date, time or number, which begin with a digit or a sign.
_LETTERED_ACCOUNT = re.compile(r"^[^\W\d_]{2,}[^\W_]*\d$")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*\.?$")
_LAST_OF_NAMES = re.compile(r"\s(?:and|und|&)\s")  # the word before a list's last name (authors._linked_people)
_NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "al", "zu"}
# MkDocs Material's blog post sidebar: each author's profile, the name in a <strong> (authors._material_post_authors)
_MATERIAL_AUTHOR_NAMES = CSSSelector(".md-sidebar--post .md-post__authors .md-profile__description > strong")
_CARDS = CSSSelector(".h-card")
_CARD_URL = CSSSelector(".u-url[href]")
_CARD_NAME = CSSSelector(".p-name")
_H_ENTRY = re.compile(r"(?:^|\s)h-(?:entry|cite)(?:\s|$)")
# Links to a person's page: rel=author, an /author/ page, or one by query as WordPress's plain permalinks and Emlog
# address an author's posts (/?author=1) — that one where pagekind.url_kind says so, not a search by author
_PROFILE_LINKS = CSSSelector("a[rel~=author][href], a[href*='/author/'], a[href*='/authors/'], a[href*='author=']")
_QUERY_ONLY = re.compile(r"^(?!.*/authors?/).*[?&]author=", re.I)
MAX_PROFILE_LINKS = 50
# The byline's link to the writer's page where a platform's page is no /author/ page and no rel says so: Kakao
# Brunch's span.text_author ("by <a href=/@name>"), Velog's div.information > span.username (/@name/posts)
_BYLINE_PROFILE_LINKS = CSSSelector("span.text_author > a[href], .information > span.username > a[href]")
# Link labels WordPress themes put on an author's link (Twenty Twenty-One's "View all of %s's posts." in English,
# German and Korean): the name inside is the author, the label is not.
_LINK_LABELS = (
    re.compile(r"^view all of (.+?)['’]s posts\.?$", re.IGNORECASE),
    re.compile(r"^alle beiträge von (.+?) anzeigen\.?$", re.IGNORECASE),
    re.compile(r"^(.+?)의 모든 글 보기\.?$"),
)
# Theme bylines (hAtom, microdata, h-entry, common themes), most specific first; the first that names someone wins.
_BYLINES = (
    ".entry-meta .author .fn",
    ".byline .author .fn",
    ".author.vcard .fn",
    "span.author.vcard a",
    ".entry-meta .author a",
    "[itemprop~=author] [itemprop~=name]",
    "a[itemprop~=author]",
    ".h-entry .p-author",
    ".wp-block-post-author__name",
    ".wp-block-post-author-name",
    "a.author-name",
    ".byline__author-name",
    ".entry-author-name",
    ".post-author-name",
    ".byline .author",
    ".byline.author",
    ".byline a",
    "#author-name",
    # Hugo's Ananke: the names in the <strong> of the line under the title, "By" before it in a few languages only
    # (its single.html translates "by" for de, en, es, fr, it, no and pt; a Korean or Dutch post prints the <strong>)
    "h1.athelas + p.tracked > strong",
)
# The byline selectors whose every match is one person by its markup (microdata Person, h-card).
_PERSON_BYLINES = ("[itemprop~=author] [itemprop~=name]", "a[itemprop~=author]", ".h-entry .p-author")
# The post author's hCard (microformats 1), where Octopress prints the post's own author: "Posted by <span class=fn>"
_HCARD_BYLINE = CSSSelector(".byline.author.vcard > .fn")
MAX_BYLINE_CHARS = 200  # a byline line: names, a date, labels — not a region with text of its own
# Where static-site themes print the date and the author side by side (Hugo, Jekyll, Hexo, Pelican): an element
# in one of them whose class names an author (`<span class="author">`, `span.post-author`, `.meta__item-author`)
# is the byline.
_META_LINES = (
    ".post-meta, .entry-meta, .article-meta, .post-info, .post-details, .post__meta, .meta, .byline, .post-byline,"
    " .article-info, .entry-info"
)
_AUTHOR_CLASS = re.compile(r"author", re.IGNORECASE)
_NOT_A_BYLINE_CLASS = re.compile(r"avatar|image|img|photo|pic|box|bio|desc|label|title|icon", re.IGNORECASE)
MAX_META_LINES = 10
# Regions whose names are not the post's author: comments, sidebars, widgets, menus, other posts.
_NOT_BYLINE = re.compile(r"comment|widget|sidebar|related|site-footer|recent|popular|menu|respond", re.IGNORECASE)
_POST_META = re.compile(r"meta|byline|author|info", re.IGNORECASE)
_BLOGGER_POSTS = re.compile(r"(?:^|\s)Blog\d*(?:\s|$)")  # Blogger's posts live in <div class="widget Blog" id="Blog1">
# A comment's signature ("Anna sagt:", "Bob says"): the commenter, not the post's author.
_SIGNATURE = re.compile(r"\s(?:sagt|says|said|schreibt|writes|dice|dit)\s*:?$", re.IGNORECASE)
# Bylines that name no person: desks, agencies, placeholders and labels a theme left behind.
_NO_PERSON = re.compile(
    r"^(?:unknown|anonymous|redaktion|die redaktion|editorial team|editorial staff|staff|agencies|agentur"
    r"|newsdesk|team)$",
    re.IGNORECASE,
)
# Words a theme leaves where a name should be, and degrees split off a name ("Jane Roe, PhD").
_PLACEHOLDER = re.compile(
    r"^(?:no author|posted|published|datum|date|edit|text|ph\.?d\.?|md|dr\.?|prof\.?)$",
    re.IGNORECASE,
)
# A template's value printed as Go prints a map or a list (`map[name:Jane Doe]`, `[Jane Doe]`: Hugo's Clarity puts
# its author table into its JSON-LD so), or a template tag left unrendered: no name.
_TEMPLATE_VALUE = re.compile(r"^(?:map\[.*\]|\[.*\]|\{\{.*\}\}|\{%.*%\})$")
_EXTRA_PREFIX = re.compile(
    r"^(?:par|interview|text|beitrag von|zum profil von|erstellt von|posted on .*? by"
    r"|\S+ \d{4} by)(?:\s*:\s*|\s+)",
    re.IGNORECASE,
)
_THEME_VENDORS = {
    "themegrill",
    "themeisle",
    "elegant themes",
    "themeforest",
    "wordpress",
    "wordpress.com",
    "blogger",
    "generatepress",
    "astra",
    "elementor",
    "tagdiv",
    "mh themes",
    "mythemeshop",
}
_DOMAIN = re.compile(r"(?:^|[\s(])(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b(?:/\S*)?", re.IGNORECASE)
_TRAILING_DATE = re.compile(r"[\s,|–-]+(?:am\s+|on\s+)?\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}.*$")
# A date written out after the name: "am 21. April 2020", "Stand: 05. Februar 2020", "vor 5 Stunden".
_TRAILING_WORDED_DATE = re.compile(
    r"(?:[\s,|–—-]+(?:am|on|stand:?|published|veröffentlicht)?\s*\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|mai|may|jun|jul"
    r"|aug|sep|okt|oct|nov|dez|dec)\w*\.?,?\s+\d{4}|\s+vor\s+\d+\s+\w+|\s+[—–]\s+(?:veröffentlicht|published)\b).*$",
    re.IGNORECASE,
)
# What a byline leaves after the name once its date is cut: "Stand:", "vor 3 Tagen", "Updated", "Published on", a
# Twitter handle.
_TRAILING_LABEL = re.compile(
    r"\s+(?:stand|vor|am|on|updated|aktualisiert|(?:published|posted|veröffentlicht)(?:\s+(?:on|am))?|@\w+)\s*:?$",
    re.IGNORECASE,
)


def post_authors(
    page: Page, jsonld: list[dict[str, Any]], guesses: Guesses, sites: set[str], root: HtmlElement | None = None
) -> list[Person]:
    """The post's authors from the first source that names a person: JSON-LD, author meta tags, rel=author
    links, the theme's byline, trafilatura's reading of meta tags and JSON-LD, trafilatura's byline search. A
    site's, publisher's or theme's name is no author; neither is a name in comments, widgets or menus, nor a
    by-word in the post's text (`root`: its container)."""
    base, post = page.base, next(iter(by_type(jsonld, *ARTICLE_TYPES)), {})
    boxes = page.select_unordered(AUTHOR_BOXES)
    author_pages = lambda: _author_page_links(page, boxes)  # noqa: E731 — a source, as the others
    sources = (
        lambda: [
            p
            for a in (as_list(post.get("author")) or as_list(post.get("authors"))) + _co_authors(page, post)
            if (p := _person(_resolved(a, jsonld), base)) is not None
        ],
        lambda: (
            _material_post_authors(page)
            or sugarat_authors(page)
            or [Person(name=n) for n in _meta_authors(page)]
            or [Person(name=n) for n in footer_fields(page)[:1] if n]
            or [Person(name=n) for n in view_links(page)["author"]]
        ),
        # Not the links of an author box: their text is a label ("View all of Daniel's posts."); extract() takes
        # the box's own name when no byline names the author.
        lambda: [
            person
            for a in _AUTHOR_LINKS(page.tree)
            if text_of(a) and not _outside_post(a) and not any(box in boxes for box in a.iterancestors())
            for person in _linked_people(text_of(a), joined(base, a.get("href")))
        ],
        lambda: _bylines(page),
        lambda: _by_line(page, root),
        lambda: _dated_line(page),
        lambda: _by_after_time(page),
        lambda: _bold_after_by(page),
        lambda: _avatar_beside_name(page),
        lambda: _rel_author_card(page),
        lambda: found if len(found := author_pages()) == 1 else [],
        lambda: [] if _states_author(post) else [Person(name=n) for n in _guessed_names(guesses.stated_author)],
        lambda: [Person(name=n) for n in _guessed_names(guesses.byline(lambda e: _a_byline(e, boxes)))],
    )
    organisation: list[Person] = []  # the site's own name or a desk: kept only when no source names a person
    publishers: list[Person] = []  # the JSON-LD's author where it is its publisher Organization's name
    for number, source in enumerate(sources):
        people, named = _people(source(), sites)
        organisation = organisation or named
        if number == 0 and people and _publisher_named(people, post, jsonld):
            publishers = people  # Hugo's Tania: the site-wide name as every post's author; the meta and byline name
            continue  # the writer. A later source naming someone else wins; none, and the name stands (DoIt).
        if publishers and number >= VISIBLE_SOURCES:
            break  # trafilatura's guesses read the same JSON-LD again, and a stray name of theirs is no byline
        if people and number < STATED_SOURCES:  # stated data often names the first of several authors only
            people = next(
                (more for more in _visible(page, sources[2], sites, root) if _completes(more, people)), people
            )
            if number == 1 and (linked := _people(author_pages(), sites)[0]) and len(linked) <= MAX_LINKED_AUTHORS:
                # a site-wide author meta (a theme's `author` setting) against the authors whose pages the post links
                people = linked if not _names_any(linked, people) or _completes(linked, people) else people
            elif number == 1 and (marked := _people(_hcard_byline(page), sites)[0]):
                # … or against the people its byline marks up (Octopress: `<meta name="author">` is the site's
                # `author` on every page, the post's own in the hCard of "Posted by <span class=fn>")
                people = marked if not _names_any(marked, people) else people
            people = _byline_spelling(people, page)
        if people:
            return _with_profile_urls(people, page, sites)
    return _with_profile_urls(publishers, page, sites) if publishers else organisation


def _co_authors(page: Page, post: dict[str, Any]) -> list[Any]:
    """A Ghost post's authors after its first: Ghost's structured data names the primary author its Article's
    `author` and the others, in their order, its `contributor` Persons. (Elsewhere a contributor may be an editor,
    an illustrator, a photographer: no author.)"""
    return as_list(post.get("contributor")) if rendered_by_ghost(page) else []


STATED_SOURCES = 2  # JSON-LD and author meta tags, before the page's visible bylines (rel=author links, the theme's)
VISIBLE_SOURCES = 10  # … and the page's bylines and author-page links, before trafilatura's guesses
MAX_LINKED_AUTHORS = 4  # links to author pages in one post: more is a list of people, not a byline
MAX_LINKED_NAMES = 12  # names a byline links one by one: more is a list of people, not a byline


def _publisher_named(people: list[Person], post: dict[str, Any], jsonld: list[dict[str, Any]]) -> bool:
    """True when the JSON-LD post's authors are all its publisher Organization's name: a theme that writes its
    site-wide name as the author (Hugo's Tania: author and publisher "Field Notes Team", the byline "By Alice
    Schmidt"). A publisher that is a Person (Yoast's personal site) is the author, rightly."""
    publisher = _resolved(post.get("publisher"), jsonld)
    if not isinstance(publisher, dict) or "Organization" not in as_list(publisher.get("@type")):
        return False
    name = fold(first_text(publisher.get("name")) or "")
    return bool(name) and all(fold(person.name) == name for person in people)


def _byline_spelling(people: list[Person], page: Page) -> list[Person]:
    """Stated names in the spelling of the page's byline where they differ only in case and the stated one is not
    written as a name is (a word in lower case): Hugo's Tania writes its author meta through `humanize`, which
    lower-cases all but the first letter ("Alice schmidt"), and prints "By Alice Schmidt" over the post."""
    if all(_looks_like_a_name(person.name) for person in people):
        return people
    printed = {person.name.casefold(): person.name for person in _bylines(page) + _by_line(page)}
    return [
        Person(printed.get(person.name.casefold(), person.name), person.url)
        if not _looks_like_a_name(person.name) and _looks_like_a_name(printed.get(person.name.casefold(), ""))
        else person
        for person in people
    ]


def _people(found: list[Person], sites: set[str]) -> tuple[list[Person], list[Person]]:
    """The people among `found`, each once, and the first organisation (the site's own name or a desk) among them."""
    unique: dict[str, Person] = {}
    organisation: list[Person] = []
    for person in found:
        name, is_person = _person_name(person.name, sites)
        if name and is_person and name.casefold() not in {k.casefold() for k in unique}:
            unique[name] = Person(name, person.url)
        elif name and not is_person and not organisation:
            organisation = [Person(name, person.url)]
    return list(unique.values()), organisation


def _visible(page: Page, rel_author: Any, sites: set[str], root: HtmlElement | None) -> Iterator[list[Person]]:
    """The people the page's visible bylines mark up one by one: its rel=author links, then microdata or h-card
    bylines (a theme's byline found by class alone may hold dates and categories beside the names), then the line
    under the post's heading that reads "By Ann Lee, Bo Park", each name in an element of its own (Jekyll's Chirpy
    prints a post's `authors` so, where jekyll-seo-tag's JSON-LD and meta name the first of them only)."""
    yield _people(rel_author(), sites)[0]
    yield _people(_bylines(page, marked_only=True), sites)[0]
    yield _people(_by_line(page, root, apart=True), sites)[0]


def _names_any(people: list[Person], others: list[Person]) -> bool:
    """True when one of `people` is one of `others`, or a label holding their name ("Alle Artikel von Jane Roe")."""
    names = [fold(person.name) for person in others]
    return any(a in b or b in a for person in people if (a := fold(person.name)) for b in names if b)


def _profile_links(page: Page) -> list[HtmlElement]:
    """The page's links to a person's page (_PROFILE_LINKS), one by query only where it is an author's archive."""
    return [
        anchor
        for anchor in _PROFILE_LINKS(page.tree)[:MAX_PROFILE_LINKS]
        if "author" in (anchor.get("rel") or "").split()
        or not _QUERY_ONLY.match(href := anchor.get("href") or "")
        or url_kind(joined(page.base, href) or "") == "author"
    ]


def _author_page_links(page: Page, boxes: set[HtmlElement]) -> list[Person]:
    """The people the post links to their author pages (/author/jane/, Hugo's /authors/jane/ taxonomy) outside
    comments, widgets, menus and author boxes, where no markup says they are the author: Wagtail's Puput and Hugo's
    Coder print such a byline and nothing more; Coder's <meta name="author"> is the site's owner on every page.
    One name per page, the first link's, where it reads as a name: "More from Jane Roe" is a label of hers. Not the
    site's list of its authors, each with a count of posts (Mezzanine's default theme prints "Authors" so in a
    plain column beside the post, its byline "Posted by: <a href=/blog/author/anna/>Anna Schmidt</a>"): theirs."""
    people: dict[str, Person] = {}
    menus: frozenset[HtmlElement] | None = None
    for anchor in _profile_links(page):
        url = joined(page.base, anchor.get("href"))
        if not url or url in people or url_kind(url) != "author" or _outside_post(anchor):
            continue
        if menus is None:
            menus = counted_link_lists(page, lambda target: url_kind(target) == "author")
        if not menus.isdisjoint(anchor.iterancestors("ul", "ol")):
            continue
        name = clean_name(text := text_of(anchor)) or text  # its label dropped: "Show all articles of Jane Roe"
        if boxes.isdisjoint(anchor.iterancestors()) and _looks_like_a_name(name):
            people[url] = Person(name=name, url=url)
    return list(people.values())


def _completes(byline: list[Person], stated: list[Person]) -> bool:
    """True when a visible byline names everyone the stated data names, and more: jekyll-seo-tag and SEO plugins
    write the first of a post's authors into JSON-LD and <meta name=author>, the theme prints them all."""
    names = {person.name.casefold() for person in byline}
    return len(byline) > len(stated) and all(person.name.casefold() in names for person in stated)


def _with_profile_urls(people: list[Person], page: Page, sites: set[str]) -> list[Person]:
    """Each person without a URL gets the one of a link naming them on the page: a rel=author link, a link to
    an /author/ page, or a platform's byline link to the writer's page (_BYLINE_PROFILE_LINKS); a name from meta
    tags or JSON-LD keeps the byline's link this way."""
    if all(person.url for person in people):
        return people
    links: dict[str, str] = {}
    for anchor in [*_profile_links(page), *_BYLINE_PROFILE_LINKS(page.tree)[:1]]:
        name, is_person = _person_name(text_of(anchor), sites)
        if name and is_person and not _outside_post(anchor) and (url := joined(page.base, anchor.get("href"))):
            links.setdefault(fold(name), url)
    return [person if person.url else Person(person.name, links.get(fold(person.name))) for person in people]


def _by_line(page: Page, root: HtmlElement | None = None, apart: bool = False) -> list[Person]:
    """The names of the first line under the post's heading that reads "By Jane Roe" ("Von …", "Par …", "Por …"),
    where no byline markup names them: Hugo's Ananke prints `<p class="tracked">By <strong>Jane Roe</strong></p>`,
    news themes a bare "By Jane Roe and Joe Bloggs". A line of other text, of a comment, widget or teaser, is none.
    `apart`: only a line of several names each set in an element of its own (Chirpy's "By <em><a>Ann Lee</a></em>,
    <em><a>Bo Park</a></em>"), not a plain "Posted by Alex Durán, AMP Project Marketing, Google", a name, its team
    and its company. An item of a list of the post's text (`root`: its container) is none: _in_the_text."""
    heading = next(iter(_FIRST_H1(page.tree)), None)
    for line in _BY_LINES(page.tree) if heading is None else _BY_LINES_AFTER(heading):
        if _outside_post(line) or _in_the_text(line, root):
            continue
        text = _first_line(line)
        if _AUTHOR_LABEL.match(text) and _in_a_data_sheet(line):
            continue  # a book review's "Titel: … / Autorin: … / Verlag: …": the book's author, not the post's
        if spaced := _SPACED_LABEL.match(text):
            name = _SPACED_NAME_END.split(_BY_LINE_END.split(text[spaced.end() :], maxsplit=1)[0], maxsplit=1)[0]
            if len(name.split()) > MAX_SPACED_NAME_WORDS or not _looks_like_a_name(name):
                return []  # "작성자 본인만 볼 수 있는 글입니다": a sentence
            return [Person(name=name, url=_href(line, page.base))]
        if not (BY_PREFIX.match(text) or _AUTHOR_LABEL.match(text)):
            continue  # "작성자가 …": the label's word run on into a sentence, no label
        names = split_names(
            _BY_LINE_END.split(_AUTHOR_LABEL.sub("", BY_PREFIX.sub("", text, count=1), count=1), maxsplit=1)[0]
        )
        if not _a_list_of_names(names, line, page.base):
            return []  # a sentence that starts with the word ("By the time we…", "Von Wertpapieren des …")
        if apart and (len(names) < 2 or not all(_set_apart(line, name) for name in names)):
            return []
        if len(names) == 1:
            return [Person(name=names[0], url=_href(line, page.base))]
        # several: each its own name's link (Chirpy's "By <em><a>Ann</a></em>, <em><a>Bo</a></em>"), not the first's
        return [Person(name=name, url=_link_named(line, name, page.base)) for name in names]
    return []


def _in_the_text(line: HtmlElement, root: HtmlElement | None) -> bool:
    """Whether `line` is an item of a list of the post's text: in the post's container `root`, an <li> of a list
    nested in another's item, or of a list that it and its items carry no class or id, as Markdown and an editor
    write a list (a theme's meta line lists its fields with classes). A by-word there heads a note of the post, no
    byline: an Astro Fuwari notebook writes its posts as outlines, "by default" under a CSS property's value."""
    item = line if line.tag == "li" else next(line.iterancestors("li"), None)
    if root is None or item is None or not any(ancestor is root for ancestor in item.iterancestors()):
        return False
    listing = item.getparent()
    if listing is None or any(a.tag == "li" for a in listing.iterancestors()):
        return True
    return not any(e.get("class") or e.get("id") for e in (listing, *listing.iterchildren("li")))


def _first_line(element: HtmlElement) -> str:
    """The element's text up to its first <br>, whitespace folded, where that holds more than a word; else all of
    it. A by-line is one line: "Von <strong>Jana Roe</strong> und <strong>Tom Berg</strong><br>Kakuma/Kenia" (a
    WordPress post's first paragraph, its dateline after a break) named "Tom Berg Kakuma/Kenia"."""
    whole = " ".join(text_of(element).split())
    if next(element.iter("br"), None) is None:
        return whole
    parts: list[str] = []

    def until_a_break(node: HtmlElement) -> bool:
        if node.tag == "br":
            return True
        if isinstance(node.tag, str) and node.tag not in ("script", "style"):
            parts.append(node.text or "")
            for child in node:
                if until_a_break(child):
                    return True
                parts.append(child.tail or "")
        return False

    until_a_break(element)
    first = " ".join("".join(parts).split())
    return first if len(first.split()) > 1 else whole


def _set_apart(line: HtmlElement, name: str) -> bool:
    """Whether `name` is the whole text of an element of its own inside `line` (a link, an <em>, a <span>)."""
    return any(" ".join(text_of(element).split()) == name for element in line.iterdescendants())


def _in_a_data_sheet(line: HtmlElement) -> bool:
    """Whether a line stands among lines of "Label: value" (a book's or a product's facts), its own or, where it is
    alone in its element, its element's neighbours — not among the post's own header fields ("Datum: …",
    "Kategorie: …", "Lesezeit: …": a hand-made header prints the author's line between them)."""
    element = line
    for _ in range(2):
        neighbours = [e for e in (element.getprevious(), element.getnext()) if e is not None]
        if neighbours:
            texts = [" ".join(text_of(e).split()) for e in neighbours]
            return any(_LABELLED.match(text) and not _POST_FIELD_LABEL.match(text) for text in texts)
        element = element.getparent()
        if element is None:
            break
    return False


def _dated_line(page: Page) -> list[Person]:
    """The name of a header line under the post's heading that prints a name, the post's <time> and its reading time
    apart by separators and nothing else (Hugo's Poison: "Alice Schmidt - May 20, 2024 - 1 min read"): a byline
    without "By". A line of other words, or without the reading time, names nobody this way."""
    heading = next(iter(_FIRST_H1(page.tree)), None)
    if heading is None:
        return []
    for time in _TIMES_AFTER(heading)[:MAX_DATED_LINES]:
        for line in list(time.iterancestors("div", "p", "span", "small"))[:MAX_LINE_LEVELS]:
            text = " ".join(text_of(line).split())
            if len(text) >= MAX_DATED_LINE_CHARS or line.tag in ("div", "p") and _BLOCKS(line):
                break  # past the line: a region of the page
            parts = [part for part in _META_SEPARATOR.split(text) if part]
            names = [part for part in parts if part != " ".join(text_of(time).split()) and not READING_TIME.match(part)]
            if len(parts) > 2 and len(names) == 1 and any(map(READING_TIME.match, parts)):
                if _looks_like_a_name(names[0]) and not _outside_post(line):
                    return [Person(name=names[0], url=_href(line, page.base))]
                return []
    return []


def _by_after_time(page: Page) -> list[Person]:
    """The names a header line under the post's heading prints right after the post's <time> and a by-word or a
    dash: "Posted on <time>March 3, 2024</time> by Jonas Weber · Tags: …", "<time>…</time> von Anna Berg",
    "<time>3 March 2024</time> — Jonas Weber" — the date before the name, the name in no element a theme classes (a
    hand-made layout's, a Jekyll or Hugo theme's `{{ date }} by {{ author }}`, the dash of PaperMod-like themes);
    else those after a date printed as text at the start of such a line (_by_after_day). Words after the <time>
    that are no name ("by the sea") name nobody."""
    heading = next(iter(_FIRST_H1(page.tree)), None)
    if heading is None:
        return []
    for time in _TIMES_AFTER(heading)[:MAX_DATED_LINES]:
        printed = " ".join(text_of(time).split())
        for line in list(time.iterancestors("div", "p", "span", "small"))[:MAX_LINE_LEVELS]:
            text = " ".join(text_of(line).split())
            if len(text) >= MAX_DATED_LINE_CHARS or line.tag in ("div", "p") and _BLOCKS(line):
                break  # past the line: a region of the page
            if (people := _named_after_date(text.partition(printed)[2] if printed else "", line, page)) is not None:
                return people
    return _by_after_day(page, heading)


def _by_after_day(page: Page, heading: HtmlElement) -> list[Person]:
    """The names after a date printed as plain text, no <time>, and a by-word or a dash, at the start of a line of
    the post's header (after its heading, before a paragraph of its text): "March 3, 2024 by Jonas Weber", "3. März
    2024 von Jonas Weber", "2024-03-03 by Jonas Weber | 3 comments" (Jekyll's and Hugo's `{{ date | date: "%B %-d,
    %Y" }} by {{ author }}`, many hand-made blogs), a time between them (_TIME_AFTER_DAY: Backdrop's "Sun,
    01/09/2024 - 8:11am by Jana Becker")."""
    for line in _FOLLOWING(heading):
        if line.tag == "p" and len(text_of(line)) >= _PROSE_CHARS:
            break  # the post's text: a date line further down is no byline ("2024-03-03 – Fixed the upload")
        if line.tag not in ("div", "p", "span", "small", "li", "address") or line.tag in ("div", "p") and _BLOCKS(line):
            continue
        text = " ".join(text_of(line).split())
        day = PRINTED_DAY.match(text) if len(text) < MAX_DATED_LINE_CHARS else None
        after = text[day.end() :] if day else ""
        after = after[clock.end() :] if (clock := _TIME_AFTER_DAY.match(after)) else after
        if day and (people := _named_after_date(after, line, page)) is not None:
            return people
    return []


def _named_after_date(after: str, line: HtmlElement, page: Page) -> list[Person] | None:
    """The people a meta line names after its date (`after`: the rest of the line) and a by-word or a dash; None
    where no such word follows the date; none where the words after it are no names ("by the sea", "von 10 Uhr"),
    link a category or tag, or, after a dash, are one word not linked to an author page ("— Updated", a category's
    name)."""
    match = _NAME_AFTER_DATE.match(after)
    if match is None:
        return None
    rest = after[match.end() :].partition(")")[0] if match.group("paren") else after[match.end() :]
    names = split_names(_BY_LINE_END.split(rest, maxsplit=1)[0])
    if not _a_list_of_names(names, line, page.base) or _outside_post(line):
        return []
    people = [Person(name=name, url=_link_named(line, name, page.base)) for name in names]
    kinds = [url_kind(person.url) if person.url else None for person in people]
    if any(kind in ("category", "tag") for kind in kinds):
        return []
    lone_words = [len(person.name.split()) < 2 and kind != "author" for person, kind in zip(people, kinds, strict=True)]
    if match.group("dash") and any(lone_words):
        return []
    return people


def _a_list_of_names(names: list[str], line: HtmlElement, base: str) -> bool:
    """Whether the words a byline's by-word leads to are its authors' names: each written as a name, up to four —
    or more, each a link of its own in the `line` ("Written by @ana, @bo, @cy, @dee, and @eve", each linking their
    account: a project's site lists all who wrote its newsletter)."""
    if not names or len(names) > MAX_LINKED_NAMES or not all(map(_looks_like_a_name, names)):
        return False
    return len(names) <= 4 or all(_link_named(line, name, base) for name in names)


def _link_named(line: HtmlElement, name: str, base: str) -> str | None:
    """The link of a line whose text is `name` (not the line's first link: that is often the date's permalink)."""
    link = next((a for a in line.iter("a") if " ".join(text_of(a).split()) == name and a.get("href")), None)
    return None if link is None else _href(link, base)


def is_meta_line(line: str, names: list[str], dated: Callable[[str], bool]) -> bool:
    """Whether a line of text is such a header line naming one of `names` (_dated_line), its date left out or
    printed (`dated`): "Alice Schmidt - - 1 min read", the <time> dropped from it."""
    parts = [part for part in _META_SEPARATOR.split(" ".join(line.split())) if part]
    named = [part for part in parts if fold(part) in {fold(name) for name in names}]
    rest = [part for part in parts if part not in named]
    return (
        len(named) == 1
        and any(map(READING_TIME.match, rest))
        and all(READING_TIME.match(part) or dated(part) for part in rest)
    )


def _bold_after_by(page: Page) -> list[Person]:
    """The name a line sets in bold right after "By" or "Written by", in the post (not a comment or widget), each
    word of it capitalised as a name's are ("Written by <strong>hand</strong>" is a sentence)."""
    for bold in _BOLD_FIRST(page.tree):
        if not _BY_BOLD.match(" ".join((bold.getparent().text or "").split())):
            continue
        name = " ".join(text_of(bold).split())
        capitalised = all(not word[0].islower() for word in name.split())
        if capitalised and not _outside_post(bold) and _looks_like_a_name(name):
            return [Person(name=name)]
    return []


def _avatar_beside_name(page: Page) -> list[Person]:
    """The name printed right after an avatar <img> whose alt is that name, the two alone in their element, in the
    post's header (after its <h1>, before its <time> and its text): the Avatar of Next.js's blog starter,
    `<div><img src="/assets/blog/authors/tim.jpeg" alt="Tim Neutkens"><div>Tim Neutkens</div></div>`, a byline
    without "By" that many Next.js blogs keep."""
    heading = next(iter(_FIRST_H1(page.tree)), None)
    if heading is None:
        return []
    for element in _FOLLOWING(heading):
        if element.tag == "time" or element.tag == "p" and len(text_of(element)) >= _PROSE_CHARS:
            break  # past the post's header
        if element.tag == "img" and (name := name_beside(element)) and not _outside_post(element):
            return [Person(name=name)]
    return []


def name_beside(img: HtmlElement) -> str | None:
    """The person's name an avatar `img` shows, where its alt is that name and the element right after it prints
    it, the two alone in their element (`<div><img alt="Tim Neutkens"><div>Tim Neutkens</div></div>`); None for
    any other <img>, and for a <figure>'s image: the words beside it are its <figcaption>, which writers often repeat as
    the alt, and they are the picture's caption however much they look like a name ("성수동 로스터리의 창가 자리").
    """
    parent, printed = img.getparent(), img.getnext()
    if parent is None or len(parent) != 2 or printed is None or parent.tag == "figure":
        return None
    name = " ".join((img.get("alt") or "").split())
    if name and text_of(printed) == name == text_of(parent) and _looks_like_a_name(name):
        return name
    return None


def is_by_line(line: str, names: list[str]) -> bool:
    """Whether a line of text is a byline naming `names` ("By Jane Roe", "**Von** Jane Roe und Joe Bloggs")."""
    text = " ".join(line.replace("*", "").split())
    if len(text) >= 100:
        return False
    day = PRINTED_DAY.match(text)  # "March 3, 2024 by Jane Roe"
    prefix = (
        _NAME_AFTER_DATE.match(text := text[day.end() :])
        if day
        else BY_PREFIX.match(text)
        or _POSTED_ON_BY.match(text)
        or _AUTHOR_LABEL.match(text)
        or _SPACED_LABEL_RUN_ON.match(text)
        or _NAME_AFTER_DATE.match(text)  # "— Jane Roe", its <time> dropped from the text
    )
    if not prefix:
        return False
    rest = fold(text[prefix.end() :])
    return bool(names) and all(fold(name) in rest for name in names)


def _guessed_names(text: str | None) -> list[str]:
    """The names trafilatura's guess lists — none where it is a sentence: an author box's bio it took for the
    byline (WP Post Author's "Jane is a developer in Freiburg who writes about programming, travel and …"), whose
    commas and "and" would split it into people."""
    if not text:
        return []
    if any(label.match(" ".join(html.unescape(text).split())) for label in _LINK_LABELS):
        return [text]  # "View all of Jane Roe's posts.": a label around one name, which _person_name takes out
    return [] if _a_sentence(text) or _a_description(text) else split_names(text)


def _a_sentence(text: str) -> bool:
    """Four words or more ending as a sentence ends (a word, not an abbreviation such as "e.V." or "Jr.", before
    its full stop), not all of them a name's: a person's description, no name."""
    return len(text.split()) >= 4 and bool(_SENTENCE_END.search(text)) and not _looks_like_a_name(text)


def _a_description(text: str) -> bool:
    """Four words or more, most of them in small letters, not all of them a name's: a bio line without a full stop,
    which trafilatura's byline search finds by its class (gatsby-starter-lumen's author box under the post,
    `div.Author-module--author`: "I believe software engineers can change the world" was every post's author of a
    Korean blog). Only there: a site's own link to an author page names its writer, a desk too ("Staff and news
    service reports")."""
    words = text.split()
    small = [word for word in words if word[0].islower() and word not in _NAME_PARTICLES]
    return len(words) >= 4 and len(small) * 2 > len(words) and not _looks_like_a_name(text)


def _looks_like_a_name(name: str) -> bool:
    """A person's name as a byline writes it: one handle ("marianne1"), written as a mention too ("@marianne1": a
    site of a code project names its writers by their GitHub accounts), or up to five words each capitalised but for
    the particles of names ("Ursula von der Leyen"), without digits or other punctuation than . ' -."""
    words = name.split()
    if len(words) == 1:
        return bool(_HANDLE.match(name.removeprefix("@")))
    return len(words) <= 5 and all(
        _NAME_WORD.match(word) and (word[0].isupper() or not word[0].islower() or word in _NAME_PARTICLES)
        for word in words
    )


def _rel_author_card(page: Page) -> list[Person]:
    """The person of the h-card a rel=author link points to, where the page holds that card (IndieWeb's authorship
    rule, on the page itself). Jekyll's minima links its site title rel=author to the home page, and prints the
    home page's h-card — `site.author` — in every page's footer; a post without an author of its own is theirs."""
    targets = {clean_url(url) for a in _AUTHOR_LINKS(page.tree) if (url := joined(page.base, a.get("href")))}
    for card in _CARDS(page.tree) if targets else ():
        if any(_H_ENTRY.search(node.get("class") or "") for node in card.iterancestors()):
            continue  # a byline's, a comment's or a cited post's card: not the site's
        link = card if card.get("href") else next(iter(_CARD_URL(card)), None)
        url = joined(page.base, link.get("href")) if link is not None else None
        name = next((text_of(e) for e in _CARD_NAME(card)), "")
        if url and name and clean_url(url) in targets:
            return [Person(name=name, url=url)]
    return []


def _material_post_authors(page: Page) -> list[Person]:
    """The authors MkDocs Material's blog plugin names in the post's sidebar, in their order: a profile each
    (div.md-post__authors > .md-profile: the avatar, then the name in a <strong>, linked to the author's url from
    .authors.yml or their author page, and the description). Material's <meta name="author"> is the site's
    site_author on every page, whoever wrote the post."""
    if "md-post__authors" not in page.names.classes:
        return []
    people = []
    for strong in _MATERIAL_AUTHOR_NAMES(page.tree):
        link = strong.find("a")
        href = link.get("href") if link is not None else None
        if name := text_of(strong):
            people.append(Person(name=name, url=joined(page.base, href) if href else None))
    return people


def _meta_authors(page: Page) -> list[str]:
    """The names of the first of the names trafilatura knows for an author meta tag (author, dc.creator,
    parsely-author …) whose tags hold a name rather than a profile URL; of each of its tags in the page's head
    where there are several (Molongui Authorship writes one `<meta name="author">` per author of the post, journals
    one `dc.creator` each) — not of a list of microdata further down (a paper's references) — each split where it
    names several. Naver Blog names a post's writer in its own `naverblog:nickname` (its `og:article:author` is
    the blog's name and "| 블로그", "blog"): that nickname, whole."""
    if nickname := _names_only(page.meta.get("naverblog:nickname", [])):
        return nickname[:1]
    for name in ("author", *sorted(METANAME_AUTHOR - {"author"})):
        if values := _names_only(page.meta.get(name, [])):
            in_head = _names_only([tag.get("content") or "" for tag in _HEAD_META(page.tree, name=name)])
            return [person for value in (in_head if len(in_head) > 1 else values[:1]) for person in split_names(value)]
    return []


def _names_only(values: list[str]) -> list[str]:
    """Not a profile's URL or a Twitter handle."""
    return [value for value in values if value and not value.startswith(("http://", "https://", "@"))]


def _resolved(value: Any, jsonld: list[dict[str, Any]]) -> Any:
    """A JSON-LD reference ({"@id": …} alone, as Yoast writes a post's author) replaced by the object it names."""
    if isinstance(value, dict) and "name" not in value and (ref := value.get("@id")):
        return next((obj for obj in jsonld if obj.get("@id") == ref and obj is not value), value)
    return value


def _states_author(post: dict[str, Any]) -> bool:
    """The JSON-LD post names its author: the first source read that, and trafilatura's reading of the same JSON-LD
    adds only names that are no author of the post — any Person of the graph, the site's own entity among them
    (Rank Math's `#person`, typed Person and Organization and named as the site: "Stone and Bread" read as two
    people where the author was an account's name, "admin"), or a template's value printed as is (a Hugo theme's
    `map[name:Jane Doe]` read as "Map")."""
    return bool(as_list(post.get("author")) or as_list(post.get("authors")))


def _person_name(text: str, sites: set[str]) -> tuple[str | None, bool]:
    """A byline's name cleaned (labels, trailing arrows, dates and URLs dropped), and whether it names a person
    rather than the site, its publisher, a desk ("Redaktion") or a theme; (None, False) for no name at all."""
    text = html.unescape(" ".join(text.split())).strip(" →»›|·•")
    if _TEMPLATE_VALUE.match(text):
        return None, False
    text = next((m.group(1) for label in _LINK_LABELS if (m := label.match(text))), text)
    text = _EXTRA_PREFIX.sub("", text)
    text = _TRAILING_LABEL.sub("", _TRAILING_DATE.sub("", _TRAILING_WORDED_DATE.sub("", text)))
    parts = TITLE_SEPARATOR.split(text)
    if len(parts) > 1:  # "Daily Planet - Jane Doe", "Jane Doe | Redakteurin": the part that is not the site
        rest = [part for part in parts if fold(part) not in sites]
        text = rest[0] if len(rest) == 1 else text
    name = clean_name(text.strip(" ,;"))
    if not name or _PLACEHOLDER.match(name) or _SIGNATURE.search(name) or not _mostly_letters(name):
        return None, False
    if _a_sentence(name):  # an author box's bio, read as a byline: "Jane Roe is a developer living in Freiburg."
        return None, False
    words = name.split()
    if len(words) == 2 and words[0].casefold() == words[1].casefold():
        name = words[0]  # "janedoe janedoe": a profile link's label and its name
    folded = fold(name)
    if not folded:
        return None, False
    organisation = (
        _NO_PERSON.match(name)
        or folded in sites
        or name.casefold() in _THEME_VENDORS
        or _DOMAIN.search(name)
        or "[at]" in name
    )
    return name, not organisation


def _a_byline(element: Any, boxes: set[HtmlElement]) -> bool:
    """Whether an element trafilatura's byline search found is the post's byline: not in comments, widgets or
    menus, and not a whole author box with paragraphs (its text would bring the bio; extract() reads the box).
    A byline marked like a box (Blogger's <span class="post-author">) is a byline. `boxes`: the page's author boxes,
    found before the search took anything out of the tree (an element it finds has no ancestor taken out)."""
    if _outside_post(element):
        return False
    if any(box in boxes and box.find(".//p") is not None for box in element.iterancestors()):
        return False  # a link in an author box with a bio: its label ("View all of Daniel's posts."), not a byline
    return not (element in boxes and element.find(".//p") is not None) and not _name_and_more(element)


def _name_and_more(element: HtmlElement) -> bool:
    """Whether `element` sets more than a name in lines of their own, a label ("Artikel von:") and a date aside:
    an author box, its name, then a bio or a headline — Hugo Blowfish's (and Congo's) `div.author`, "作者", the
    name and the headline each a <div> beside the avatar. Its name alone is the author (extract() reads the box as
    a box); a byline is one line, its label and the name in one block or two."""
    lines = [text for block in _TEXT_BLOCKS(element) if (text := text_of(block)) and not _LABEL_ALONE.match(text)]
    lines = [line for line in lines if _mostly_letters(line)]
    # a line that holds another is a label around the name ("Zum Profil von jesusfreak", a link to their profile)
    return len([line for line in lines if not any(other != line and other in line for other in lines)]) > 1


def _mostly_letters(name: str) -> bool:
    """False for "3.17", "#10" or "13:36 Uhr": a name has at least two letters and more letters than digits — or
    is an account written as a mention, digits and all ("@phip1611"), or one of letters then digits ("tom0727")."""
    letters = sum(c.isalpha() for c in name)
    account = _MENTION.match(name) or _LETTERED_ACCOUNT.match(name)
    return letters >= 2 and (letters > sum(c.isdigit() for c in name) or account is not None)


def _outside_post(element: Any) -> bool:
    """True for a link in comments, widgets, sidebars, menus or navigation. An <article>'s own classes are not
    read: WordPress lists the post's categories and tags there ("category-related", "has-sidebar"); an <aside>
    is outside unless its classes say it holds the post's meta or byline."""
    for node in (element, *element.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        names = (node.get("class") or "") + " " + (node.get("id") or "")
        if node.tag == "nav" or (node.tag == "aside" and not _POST_META.search(names)):
            return True
        if node.tag not in ("article", "main") and _NOT_BYLINE.search(names) and not _BLOGGER_POSTS.search(names):
            return True
    return False


def _hcard_byline(page: Page) -> list[Person]:
    """The name of the post's hCard byline, outside comments, widgets and teasers: the first, one person."""
    return next(([Person(name)] for e in _HCARD_BYLINE(page.tree) if not _outside_post(e) and (name := text_of(e))), [])


def _bylines(page: Page, marked_only: bool = False) -> list[Person]:
    """The theme's byline: the names its first matching selector finds. Names marked up one person each (microdata,
    h-card) make one byline however deep each is wrapped, as long as they share a line; names found by class alone
    only when they are siblings. `marked_only`: only the former, and no meta-line search."""
    for selector in _PERSON_BYLINES if marked_only else _BYLINES:
        found = [e for e in page.select(selector) if not _outside_post(e)]
        holders = {id(a) for e in found for a in e.iterancestors()}
        found = [e for e in found if id(e) not in holders]  # the names themselves, not an element around several
        if found:
            marked = selector in _PERSON_BYLINES
            parent = found[0].getparent()
            same = [
                e for e in found if e is found[0] or (_one_line(found[0], e) if marked else e.getparent() is parent)
            ]
            return [person for e in same[:6] for person in _named_in(e, page.base)]
    return [] if marked_only else _meta_line_bylines(page)


def _named_in(element: Any, base: str) -> list[Person]:
    """The person a byline element names; the people, where its plain text lists several names and links none
    (Hugo's Terminal: `<span class="post-author">Alice Schmidt, Bob Okafor</span>`)."""
    name = _name_of(element)
    if not name:
        return []
    if first(element, "a[href]") is not None or element.tag == "a":
        return _linked_people(name, _href(element, base))
    names = split_names(name)
    if len(names) > 1 and all(map(_looks_like_a_name, names)):
        return [Person(name=part) for part in names]
    return [Person(name=name, url=_href(element, base))]


def _linked_people(name: str, url: str | None) -> list[Person]:
    """The people one byline link names: its text's person, or each of the names it lists as Co-Authors Plus
    lists a post's authors. Its template filter makes WordPress's `the_author` every co-author's name, joined by
    ", " and, before the last, " and " (its German, " und "): a theme that prints one link to the post author's
    page around that name (Twenty Twenty-One's "By <a rel=author>Ann Lee, Bo Park and Cy Doe</a>", Twenty
    Seventeen's `a.url.fn`) names them all in it, and the link is the first one's."""
    names = split_names(name)
    if len(names) > 1 and _LAST_OF_NAMES.search(name) and all(map(_looks_like_a_name, names)):
        return [Person(name=names[0], url=url), *(Person(name=other) for other in names[1:])]
    return [Person(name=name, url=url)]


def _one_line(first_name: Any, other: Any) -> bool:
    """True when two byline names belong to one byline: the smallest element holding both is a line of a few words
    ("Nov 5, 2023 • Alice Ng, Ben Carter"), however deep a theme wraps each name (Jekyll minima's microdata Person
    around a link around the name), not a region holding other posts' bylines too."""
    ancestors = {id(node) for node in first_name.iterancestors()}
    common = next((node for node in other.iterancestors() if id(node) in ancestors), None)
    return common is not None and len(text_of(common)) <= MAX_BYLINE_CHARS


def _meta_line_bylines(page: Page) -> list[Person]:
    """The elements of the post's meta lines whose class names an author (not its avatar, box or label)."""
    for line in page.select(_META_LINES)[:MAX_META_LINES]:
        if _outside_post(line):
            continue
        found = [
            e
            for e in line.iterdescendants()
            if isinstance(e.tag, str)
            and _AUTHOR_CLASS.search(e.get("class") or "")
            and not _NOT_A_BYLINE_CLASS.search(e.get("class") or "")
            and not any(_AUTHOR_CLASS.search(a.get("class") or "") for a in e.iterancestors() if a is not line)
        ]
        found = [first(e, "a[href]") if first(e, "a[href]") is not None else e for e in found]  # "By <a>Name</a>"
        if found:
            return [person for e in found[:6] for person in _named_in(e, page.base)]
    return []


def _name_of(element: Any) -> str:
    """A byline element's name: its text, or the content of a microdata <meta itemprop=name>."""
    return text_of(element) or (element.get("content") or "").strip()


def _href(element: Any, base: str) -> str | None:
    """The link of a byline: the element's own, one inside it, or the link around it."""
    href = element.get("href")
    if href is None and (link := first(element, "a[href]")) is not None:
        href = link.get("href")
    if href is None and (around := next(element.iterancestors("a"), None)) is not None:
        href = around.get("href")
    return joined(base, href) if href and not href.strip().startswith(("#", "javascript:")) else None


def _person(value: Any, base: str) -> Person | None:
    if isinstance(value, str):
        return Person(name=value.strip()) if value.strip() and not value.startswith("http") else None
    if isinstance(value, dict) and first_text(value.get("name")):
        url = first_text(value.get("url"))
        return Person(name=html.unescape(first_text(value["name"]) or ""), url=joined(base, url) if url else None)
    return None
