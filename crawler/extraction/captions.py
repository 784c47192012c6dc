"""Captions in the post's text: figure captions read as paragraphs for the time of trafilatura's run.

trafilatura drops every `<figure>` whole (its cleaning list), and with it the captions of the post's pictures, of a
gallery (WordPress's gallery block: a caption per picture and one for the gallery) and of WordPress's `[caption]`
shortcode, which HTML5 themes render as `<figure class="wp-caption">`. Themes without HTML5 caption support (Twenty
Ten, and any classic theme that does not declare it) render the shortcode as `<div class="wp-caption">` with the
caption in `<p class="wp-caption-text">`, which trafilatura discards by its class; so does docutils' HTML writer
(Pelican's reST posts) with a figure, `<div class="figure">` and its caption in `<p class="caption">`. Without HTML5
galleries WordPress's `[gallery]` shortcode is a `<dl class="gallery-item">` per picture, its caption a `<dd
class="gallery-caption">`, which trafilatura reads as a list's item where it keeps the gallery at all. A caption is
a sentence of the post, so each is moved out, as a plain `<p>` (trafilatura also discards elements whose class names
a caption), to just after its outermost figure (or WordPress's or docutils' caption `<div>`, or the gallery's
`<dl>`), and put back afterwards; its permalink anchor (Sphinx's "#") and Sphinx's and Squarespace's classes for its
words are left out meanwhile.

ikiwiki's img directive lays a captioned picture out in a table (`<table class="img"><caption>…</caption><tr><td>
<a><img></a></td></tr></table>`), and so does Blogger's editor (`<table class="tr-caption-container"><tr><td><a>
<img></a></td></tr><tr><td class="tr-caption">…</td></tr></table>`). Read as a table, the post's text had a row for
the picture ("|  |") and one for Blogger's caption ("| caption |"); such a table is a figure for the time of the
block, its caption the figure's caption. Blogger's body is <div>s and <br>s, rarely <p>s, and its picture table
stands inside a <div> whose text goes on around it: that text, up to the next block on either side, is a <div> of
its own meanwhile (as a figure's tail it would be the tail of the caption's paragraph, one paragraph with the next in
the Markdown).

A data table's own `<caption>` (the classic editor's tables) is a paragraph before its table meanwhile: trafilatura
made it the table's first row, a header of one cell above the table's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from lxml import etree

from crawler.extraction.images import permalink_anchors
from crawler.extraction.page import (
    PHRASING,
    TABLE_PARTS,
    HtmlElement,
    Page,
    detached,
    moved_as_paragraphs,
    renamed,
    text_of,
    union_of,
)

# not a code block's title (a file name): Hexo's `figure.highlight`, Expressive Code's `figure.frame` hold a <pre>;
# but Ghost's code card's caption is the writer's words under the code, as under a picture (`figure.kg-code-card`)
# Each kind of figure caption: its XPath, and the class names an element must carry for it to match (a kind whose
# classes the page never uses is not looked for: page.union_of)
_FIGURE_CAPTIONS = (
    (
        "//figure//figcaption[normalize-space()]"
        "[not(ancestor::figure[.//pre][not(contains(concat(' ', normalize-space(@class), ' '), ' kg-code-card '))])]",
        (),
    ),
    # WordPress's [caption] without HTML5 support: <div class="wp-caption"><img><p class="wp-caption-text">
    (
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption ')][not(self::figure)]"
        "/*[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')][normalize-space()]"
        "[not(ancestor::figure)]",
        ("wp-caption", "wp-caption-text"),
    ),
    # and its [gallery] without HTML5 support: <dl class="gallery-item"><dt><img><dd class="gallery-caption">, which
    # trafilatura reads as a list item, if it keeps the gallery at all
    (
        "//dl[contains(concat(' ', normalize-space(@class), ' '), ' gallery-item ')]"
        "/dd[contains(concat(' ', normalize-space(@class), ' '), ' gallery-caption ')][normalize-space()]"
        "[not(ancestor::figure)]",
        ("gallery-item", "gallery-caption"),
    ),
    # docutils' HTML writer (html4css1: Pelican's reST posts, Sphinx's HTML 4 builder): a `figure` directive is
    # <div class="figure"><img><p class="caption">…</p></div>, which trafilatura drops by the caption's class
    (
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' figure ')]"
        "/p[contains(concat(' ', normalize-space(@class), ' '), ' caption ')][normalize-space()]"
        "[not(ancestor::figure)]",
        ("figure", "caption"),
    ),
    # Naver Blog's SmartEditor ONE: an image component's section, its caption a text module div.se-caption
    (
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' se-section-image ')]"
        "/*[contains(concat(' ', normalize-space(@class), ' '), ' se-caption ')][normalize-space()]"
        "[not(ancestor::figure)]",
        ("se-section-image", "se-caption"),
    ),
    # Kakao Brunch's editor: an image item's div.wrap_img_float, the picture and its caption span.text_caption
    (
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' wrap_img_float ')]"
        "/*[contains(concat(' ', normalize-space(@class), ' '), ' text_caption ')][normalize-space()]"
        "[not(ancestor::figure)]",
        ("wrap_img_float", "text_caption"),
    ),
    # Squarespace 7.0's gallery block (its grid design): a div.slide per picture in div.sqs-gallery, its
    # title a div.image-slide-title after the picture's link
    (
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' sqs-block-gallery ')]"
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' slide ')]"
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' image-slide-title ')][normalize-space()]"
        "[not(ancestor::figure)]",
        ("sqs-block-gallery", "slide", "image-slide-title"),
    ),
)
# Sphinx's caption's own words (`<span class="caption-number">Fig. 1 </span><span class="caption-text">…</span>`),
# and Squarespace's image block's (`<figcaption class="image-caption-wrapper"><div class="image-caption"><p>…`),
# which trafilatura would discard by their class. Not every element a caption class names: news sites mark a photo
# credit so, and trafilatura drops it.
_CAPTION_CLASS = etree.XPath(
    "contains(concat(' ', @class, ' '), ' caption-text ') or contains(concat(' ', @class, ' '), ' caption-number ')"
    " or contains(concat(' ', @class, ' '), ' image-caption ')"
)


# A caption that is only the picture's credit — a credit label and a name or agency ("Foto: Jane Roe", "(Photo:
# AP)", "Bild: Werk/Name", "Crédits photos : Agence", "사진: 홍길동", "© Jane Roe", "Photo by Jane Roe on Unsplash")
# — is the picture's attribution, kept as its caption in the images, not a line of the post: it is left in its
# figure, which trafilatura drops. A caption that goes on to say something is the post's, credit and all.
_CREDIT_LABEL = (
    r"(?:fotos?|bild(?:er)?|photos?|photograph|image|picture|credits?|cr[ée]dits?(?: photos?)?|cr[ée]ditos?"
    r"|fuente|fonte|quelle|source|kuva|zdj[eę]cie|fot\.|사진|출처|copyright)"
)
_CREDIT_ONLY = re.compile(
    rf"^\(?(?:{_CREDIT_LABEL}\s*[:：]|©|\(c\)|(?:photo|image|picture|foto|bild) (?:by|von|courtesy of)\b)"
    # a dot inside a word (an agency's domain) or after an initial, and one at the end: no sentence ends in it
    r"(?:[^.!?:;]|\.(?=\S)|(?<=\b\w)\.(?=\s)){1,80}\.?\)?$",
    re.IGNORECASE,
)
MAX_CREDIT_WORDS = 8


def is_photo_credit(caption: str) -> bool:
    """Whether a caption's words are only a credit (_CREDIT_ONLY): a label and a few words, no sentence."""
    return len(caption.split()) <= MAX_CREDIT_WORDS and bool(_CREDIT_ONLY.match(caption))


