"""Comments the page renders (WordPress comment lists and comment blocks, Blogger, static-site comments, schema.org
Comment, the lists of other blog engines — Serendipity, Dotclear, Chyrp Lite, FlatPress, PluXml, ikiwiki — and of
django-contrib-comments, and what comment embeds — Isso, Commento, Disqus's frame — show once a browser has run
them), with their threads: a reply nested in its parent's item (WordPress's `<ol class="children">`, the comment
block's nested `<ol>`, Disqus's `<ul class="children">`) is a comment of its own, with the parent's id and one more
level of depth."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import UTC, datetime

from crawler.extraction.article import Comment
from crawler.extraction.dates import (
    DOTTED_DATETIME,
    WEEKDAY_NUMERIC_DATE,
    clock_alone,
    day_and_clock,
    dotted_datetime,
    weekday_numeric_date,
)
from crawler.extraction.page import HtmlElement, Page, compiled, detached, matches, text_of
from crawler.extraction.selectors import (
    COMMENT_AUTHOR,
    COMMENT_AUTHOR_URLS,
    COMMENT_DATE_TEXT,
    COMMENT_ITEMS,
    COMMENT_TEXT,
    COMMENT_TIME_TITLES,
    SERENDIPITY_TRACE,
    SERENDIPITY_TRACKBACKS,
)
from crawler.extraction.substack import comment_dates, served_by_substack
from crawler.extraction.upstream import day_in_words
from crawler.urls import joined

MAX_COMMENTS = 2000
MAX_DATE_TEXT = 80  # characters: a date line, not a sentence that names a day

# What follows the commenter's name: WordPress's "Anna says:" and its translations, Chyrp Lite's "Anna said:",
# PluXml's "Anna said :" ("a dit", "sagte")
_SAYS = re.compile(r"\s+(?:says|said|sagt|sagte|dice|dit|a dit|zegt|diz|scrive|schreibt)\s*:?\s*$", re.IGNORECASE)
# The id a platform gives a comment's element: WordPress's (`comment-4`, `li-comment-4`, `div-comment-4`),
# Blogger's and django-contrib-comments' (`c4`), Disqus's (`post-4`), wpDiscuz's (`wpd-comm-5_4`: the comment,
# then its parent), Chyrp Lite's (`comment_4`); PluXml's (`c0009-4`: the post, then the comment's number in it);
# FlatPress's (`comment240310-080000`: when it was written, yymmdd-hhmmss); ikiwiki's (`comment-` and the md5 of
# the comment's page); Tistory's (`comment5120331`: [##_rp_rep_id_##], "comment" and its number); Forem's
# (`comment-node-4`, each reply's div inside its parent's); Typepad's (`comment-6a00d8…970b`: the comment's asset
# id, "6a" and 32 hex digits); Emlog's default theme's (the bare number, `<div class="comment" id="3">`, each
# reply's div inside its parent's); Serendipity's default theme's and Bulletproof's (`serendipity_comment_4`);
# Z-BlogPHP's themes' (`cmt4`: ul.msg#cmt4, blockquote.cmt#cmt4, each reply's inside its parent's); the webmention
# templates' of IndieWeb sites (`webmention-1407856`: the wm-id webmention.io gave it)
_COMMENT_ID = re.compile(
    r"^(?:(?:li-|div-|serendipity_)?comment[-_]|comment-node-|c_?|cmt|post-|wpd-comm-|webmention-)(\d+)(?:_\d+)?$|^c\d+-(\d+)$|^comment(\d{6}-\d{6})$"
    r"|^comment-([0-9a-f]{32})$|^comment(\d+)$|^comment-(6a[0-9a-f]{32})$|^(\d+)$"
)
# Blogger's comment permalink: `…post.html?showComment=1710264600000#c1001`, the comment's time in milliseconds
# since the epoch (every theme prints it, the threaded list's .datetime link and the classic list's timestamp)
_BLOGGER_SHOW_COMMENT = re.compile(r"[?&]showComment=(\d{10,14})(?:[&#]|$)")
# What Blogger's classic comment list prints after the commenter's name (its commentPostedByMsg, in the blog's
# language): "said...", "hat gesagt…", "a dit…", "dijo...", "ha detto...", "zei...", "disse..."
_BLOGGER_SAID = re.compile(
    r"\s+(?:said|hat gesagt|a dit|dijo|ha detto|zei|disse|sa|sagde|kirjoitti|pisze)\s*(?:\.\.\.|…)?\s*$", re.IGNORECASE
)
_TRACE = re.compile(r"#\d+(?:\.\d+)*")  # Serendipity's thread number of a comment (_serendipity_depth)
_TRACKBACK_ID = re.compile(r"^ping-\d+$")  # Movable Type's trackback: div.trackback#ping-N (_trackback)
_FLATPRESS_ID = re.compile(r"^comment(\d\d)(\d\d)(\d\d)-(\d\d)(\d\d)(\d\d)$")
# WordPress's comment_class() `depth-2`; Serendipity's `commentlevel-1` (`commentlevel_1` in Bootstrap 4 and
# Skeleton), PluXml's `level-1` and Weebly's
# `blogCommentLevel1` (counted from 0)
_DEPTH = re.compile(r"^(?:depth-(\d+)|(?:comment)?level-(\d+)|commentlevel_(\d+)|(?:blogCommentLevel|indent)(\d+))$")
# Weebly names a comment only in its reply button's script: `<span class="blog-button reply-comment"
# onclick="…comment_id=123…">`
# b2evolution's comment footer (its skins' _item_comment.inc.php): "<date> @ <time>", the reply link after them
_B2EVO_FOOTER = compiled(("footer.evo_comment_footer",))
# The commenter's name as Drupal's theme_username() prints it, in the line with the comment's date (Drupal 6's
# `.submitted`)
_USERNAME = compiled((".username",))
_B2EVO_TIME = re.compile(r"^(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d\d) @ (\d{1,2}):(\d\d)(?: ?([ap]m)\b)?", re.IGNORECASE)
_WEEBLY_REPLY = "span.reply-comment[onclick]"
_GNUBOARD_INDENT = re.compile(r"margin-left:\s*(\d+)px")
_WEEBLY_COMMENT_ID = re.compile(r"comment_id=(\d+)")
# django-contrib-comments' time as Django's default English DATETIME_FORMAT prints it ("N j, Y, P": "April 13,
# 2023, 8:12 a.m.", "Sept. 5, 2023, noon")
_DJANGO_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_DJANGO_TIME = re.compile(
    r"^(?P<month>[A-Z][a-z]+\.?) (?P<day>\d{1,2}), (?P<year>\d{4}), "
    r"(?:(?P<hour>\d{1,2})(?::(?P<minute>\d\d))? (?P<half>[ap])\.m\.|(?P<noon>noon)|midnight)$"
)
# A <time datetime> with a space between day and time (valid HTML: PluXml's "2024-03-10 09:30"); a date line
# printed so (ikiwiki's timeformat "%Y-%m-%d %H:%M")
_SPACED_DATETIME = re.compile(r"^(\d{4}-\d\d-\d\d) (\d\d:\d\d)")
_PRINTED_DATETIME = re.compile(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d(?::\d\d)?)")
# A <time datetime> of a day alone (some themes print its month and day unpadded)
_DAY = re.compile(r"(\d{4})-(\d\d?)-(\d\d?)")
# chronicle's comment date, read from the comment file's name that comments.cgi writes (gmtime, English month names):
# "Submitted at 12:00:00 on 03 May 2024"
_SUBMITTED_AT = re.compile(r"Submitted at (\d\d):(\d\d):(\d\d) on (\d{1,2}) ([A-Z][a-z]+) (\d{4})")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The commenter named in the line with the comment's time, no element of their own: Dotclear's "From Kim - <time>",
# Serendipity's "Kim on <time>:" (a link where they gave an address), Typepad's "Posted by: Kim | <a>time</a>"
_BEFORE_THE_NAME = re.compile(r"^(?:(?:posted\s+by:|from|by|par|de|von|van)\s+|[-–—,:|]\s*)", re.IGNORECASE)
_AFTER_THE_NAME = re.compile(r"\s*(?:[-–—,:|]|\bon|\bam|\ble|\bat)\s*$", re.IGNORECASE)
MAX_NAME_WORDS = 5
# Drupal's and Backdrop's medium date format after the weekday's numeric date: " - 14:22" (Drupal 7), " - 9:12am"
# (Backdrop)
_DRUPAL_CLOCK = re.compile(r"\s+-\s+(\d{1,2}):(\d\d)\s*([ap]m)?$", re.IGNORECASE)
# What Drupal's theme_username() adds to an anonymous commenter's name, in the site's language: " (not verified)"
_NOT_VERIFIED = re.compile(r"\s*\([^()]+\)$")
# The blocks a comment's text is read from, each a line: its paragraphs, and the headings, list items, quotes,
# code and table rows a commenter may write too (WordPress allows them in comments).
# FlatPress prints the date line (`p.date`) among the comment's paragraphs.
_META_CLASSES = {"comment-meta", "comment-metadata", "comment-author", "comment-time", "comment-reply", "reply", "date"}
# What a theme prints inside the commenter's name's element beside the name (OceanWP: the date and a reply link;
# Bootstrap's media heading, Hestia's: the date in a <small>).
_BESIDE_THE_NAME = "time, small, .comment-meta, .commentmetadata, .comment-date, .comment-reply-link, .reply"
_BR = "\x00"  # a <br> in a block's text, never a character of the page's (the parser drops NULs)
_TEXT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote", "tr", "address")


def find_comments(page: Page) -> list[Comment]:
    """The page's comments in document order, replies after their parent; at most MAX_COMMENTS items read."""
    matching = page.select(COMMENT_ITEMS)
    # what marks a nested reply (_in_nested_comment): a list item, a div wpDiscuz marks as a reply, or an item inside
    # another of another comment id (Z-BlogPHP's ul.msg#cmt9 in the text of its parent's ul.msg#cmt7)
    matched = frozenset(matching)
    replies = {
        item
        for item in matching
        if item.tag == "li" or "wpd-reply" in (item.get("class") or "").split() or _inside_another(item, matched)
    }
    items = [i for i in matching[:MAX_COMMENTS] if next(i.iterancestors("form"), None) is None and not _quoted(i)]
    taken: dict[HtmlElement, Comment] = {}
    seen: set[str | None] = set()
    at_depth: dict[int, Comment] = {}  # the last comment of each depth WordPress's comment_class() printed
    comments = []
    for item in items:
        parent_item = next((a for a in item.iterancestors() if a in taken), None)
        if parent_item is not None and not _is_reply(item, parent_item):
            continue  # the schema.org Comment inside an <li> already taken: the same comment
        comment = _comment(item, replies, page.base)
        if comment is None or comment.id is not None and comment.id in seen:
            continue  # no comment; or one printed twice (a comments block in the post beside the theme's list)
        depth = _depth_class(item)
        parent = taken[parent_item] if parent_item is not None else at_depth.get(depth - 1) if depth else None
        if parent is not None:
            comment.parent, comment.depth = parent.id, parent.depth + 1
        if depth:
            at_depth[depth] = comment
        taken[item] = comment
        seen.add(comment.id)
        comments.append(comment)
    # Substack prints this year's comments' day without its year ("Mar 3", read as no date): its start-up data
    # gives their time
    return _substack_dates(page, comments) if comments and served_by_substack(page) else comments


