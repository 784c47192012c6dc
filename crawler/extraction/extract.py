"""extract(html, url) -> Article: the pure function at the heart of blogarchive (no Scrapy, no SQLite, no I/O).

The page is parsed once, with lxml; trafilatura (which copies the tree before it mutates it) and every finder
of ours read that one tree (crawler/extraction/page.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from lxml import etree

from crawler.errors import ExtractionError
from crawler.extraction.article import Article, Metadata, Person
from crawler.extraction.authors import is_by_line, is_meta_line, name_beside
from crawler.extraction.bearblog import bear_kind
from crawler.extraction.blogger import blogger_kind
from crawler.extraction.body import Body, extract_body
from crawler.extraction.boxes import (
    author_page_person,
    find_author_boxes,
    its_first_author,
    listed_authors,
    with_their_pages,
)
from crawler.extraction.comments import find_comments
from crawler.extraction.content import body_holder, densest_parent, find_content_root, headed_by_headline
from crawler.extraction.dates import date_printed
from crawler.extraction.decoding import decode_html
from crawler.extraction.dotclear import dotclear_kind
from crawler.extraction.encrypted import encrypted_kind
from crawler.extraction.evidence import page_evidence, page_post_markup, template_markup
from crawler.extraction.flatten import MAX_DEPTH, flatten, too_deep
from crawler.extraction.ghost import POST_CONTENT as GHOST_CONTENT
from crawler.extraction.ghost import ghost_kind, upgrade_notices
from crawler.extraction.gnuboard import SKIN_PARTS as GNUBOARD_SKIN_PARTS
from crawler.extraction.gnuboard import gnuboard_post
from crawler.extraction.header_fields import MARKDOWN_LINK, is_field_line, without_header_field
from crawler.extraction.identity import platform_id
from crawler.extraction.images import placed_images
from crawler.extraction.language import post_language
from crawler.extraction.markdown_blocks import one_line_headings
from crawler.extraction.markdown_images import with_images
from crawler.extraction.medium import medium_kind
from crawler.extraction.metadata import extract_metadata
from crawler.extraction.page import HtmlElement, Page, compiled, detached, enclosing, parse_html, text_of
from crawler.extraction.pagekind import WEAKEST_POST_MARKUP, SiteFacts, decide
from crawler.extraction.prescreen import prescreen
from crawler.extraction.selection import AUTO, BEST_OF_THREE, mode
from crawler.extraction.selectors import POST_BODY_SELECTOR
from crawler.extraction.serendipity import serendipity_kind
from crawler.extraction.sitename import fold
from crawler.extraction.slimming import densest_window, slimmed
from crawler.extraction.structured import jsonld_objects, unreadable_jsonld
from crawler.extraction.substack import substack_kind
from crawler.extraction.typecho import typecho_kind
from crawler.extraction.verbatim import LINE_NUMBERS
from crawler.extraction.vitepress import sugarat_author_boxes, sugarat_kind
from crawler.extraction.wordpress import POST_CONTENT as WORDPRESS_CONTENT
from crawler.extraction.wordpress import content_alone, contentless_block_post, post_content, wordpress_kind
from crawler.extraction.xpressengine import xe_document
from crawler.extraction.zblog import zblog_kind

# Beyond this a page's bulky inline data is shrunk, and a page still longer is read in its densest window of this
# length (crawler/extraction/slimming.py): extraction time grows faster than linearly with the tree, and the post
# may stand anywhere in a long page.
MAX_PARSED_CHARS = 2_000_000
# Below this many characters trafilatura judges its extraction failed and falls back to the page's whole text
# (its MIN_EXTRACTED_SIZE).
SHORT_POST_CHARS = 250
PLATFORM_CONTENT = {"WordPress": WORDPRESS_CONTENT, "Ghost": GHOST_CONTENT}  # each platform's post content
ENCRYPTED = "an encrypted post's page"  # _platform()'s name for a page encrypted_kind() marks protected
FIELDS_BEFORE_TITLE = 2  # lines above the title in the text: a reading time, a kicker
STRUCTURE_LOST = 2  # structure blocks of the post's container that trafilatura's paragraphs-only reading lost …
# … or one, where that reading holds a line printed above the container: the fallback's mark, the site's tagline
MAX_DROPPED_LINES, MAX_DROPPED_CHARS = 3, 200  # of trafilatura's reading the container read alone may leave out
# What trafilatura's paragraphs-only reading of a post loses: its headings and list items, and with them its code
# blocks and tables (which crawler/extraction/verbatim.py may put back, though the reading stays the page's)
_STRUCTURE = etree.XPath(".//h2 | .//h3 | .//h4 | .//h5 | .//h6 | .//li | .//pre | .//table")
_SUBHEADINGS = etree.XPath(".//h2 | .//h3 | .//h4")
_STRUCTURE_LINE = re.compile(r"^(?:#{1,6} |- |\d+\. )", re.MULTILINE)  # a heading or a list item
MIN_CHROME_LINES = 3  # of a short post's page-wide fallback: menus, sidebars, widgets (_page_wide)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")
MAX_DATE_LINE_CHARS = 50
MAX_DATE_LINE_WORDS = 3
_LINKED_LINE = re.compile(r"\[(.+)\]\([^()\s]*\)")  # a Markdown line that is one link: [words](address)
_LIST_ITEM = re.compile(r"^- ")  # trafilatura's mark of a list item
_COUNT = re.compile(r"\d{1,5}")  # a comments or views count beside the byline and date, its icon gone
_HEADINGS = etree.XPath("//h1 | //h2 | //h3")
_TEXT_BEFORE = etree.XPath("preceding::text()[not(ancestor::script or ancestor::style)]")


def extract(html: str | bytes, url: str, site: SiteFacts | None = None) -> Article:
    """Everything the archive keeps of one page. Raises ExtractionError for input that is not a web page.

    `site`: what a crawl knows of the page's site from its feeds (pagekind.SiteFacts), or None. The page is judged
    with it, so that a page its own markup leaves a listing and a feed makes a post (a one-line post under a
    sidebar of links, Mezzanine's) is read as a post: its body, images, comments and author box."""
    decoded = decode_html(html)
    text, settled = prescreen(decoded, url)
    if settled is not None:
        return settled
    nuls = len(decoded) - len(text)
    article = _extract_text(text, url, site)
    if nuls:
        article.repairs.insert(0, f"{nuls} NUL character{'s' if nuls > 1 else ''} removed")
    return article


def _extract_text(text: str, url: str, site: SiteFacts | None = None) -> Article:
    if len(text) > MAX_PARSED_CHARS:
        text = densest_window(slimmed(text), MAX_PARSED_CHARS)
    tree = parse_html(text)
    if tree is None:
        return Article(url=url, kind="other", kind_reason="no HTML to parse")
    try:
        article = _extract(Page(tree, url, text), site)
    except RecursionError:
        article = None
    if article is None and (blocks := [script.text for script in unreadable_jsonld(tree)]):
        # JSON nested too deeply for Python's parser (trafilatura's reads it too): the page without those blocks.
        kept = text
        for block in blocks:
            kept = kept.replace(block, "")
        if kept != text:
            article = _extract_text(kept, url, site)
            article.repairs.append(f"{len(blocks)} JSON-LD block(s) nested too deeply to read left out")
            return article
    if article is None or article.kind != "article" and too_deep(tree):
        return _extract_flattened(text, url, site)  # nested too deeply to parse: see flatten.py
    return article


def without_leading_fields(
    text: str,
    title: str | None,
    authors: Sequence[Person] = (),
    published: str | None = None,
    terms: Sequence[str] = (),
) -> str:
    """The text without its first line when that line is the title (a Markdown heading of it too): every search
    snippet would repeat it; and then without first lines that are the byline ("By Jane Roe", authors.by_line) or
    the post's date alone ("20 Mar 2024", a theme's date line under its title: the date is a field of its own),
    or with the post's category or tag (`terms`: "Posted on Mon 15 January 2024 in Essays", Pelican's Flex).
    A title, byline or date that is not the first thing stays, as text."""
    text = _without_title(text, title)
    names = [person.name for person in authors]
    removed = False
    for _ in range(3):  # a byline and a date line, in either order, and a count after them
        first, _, rest = text.partition("\n")
        # a theme's meta list (Puput: "- daniel", "- July 8, 2023", "- 0"), its name linked in the Markdown; or
        # the name alone, as printed beside its avatar (Next.js's blog starter prints it twice, for two screens)
        line = MARKDOWN_LINK.sub(r"\1", _LIST_ITEM.sub("", first, count=1))
        listed_name = fold(line) in {fold(name) for name in names}
        dated = lambda part: bool(published) and _date_alone(part, published[:10])  # noqa: E731
        byline = names and (is_by_line(line, names) or listed_name or is_meta_line(line, names, dated))
        if byline or (published and _date_alone(line, published[:10], terms)) or removed and _COUNT.fullmatch(line):
            text, removed = rest.lstrip("\n"), True
    return text


def _without_title(text: str, title: str | None) -> str:
    """The text without its title line when that is its first line, or comes after at most FIELDS_BEFORE_TITLE
    field lines, which go with it (hello-friend-ng prints the reading time above the post's <h1>, in its <main>)."""
    if not title:
        return text
    lines = text.lstrip().split("\n")
    fields = 0
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        heading = line.lstrip("#").strip()
        if linked := _LINKED_LINE.fullmatch(heading):  # "# [Title](its own URL)": a theme that links its <h1>
            heading = linked.group(1)
        if fold(heading) == fold(title):
            return "\n".join(lines[number + 1 :]).lstrip("\n")
        fields += 1
        if fields > FIELDS_BEFORE_TITLE or not is_field_line(line):
            break
    return text


def _without_fields(
    text: str, page: Page, root: HtmlElement | None, meta: Metadata, authors: Sequence[Person], terms: Sequence[str]
) -> str:
    """The text without the title, byline and date lines it starts with, nor a field line the theme prints between
    the title and the post's body (header_fields.py), nor a date line it prints after that body."""
    text = without_leading_fields(text, meta.title, authors, meta.published, terms)
    return _without_trailing_date(without_header_field(text, page, root, meta.title), page, root, meta.published)


def _without_trailing_date(text: str, page: Page, root: HtmlElement | None, published: str | None) -> str:
    """The text without its last line where that is the post's date alone ("Written on March 4, 2023": Jekyll
    Now prints it under the post's `div.entry`) and the theme marks the post's body element (`root`, one of
    selectors.POST_BODIES), which does not print it: a date the post's own last sentence gives stays."""
    if root is None or not published:
        return text
    rest, _, last = text.rstrip().rpartition("\n")
    if not _date_alone(last, published[:10]) or root not in page.select(POST_BODY_SELECTOR):  # the select last:
        return text  # it walks the whole tree, and most texts end in no date
    if fold(MARKDOWN_LINK.sub(r"\1", last)) in fold(text_of(root)):
        return text
    return rest.rstrip()


def _date_alone(line: str, day: str, terms: Sequence[str] = ()) -> bool:
    """The line prints the date `day` and at most a few words besides ("Posted on", a weekday), no other number;
    the post's categories and tags (`terms`, each with its preposition: "in Essays") besides those."""
    line = MARKDOWN_LINK.sub(r"\1", line)
    if len(line) > MAX_DATE_LINE_CHARS + sum(map(len, terms)):
        return False
    rest = date_printed(line.lstrip("#*_ "), day)
    if rest is None or _DIGIT.search(rest):
        return False
    words = _WORD.findall(rest.casefold())
    named = [term_words for term in terms if (term_words := set(_WORD.findall(term.casefold()))) <= set(words)]
    others = [word for word in words if not any(word in term_words for term_words in named)]
    return len(others) <= MAX_DATE_LINE_WORDS + len(named)


def _extract_flattened(text: str, url: str, site: SiteFacts | None = None) -> Article:
    tree = parse_html(flatten(text))
    try:
        if tree is None:
            return Article(url=url, kind="other", kind_reason="no HTML to parse")
        article = _extract(Page(tree, url, text), site)
    except RecursionError as exc:
        raise ExtractionError(url, "the page is nested too deeply to parse") from exc
    if article.kind == "article":
        article.repairs.append(f"nested more than {MAX_DEPTH} levels deep: read with its deepest tags left out")
    return article


def _short_post(
    page: Page, body: Body, root: HtmlElement | None, meta: Metadata, platform: str | None
) -> tuple[Body, HtmlElement | None]:
    """A post with little text (or none, or only an image) is its post-body element's (the post content of the
    `platform` that rendered the page, WordPress's or Ghost's, or on any platform selectors.POST_BODIES), not what
    trafilatura takes from the whole page then (menus, the post's title and meta, a footer's blurb, a "Read more"
    card's excerpt). Off those platforms, or on one whose theme marks its post content with a class of its own,
    only where trafilatura's body is its fallback (_short_posts_fallback): on three of the 990 real pages a post-body
    class marks a byline, an empty microdata div or a gallery widget, and trafilatura found the post elsewhere."""
    if platform == "WordPress" and contentless_block_post(page):
        return Body("", ""), None
    if (document := xe_document(page)) is not None:  # the core's element, whatever the skin prints around it
        return _read_alone(page, document), document
    if (post := gnuboard_post(page)) is not None:  # attachments and text, not the skin's buttons and headings
        with detached(page.select(GNUBOARD_SKIN_PARTS, post)):
            return _read_alone(page, post), post
    content = post_content(page, PLATFORM_CONTENT.get(platform or "", POST_BODY_SELECTOR))
    marked = content is not None
    if content is None and (body.one_block or len(body.text) <= 3 * SHORT_POST_CHARS):
        content = _paragraphs_in(page, root)  # see _short_posts_fallback; also a platform's theme with a class
        # of its own for the post's content that PLATFORM_CONTENT does not know
    content_text = "" if content is None else _post_text(page, content)
    # a Ghost theme that prints the post without Ghost's content class (Liebling): trafilatura's fallback for a post
    # of a few lines is the whole <article> in one line, its tags, newsletter form, author box and "Recommended for
    # you" with it, however long the post is (then judged as any unmarked post's: _short_posts_fallback)
    flattened = platform == "Ghost" and not marked and body.one_block
    if (
        content is None
        or not flattened
        and len(body.text) >= SHORT_POST_CHARS
        and len(content_text) >= SHORT_POST_CHARS
    ):
        return body, root
    if not (platform and marked) and not (
        _short_posts_fallback(body, content_text, marked)
        or not marked
        and _headed(page, body, content, meta)
        or _in_chrome_only(page, body, content)
        or _page_wide(page, body, content_text)
    ):
        return body, root
    return _read_alone(page, content), content


def _read_alone(page: Page, content: HtmlElement) -> Body:
    """The post's content element read as a page of its own, without the chrome inside it."""
    with detached(_chrome_inside(page, content)):  # as _post_text() measured it: Twenty Sixteen's author box
        alone = content_alone(content, page.url)  # inside the post's content was the text of an empty post
    return extract_body(alone, alone.tree.find("body"), alone=True, lines_of=page)


def _ghost_preview(page: Page, body: Body, root: HtmlElement | None) -> tuple[Body, HtmlElement | None]:
    """A Ghost members-only post's text: the preview the writer put before the paywall, its post content read
    without Ghost's or the theme's notice for subscribers, or nothing where there is none — not trafilatura's
    reading of the whole page (Source's "Read more" cards' excerpts around a line of preview; Dawn's notice, "This
    post is for paying subscribers only", for the text). On a theme without Ghost's content class (Liebling) the
    post's content is where `{{content}}` printed the notice, its parent, and what follows the notice there is the
    theme's (Liebling's list of the post's tags), since `{{content}}` ends with it."""
    notices = upgrade_notices(page)
    content = post_content(page, GHOST_CONTENT)
    if content is None and notices:
        content = notices[0].getparent()
    if content is None:
        return body, root
    with detached([*notices, *(notices[-1].itersiblings() if notices else ())]):
        return _read_alone(page, content), content


def _with_its_structure(page: Page, body: Body, root: HtmlElement | None) -> Body:
    """The post read alone from its container when trafilatura kept its paragraphs and lost its structure: its
    fallback for a page whose post it cannot delimit is the page's paragraphs (Jekyll's "minimal" theme, a GitHub
    Pages default: the post a bare <section> beside a <header> of the site's tagline) — every heading and list of
    the post lost, the tagline and byline kept. Where the container (`root`, content.find_content_root) holds
    STRUCTURE_LOST headings, list items, code blocks or tables or more — one, where trafilatura's text holds a line
    printed above the container and not in it (the tagline): a post whose structure is one subheading, one code
    block or one table —, none of them a line of trafilatura's text, or a subheading lost between two paragraphs
    trafilatura kept (_lost_subheading), and each of its paragraphs in it, the container is the post: read alone,
    unless that loses a paragraph or more than MAX_DROPPED_LINES short lines of what trafilatura read (a larger post
    around a small container). The paragraphs of the chrome in the container (its comments, a comment form's help
    lines, the theme's "tags:" line) are not weighed, and the chrome is not read. A lone heading with no such line
    stays as trafilatura read it: a comments section's heading ("Comments", "Lesermeinungen") closing a news site's
    post container, which trafilatura drops."""
    if root is None or not body.text:
        return body
    lines, text = {fold(line) for line in body.text.splitlines()}, fold(body.text)
    blocks = [block for e in _STRUCTURE(root) if (block := fold(text_of(e)))]
    # a code block of several lines that is one line of trafilatura's text: folded into a paragraph by its
    # fallback for a text it finds too short (its main extraction keeps a <pre>'s lines) — lost, not kept, and the
    # fallback's mark (Lektor's quickstart blog: a short post of a sentence, a code block and a sentence)
    folded_code = any(
        len([line for line in "".join(pre.itertext()).splitlines() if line.strip()]) > 1 and fold(text_of(pre)) in lines
        for pre in root.iter("pre")
    )
    chrome = _chrome_inside(page, root)
    with detached(chrome):
        paragraphs = [words for e in root.iter("p") if (words := text_of(e))]
        lost_subheading = _lost_subheading(root, lines, text)
    if (
        not lost_subheading
        and not folded_code
        and (
            _STRUCTURE_LINE.search(body.markdown)  # trafilatura kept a heading or a list item: its reading stands
            or not blocks
            or not lines.isdisjoint(blocks)
        )
    ):
        return body
    # but a few field lines (a byline in a <p>, "written by Jane Roe on 2024-01-15", which the text leaves out)
    if len(fields := [words for words in paragraphs if is_field_line(words)]) <= MAX_DROPPED_LINES:
        paragraphs = [words for words in paragraphs if words not in fields]
    paragraphs = [fold(words) for words in paragraphs]
    if not paragraphs or not all(p in text for p in paragraphs):
        return body
    if not (lost_subheading or folded_code) and len(blocks) < STRUCTURE_LOST and not _from_above(lines, root):
        return body  # one structure block, and no line of trafilatura's reading from above the container
    with detached(chrome):
        alone = content_alone(root, page.url)
    read = extract_body(alone, alone.tree.find("body"), alone=True, lines_of=page)
    kept = fold(read.text)
    dropped = [line for line in lines if line and line not in kept]  # the site's tagline, a byline — or a post
    if len(dropped) > MAX_DROPPED_LINES or sum(map(len, dropped)) > MAX_DROPPED_CHARS:
        return body  # more than a few short lines of what trafilatura read
    return read if all(p in kept for p in paragraphs) else body  # never a paragraph less


def _lost_subheading(root: HtmlElement, lines: set[str], text: str) -> bool:
    """A subheading of the container that is no line of trafilatura's text (folded: `lines`, `text`) though it
    stands between paragraphs trafilatura kept: a <p> right before it, and after it a <p>, or a list and then one.
    A post printed with no element of its own around it, its paragraphs, headings and lists siblings in the page's
    column beside the byline, the share links and the comments (Mezzanine's post page: the post's content in
    `<div class="col-md-7 middle">`), is read by trafilatura's precision as paragraphs among chrome: it keeps them
    and drops every heading between them. (A heading over a gallery or a widget is none of these.)"""
    for heading in _SUBHEADINGS(root):
        before, following = heading.getprevious(), heading.getnext()
        if before is None or before.tag != "p" or following is None or following.tag not in ("p", "ul", "ol"):
            continue
        after = following if following.tag == "p" else following.getnext()
        if after is None or after.tag != "p" or not (title := fold(text_of(heading))):
            continue
        if title not in lines and all((words := fold(text_of(p))) and words in text for p in (before, after)):
            return True
    return False


def _from_above(lines: set[str], root: HtmlElement) -> bool:
    """Whether one of trafilatura's `lines` (folded) is printed above the post's container `root` and not in it:
    the site's tagline in the page's header, which trafilatura's fallback to the page's paragraphs keeps."""
    inside, above = fold(text_of(root)), fold("".join(_TEXT_BEFORE(root)))
    return any(line and line not in inside and line in above for line in lines)


def _post_text(page: Page, element: HtmlElement) -> str:
    """The post-body element's text as trafilatura's text has it: without its code blocks' line numbers (a
    highlighter's gutter — Hugo's `lineNos` table, rouge's — put a number between the post's words) and without
    the chrome plugins put inside it (a table of contents, related posts: on a short post they made the element
    look long, and trafilatura's one-line fallback of the whole <article> was kept)."""
    with detached([*compiled((LINE_NUMBERS,))(element), *_chrome_inside(page, element)]):
        return text_of(element)


def _chrome_inside(page: Page, element: HtmlElement) -> list[HtmlElement]:
    """The page's chrome inside the post-body element: what a theme or a plugin prints there that is no part of
    the post (an author box, a table of contents, related posts)."""
    chrome = page.chrome
    return [e for e in element.iterdescendants() if e in chrome] if chrome else []


def _paragraphs_in(page: Page, root: HtmlElement | None) -> HtmlElement | None:
    """On a theme that marks no post-body element (utility classes only: Hugo's Ananke), the element holding the
    most paragraph text in the post's container, outside its chrome."""
    return None if root is None or page.in_chrome(root) else densest_parent(page, within=root)


def _short_posts_fallback(body: Body, content: str, marked: bool) -> bool:
    """Whether trafilatura's `body` is its fallback for a short post rather than a post it found elsewhere on the
    page. With a post-body class (`marked`): a body under 250 characters, or one that holds all of the element's
    text and at most twice as much again (the title, byline, date and tags around it); elsewhere a class may mark
    a byline or an empty gallery widget. Without one (the element with the most paragraph text), only that and in
    one block — the fallback reads the whole <article> into one line, or the page's every line into one block —
    since such an element may leave out a post's lead (but see _headed)."""
    text, post = body.text, fold(content)
    around = bool(post) and post in fold(text) and len(text) <= 3 * max(len(content), SHORT_POST_CHARS)
    if not marked:
        return around and body.one_block
    return len(text) < SHORT_POST_CHARS or around


def _page_wide(page: Page, body: Body, content: str) -> bool:
    """trafilatura's `body` is its fallback of the whole page: it holds the post-body element's text (`content`)
    and MIN_CHROME_LINES lines or more that stand in the page's chrome (menus, sidebars, widgets) — Hexo's
    Butterfly around a one-line post: its sidebar's counts, menus twice, post meta and the neighbouring posts'
    teasers; ABlog's one-sentence post on Sphinx, its post-body element no class marks: the theme's menus and
    ABlog's sidebar. A post trafilatura found outside an element a class marks as the post's body (a byline so
    marked) has no such lines."""
    post, text = fold(content), fold(body.text)
    if not post or post not in text:
        return False
    chrome = fold(" ".join(page.text_in(region) for region in page.chrome))
    lines = {line for line in map(fold, body.text.splitlines()) if line and line not in post}
    return sum(line in chrome for line in lines) >= MIN_CHROME_LINES


def _headed(page: Page, body: Body, content: HtmlElement, meta: Metadata) -> bool:
    """Whether trafilatura's `body` is its fallback for a short post whose post-body element no class marks (the
    element with the most paragraph text, `content`): it holds that element's paragraphs, and each of its other
    lines is printed in the element, is the post's date alone, or is printed before the post's title — the site's
    tagline and blurb in a header or a sidebar (Jekyll's Poole themes, Mediumish). A lead standing between the
    title and the paragraphs is none of these: such a body stays as it is."""
    paragraphs = [fold(text_of(p)) for p in content.iterchildren("p")]  # subheadings may stand between them
    text = body.text
    if not any(paragraphs) or len(text) > 3 * SHORT_POST_CHARS or not all(p in fold(text) for p in paragraphs):
        return False
    post, head, day = fold(text_of(content)), _page_head(page, meta.title), (meta.published or "")[:10]
    return bool(head) and all(
        (line := fold(x)) in post or line in head or day and _date_alone(x, day) for x in text.splitlines()
    )


def _in_chrome_only(page: Page, body: Body, content: HtmlElement) -> bool:
    """trafilatura's short `body` stands in the page's chrome and not in the post's element (`content`): beside a
    one-line post it took a related post's teaser (Chirpy's `aside#related-posts`) for the post. A longer one is
    the post, wherever a theme put it (in a text widget)."""
    text = fold(body.text)
    if not text or len(body.text) >= SHORT_POST_CHARS or text in fold(text_of(content)):
        return False
    holding = {content, *content.iterancestors()}  # a region around the post is not outside it
    return any(text in fold(page.text_in(region)) for region in page.chrome - holding)


def _page_head(page: Page, title: str | None) -> str:
    """The page's text before the first heading that prints the post's `title` (folded), or "" without one."""
    wanted = fold(title or "")
    if not wanted:
        return ""
    for heading in _HEADINGS(page.tree):
        if fold(text_of(heading)) == wanted:
            return fold("".join(_TEXT_BEFORE(heading)))
    return ""


def _best_of_three(page: Page, jsonld: list[dict[str, Any]]) -> bool:
    """Whether the body mode (selection.py) wants the best of three extractions of this page."""
    chosen = mode()
    return chosen == BEST_OF_THREE or chosen == AUTO and template_markup(page, jsonld) is None


def _platform(page: Page, jsonld: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The platform whose body classes name the page's kind, and that kind: WordPress's, else Ghost's (its members-only
    notice makes a post page a protected post), else Dotclear's, else Typecho's og:type and reply box
    (crawler/extraction/typecho.py), else Z-BlogPHP's view type (crawler/extraction/zblog.py), else Serendipity's
    robots meta for a view listing entries (crawler/extraction/serendipity.py), else Bear Blog's,
    else Blogger's address for a page that is no post (crawler/extraction/blogger.py); else Substack's paywall, which
    makes its post page a protected post (crawler/extraction/substack.py), else Medium's member-only story
    (crawler/extraction/medium.py); else the post or page @sugarat/theme's page data in a VitePress page says it
    is (crawler/extraction/vitepress.py)."""
    if kind := wordpress_kind(page):
        return "WordPress", kind
    if kind := ghost_kind(page):
        return "Ghost", kind
    if kind := dotclear_kind(page):
        return "Dotclear", kind
    if kind := typecho_kind(page):
        return "Typecho", kind
    if kind := zblog_kind(page):
        return "Z-BlogPHP", kind
    if kind := serendipity_kind(page):
        return "Serendipity", kind
    if kind := bear_kind(page):
        return "Bear Blog", kind
    if kind := blogger_kind(page):
        return "Blogger", kind
    if kind := substack_kind(page):
        return "Substack", kind
    if kind := medium_kind(page, jsonld):
        return "Medium", kind
    if kind := sugarat_kind(page):
        return "@sugarat/theme", kind
    return None, None


def _extract(page: Page, site: SiteFacts | None = None) -> Article:
    jsonld = jsonld_objects(page.tree)
    root = first_root = find_content_root(page)
    # og:type article alone marks no post: templates print it on every page (a landing page's one section of many
    # was its densest paragraphs and held trafilatura's short first reading) — unless the post's container stands
    # right under the page's headline (content.headed_by_headline): a news article marked only so, whose second
    # reading added the comment rules, the reprint notice and the other stories' teasers
    markup = page_post_markup(page, jsonld)
    marked = markup not in (None, WEAKEST_POST_MARKUP) or (
        markup == WEAKEST_POST_MARKUP and root is not None and headed_by_headline(root)
    )
    body = first_body = extract_body(page, root, alternatives=_best_of_three(page, jsonld), post_marked=marked)
    language = post_language(page, body.text)
    meta = extract_metadata(page, jsonld, language, root)
    evidence = None
    platform, platform_kind = _platform(page, jsonld)
    if platform_kind is None and (platform_kind := encrypted_kind(page, root)) is not None:
        platform = ENCRYPTED
    if platform_kind is not None:  # WordPress or Ghost says what the page is: nothing to weigh
        kind, reason = platform_kind, f"{platform}'s body classes mark it as {platform_kind}"
        if platform == "Blogger":
            reason = f"Blogger's address marks it as {platform_kind}"
        if platform == "Typecho":
            reason = f"Typecho's og:type or the id of its reply box marks it as {platform_kind}"
        if platform == "Serendipity":
            reason = f"Serendipity's robots meta (noindex: a view of entries) marks it as {platform_kind}"
        if platform == "@sugarat/theme":
            reason = f"@sugarat/theme's page data in VitePress's site data lists it as {platform_kind}"
        if kind == "untranslated":
            reason = "a post not written in the page's language: its translation plugin's notice stands in its place"
        if kind == "protected":
            reason = "a password-protected post: WordPress shows its password form, not its text"
            if platform == "Substack":
                reason = "a paid subscribers' post: Substack shows its paywall after the free part, not the post"
            if platform == "Medium":
                reason = "a member-only story: Medium shows a reader who is no member its preview, not the story"
            if platform == "Ghost":
                reason = "a members-only post: Ghost shows its notice for subscribers, not the post"
            if platform == ENCRYPTED:
                reason = "an encrypted post: the page shows a password field where its text would be, not the post"
    else:
        evidence = page_evidence(page, jsonld, body.text, meta.published)
        kind, reason = decide(evidence, site)
    rescued = False
    if platform_kind is None and kind == "listing" and post_content(page, POST_BODY_SELECTOR) is not None:
        # trafilatura's fallback for a one-sentence post is the whole page, the neighbouring posts' teasers in it
        # (Hexo's Keep): the page is judged again by the post its one post-body element holds (an element a theme
        # marks so — not the densest paragraphs of a page no class marks, a demo page's embed caption)
        short_body, short_root = _short_post(page, body, root, meta, platform)
        retried = page_evidence(page, jsonld, short_body.text, meta.published) if short_body is not body else None
        if retried is not None and (again := decide(retried, site))[0] in ("article", "other"):
            evidence, (kind, reason), body, root, rescued = retried, again, short_body, short_root, True
    if platform_kind == "article" or platform_kind is None and kind in ("article", "other"):
        if not rescued:
            body, root = _short_post(page, body, root, meta, platform)
        body = _with_its_structure(page, body, root)
    elif platform == "Ghost" and kind == "protected":
        body, root = _ghost_preview(page, body, root)
    if platform_kind is None and kind == "article" and not body.text.strip() and not meta.title:
        # Nothing of a post: no title, and no text in its post-body element read alone — a picture, Minimal
        # Mistakes' untitled About page, whose `single` layout marks every page up as an h-entry. It is judged by
        # that text, not by the menus and footer trafilatura read first: one of the site's pages, unless a feed
        # lists it as a post.
        evidence = page_evidence(page, jsonld, body.text, meta.published)
        kind, reason = decide(evidence, site)
    if body is not first_body and (final := post_language(page, body.text)) != language:
        # The post's language is its final body's: the first extraction of a short post is the whole page's text,
        # menus and all (a one-paragraph Hangul post read as English on an English-declared Eleventy site), and
        # numeric dates are read in that language's order (metadata.py).
        language, meta = final, extract_metadata(page, jsonld, final, first_root)
    # A page that is not a listing may still be a post by what the crawl learns of its site (pagekind.decide()
    # with SiteFacts), after extraction: everything a post keeps is found on it too. (A listing by its markup that
    # the site's feeds make a post is one here, when the crawl knew it: `site`.)
    is_article = kind in ("article", "other")
    boxes = find_author_boxes(page, jsonld, meta.authors, root, body.text) if is_article else []
    if is_article and not boxes and platform == "@sugarat/theme":
        boxes = sugarat_author_boxes(page)  # the theme's authorList: no box on the page, its bio in a link's title
    # A post whose byline the page does not mark up but whose author box names someone is by that person.
    authors = meta.authors or listed_authors(page, boxes)
    boxes = its_first_author(boxes)
    authors, boxes = with_their_pages(authors, boxes, page.base)
    if kind == "author":  # an author page is a listing; the person it is about goes to the archive's authors
        boxes = [person] if (person := author_page_person(page, jsonld)) is not None else []
    holder = body_holder(page, body.text, root) if is_article else root
    images = placed_images(page, root, holder) if is_article else []
    names = {person.name for person in authors}
    kept = [(img, image) for img, image in images if name_beside(img) not in names]  # not a byline's avatar
    images = [(img, replace(image, position=n)) for n, (img, image) in enumerate(kept, 1)]
    terms = [*meta.categories, *meta.tags]
    return Article.of(
        replace(meta, authors=authors),
        url=page.url,
        platform_id=platform_id(page),
        author=", ".join(p.name for p in authors) or None,
        language=language,
        text=(text := _without_fields(body.text, page, root, meta, authors, terms)),
        markdown=with_images(
            one_line_headings(_without_fields(body.markdown, page, root, meta, authors, terms)),
            enclosing(root, holder),
            images,
        ),
        word_count=len(text.split()),
        author_box=boxes[0] if boxes else None,
        author_boxes=boxes,
        images=[image for _, image in images],
        comments=find_comments(page) if is_article else [],
        kind=kind,
        kind_reason=reason,
        evidence=evidence,
    )