# A picture's layout table and its caption (ikiwiki's img directive; Blogger's captioned image, its caption the
# cell below the picture's); a table of several pictures or of anything else is none
_PICTURE_TABLES = etree.XPath(
    "//table[contains(concat(' ', normalize-space(@class), ' '), ' img ')][caption]"
    " | //table[contains(concat(' ', normalize-space(@class), ' '), ' tr-caption-container ')]"
    "[.//td[contains(concat(' ', normalize-space(@class), ' '), ' tr-caption ')][normalize-space()]]"
)
_PICTURE_TABLE_CAPTIONS = etree.XPath(
    "caption | .//td[contains(concat(' ', normalize-space(@class), ' '), ' tr-caption ')]"
)
# A data table's own caption (HTML's <caption>, as the classic editor's and TinyMCE's tables have it; WordPress's
# table block captions in a <figcaption> after the table instead): trafilatura reads it as a first row, a header of
# one cell, which breaks the Markdown table
_TABLE_CAPTIONS = etree.XPath("//table/caption[normalize-space()]")
# what trafilatura drops by its name when it keeps no images (its DISCARD_IMAGE_ELEMENTS), its text with it
_CAPTION_NAMED = etree.XPath(
    "(self::div or self::section or self::span or self::p)"
    " and (contains(@id, 'caption') or contains(@class, 'caption'))"
)