def _quoted(item: HtmlElement) -> bool:
    """A microformats2 h-cite in the post's text (`e-content`) is what the post quotes, not a response to it."""
    return "h-cite" in (item.get("class") or "").split() and any(
        "e-content" in (a.get("class") or "").split() for a in item.iterancestors()
    )


def _inside_another(item: HtmlElement, items: frozenset[HtmlElement]) -> bool:
    """The comment item lies inside another item of another comment id: a reply its parent's element holds."""
    own = _comment_id(item)
    return own is not None and any(
        other is not None and other != own
        for ancestor in item.iterancestors()
        if ancestor in items and (other := _comment_id(ancestor))
    )


def _substack_dates(page: Page, comments: list[Comment]) -> list[Comment]:
    """Each comment's time as the start-up data of the Substack page holds it (crawler/extraction/substack.py)."""
    dates = comment_dates(page)
    for comment in comments:
        if comment.id is not None and comment.id in dates:
            comment.published = dates[comment.id]
    return comments


def _depth_class(item: HtmlElement) -> int | None:
    """The depth in its thread that WordPress's comment_class() gives a comment (`depth-2`; Serendipity's
    `commentlevel-1`, PluXml's `level-1`, Weebly's `blogCommentLevel1` on its div.blogCommentWrap and Rhymix's
    `indent1` on its li.fbItem, counted from 0):
    where a platform prints a reply after its parent rather than inside it (Neve: `<li class="children"><ol><li
    class="comment depth-2">` beside the parent's `<li>`; Weebly's flat list), the reply's parent is the last
    comment one level up."""
    names = (item.get("class") or "").split()
    for name in names:
        if match := _DEPTH.match(name):
            return int(match.group(1)) if match.group(1) else int(next(filter(None, match.groups()))) + 1
    if "fbItem" in names:
        return 1  # Rhymix's board skins class a reply `indentN`, its parent nothing
    return _gnuboard_depth(item) or _drupal_depth(item) or _serendipity_depth(item)


