"""Code blocks, math, embeds and footnote marks, rewritten for the time of trafilatura's run into the plain forms it
keeps.

trafilatura drops every `<figure>` (Jekyll's rouge prints its highlighted code as `<figure class="highlight">`),
every `<script>` (kramdown's `<script type="math/tex">`, a GitHub gist's embed) and `<iframe>` (a video), reads
a highlighter's line-number table (rouge, chroma, Pygments) as a data table, and loses code whose `<pre>` holds
anchors per line (MkDocs Material). So, before it reads the page:

- each code block — rouge's `figure.highlight`, kramdown's and chroma's `div.highlight`, Pygments'
  `div.codehilite`, WordPress's Code Block Pro and FV Code Highlighter (a table of a `<pre>` per line), a bare
  `<pre>` (highlight.js, Prism) — becomes `<pre><code>` holding its code alone (line numbers, copy buttons and
  language badges out), numbered, so the Markdown can fence it with the language its markup names (`language-x`,
  `data-lang`, Shiki's `data-language` in Astro, SyntaxHighlighter Evolved's `brush: x`, Enlighter's
  `data-enlighter-language`);
- MathJax's `<script type="math/tex">` becomes its TeX source between `\\(`…`\\)` (`\\[`…`\\]` for display math);
- an embedded video or map (`<iframe src>` whose address names a player or an embed), a gist
  (`<script src=gist.github.com/…>`) and Ghost's bookmark card (`figure.kg-bookmark-card`, a link to another page
  around that page's title and description) in the post become a paragraph with their URL, a reference where
  trafilatura keeps nothing; so does the URL a WordPress embed block shows as bare text where its provider gave no
  player, and the player's address in a Squarespace video block's data-html (its iframe, escaped, until a script
  makes it);
- WordPress's pullquote block and Squarespace's quote block, a quote in a `<figure>`, are a `<div>` where the
  quote is no line of the post printed again: its quote is read as the post's;
- WordPress's file block becomes a paragraph of the file's name (its "Download" button goes), and its buttons block
  (or a button saved alone, before that block) a paragraph per button to another site or to nowhere (no link yet)
  of the button's words: trafilatura dropped them as links, or as a button's chrome (a button to the site's own
  page is its call to action, as a list of links within the site is its menu);
- the links of WordPress's quote and cover blocks read as their words: a quote of one linked sentence, a cover whose
  text is one link, were dropped as navigation (the Markdown links them again); so are the links that are a whole
  paragraph in its layout blocks (a group, a column, a media-text block's text) in the post's container;
- a quote's attribution in a `<footer>` of its `<blockquote>` (Kirby's quote block, Bootstrap's) is a paragraph of
  the quote, its links read as their words: trafilatura drops every `<footer>`, and a paragraph that is one link;
- WordPress's verse block (a poem in a `<pre>`) is such a block too, marked a verse: its lines as they are, not
  fenced in the Markdown (markdown_blocks.verse_lines());
- a footnote mark reads `[1]` (not "claim1") and a footnote's back-link arrow is dropped (WordPress's footnotes
  block's too); Substack's footnote begins with its number as "[1] ", not under a line "1";
- a heading's permalink anchor is dropped: the link inside an `<h2>` to the heading's own fragment, or a "#", "¶"
  or "🔗" beside its words (Hugo's Congo and Coder print "#" and a screen reader's "Link to heading" there, Sphinx
  and MkDocs "¶"): it is no part of the heading's text;
- a link of the post that shows a web address (a Markdown autolink, `<a href=u>u</a>`) becomes that address as
  text: trafilatura drops a paragraph or list item that is mostly link as navigation, and a menu's links read
  as words, not as addresses; so do the links of a list in the post whose every item links to another site (a
  reading list; related posts and menus link within the site, share buttons carry the page's address). The
  Markdown links them again (markdown_links.py).

(Figure captions are crawler/extraction/captions.py's.)

Everything is put back when the block ends: the other finders read the page as it came.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import unquote, urlsplit

from justext.utils import normalize_whitespace
from lxml import etree
from lxml import html as lxml_html
from pygments.lexers import get_all_lexers

from crawler.extraction.page import HtmlElement, Page, compiled, text_of
from crawler.extraction.selectors import QUOTE_ATTRIBUTIONS
from crawler.urls import joined

# Expressive Code (Astro's Starlight, Fuwari …) wraps its <pre> in a <figure>, which trafilatura drops whole; so
# does Ghost's code card where it has a caption (`figure.kg-card.kg-code-card`: the <pre> and a <figcaption>; without
# one the card is a bare <pre>), whose caption captions.py puts after it; and Octopress's code block, a
# `figure.code` around Pygments' line-number table (`div.highlight`, its `td.gutter` and `td.code`) and the block's
# title in a <figcaption>; and Code Block Pro's (WordPress: Shiki's HTML saved in the post), a
# `div.wp-block-kevinbatdorf-code-block-pro` holding a header bar (the language's name, or dots), its copy button,
# the <pre> and a footer bar (the language again, a "See more" button): its <pre> alone was the block, and the
# header's and footer's words lines of the post's text; and FV Code Highlighter's (WordPress, highlighted on the
# server), a `div.fvch-codeblock` around a table of a row per line, each line's code in a <pre> of its own: each
# line was a block, read as a table of code cells, its blank lines gone
CODE_BLOCKS = (
    "figure.highlight, table.highlighttable, div.highlight, div.codehilite, div.expressive-code, figure.kg-code-card,"
    " figure.code, div.wp-block-kevinbatdorf-code-block-pro, div.fvch-codeblock, pre"
)
# A highlighter's line numbers, by class; or by the style that keeps them out of a copy of the code (Hugo's Chroma
# with noClasses, its default, prints them as spans styled user-select:none).
LINE_NUMBERS = (
    ".gutter, .rouge-gutter, .lineno, pre.lineno, .lnt, .ln, .linenos, .linenodiv, td.lntd:first-child, td.linenos,"
    " [style*='user-select:none'], [style*='user-select: none']"
)
# A highlighter's own words inside a code block, no part of its code: Code Block Pro's copy button (the code again
# for the clipboard, in a `data-code` or in a <textarea> inside a <pre> of its own before the code's, and its label
# where it is a text button, "Copy"); and Syntax-highlighting Code Block's language badge, which it prints inside
# the <pre> after the code, `<small class="shcb-language">Code language: Python (python)</small>` (it ran into the
# code's last line, or was a line of its own where the block shows line numbers)
CODE_CHROME = ".code-block-pro-copy-button, small.shcb-language"
# Substack marks a footnote's reference as an a.footnote-anchor (its number, linking to #footnote-1); WordPress's
# footnotes (core/footnotes, 6.3+) mark a note `<sup data-fn="…" class="fn"><a href="#…" id="…-link">1` and end it,
# in the post's `ol.wp-block-footnotes`, with a back-link `<a href="#…-link">↩︎</a>`
FOOTNOTE_MARKS = (
    "a.footnote, a.footnote-ref, [role~=doc-noteref], sup > a[href^='#fn'], a.footnote-anchor,"
    " sup[data-fn] > a[href^='#']"
)
# Substack's footnotes, under its post: a div.footnote each, its number (an a.footnote-number, back to the reference)
# beside its words, a div.footnote-content of paragraphs
SUBSTACK_FOOTNOTES = "div.footnote"
SUBSTACK_FOOTNOTE_NUMBER = "a.footnote-number"
SUBSTACK_FOOTNOTE_TEXT = "div.footnote-content"
FOOTNOTE_BACKLINKS = (
    "a.reversefootnote, a.footnote-backref, [role~=doc-backlink], ol.wp-block-footnotes > li > a[href$='-link']"
)
MATH_SCRIPTS = "script[type^='math/tex']"
QUARTO_CELLS = "div.cell"
GISTS = "script[src*='gist.github.com/']"
# Ghost's bookmark card: a <figure> (which trafilatura drops whole) holding one link to the page it previews, around
# that page's title, description, icon, author, publisher and thumbnail — its metadata, none of it the writer's
BOOKMARK_CARDS = "figure.kg-bookmark-card"
# WordPress's embed block (core/embed) saves the URL it embeds as the text of its wrapper and replaces it with the
# provider's player when the page is served; where the provider gives none (offline, a removed video, Instagram and
# Facebook since WordPress 5.5.2 dropped their oEmbed) the page shows the URL as it was saved, bare text in a
# <figure>, which trafilatura drops whole
WORDPRESS_EMBEDS = "figure.wp-block-embed > .wp-block-embed__wrapper"
# Squarespace's video block holds its player's <iframe> as escaped HTML in the data-html of an empty
# div.sqs-video-wrapper, which the site's script turns into the player: served, the page has no iframe
SQUARESPACE_VIDEOS = ".sqs-video-wrapper[data-html]"
# WordPress's pullquote block (core/pullquote) saves its quote and citation in a <figure>, dropped likewise (where
# the quote is a line of the post's text printed again, rightly: _own_pullquotes)
WORDPRESS_PULLQUOTES = "figure.wp-block-pullquote"
# Squarespace's quote block saves its quote and source in a <figure> too (<figure><blockquote>…</blockquote>
# <figcaption class="source">): read as WordPress's pullquote is
SQUARESPACE_QUOTES = ".sqs-block-quote figure"
PULLQUOTES = f"{WORDPRESS_PULLQUOTES}, {SQUARESPACE_QUOTES}"
PULLQUOTE_RUN = 3  # words
REPEATED_PULLQUOTE_SHARE = 0.5  # of a pullquote's runs of words standing in the post's text besides
# WordPress's file block (core/file): a link named as the file (its title, or what the author typed) and a
# "Download" button beside it; and the buttons block's buttons (core/button), each a link of the author's words. A
# block that is one link is dropped by trafilatura as navigation, the file's or the button's words with it
WORDPRESS_FILES = ".wp-block-file"
WORDPRESS_FILE_NAMES = ".wp-block-file > a:not(.wp-block-file__button)"
# VitePress's code block (its Markdown's preWrapper): `<div class="language-python vp-adaptive-theme">` holding its
# copy button, the language's name as a label, `<span class="lang">python</span>`, and the <pre>; the whole is the
# block (read from the <pre> alone, the label was a line of the post's text before its code)
VITEPRESS_CODE_LABELS = "div[class*='language-'] > button.copy + span.lang"
# A buttons block (core/buttons, WordPress 5.4+) holds its buttons; a button block saved before it stands alone, a
# `div.wp-block-button` in the post's text. trafilatura drops a "button" class: their buttons, WORDPRESS_BUTTON_LINKS
WORDPRESS_BUTTONS = ".wp-block-buttons, .wp-block-button"
WORDPRESS_BUTTON_LINKS = ".wp-block-button > a.wp-block-button__link"
# WordPress's quote block (core/quote) and cover block (core/cover: text over a picture; `.wp-block-cover-image`
# before WordPress 5.0) hold the author's words, which trafilatura drops as navigation where a link is most of them
# (a quote of one linked sentence, a cover whose text is a link): their links are read as words
WORDPRESS_WORD_BLOCKS = "blockquote.wp-block-quote, .wp-block-cover, .wp-block-cover-image"
# WordPress's layout blocks in the post (a group, a column, the text beside a media-text block's picture), a <div>
# around the author's blocks: one that holds a paragraph that is one link is dropped as navigation likewise; so are
# GenerateBlocks' (its 2.x element, classed `gb-element-<id>` where it is styled, and its 1.x container)
WORDPRESS_LAYOUT_BLOCKS = (
    ".wp-block-group, .wp-block-column, .wp-block-media-text__content, .gb-container, [class*='gb-element-']"
)
MIN_EMBED_SIDE = 50  # pixels: an iframe this small on either side is a counter or a pixel, not an embed
# Where a player or a map sits in an iframe's address (YouTube and Spotify /embed/, player.vimeo.com/video/,
# w.soundcloud.com/player/, Google Maps /maps/embed, OpenStreetMap's export/embed.html): a like, share or follow
# button, a page box or a sharing bar is an iframe too, and is chrome, not the post's content.
_PLAYER = re.compile(r"embed|player|video|/maps", re.IGNORECASE)
# A link whose text is a web address (an autolink): a menu's or a teaser's links read as words.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
CODE_ATTRIBUTE = "data-blogarchive-code"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_WORDS = re.compile(r"[^\W_]+")
# Sphinx's wrapper names it too: `<div class="highlight-bash notranslate"><div class="highlight"><pre>`
_LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang|highlight-source|highlight)-([\w+#.-]+)")
# SyntaxHighlighter Evolved (WordPress: its `[code language=x]` shortcodes and its block) prints its options in the
# <pre>'s class for its script to read: `<pre class="brush: python; title: ; notranslate">`
_BRUSH = re.compile(r"(?:^|;)\s*brush:\s*([\w+#.-]+)")
# Enlighter (WordPress: its block and its classic editor button) saves `<pre class="EnlighterJSRAW"
# data-enlighter-language="python">`, which its script highlights in the browser
_LANGUAGE_ATTRIBUTES = ("data-lang", "data-language", "data-enlighter-language")
_NO_LANGUAGE = {"plaintext", "text", "plain", "none", "nohighlight", "txt", "default"}
_WORD_LABEL = re.compile(r"[A-Za-z][\w+#.-]{0,15}")
_NOT_LABELS = {"copy", "copied", "code", "expand", "collapse", "wrap", "raw"}
_CODE_TITLE = "filename"  # pymdownx.highlight's code block title: <span class="filename">loaves.py</span>


# WordPress's verse block (core/verse, "Insert poetry … or quote song lyrics") saves its lines in a <pre> to keep its
# line breaks and spacing: a poem, no code (its preformatted block, "text that respects your spacing and tabs", is
# fenced: only a fence keeps its spacing in Markdown)
VERSES = "pre.wp-block-verse"


@dataclass
class CodeBlock:
    """One code block of the page: its code, and its language where the markup names one; `verse` a poem's lines
    in a <pre> (VERSES), its text kept as it is, written in Markdown as lines, not fenced."""

    code: str
    language: str | None
    verse: bool = False


@dataclass
class Verbatim:
    """What the rewrite set aside: the code blocks, numbered as their `data-blogarchive-code` attribute says, and
    the URLs of the embeds now standing as paragraphs."""

    code_blocks: list[CodeBlock] = field(default_factory=list)
    embeds: list[str] = field(default_factory=list)


@contextmanager
def as_trafilatura_keeps(page: Page, root: HtmlElement | None) -> Iterator[Verbatim]:
    """The page with its code, math, embeds and footnote marks in the forms trafilatura keeps, for the time of the
    block."""
    found = Verbatim()
    blocks = found.code_blocks
    swaps: list[tuple[HtmlElement, HtmlElement]] = []
    wrapped = [label.getparent() for label in page.select(VITEPRESS_CODE_LABELS)]
    for element in _outermost(sorted({*page.select(CODE_BLOCKS), *wrapped}, key=_document_order)):
        if element.tag != "pre" and element.find(".//pre") is None:
            continue  # a theme's "highlight" box, not code
        if not (block := _code_block(element)).code.strip():
            # a <pre> of white space alone (a CMS's stray or unclosed tag: watson.ch's before a video) shows
            # nothing: no block, where trafilatura's writer fenced an empty one
            swaps.append((element, _element("span", "")))
            continue
        blocks.append(block)
        swaps.append((element, _pre(blocks[-1].code, len(blocks) - 1)))
    swaps += [
        (code, _element("code", words)) for code, words in _wrapped_inline_code(page.tree if root is None else root)
    ]
    for script in page.select(MATH_SCRIPTS):
        source = (script.text or "").strip()
        if "mode=display" in script.get("type", "").replace(" ", ""):
            swaps.append((script, _element("p", f"\\[{source}\\]")))
        else:
            swaps.append((script, _element("span", f"\\({source}\\)")))
    for element, url in _embeds(page, root):
        swaps.append((element, _element("p", url)))
        found.embeds.append(url)
    for mark in page.select(FOOTNOTE_MARKS):
        swaps.append((mark, _element("a", f"[{' '.join(''.join(mark.itertext()).split())}]", href=mark.get("href"))))
    swaps += [(backlink, _element("span", "")) for backlink in page.select(FOOTNOTE_BACKLINKS)]
    swaps += list(_substack_footnotes(page))
    swaps += [(anchor, _element("span", "")) for anchor in heading_permalinks(page.tree if root is None else root)]
    swaps += [
        (link, _element("span", words)) for link, words in heading_self_links(page.tree if root is None else root)
    ]
    swaps += [(link, _element("span", address)) for link, address in _address_links(page, root)]
    swaps += [(link, _element("span", words)) for link, words in _reference_lists(page, root)]
    swaps += [(link, _element("span", words)) for link, words in _block_links(page, root)]
    swaps += list(_file_blocks(page, root))
    swaps += list(_button_blocks(page, root))
    # Quarto's code cells (`div.cell`: a code block and its output): trafilatura takes an element whose class is
    # `cell` and nothing else for the story, and puts the first cell's text before the post's
    cells = [cell for cell in page.select(QUARTO_CELLS) if cell.get("class") == "cell"]
    for cell in cells:
        cell.set("class", "cell code-cell")
    pullquotes = _own_pullquotes(page, root)
    for pullquote in pullquotes:
        pullquote.tag = "div"
    attributions = page.select(QUOTE_ATTRIBUTIONS)
    for attribution in attributions:
        attribution.tag = "p"
    done = []
    for old, new in swaps:
        if old.getparent() is not None and not any(a is o for o, _ in done for a in old.iterancestors()):
            new.tail = old.tail
            old.getparent().replace(old, new)
            done.append((old, new))
    try:
        yield found
    finally:
        for old, new in reversed(done):
            new.getparent().replace(new, old)
        for cell in cells:
            cell.set("class", "cell")
        for pullquote in pullquotes:
            pullquote.tag = "figure"
        for attribution in attributions:
            attribution.tag = "footer"


def mark_fallback_code(body: etree._Element, blocks: list[CodeBlock]) -> None:
    """Marks, in place, the numbered code blocks in readability's or jusText's extraction (trafilatura's fallbacks,
    selection.py's other two candidates) as trafilatura's own extraction marks them: a `<code>` with the block's
    number, so that the text and the Markdown have the code as the page has it. trafilatura's main extraction makes
    a `<pre>` holding a `<code>` alone a code block; readability's output goes through its tag conversion alone,
    which makes such a `<pre>` a quote (its code then a `> ` quote without its blank lines), and jusText keeps a
    paragraph's words alone, white space folded (the block a paragraph of its code so folded, indentation and blank
    lines gone)."""
    for element in body.iter():
        if element.get(CODE_ATTRIBUTE) is not None:
            element.tag = "code"
    folded: dict[str, list[int]] = {}
    for number, block in enumerate(blocks):
        folded.setdefault(normalize_whitespace(block.code.strip()), []).append(number)
    for paragraph in body.iter("p"):
        numbers = folded.get(paragraph.text) if paragraph.text else None
        if numbers and len(paragraph) == 0 and paragraph.get(CODE_ATTRIBUTE) is None:
            paragraph.tag = "code"
            paragraph.set(CODE_ATTRIBUTE, str(numbers.pop(0)))


def _wrapped_inline_code(scope: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """The inline `<code>` (out of a `<pre>`) whose one word or line stands between line breaks of the source, with
    that line: an HTML pretty-printer (BeautifulSoup's prettify, as an exported blog is written) puts an inline
    element's text on a line of its own, which a browser folds into the sentence, and trafilatura took the code
    for a block of code and fenced it mid-sentence ("Run ```\n   prerequisites.yml\n```")."""
    for code in scope.iter("code"):
        text, line = code.text or "", (code.text or "").strip()
        if len(code) or "\n" not in text or not line or "\n" in line:
            continue
        if not any(ancestor.tag == "pre" for ancestor in code.iterancestors()):
            yield code, " ".join(text.split())


def number_nested_code(body: etree._Element, blocks: list[CodeBlock]) -> None:
    """Numbers, in place, the code blocks of trafilatura's list items and quotes as its other code blocks are
    numbered. trafilatura copies the elements of a list item or a blockquote holding more than text by their tag
    and text alone, so a code block there (a numbered "1. Install it: <pre>…" of a how-to, Hexo's and Jekyll's
    highlighted blocks under a list item or in a quoted note) lost its number: its language, and in the text and
    the Markdown its blank lines and its own lines (it ran on from the item's words). Such a `<code>` whose text is
    a block's code, not yet placed, is that block."""
    placed = {element.get(CODE_ATTRIBUTE) for element in body.iter("code")}
    unplaced: dict[str, list[int]] = {}
    for number, block in enumerate(blocks):
        if str(number) not in placed and block.code.strip():
            unplaced.setdefault(normalize_whitespace(block.code.strip()), []).append(number)
    for element in body.iter("code"):
        parent = element.getparent()
        if element.get(CODE_ATTRIBUTE) is not None or len(element) or parent is None:
            continue
        if parent.tag not in ("item", "quote"):
            continue
        # the `<pre>` itself, which trafilatura reads as a quote holding its code
        unit = parent if parent.tag == "quote" and len(parent) == 1 and not (parent.text or "").strip() else element
        if "\n" not in (element.text or "").strip() and (unit.tail or "").strip():
            continue  # a line in a sentence that goes on after it: inline code (HackerNoon's `<pre>` in a sentence)
        numbers = unplaced.get(normalize_whitespace((element.text or "").strip()))
        if numbers:
            element.set(CODE_ATTRIBUTE, str(numbers.pop(0)))


def _document_order(element: HtmlElement) -> tuple[int, ...]:
    """The element's place in its document: the index of each of its ancestors and its own among their siblings."""
    path = []
    while (parent := element.getparent()) is not None:
        path.append(parent.index(element))
        element = parent
    return tuple(reversed(path))


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def _code_block(element: HtmlElement) -> CodeBlock:
    """The block's code without its line numbers, and the language its markup (or its wrapper's) names. In a
    highlighter's container the code is its <pre>'s: a theme's header above it (DoIt's language label, its copy and
    line-number buttons, a file name) is not code."""
    copy = deepcopy(element)
    for number in compiled((LINE_NUMBERS, CODE_CHROME))(copy):
        if number.getparent() is not None:
            number.getparent().remove(number)
    for br in copy.iter("br"):  # Hexo's highlighter ends each line with a <br>
        br.tail = "\n" + (br.tail or "")
    pres = [] if copy.tag == "pre" else _outermost(list(copy.iter("pre")))
    code = "\n".join(_code_text(part) for part in pres or [copy])
    # A carriage return, before a line feed (a Windows line end) or alone, ends a line: a CMS writes a text field
    # saved from a browser's form with `&#xD;` before each line feed, which the parser keeps as a character
    code = code.replace("\r\n", "\n").replace("\r", "\n")
    if element.tag == "pre" and compiled((VERSES,))(element):
        return CodeBlock(code, None, verse=True)
    return CodeBlock(code, _language(element) or _label(element))


def _code_text(pre: HtmlElement) -> str:
    """The code of a <pre>: its text, or its lines where it prints a <div> per line (line_divs())."""
    if lines := line_divs(pre):
        return "\n".join("".join(line.itertext()).strip("\n") for line in lines).strip("\n")
    return "".join(pre.itertext()).strip("\n")


def line_divs(pre: HtmlElement) -> list[HtmlElement]:
    """The <div> per line a <pre> (or its <code>) holds and nothing else: Expressive Code's `div.ec-line`, an empty
    line a line break alone; [] for a <pre> of text."""
    code = pre.find("code")
    holder = code if code is not None else pre
    lines = list(holder)
    if lines and all(line.tag == "div" for line in lines) and not (holder.text or "").strip():
        return lines
    return []


def _language(element: HtmlElement) -> str | None:
    candidates = [element, *element.iter("pre", "code", "table"), element.getparent()]
    for node in candidates:
        if node is None:
            continue
        classes = (node.get("class") or "").split()
        names = [node.get(attribute) or "" for attribute in _LANGUAGE_ATTRIBUTES]
        names += _LANGUAGE.findall(" ".join(classes)) + _BRUSH.findall(node.get("class") or "")
        if node.tag == "figure" and "highlight" in classes and len(classes) == 2:
            names.append(classes[1 - classes.index("highlight")])  # Hexo: <figure class="highlight js">
        # Rouge's Redcarpet plugin (Forem's, dev.to's code blocks): <pre class="highlight shell">, the lexer's tag
        if node.tag == "pre" and classes[:1] == ["highlight"] and len(classes) == 2:
            names += [name for name in classes[1:] if name.lower() in _language_names()]
        # docutils' code directive (reST: Nikola's, Pelican's): <pre class="code python literal-block">, Nikola's own
        # <pre class="code python">; its Markdown compiler prints no language (<pre class="code literal-block">)
        if node.tag == "pre" and classes[:1] == ["code"]:
            names += [name for name in classes[1:2] if name.lower() in _language_names()]
        if node.tag == "table" and classes[:1] == ["fvch-code"]:  # FV Code Highlighter: <table class="fvch-code php">
            names += classes[1:2]
        if "sourceCode" in classes[:-1]:  # pandoc's (Quarto's, R Markdown's): <code class="sourceCode r">
            names.append(classes[classes.index("sourceCode") + 1])
        # highlight.js's bare class, as HTMLy and older themes print it: <pre><code class="bash">
        if node.tag == "code" and len(classes) == 1 and classes[0].lower() in _language_names():
            names.append(classes[0])
        for name in names:
            if name and name.lower() not in _NO_LANGUAGE:
                return name.lower()
    return None


@cache
def _language_names() -> frozenset[str]:
    """The names and aliases of every language Pygments knows (a dependency of rich's), read from its table of
    lexers without importing one."""
    return frozenset(alias.lower() for _, aliases, _, _ in get_all_lexers(plugins=False) for alias in aliases)


def _label(element: HtmlElement) -> str | None:
    """The language a highlighter's container prints above its <pre> as a word of its own (DoIt's header button:
    `<span class="tw:select-none">bash</span>`), where its markup names none. Not the block's title:
    pymdownx.highlight (MkDocs Material's code blocks) prints a block's `title="loaves.py"` in a `span.filename`
    before its <pre>, and without its pygments_lang_class option names no language."""
    if element.tag == "pre":
        return None
    for node in element.iter():
        if node.tag == "pre":
            break
        if not isinstance(node.tag, str) or _CODE_TITLE in (node.get("class") or "").split():
            continue
        word = (node.text or "").strip() if len(node) == 0 else ""
        if _WORD_LABEL.fullmatch(word) and word.lower() not in _NO_LANGUAGE | _NOT_LABELS:
            return word.lower()
    return None


def _pre(code: str, number: int) -> HtmlElement:
    pre = lxml_html.Element("pre", {CODE_ATTRIBUTE: str(number)})
    pre.append(_element("code", code))
    return pre


def _element(tag: str, text: str, **attributes: str | None) -> HtmlElement:
    element = lxml_html.Element(tag, {k: v for k, v in attributes.items() if v is not None})
    element.text = text
    return element


def _embeds(page: Page, root: HtmlElement | None) -> Iterator[tuple[HtmlElement, str]]:
    """The post's embedded videos, maps and gists, and Ghost's bookmark cards (inside its container, out of chrome),
    with their URLs."""
    scope = page.tree if root is None else root
    for frame in scope.iter("iframe"):
        src = (frame.get("src") or frame.get("data-src") or "").strip()
        if src and not page.in_chrome(frame) and not _tiny(frame) and (url := _player(page, src)):
            yield _wrapper(frame, scope), url
    for script in page.select(GISTS, scope):
        if url := joined(page.base, script.get("src")):
            yield script, url.removesuffix(".js")
    for card in page.select(BOOKMARK_CARDS, scope):
        link = next(card.iter("a"), None)
        if link is not None and not page.in_chrome(card) and (url := joined(page.base, link.get("href"))):
            yield card, url
    for wrapper in page.select(SQUARESPACE_VIDEOS, scope):
        played = next(wrapper.iter("iframe"), None) is not None  # a rendered page's player: an iframe above
        if not played and not page.in_chrome(wrapper) and (url := _player_address(page, wrapper.get("data-html", ""))):
            yield _wrapper(wrapper, scope), url
    for wrapper in page.select(WORDPRESS_EMBEDS, scope):
        saved = (wrapper.text or "").strip()
        if len(wrapper) == 0 and _ADDRESS.match(saved) and not page.in_chrome(wrapper):
            url = joined(page.base, saved)
            if url and urlsplit(url).scheme in ("http", "https"):
                yield _wrapper(wrapper, scope), url


def _player(page: Page, src: str) -> str | None:
    """The absolute address of an iframe's `src` where it names a player or a map (_PLAYER), else None."""
    url = joined(page.base, src)
    address = urlsplit(url or "")
    if url and address.scheme in ("http", "https") and _PLAYER.search(address.netloc + address.path):
        return url
    return None


def _player_address(page: Page, html: str) -> str | None:
    """The player's address in the HTML of an embed saved in an attribute (Squarespace's video block)."""
    if "<iframe" not in html:
        return None
    try:
        fragments = lxml_html.fragments_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    frames = (e for f in fragments if isinstance(f, etree._Element) for e in f.iter("iframe"))
    src = next((src for frame in frames if (src := (frame.get("src") or "").strip())), None)
    return _player(page, src) if src else None


def heading_self_links(scope: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """The links that are a heading's words and lead to the heading itself (VuePress's `<h2 id="make"><a
    class="header-anchor" href="#make">Make</a></h2>`), with their words: a heading, not a link."""
    for heading in scope.iter(*_HEADINGS):
        for link in heading.iter("a"):
            fragment = (link.get("href") or "").strip()
            if fragment.startswith("#") and unquote(fragment[1:]) in (heading.get("id"), link.get("id")):
                words = " ".join("".join(link.itertext()).split())
                if words and words == " ".join("".join(heading.itertext()).split()):
                    yield link, words


def heading_permalinks(scope: HtmlElement) -> Iterator[HtmlElement]:
    """The links to a heading's own place inside it, beside the heading's words: its permalink anchor (to the
    heading's id as it is, or percent-encoded: Hugo writes `href="#%ea%b2%bd…"` for `id="경복궁"`)."""
    for heading in scope.iter(*_HEADINGS):
        heading_words = len(_WORDS.findall("".join(heading.itertext())))
        for link in heading.iter("a"):
            fragment = (link.get("href") or "").strip()
            if len(fragment) < 2 or not fragment.startswith("#"):
                continue
            words = len(_WORDS.findall("".join(link.itertext())))
            if (unquote(fragment[1:]) in (heading.get("id"), link.get("id")) or not words) and heading_words > words:
                yield link


def _address_links(page: Page, root: HtmlElement | None) -> Iterator[tuple[HtmlElement, str]]:
    """The post's links that show a web address as their text."""
    for link in (page.tree if root is None else root).iter("a"):
        address = "".join(link.itertext()).strip()
        if _ADDRESS.match(address) and not page.in_chrome(link):
            yield link, address


def _reference_lists(page: Page, root: HtmlElement | None) -> Iterator[tuple[HtmlElement, str]]:
    """The links of the post's lists whose every item links off the site: the author's reading list, not the
    theme's related posts or menus (which link within the site). A share button's link, which carries the page's
    own address in its query, is no reference."""
    if root is None:
        return
    own = urlsplit(page.base).hostname
    for listing in root.iter("ul", "ol"):
        links = [item.find(".//a[@href]") for item in listing if item.tag == "li"]
        if not links or any(link is None for link in links) or page.in_chrome(listing):
            continue
        addresses = [urlsplit(joined(page.base, link.get("href")) or "") for link in links]
        if all(a.hostname and a.hostname != own and "http" not in unquote(a.query) for a in addresses):
            for link in links:
                yield link, "".join(link.itertext())


def _block_links(page: Page, root: HtmlElement | None) -> Iterator[tuple[HtmlElement, str]]:
    """The links of WordPress's quote and cover blocks in the post (WORDPRESS_WORD_BLOCKS) and of a quote's
    attribution (QUOTE_ATTRIBUTIONS: Kirby links its quote block's citation to the source), and those that are a
    whole paragraph in its layout blocks (WORDPRESS_LAYOUT_BLOCKS: only within the post's container, where a block
    theme's header and footer, groups too, are not), with their words."""
    word_blocks = f"{WORDPRESS_WORD_BLOCKS}, {QUOTE_ATTRIBUTIONS}"
    for block in _outermost(page.select(word_blocks, page.tree if root is None else root)):
        if not page.in_chrome(block):
            yield from ((link, "".join(link.itertext())) for link in block.iter("a") if link.get("href"))
    if root is None:
        return
    for block in _outermost(page.select(WORDPRESS_LAYOUT_BLOCKS, root)):
        if not page.in_chrome(block):
            for paragraph in block.iter("p"):
                links = paragraph.findall("a")
                if len(links) == 1 and links[0].get("href") and text_of(paragraph) == text_of(links[0]):
                    yield links[0], "".join(links[0].itertext())


def _own_pullquotes(page: Page, root: HtmlElement | None) -> list[HtmlElement]:
    """WordPress's pullquote blocks (and Squarespace's quote blocks) in the post whose quote its text does not hold
    elsewhere. WordPress describes
    the block as "a quote from your text": a magazine's pullquote prints a line of the article again, as it is or
    cut short (most of its runs of PULLQUOTE_RUN words stand in the text), which is no line of the post's text; one
    that quotes another's words (a video's, a poet's) is the only place they stand."""
    scope = page.tree if root is None else root
    pullquotes = [e for e in page.select(PULLQUOTES, scope) if not page.in_chrome(e)]
    if not pullquotes:
        return []
    whole = Counter(_runs(text_of(scope)))
    kept = []
    for pullquote in pullquotes:
        # its citation left out: WordPress's quote is its <p>s, Squarespace's its <blockquote>'s text
        runs = Counter(_runs(" ".join(text_of(p) for p in pullquote.iter("p")) or text_of(_quote(pullquote))))
        repeated = sum(n for run, n in runs.items() if whole[run] > n)
        if runs and repeated < REPEATED_PULLQUOTE_SHARE * sum(runs.values()):
            kept.append(pullquote)
    return kept


def _quote(pullquote: HtmlElement) -> HtmlElement:
    """The quote of a pullquote without <p>s: its <blockquote> (Squarespace's quote block), else itself."""
    return next(pullquote.iter("blockquote"), pullquote)


def _runs(text: str) -> list[tuple[str, ...]]:
    words = _WORDS.findall(text.casefold())
    return [tuple(words[i : i + PULLQUOTE_RUN]) for i in range(max(1, len(words) - PULLQUOTE_RUN + 1))]


def _substack_footnotes(page: Page) -> Iterator[tuple[HtmlElement, HtmlElement]]:
    """Substack's footnotes, each number beginning its footnote's first line as "[1]", the way its reference reads:
    the number, a link on a line of its own beside the footnote's paragraphs, stood as a line "1" over them."""
    for footnote in page.select(SUBSTACK_FOOTNOTES):
        number = next(iter(page.select(SUBSTACK_FOOTNOTE_NUMBER, footnote)), None)
        content = next(iter(page.select(SUBSTACK_FOOTNOTE_TEXT, footnote)), None)
        if number is None or content is None or not (mark := " ".join("".join(number.itertext()).split())):
            continue
        yield number, _element("span", "")
        first = next((child for child in content if child.tag == "p"), None)
        if first is None:
            continue
        line = copy.deepcopy(first)
        line.text = f"[{mark}] {line.text or ''}"
        yield first, line


def _file_blocks(page: Page, root: HtmlElement | None) -> Iterator[tuple[HtmlElement, HtmlElement]]:
    """WordPress's file blocks in the post, each with a paragraph of the file's name: not the block's "Download"
    button (its own label, not the author's)."""
    for block in page.select(WORDPRESS_FILES, page.tree if root is None else root):
        names = [" ".join("".join(link.itertext()).split()) for link in page.select(WORDPRESS_FILE_NAMES, block)]
        if any(names) and not page.in_chrome(block):
            yield block, _element("p", " ".join(name for name in names if name))


def _button_blocks(page: Page, root: HtmlElement | None) -> Iterator[tuple[HtmlElement, HtmlElement]]:
    """WordPress's buttons blocks in the post (and its buttons saved alone, before the buttons block), each with a
    <div> of its buttons that lead off the site or nowhere, a paragraph of each one's words: their classes name a
    button, which trafilatura drops as the page's chrome. A button the author left without a link (the editor
    saves an `<a>` without href) is words of the post, no way anywhere. A button to a page of the site's own (its
    donation or newsletter page under every post) is its call to action, as a list linking within the site is its
    navigation (_reference_lists), and a share button carries the page's own address in its query: neither is
    read."""
    own = urlsplit(page.base).hostname
    for block in _outermost(page.select(WORDPRESS_BUTTONS, page.tree if root is None else root)):
        if page.in_chrome(block):
            continue
        words = []
        for link in page.select(WORDPRESS_BUTTON_LINKS, block):
            address = urlsplit(joined(page.base, link.get("href")) or "")
            off_site = address.hostname and address.hostname != own and "http" not in unquote(address.query)
            if off_site or link.get("href") is None:
                words.append(" ".join("".join(link.itertext()).split()))
        if any(words):
            replacement = _element("div", "")
            replacement.extend(_element("p", line) for line in words if line)
            yield block, replacement


def _wrapper(embed: HtmlElement, scope: HtmlElement) -> HtmlElement:
    """The embed with the elements that hold nothing else (a responsive-video <div>, which trafilatura drops as
    an empty box, URL paragraph and all)."""
    while (parent := embed.getparent()) is not None and parent is not scope and len(parent) == 1:
        if (parent.text or "").strip() or (embed.tail or "").strip():
            break
        embed = parent
    return embed


def _tiny(frame: HtmlElement) -> bool:
    sizes = [re.match(r"\s*(\d+)\s*(?:px)?\s*$", frame.get(side) or "") for side in ("width", "height")]
    return any(size is not None and int(size.group(1)) < MIN_EMBED_SIDE for size in sizes)
