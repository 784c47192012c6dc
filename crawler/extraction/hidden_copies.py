"""Hidden copies of the post: what a page hides from its readers and shows them elsewhere.

Scripts read a post from its page: TypePad Connect's and Disqus's comment embeds take the post's title and text
from a `div#tpc_post_message` or `div#disqus_post_message` that the blog prints under the post with an inline
`display:none` — a second copy of the whole post; news sites print an article's first paragraphs again in a
preview kept for readers who are not subscribers (a `class="hidden"` block inside the schema.org <article>).
trafilatura's own reading discards an inline `display:none`, but its fallbacks (readability's, its baseline,
jusText's) and the other readings of the best of three do not: the body was the hidden copy, or held the post twice.

An element hidden from readers — the `hidden` attribute (not "until-found", whose text a reader's search reveals),
an inline `display:none` or `visibility:hidden`, or a CSS framework's class for display:none (HIDDEN_CLASSES) —
whose text stands, visible, elsewhere on the page (COPY_HELD of its 4-token shingles) is a copy, and no reading of
the body sees it. A hidden element whose text stands nowhere else — a closed tab, accordion or spoiler, a "read
more" expander, a block a script shows later — is the only copy of that text, and stays. So does a hidden element
that is mostly links (MAX_LINK_SHARE): a menu printed twice, once hidden for small screens, is no copy of the post,
and trafilatura measures the page's text with it — it reads a page again in recall mode when its extraction is under
a fifth of that text — so that taking the menu out changed which reading it kept (a press release's lead and
captions lost on one of the 990 real pages).
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from crawler.extraction.agreement import contained, shingles
from crawler.extraction.page import HtmlElement, Page, detached, text_of

# The classes CSS frameworks define as display:none: HTML5 Boilerplate's, Bootstrap 3's and Tailwind's `hidden`,
# Bootstrap 2's and Foundation's `hide`, Bootstrap 4–5's `d-none`, Bulma's `is-hidden`.
HIDDEN_CLASSES = ("hidden", "hide", "d-none", "is-hidden")
COPY_HELD = 0.9  # of a hidden element's 4-token shingles that the visible text holds: the element is a copy
MAX_LINK_SHARE = 0.5  # of a hidden element's text (white space left out) in links: more, and it is navigation

_LETTERS = "".join(sorted(set("displaynonevisibilityhidden")))
_STYLE = (
    f"translate(@style, '{_LETTERS.upper()} ', '{_LETTERS}')"  # the inline style, those letters lower-cased, no spaces
)


def _hidden(attributes: tuple[str, ...], classes: tuple[str, ...]) -> str:
    """The XPath test of an element hidden by the attributes (`hidden`, `style`) and HIDDEN_CLASSES a page uses."""
    tests = ["@hidden and @hidden != 'until-found'"] if "hidden" in attributes else []
    if "style" in attributes:
        tests.append(f"@style and (contains({_STYLE}, 'display:none') or contains({_STYLE}, 'visibility:hidden'))")
    tests += [f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')" for name in classes]
    return " or ".join(tests)


@lru_cache(maxsize=64)
def _outermost_hidden(attributes: tuple[str, ...], classes: tuple[str, ...]) -> etree.XPath:
    """The outermost hidden elements holding text (the test of the ancestors runs for the hidden elements alone)."""
    hidden = _hidden(attributes, classes)
    return etree.XPath(f"//body//*[{hidden}][not(ancestor::*[{hidden}])][normalize-space()]")


_LINK_TEXT = etree.XPath(".//a//text()", smart_strings=False)


def hidden_copies(page: Page) -> list[HtmlElement]:
    """The outermost elements the page hides from readers whose text stands, visible, elsewhere on the page (see
    the module's docstring), in document order. One pass over the tree finds the hidden elements; the page's text
    outside them is read once."""
    attributes = tuple(name for name in ("hidden", "style") if name in page.names.attributes)
    classes = tuple(name for name in HIDDEN_CLASSES if name in page.names.classes)
    if not attributes and not classes:
        return []
    hidden = _outermost_hidden(attributes, classes)(page.tree)
    prose = [element for element in hidden if not _navigation(page, element)]
    if not prose:
        return []
    with detached(hidden):
        visible = shingles(text_of(page.tree))
    return [element for element in prose if contained(shingles(page.text_in(element)), visible) >= COPY_HELD]


def _navigation(page: Page, element: HtmlElement) -> bool:
    """More than MAX_LINK_SHARE of the element's text is link text."""
    links = len("".join("".join(_LINK_TEXT(element)).split()))
    return links > MAX_LINK_SHARE * len("".join(page.text_in(element).split()))