def _gnuboard_depth(item: HtmlElement) -> int | None:
    """The depth of a comment of Gnuboard's board skins (article#c_N in section#bo_vc), counted from 1: they print
    a reply after its parent, its element's inline margin-left the length of its wr_comment_reply (at most 5)
    times 50px (15px in the mobile skins)."""
    parent = item.getparent()
    if parent is None or parent.get("id") != "bo_vc" or not (item.get("id") or "").startswith("c_"):
        return None
    margin = _GNUBOARD_INDENT.search(item.get("style") or "")
    pixels = int(margin.group(1)) if margin else 0
    return 1 + pixels // (50 if pixels % 50 == 0 else 15)


def _serendipity_depth(item: HtmlElement) -> int | None:
    """The depth of a comment of Serendipity's default theme or Bulletproof, counted from 1: they print a reply
    after its parent, indented by an inline style, and its permalink the thread's number, "#2.1" the first reply to
    the second comment (SERENDIPITY_TRACE)."""
    trace = next(iter(compiled((SERENDIPITY_TRACE,))(item)), None)
    match = _TRACE.fullmatch(text_of(trace)) if trace is not None else None
    return match[0].count(".") + 1 if match else None


def _drupal_depth(item: HtmlElement) -> int | None:
    """The depth of a Drupal 7 or Backdrop comment, counted from 1: they print a reply after its parent, in a
    div.indented (one more for each level), the comment's a#comment-N anchor before it."""
    if _drupal_anchor(item) is None:
        return None
    return 1 + sum("indented" in (a.get("class") or "").split() for a in item.iterancestors("div"))