@contextmanager
def captions_as_paragraphs(page: Page) -> Iterator[None]:
    """The page's figure captions (outside chrome) as paragraphs after their outermost figure, for the block; a
    captioned picture's layout table is a figure meanwhile."""
    with _picture_tables_as_figures(page), _figure_captions_as_paragraphs(page), _table_captions_as_paragraphs(page):
        yield


def _credits_in(caption: HtmlElement) -> list[HtmlElement]:
    """The elements of a caption that are its picture's credit alone (is_photo_credit), after words of its own and
    with nothing after them: the caption's last child element, its tail blank."""
    children = [child for child in caption if isinstance(child.tag, str)]
    last = children[-1] if children else None
    if last is None or (last.tail or "").strip() or not is_photo_credit(text_of(last)):
        return []
    return [last] if text_of(caption) != text_of(last) else []


def _table_captions_as_paragraphs(page: Page) -> AbstractContextManager[None]:
    """Each data table's <caption> (_TABLE_CAPTIONS; a picture table's is a figcaption by now) as a paragraph before
    its table, where a browser shows it, for the time of the block."""
    captions = [
        c for c in _TABLE_CAPTIONS(page.tree) if not page.in_chrome(c) and c.getparent().getparent() is not None
    ]
    return moved_as_paragraphs([(caption, caption.getparent().addprevious) for caption in captions])


@contextmanager
def _picture_tables_as_figures(page: Page) -> Iterator[None]:
    """A captioned picture's layout table (_PICTURE_TABLES) as a <figure> with its <figcaption>, its rows and cells
    <div>s, and the text beside it in its parent (_run) a <div>, for the time of the block."""
    parts: list[tuple[HtmlElement, str]] = []
    beside: list[HtmlElement] = []  # the tables whose neighbouring text is wrapped
    for table in _PICTURE_TABLES(page.tree):
        inner = [e for e in table.iter(*TABLE_PARTS) if e is not table]
        if len(list(table.iter("img"))) != 1 or any(e.tag == "table" for e in inner):
            continue
        captions = _PICTURE_TABLE_CAPTIONS(table)
        parts.append((table, "figure"))
        parts.extend((e, "figcaption" if e in captions else "div") for e in inner)
        if table.getparent().tag != "p":
            beside.append(table)
    with renamed(parts):
        runs = (run for table in beside for run in (_run(table, after=False), _run(table, after=True)))
        wrapped = [run for run in runs if run is not None]
        try:
            yield
        finally:
            for block in reversed(wrapped):
                _unwrap(block)


def _run(table: HtmlElement, after: bool) -> HtmlElement | None:
    """The text that follows (`after`) or precedes a picture table in its parent, up to the next block, wrapped in a
    <div> (returned); None where there is none. Blogger's text beside its picture table is the rest of a <div>:
    trafilatura would leave the text after it as the tail of the caption's paragraph, and run the text before it
    into the caption, one paragraph in the Markdown. A <div>, not a <p>: trafilatura reads a post's <div>s as its
    paragraphs only while its <p>s hold little text, and Blogger's posts are <div>s."""
    run: list[HtmlElement] = []
    for sibling in table.itersiblings(preceding=not after):
        if not isinstance(sibling.tag, str) or sibling.tag not in PHRASING:
            break
        run.append(sibling)
    if not after:
        run.reverse()
    previous = table if after else (run[0] if run else table).getprevious()
    parent = table.getparent()
    text = parent.text if previous is None else previous.tail
    if not (text or "").strip() and not any(e.text_content().strip() or e.tag == "img" for e in run):
        return None
    block = parent.makeelement("div", {})
    block.text = text
    if previous is None:
        parent.text = None
    else:
        previous.tail = None
    if after:
        table.addnext(block)
    else:
        (run[0] if run else table).addprevious(block)
    for element in run:
        block.append(element)  # with its tail
    return block


def _unwrap(block: HtmlElement) -> None:
    """What _run wrapped, back in its parent as it was."""
    previous, parent = block.getprevious(), block.getparent()
    if block.text is not None and previous is None:
        parent.text = (parent.text or "") + block.text
    elif block.text is not None:
        previous.tail = (previous.tail or "") + block.text
    for element in list(block):
        block.addprevious(element)
    parent.remove(block)  # its tail (none: the run ended at a block or at the parent's end) too


