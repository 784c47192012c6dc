"""The post's body through trafilatura, as plain text and as Markdown, from one extraction run.

trafilatura runs with the options of its own `extract()`: on the 990 real pages of the shared evaluation set every
other choice loses snippets (links kept: F1 −0.0006, formatting kept: −0.0015) and its metadata pass costs 40 % of
its time (crawler/extraction/metadata.py reads what it needs itself). Around that one run:
- before, the chrome that plugins mark unambiguously (selectors.PLUGIN_CHROME, comment threads) is taken out of
  the tree for the time of the call: trafilatura would merge a share bar's text into the post's last paragraph;
  so are the "read also" lines between the post's paragraphs (read_also.py: a label and a link to another post);
- and so are the copies of the post that the page hides from readers and shows elsewhere (hidden_copies.py: a
  comment embed's hidden copy of the post, a news site's hidden preview of its lead), which trafilatura's fallbacks
  and the best of three read as text;
- on a page that marks its post up (by og:type article alone: where the post's container stands under the
  page's headline, extract.py), trafilatura runs without its recall escalation first
  (upstream.recall_escalation_off): a short extraction holding the post's container is a short post, not content
  trafilatura missed, and a second reading in recall mode adds what stands beside it;
- after, crawler/extraction/boilerplate.py drops the output blocks whose text stands on the page only inside
  chrome (related posts, bylines, widgets, asides …). Judged after the fact, a generic selector can only cut what
  trafilatura took, never change what it finds;
- the Markdown is trafilatura's output with headings, lists, tables and quotes, the page's links put back on their
  anchor text and its bold and italic words on theirs (markdown_links.py, markdown_emphasis.py) and, later, the
  images (markdown_images.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from lxml import etree
from trafilatura.settings import DEFAULT_CONFIG, use_config

from crawler.extraction.agreement import contained, shingles
from crawler.extraction.boilerplate import (
    ad_labels_silenced,
    drop_chrome_blocks,
    drop_hidden_data,
    only_navigation,
    php_errors_silenced,
)
from crawler.extraction.captions import captions_as_paragraphs
from crawler.extraction.ghost import cards_as_text
from crawler.extraction.hidden_copies import hidden_copies
from crawler.extraction.markdown_blocks import markdown_of, text_with_code
from crawler.extraction.markdown_emphasis import with_links_and_emphasis
from crawler.extraction.minified import list_items_spaced
from crawler.extraction.page import TABLE_PARTS, HtmlElement, Page, detached, renamed
from crawler.extraction.read_also import read_also_lines
from crawler.extraction.selection import CANDIDATES, Candidate, model
from crawler.extraction.selectors import PLUGIN_CHROME
from crawler.extraction.spacing import fold_source_breaks, separate_code_blocks
from crawler.extraction.text_divs import leading_text_as_paragraph, text_divs_as_paragraphs
from crawler.extraction.toggles import accordions_open, tab_labels_on_panels
from crawler.extraction.tumblr import reblog_attributions_as_text
from crawler.extraction.upstream import (
    RECALL_ESCALATION_BELOW,
    bare_extraction,
    justext_body,
    readability_body,
    recall_escalation_off,
    xmltotxt,
)
from crawler.extraction.verbatim import Verbatim, as_trafilatura_keeps, mark_fallback_code, number_nested_code
from crawler.extraction.writefreely import hashtags_as_text

MAX_CHROME_SHARE = 0.3  # of the page's text: a "chrome" match larger than this holds the post
POST_HELD = 0.8  # of the post container's 4-token shingles: an extraction holding them is the post, however short
_TRAFILATURA_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_formatting": False,
    "include_links": False,
    "with_metadata": False,
    "deduplicate": False,
}
# trafilatura counts characters: below 250 it calls its extraction failed and dumps the page's text instead. A
# Korean, Japanese or Chinese post says in 100 characters what takes 250 in a Latin script (a short Hangul post
# came out as one paragraph starting with its title, date and category). Lowering it for every page loses
# snippets on the shared set of real pages, so it is lowered only for text in those scripts.
_DENSE_SCRIPT_CONFIG = use_config()
_DENSE_SCRIPT_CONFIG["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "100"
_ALONE_CONFIG = use_config()
_ALONE_CONFIG["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "1"
_DENSE_SCRIPT = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Tables whose cells hold a heading or a long paragraph, outermost only.
_LAYOUT_TABLES = etree.XPath(
    "//table[not(ancestor::table)][.//td[.//h1 or .//h2 or .//h3 or .//p[string-length(normalize-space()) > 200]]]"
)
_LETTER = re.compile(r"[^\W\d_]")
DENSE_SCRIPT_SHARE = 0.3  # of the letters in the page's first 2,000 characters of text


@dataclass
class Body:
    text: str
    markdown: str
    # The extraction is one block: one paragraph, or trafilatura's fallback for a text it finds too short — the
    # <article>'s text in one line, or every line of the page's text in one block.
    one_block: bool = False


def extract_body(
    page: Page,
    root: HtmlElement | None,
    alternatives: bool = False,
    alone: bool = False,
    lines_of: Page | None = None,
    post_marked: bool = False,
) -> Body:
    """`root`: the post's container (content.find_content_root), whose links the Markdown gets back. With
    `alternatives`, the body is the best of three extractions (selection.py), else trafilatura's. `alone`: the page
    is a post's body element alone (extract.py's short posts), which trafilatura reads however short it is;
    `lines_of`, the page it comes from, tells how its <br>s break lines (lines_broken). `post_marked`: the page
    marks its post up (evidence.post_markup), so a short extraction holding the post is the post (_trafilatura)."""
    candidates, verbatim = body_candidates(page, root, alternatives, alone, post_marked)
    chosen = model().choose(candidates) if len(candidates) > 1 else candidates[0]
    if chosen.body is None:
        return Body("", "")
    markdown = markdown_of(
        chosen.body,
        verbatim,
        lambda written: with_links_and_emphasis(_nfc(written), page, root),
        line_breaks=lines_broken(lines_of or page),
    )
    text = text_with_code(chosen.body, verbatim)
    return Body(_nfc(chosen.text if text is None else text), _nfc(markdown), one_block=len(chosen.body) == 1)


def lines_broken(page: Page) -> bool:
    """Whether a <br> in a paragraph of the page breaks a line of it, never two for a paragraph: Hexo's default
    renderer, hexo-renderer-marked, writes one for each line of a paragraph in the post's Markdown source (its
    `breaks` option, on by default), and a blank line as a new paragraph."""
    return any(generator.startswith("Hexo") for generator in page.meta.get("generator", []))


def body_candidates(
    page: Page, root: HtmlElement | None, alternatives: bool, alone: bool = False, post_marked: bool = False
) -> tuple[list[Candidate], Verbatim]:
    """trafilatura's extraction (its chrome blocks dropped), then, with `alternatives`, readability's and jusText's
    of the same prepared tree — in the order of selection.CANDIDATES. Their code blocks are marked as trafilatura's
    are (verbatim.mark_fallback_code) once their text is read: the choice reads the texts the three give. On a page
    that marks its post up (`post_marked`) a short extraction holding the post is kept (_trafilatura)."""
    if alone:  # all of it, however short: below MIN_EXTRACTED_SIZE trafilatura would flatten it into one line,
        # and its precision filters drop a short post's heading and list
        config = {"config": _ALONE_CONFIG, "favor_recall": True}
    else:
        config = {"config": _DENSE_SCRIPT_CONFIG} if _dense_script(page.text[:2000]) else {}
    with (
        detached([*_plugin_chrome(page, root), *hidden_copies(page), *read_also_lines(page, root)]),
        list_items_spaced(page),
        ad_labels_silenced(page),
        php_errors_silenced(page),
        _layout_tables_as_blocks(page),
        captions_as_paragraphs(page),
        cards_as_text(page),
        tab_labels_on_panels(page),
        accordions_open(page),
        text_divs_as_paragraphs(page, root, int(config.get("config", DEFAULT_CONFIG)["DEFAULT"]["MIN_EXTRACTED_SIZE"])),
        leading_text_as_paragraph(page, root),
        reblog_attributions_as_text(page),
        hashtags_as_text(page),
        as_trafilatura_keeps(page, root) as verbatim,
    ):  # trafilatura copies the tree it is given; readability and jusText are given copies
        document = _trafilatura(page, root, config, post_marked)
        others = []
        if alternatives:
            others = [readability_body(page.tree, page.base), justext_body(page.tree, page.base)]
    body = None if document is None or only_navigation(document.body, page) else document.body
    text = "" if body is None else document.text
    if body is not None:
        number_nested_code(body, verbatim.code_blocks)
    # trafilatura has made the plain text already; it is made again only when chrome blocks were dropped or the
    # source's layout folded (`|`, not `or`: both run).
    if body is not None and (
        drop_hidden_data(body, page)
        | drop_chrome_blocks(body, page, MAX_CHROME_SHARE)
        | fold_source_breaks(body)
        | separate_code_blocks(body)
    ):
        text = xmltotxt(body, include_formatting=False)
    candidates = [Candidate(CANDIDATES[0], body, text or "")]
    for name, other in zip(CANDIDATES[1:], others, strict=False):
        if other is not None:
            drop_hidden_data(other, page)
            fold_source_breaks(other)
        candidates.append(Candidate(name, other, "" if other is None else xmltotxt(other, include_formatting=False)))
        if other is not None:
            mark_fallback_code(other, verbatim.code_blocks)
    return candidates, verbatim


def _trafilatura(page: Page, root: HtmlElement | None, config: dict[str, Any], post_marked: bool) -> Any:
    """trafilatura's extraction of the page. On a page that marks its post up (`post_marked`), first without its
    recall escalation (upstream.recall_escalation_off), kept where it holds POST_HELD of the text of the post's
    container `root`: a short post then, whose second reading in recall mode would add what stands beside it. An
    extraction that leaves more of the container out is read again as trafilatura reads it (on the real pages a
    magazine's article whose first reading was its lead, a recipe's ingredients without the method)."""
    if post_marked and root is not None:
        with recall_escalation_off():
            document = bare_extraction(page.tree, url=page.base, **_TRAFILATURA_OPTIONS, **config)
        if (
            document is None
            or len(document.text) >= RECALL_ESCALATION_BELOW  # read once either way
            or contained(shingles(page.text_in(root)), shingles(document.text)) >= POST_HELD
        ):
            return document
    return bare_extraction(page.tree, url=page.base, **_TRAFILATURA_OPTIONS, **config)


def _dense_script(sample: str) -> bool:
    dense = len(_DENSE_SCRIPT.findall(sample))
    return dense > 0 and dense > DENSE_SCRIPT_SHARE * len(_LETTER.findall(sample))


def _nfc(text: str | None) -> str:
    """Composed Unicode, as trafilatura's extract() returns it (Bengali, Hangul and accents compare equal)."""
    return unicodedata.normalize("NFC", (text or "").strip())


def _plugin_chrome(page: Page, root: HtmlElement | None) -> list[HtmlElement]:
    """The plugins' chrome regions that hold a small share of the page's text or do not hold the post (below a
    short post, its comments or its links to the previous and next posts are most of the page)."""
    chrome = [e for e in page.select_unordered(PLUGIN_CHROME) & page.chrome if e.tag != "form"]
    limit = MAX_CHROME_SHARE * len(page.text) if chrome else 0
    return [
        e
        for e in chrome
        if len(page.text_in(e)) <= limit or (root is not None and root is not e and e not in root.iterancestors())
    ]


@contextmanager
def _layout_tables_as_blocks(page: Page) -> Iterator[None]:
    """The page's layout tables read as <div>s for the time of the block. A hand-made site lays its page out in a
    table (menu and visitor counter in one cell, the post in the next); trafilatura keeps a table whole, as data,
    menu and all. A table is layout when a cell holds a heading or a long paragraph: data tables hold neither."""
    parts = [
        (e, "div")
        for table in _LAYOUT_TABLES(page.tree)
        for e in table.iter(*TABLE_PARTS)
        if e is table or next(e.iterancestors("table")) is table
    ]  # a data table inside stays one
    with renamed(parts):
        yield