def _drupal_anchor(item: HtmlElement) -> HtmlElement | None:
    """The empty a#comment-N Drupal and Backdrop print right before a comment's element, else None."""
    anchor = item.getprevious()
    if anchor is None or anchor.tag != "a" or len(anchor) or (anchor.text or "").strip():
        return None
    return anchor if (anchor.get("id") or "").startswith("comment-") else None


def _is_reply(item: HtmlElement, ancestor: HtmlElement) -> bool:
    """A comment item inside another is a reply when it is a list item, sits in a list nested in the other, or
    has another comment id (WordPress's `wp_list_comments(style=div)`, Twenty Twenty's: `<div id="comment-5">`
    right inside `<div id="comment-4">`); a schema.org Comment directly inside an <li> comment is that same
    comment."""
    own, other = _comment_id(item), _comment_id(ancestor)
    if item.tag == "li" or own is not None and other is not None and own != other:
        return True
    for node in item.iterancestors():
        if node is ancestor:
            return False
        if node.tag in ("ol", "ul"):
            return True
    return False


def _comment(item: HtmlElement, replies: set[HtmlElement], base: str) -> Comment | None:
    if match := _TRACKBACK_ID.match(item.get("id") or ""):
        return _trackback(item, match[0], base)
    if item.tag == "dt":
        blogger = {"comment-author", "comment-poster"} & set((item.get("class") or "").split())
        return _blogger_listed_comment(item) if blogger else _listed_comment(item)
    # FlatPress prints the comment's paragraphs in its item beside the name and the date line
    body = item if _FLATPRESS_ID.match(item.get("id") or "") else _first(item, COMMENT_TEXT, replies)
    if body is None:
        return None
    author = _first(item, COMMENT_AUTHOR, replies, worded=True)  # Hestia's .comment-author holds the avatar alone
    text = _text(body, item, replies, author)
    if not text:
        return None
    published = _published(item, replies)
    author_text = _SAYS.sub("", _name_in(author)) if author is not None else ""
    if "comment-by-anonymous" in (item.get("class") or "").split():
        author_text = _NOT_VERIFIED.sub("", author_text)  # Drupal's mark of a visitor's name, not the name
    author_url = _author_url(author, base) or _author_url(_first(item, COMMENT_AUTHOR_URLS, replies), base)
    trackback = _a_trackback(item)
    if author is None and not trackback:  # a trackback that names no blog (Bootstrap 4's) names no one
        author_text, author_url = _named_beside_the_time(item, replies, base)
    if author_url is None and trackback:
        author_url = _trackback_source(item, base)
    return Comment(
        author=author_text.strip() or None,
        published=published,
        text=text,
        id=_comment_id(item) or _weebly_comment_id(item),
        author_url=author_url,
    )


def _trackback(item: HtmlElement, ping: str, base: str) -> Comment | None:
    """A Movable Type trackback (div.trackback#ping-N): a post of another blog that pinged this one, kept as a comment
    as WordPress keeps a pingback — the pinging blog its author, the pinging post its author_url, that post's title
    and excerpt its text (less MT's "Read More" link to the post after the excerpt), its id `ping-N` (apart from the
    comments' numbers). MT prints the title, blog and time by one phrase of its language packs, the blog's name
    before the title's link in Japanese ("[_3] - <a>[_2]</a> (<a>[_5]</a>)"), else after it between two words
    ("<a>[_2]</a> from [_3] on <a>[_5]</a>", "von [_3] zu", "depuis [_3] sur")."""
    meta, excerpt = _first(item, (".asset-meta",), set()), _first(item, (".trackback-content",), set())
    if meta is None or excerpt is None:
        return None
    source = next((a for a in meta.iter("a") if not a.get("href", "#").startswith("#")), None)
    if source is None:
        return None
    href = source.get("href", "")
    text = inline_text(excerpt)
    read_more = [a for a in excerpt.iter("a") if a.get("href") == href]
    if read_more and text.endswith(ending := inline_text(read_more[-1])):
        text = text[: -len(ending)].strip()
    blog = (meta.text or "").strip().rstrip("-").strip() or " ".join((source.tail or "").split()[1:-1])
    return Comment(
        author=blog or None,
        published=_published(item, set()),
        text="\n".join(filter(None, (inline_text(source), text))),
        id=ping,
        author_url=joined(base, href),
    )