def _naver_component(caption: HtmlElement) -> list[HtmlElement]:
    """SmartEditor ONE's image component (div.se-component) around the image section that holds `caption`, or
    none."""
    section = caption.getparent()
    if "se-section-image" not in (section.get("class") or "").split():
        return []
    return [e for e in section.iterancestors() if "se-component" in (e.get("class") or "").split()][:1]


def _squarespace_gallery(caption: HtmlElement) -> list[HtmlElement]:
    """Squarespace 7.0's gallery block around a slide's title `caption`, or none: trafilatura drops the gallery's
    slides, and its titles are lines after the gallery, in the order of its pictures."""
    if "image-slide-title" not in (caption.get("class") or "").split():
        return []
    return [e for e in caption.iterancestors() if "sqs-block-gallery" in (e.get("class") or "").split()][:1]


def _caption_named_wrapper(figure: HtmlElement) -> HtmlElement:
    """The outermost element around the figure that holds nothing else and that trafilatura drops by its class or id
    naming a caption (a <div>, <section>, <span> or <p>: Substack's div.captioned-image-container around every
    captioned picture), else the figure: a caption put after the figure inside it would be dropped with it."""
    outer, text = figure, text_of(figure)
    for ancestor in figure.iterancestors():
        if text_of(ancestor) != text:
            break
        if _CAPTION_NAMED(ancestor):
            outer = ancestor
    return outer


def _paragraph_ended_by(figure: HtmlElement) -> HtmlElement:
    """The <p> that a <figure> ends, where lxml's parser left the figure inside it, else the figure. WordPress's
    wpautop() wraps a `[caption]` on the line after a line of text in that line's paragraph (`text<br>
    <figure class="wp-caption">…</figure></p>`); a browser ends the paragraph at the <figure>, but lxml keeps the
    figure in it, and a caption put after the figure was the end of the paragraph's line. Only where nothing follows
    the figure in the paragraph: text after it would come after the caption."""
    parent = figure.getparent()
    if figure.tag != "figure" or parent is None or parent.tag != "p":
        return figure
    return parent if figure.getnext() is None and not (figure.tail or "").strip() else figure


@contextmanager
def _figure_captions_as_paragraphs(page: Page) -> Iterator[None]:
    moved: list[tuple[HtmlElement, HtmlElement, int, str | None, HtmlElement, dict[str, str], str]] = []
    for caption in union_of(page, _FIGURE_CAPTIONS):
        if page.in_chrome(caption) or is_photo_credit(text_of(caption)):
            continue
        # or WordPress's caption <div>, or SmartEditor ONE's image component around its section: the picture in
        # its image link (a.se-module-image-link) leaves the section and the component's content a block of one
        # empty link, which trafilatura drops whole with whatever else it holds
        figure = (
            [*caption.iterancestors("figure")]
            or _naver_component(caption)
            or _squarespace_gallery(caption)
            or [caption.getparent()]
        )[-1]
        figure = _paragraph_ended_by(_caption_named_wrapper(figure))
        parent, tail = caption.getparent(), caption.tail
        moved.append((caption, parent, parent.index(caption), tail, figure, dict(caption.attrib), caption.tag))
    last: dict[HtmlElement, HtmlElement] = {}  # figure → the caption last put after it: the next goes after that
    for caption, parent, _, _, figure, _, _ in moved:
        parent.remove(caption)  # lxml moves the tail with the element
        caption.tag, caption.tail = "p", None
        caption.attrib.clear()
        before = last.get(figure, figure)
        before.addnext(caption)
        before.tail, caption.tail = None, before.tail  # the figure's tail stays after what follows it
        last[figure] = caption
    # the classes inside a caption that name its words (_CAPTION_CLASS) are left out meanwhile too
    named = [(e, e.attrib.pop("class")) for c, *_ in moved for e in c.iterdescendants() if _CAPTION_CLASS(e)]
    try:
        # a caption's permalink anchor would make trafilatura take the caption for a link; a credit in an element
        # of its own after the caption's words ("… Berlin. <span>Kuva: Jane Roe</span>") is the picture's, as a
        # caption of a credit alone is
        anchors = [anchor for caption, *_ in moved for anchor in permalink_anchors(caption)]
        with detached([*anchors, *(credit for caption, *_ in moved for credit in _credits_in(caption))]):
            yield
    finally:
        for element, names in named:
            element.set("class", names)
        for caption, parent, index, tail, _, attributes, tag in reversed(moved):
            previous = caption.getprevious()
            previous.tail = caption.tail
            caption.getparent().remove(caption)
            caption.tag, caption.tail = tag, tail
            caption.attrib.update(attributes)
            parent.insert(index, caption)