def _weebly_comment_id(item: HtmlElement) -> str | None:
    """A Weebly comment's number, as its reply button's script names it (_WEEBLY_REPLY)."""
    if "blogCommentWrap" not in (item.get("class") or "").split():
        return None
    button = next(iter(compiled((_WEEBLY_REPLY,))(item)), None)
    match = _WEEBLY_COMMENT_ID.search(button.get("onclick", "")) if button is not None else None
    return match[1] if match else None


def _text(body: HtmlElement, item: HtmlElement, replies: set[HtmlElement], author: HtmlElement | None) -> str:
    """The comment's text: the blocks of its body, each a line, less its meta line, its replies' and the heading
    that names the commenter (Chyrp Lite's Topaz: "<h4>Anna said:</h4>" first in the text's section)."""
    blocks = [b for b in body.iterdescendants(*_TEXT_BLOCKS) if _innermost(b) and not _in_meta(b, body)]
    if author is not None and body in author.iterancestors():
        blocks = [b for b in blocks if b is not author and author not in b.iterancestors()]
    paragraphs = [b for b in blocks if not _in_nested_comment(b, item, replies)] or [body]
    return "\n".join(filter(None, (_block_text(p, replies) for p in paragraphs))).strip()


def body_text(body: HtmlElement) -> str:
    """The text of a comment's body and nothing else around it (a <dd> of a list, the HTML WordPress's REST API
    renders): its blocks — paragraphs, headings, list items, quotes, code — a line each."""
    return _text(body, body, set(), None)


def _listed_comment(item: HtmlElement) -> Comment | None:
    """A comment of django-contrib-comments' default list (`comments/list.html`): `<dt id="cN">` prints its time and
    its commenter, "April 13, 2023, 8:12 a.m. - Siobhan", and the `<dd>` after it the text."""
    if (listed := _listed_text(item)) is None:
        return None
    _, text = listed
    printed, _, name = text_of(item).partition(" - ")
    return Comment(author=name.strip() or None, published=_django_time(printed), text=text, id=_comment_id(item))


def _listed_text(item: HtmlElement) -> tuple[HtmlElement, str] | None:
    """A listed comment's <dd> after its <dt> `item`, and the comment's text in it; None where there is no text."""
    body = item.getnext()
    if body is None or body.tag != "dd" or not (text := body_text(body)):
        return None
    return body, text


def _blogger_listed_comment(item: HtmlElement) -> Comment | None:
    """A comment of Blogger's classic list (`dl#comments-block`): the dt.comment-author prints the commenter, "<a
    href=profile>Name</a> said..." ("Anonymous said..." with no link), the dd.comment-body after it the text, the
    dd.comment-footer after that the permalink that holds the comment's time. Blogger's classic (pre-layout)
    templates print the same list, the commenter a dt.comment-poster, the permalink "#cN" in a dd.comment-timestamp
    with the time in the blog's format: its day in words then."""
    if (listed := _listed_text(item)) is None:
        return None
    body, text = listed
    footer = body.getnext()
    links = [a for a in item.iterdescendants("a") if text_of(a) and (a.get("href") or "").strip()]
    name = text_of(links[-1]) if links else _BLOGGER_SAID.sub("", text_of(item))
    return Comment(
        author=name.strip() or None,
        published=_blogger_listed_time(footer) if footer is not None and footer.tag == "dd" else None,
        text=text,
        id=_comment_id(item),
        author_url=_author_url(links[-1], "") if links else None,
    )


def _blogger_listed_time(footer: HtmlElement) -> str | None:
    """The time a comment's footer in Blogger's classic list holds: its permalink's, else the day it prints."""
    if published := _blogger_time(footer):
        return published
    printed = text_of(footer)
    return day_in_words(printed) if 0 < len(printed) <= MAX_DATE_TEXT else None


def _blogger_time(item: HtmlElement, replies: set[HtmlElement] | None = None) -> str | None:
    """The time of a Blogger comment as its permalink holds it (`?showComment=` and the milliseconds since the
    epoch), in UTC to the millisecond, as Blogger's comment feed gives it; None where no such link is in it."""
    for link in item.iterdescendants("a"):
        if replies is not None and _in_nested_comment(link, item, replies):
            continue
        if match := _BLOGGER_SHOW_COMMENT.search(link.get("href") or ""):
            try:
                return datetime.fromtimestamp(int(match[1]) / 1000, tz=UTC).isoformat(timespec="milliseconds")
            except (OverflowError, OSError, ValueError):
                return None
    return None


def _django_time(printed: str) -> str | None:
    """The time in Django's default English format as ISO 8601 (the site's time zone is not printed); else the
    day it prints in words, as any language's format has it."""
    match = _DJANGO_TIME.match(printed)
    if match is None or match["month"] not in _DJANGO_MONTHS:
        return day_in_words(printed) if 0 < len(printed) <= MAX_DATE_TEXT else None
    hour = 12 if match["noon"] else int(match["hour"] or 0) % 12 + (12 if match["half"] == "p" else 0)
    month, day, minute = _DJANGO_MONTHS.index(match["month"]) + 1, int(match["day"]), int(match["minute"] or 0)
    try:
        return datetime(int(match["year"]), month, day, hour, minute).isoformat()
    except ValueError:
        return None


def _named_beside_the_time(item: HtmlElement, replies: set[HtmlElement], base: str) -> tuple[str, str | None]:
    """The commenter and their link where no element of the comment marks the name: the words before the comment's
    <time> in its line, less "From"/"Par" before and "on"/"-" after (Dotclear's "From Kim - <time>", Serendipity's
    "Kim on <time>:"); else the words after it that end in "said" (PluXml's "<time> - Kim said :"). Where no <time>
    marks it, the time is the comment's permalink printing it (Typepad's "Posted by: Kim | <a href=#comment-6a…>May
    22, 2013 at 03:46 PM</a>"). The comment's number, a link to itself, is left out; ("", None) for more words than a
    name's."""
    time = next((t for t in item.iterdescendants("time") if not _in_nested_comment(t, item, replies)), None)
    if time is None:
        time = next((a for a in item.iterdescendants("a") if _to_itself(a, item) and a.get("href") != "#"), None)
    line = time.getparent() if time is not None else None
    if line is None:
        return "", None
    before: list[tuple[str, str | None]] = [(line.text or "", None)]
    after: list[tuple[str, str | None]] = []
    words = before
    for child in line:
        if child is time:
            words = after
        elif not _to_itself(child, item):
            words.append((text_of(child), _author_url(child, base)))
        words.append((child.tail or "", None))
    name, link = _name_among(before)
    if name:
        return name, link
    printed = " ".join(" ".join(word for word, _ in after).split())
    return _name_among(after) if _SAYS.search(printed) else ("", None)


def _a_trackback(item: HtmlElement) -> bool:
    """A comment item in Serendipity's trackbacks section (SERENDIPITY_TRACKBACKS)."""
    return any(matches(a, ", ".join(SERENDIPITY_TRACKBACKS)) for a in item.iterancestors())


def _trackback_source(item: HtmlElement, base: str) -> str | None:
    """The sending post of a Serendipity trackback, its first link: its themes name the sending blog unlinked and
    link the post's title — 2k11 after the time ("<cite>Blog</cite> am <time>: <a href=post>Title</a>"), Timeline
    at the start of the excerpt — the trackback's address, as a commenter's site is a comment's."""
    links = (a.get("href", "").strip() for a in item.iterdescendants("a") if a.get("href") and not _to_itself(a, item))
    href = next(links, "")
    return joined(base, href) if href and not href.startswith(("#", "javascript:", "mailto:")) else None


def _name_among(words: list[tuple[str, str | None]]) -> tuple[str, str | None]:
    """The name the words around a comment's time give, and the first link among them."""
    printed = _SAYS.sub("", " ".join(" ".join(word for word, _ in words).split()))
    name = _AFTER_THE_NAME.sub("", _BEFORE_THE_NAME.sub("", printed))
    if not name or len(name.split()) > MAX_NAME_WORDS:
        return "", None
    return name, next((link for _, link in words if link), None)


def _to_itself(link: HtmlElement, item: HtmlElement) -> bool:
    """A link to the comment itself: its number or permalink (`#c1`; PluXml's full address ending `#c0009-2`)."""
    href = link.get("href") or ""
    return href.startswith("#") or bool(item.get("id")) and href.endswith("#" + item.get("id", ""))


def _name_in(author: HtmlElement) -> str:
    """The commenter's name: the author element's text without the date and links a theme prints beside it, nor
    a badge in it after the name's own text (ColorMag: `<b class="fn"> Jane<span>Post author</span></b>`), nor the
    <title> of an icon before it (Serendipity's Bootstrap 4: "Posted by", the name the icon's tail)."""
    beside = [e for e in compiled((_BESIDE_THE_NAME,))(author) if e is not author]
    if (author.text or "").strip():
        beside += [child for child in author if isinstance(child.tag, str) and child.tag != "a"]
    with detached(beside):
        name = text_of(author)
    for icon in author.iter("svg"):
        name = " ".join(name.replace(text_of(icon), " ", 1).split())
    return name


def _innermost(block: HtmlElement) -> bool:
    return next(block.iterdescendants(*_TEXT_BLOCKS), None) is None


def _block_text(block: HtmlElement, replies: Collection[HtmlElement] = ()) -> str:
    """A block's text as it reads, a line per line its <br>s break (Blogger prints a comment as one
    p.comment-content, its lines and paragraphs <br>s); a table row's cells apart; without the `replies` it holds
    (Z-BlogPHP prints a comment's text and its replies' elements in one li.msgarticle, no <p>)."""
    if block.tag == "tr":
        return " ".join(filter(None, (inline_text(cell) for cell in block.iterchildren("td", "th"))))
    lines = "".join(_broken_text(block, replies)).split(_BR)
    return "\n".join(filter(None, (" ".join(line.split()) for line in lines)))


def _broken_text(element: HtmlElement, replies: Collection[HtmlElement] = ()) -> list[str]:
    """The element's text as itertext() gives it, _BR for each <br> in it (a newline of the source is a space),
    without the `replies` in it."""
    parts = [element.text or ""] if isinstance(element.tag, str) else []
    for child in element:
        if child.tag == "br":
            parts.append(_BR)
        elif isinstance(child.tag, str) and child not in replies:
            parts += _broken_text(child, replies)
        parts.append(child.tail or "")
    return parts


def _in_meta(block: HtmlElement, body: HtmlElement) -> bool:
    """In the comment's meta line, which some themes print inside its content (a list of author, time, reply)."""
    for node in (block, *block.iterancestors()):
        if node is body:
            return False
        if not _META_CLASSES.isdisjoint((node.get("class") or "").split()):
            return True
    return False


def _published(item: HtmlElement, replies: set[HtmlElement]) -> str | None:
    """The comment's <time datetime>; else a time printed in a title attribute (COMMENT_TIME_TITLES), as ISO 8601
    when it is in the platform's format, as printed when not; else the day its date line or permalink prints in
    words (COMMENT_DATE_TEXT: OceanWP's `.comment-date`, Blocksy's permalink "November 5, 2024 / 4:21 pm"), with
    the time of day where the line prints one (dates.day_and_clock)."""
    time = next((t for t in item.iterdescendants("time") if not _in_nested_comment(t, item, replies)), None)
    if time is not None and time.get("datetime"):
        stated = _SPACED_DATETIME.sub(r"\1T\2", time.get("datetime", "").strip())
        # a day alone in the attribute, the day and time in the text (`<time datetime="2020-07-29">29.07.2020 //
        # 12:56</time>`; a theme's "2019-11-5", unpadded, too): the printed time of that day
        if (day := _DAY.fullmatch(stated)) and (printed := day_and_clock(text_of(time))):
            return printed if printed.startswith("{}-{:0>2}-{:0>2}T".format(*day.groups())) else stated
        return stated
    if written := _flatpress_time(item) or _blogger_time(item, replies) or _b2evolution_time(item):
        return written
    for selector, layout in COMMENT_TIME_TITLES:
        titled = _first(item, (selector,), replies)
        if titled is not None and (printed := " ".join(titled.get("title", "").split())):
            try:
                return datetime.strptime(printed, layout).isoformat()
            except ValueError:
                return printed
    printed = _first(item, COMMENT_DATE_TEXT, replies)
    if printed is not None and clock_alone(text_of(printed)) and (line := printed.getparent()) is not None:
        printed = line  # a permalink of the time alone after the day in its line: "— 2019-01-01 @ <a>00:39</a>"
    text = _date_line(printed) if printed is not None else ""
    if len(printed_times := _PRINTED_DATETIME.findall(text)) == 1:  # Z-BlogPHP's "发布于 2024-01-11 09:30:00 回复"
        return "T".join(printed_times[0])
    if match := DOTTED_DATETIME.fullmatch(text):
        return dotted_datetime(match)
    if written := _drupal_time(text):
        return written
    if (match := _SUBMITTED_AT.fullmatch(" ".join(text.split()))) and match[5] in _MONTHS:
        hour, minute, second, day, month, year = match.groups()
        try:
            return datetime(
                int(year), _MONTHS.index(month) + 1, int(day), int(hour), int(minute), int(second)
            ).isoformat()
        except ValueError:
            return None
    return day_and_clock(text) if 0 < len(text) <= MAX_DATE_TEXT else None


def _date_line(printed: HtmlElement) -> str:
    """The text of a comment's date line, less the commenter's name where the line holds it: htmldate reads no day
    in Drupal's "par <span class=username>JPA</span> le 7 mai 2020 - 12:38." (the name's capitals stand in its way)."""
    text = text_of(printed)
    for name in _USERNAME(printed):
        text = " ".join(text.replace(text_of(name), " ", 1).split())
    return text


def _drupal_time(printed: str) -> str | None:
    """A comment's time in Drupal's or Backdrop's medium format, the numeric date read on the weekday it names
    (dates.WEEKDAY_NUMERIC_DATE): "Sat, 04/05/2024 - 9:12am" is 2024-05-04T09:12; None in another format."""
    match = WEEKDAY_NUMERIC_DATE.match(printed)
    clock = _DRUPAL_CLOCK.fullmatch(printed, match.end()) if match else None
    if match is None or clock is None or (day := weekday_numeric_date(match)) is None:
        return None
    hour, minute = int(clock[1]), int(clock[2])
    if clock[3]:  # 12-hour clock: 12am is midnight, 12pm noon
        hour = hour % 12 + (12 if clock[3].lower() == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def _b2evolution_time(item: HtmlElement) -> str | None:
    """When a b2evolution comment was written, as its footer prints it (_B2EVO_TIME), in the blog's time: the date in
    its locale's numeric format, "11/04/24" in en-US's m/d/y, "22.09.2024" and "22.09.24" in de-DE's j.m.Y and
    fr-FR's d.m.y, "@" and the time ("08:12 am", "10:45")."""
    footers = _B2EVO_FOOTER(item) if item.get("id", "").startswith("comment_") else []
    if not footers or (match := _B2EVO_TIME.match(text_of(footers[0]))) is None:
        return None
    first, mark, second, year, hour, minute, half = match.groups()
    month, day = (int(first), int(second)) if mark == "/" else (int(second), int(first))
    hours = int(hour) % 12 + (12 if half.lower() == "pm" else 0) if half else int(hour)
    try:
        return datetime(int(year) + (2000 if len(year) == 2 else 0), month, day, hours, int(minute)).isoformat()
    except ValueError:
        return None


def _flatpress_time(item: HtmlElement) -> str | None:
    """When a FlatPress comment was written, as its id says (`comment240310-093000`; the page prints only the time
    for a day's second comment), in the blog's time as printed."""
    match = _FLATPRESS_ID.match(item.get("id") or "")
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(n) for n in match.groups())
    try:
        return datetime(2000 + year, month, day, hour, minute, second).isoformat()
    except ValueError:
        return None


def inline_text(element: HtmlElement) -> str:
    """A paragraph's text as it reads, whitespace folded: a link's text joins the text around it as written
    ("from <a>Gravatar</a>." is "from Gravatar.", where text_of() would space it out)."""
    return " ".join("".join(element.itertext()).split())


def _comment_id(item: HtmlElement) -> str | None:
    """The platform's id of the comment, from its element's id (or the id of the first element inside that has
    one: WordPress puts it on the <article> inside the <li> in some themes)."""
    anchor = _drupal_anchor(item)
    for node in (item, *item.iterchildren(), *([anchor] if anchor is not None else [])):
        match = _COMMENT_ID.match(node.get("id") or "")
        if match:
            return next(group for group in match.groups() if group)
    return None


def _author_url(author: HtmlElement | None, base: str) -> str | None:
    """The commenter's own site: the link on their name (WordPress marks it rel="external nofollow ugc"), or the
    link around it (Twenty Twenty: `<a class="url"><img …><span class="fn">Name</span> says:</a>`)."""
    if author is None:
        return None
    # not the links a theme prints beside the name (OceanWP's reply link, in its .comment-author): a registered
    # commenter's name links nowhere, and the reply link was taken for their site
    beside = set(compiled((_BESIDE_THE_NAME,))(author)) - {author}
    named = (a for a in author.iterdescendants("a") if beside.isdisjoint((a, *a.iterancestors())))
    link = author if author.tag == "a" else next(named, None)
    if link is None and (parent := author.getparent()) is not None and parent.tag == "a":
        link = parent
    href = (link.get("href") or "").strip() if link is not None else ""
    return joined(base, href) if href and not href.startswith(("#", "javascript:", "mailto:")) else None


def _first(
    item: HtmlElement, selectors: tuple[str, ...], replies: set[HtmlElement], worded: bool = False
) -> HtmlElement | None:
    """The first match of the most specific selector that has one outside the item's nested replies; with
    `worded`, one that holds text."""
    for selector in selectors:
        for found in compiled((selector,))(item):
            if found is not item and not _in_nested_comment(found, item, replies) and (not worded or text_of(found)):
                return found
    return None


def _in_nested_comment(node: HtmlElement, item: HtmlElement, replies: set[HtmlElement]) -> bool:
    """True when `node` belongs to a reply nested inside `item` (threaded comments): an <li> comment item
    between them. `replies`: the page's <li> elements matching COMMENT_ITEMS."""
    for parent in node.iterancestors():
        if parent is item:
            return False
        if parent in replies:
            return True
    return False
