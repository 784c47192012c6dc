"""Locating the post's body container."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from crawler.extraction.page import HtmlElement, Page, compiled, narrowed, text_of
from crawler.extraction.selectors import CONTENT_ROOTS

MIN_ROOT_TEXT = 200  # characters: a smaller match is a teaser or a widget, not the post
HELD_SHARE = 0.5  # of the post's text: a container holding less is not the post's
HOLDER_SHARE = 0.8  # of the post's text found on the page: what the element found instead holds
MIN_PLACED_CHARS = 20  # a shorter line or text node (a word, a date, a name) may stand anywhere on the page
_MAIN = etree.XPath("//main[not(ancestor::main)]")  # HTML allows one visible <main>: the page's own content
_TEXT_NODES = etree.XPath(".//text()[not(parent::script or parent::style)]")
_LISTS = {"ul", "ol", "li"}  # a list and its items, nested lists within them
_MEDIA = etree.XPath("(.//img | .//picture | .//video | .//audio | .//iframe | .//embed | .//object)[1]")
_HEADLINE_INSIDE = etree.XPath("(.//h1)[1]")
_HEADLINE_ABOVE = etree.XPath("preceding::h1[1]")
_PARAGRAPHS_ABOVE = etree.XPath("preceding::p")
_PARAGRAPHS_BELOW = etree.XPath("following::p")


def holds_media(element: HtmlElement) -> bool:
    """The element holds an image, a video, a sound or a frame."""
    return bool(_MEDIA(element))


def headed_by_headline(root: HtmlElement) -> bool:
    """Whether the post's container `root` stands under the page's headline: an <h1> in it, or the nearest <h1>
    above it followed by less than MIN_ROOT_TEXT characters of paragraphs before it (a byline, a date, a caption).
    A news or blog article prints its headline and then its text; a landing page's densest section stands below
    other sections' paragraphs under the page's <h1>."""
    if _HEADLINE_INSIDE(root):
        return True
    headline = next(iter(_HEADLINE_ABOVE(root)), None)
    if headline is None:
        return False
    below = set(_PARAGRAPHS_BELOW(headline))
    between = sum(len(text_of(p)) for p in _PARAGRAPHS_ABOVE(root) if p in below)
    return between < MIN_ROOT_TEXT


def find_content_root(page: Page) -> HtmlElement | None:
    """The match of the most specific selector holding enough text and not in chrome; else the element with the
    most paragraph text outside the chrome (not a sidebar's widget, one comment, or the footer under a short post;
    in it where no paragraph is outside) — unless that lies outside the page's `<main>` and the `<main>` holds an
    image, a video or a frame: a photo post's few words are in its main element, and a bio or footer below it has
    more."""
    for selector in narrowed(", ".join(CONTENT_ROOTS), page.names):
        for candidate in compiled((selector,))(page.tree):
            if len(text_of(candidate)) >= MIN_ROOT_TEXT and not page.in_chrome(candidate):
                return candidate
    # a post whose theme puts it in chrome (an <aside>) has its root there all the same: missed_body() reports it
    densest = densest_parent(page, within=page.tree)
    if densest is None:
        densest = densest_parent(page)
    main = next(iter(_MAIN(page.tree)), None)
    if main is not None and holds_media(main) and (densest is None or main not in (densest, *densest.iterancestors())):
        return main
    return densest


def densest_parent(page: Page, within: HtmlElement | None = None) -> HtmlElement | None:
    """The element whose <p> children hold the most text: in the whole page, or `within` an element and outside
    the page's chrome (a one-line post's paragraph is shorter than the site footer's two)."""
    scores: dict[HtmlElement, int] = {}
    for count, paragraph in enumerate((page.tree if within is None else within).iter("p")):
        if count >= 2000:
            break
        parent = paragraph.getparent()
        if parent is not None and (within is None or not page.in_chrome(paragraph)):
            scores[parent] = scores.get(parent, 0) + len(text_of(paragraph))
    densest = max(scores, key=scores.__getitem__) if scores else None
    if densest is None or densest.tag != "li":
        return densest
    # A loose list's item (Markdown's list whose items are <p>s) is one item of the text its list stands in: where
    # that text's other lists or paragraphs hold more, the element holding the list is the container (a
    # gatsby-starter-lumen post written as numbered lists was cut to its longest item, its tags after it lost).
    holder = next((node for node in densest.iterancestors() if node.tag not in _LISTS), None)
    paragraphs = [] if holder is None else holder.iter("p")
    held = sum(len(text_of(p)) for p in paragraphs if within is None or not page.in_chrome(p))
    return holder if holder is not None and held > scores[densest] else densest


def body_holder(page: Page, text: str, root: HtmlElement | None) -> HtmlElement | None:
    """The element that holds the post's `text` as extracted: `root` (find_content_root) where at least HELD_SHARE
    of the text stands in its text nodes, else the deepest element below <body> that holds HOLDER_SHARE of what of
    the text the page's text nodes hold. The container a selector or the densest paragraphs name may be another
    than the one the extraction read the post from: a header's standfirst that sums up the post's first lines in
    one paragraph (a Jekyll theme's cover), one panel of a post exported from Confluence, an excerpt's
    .entry-content above the post's — and the post's pictures are looked for in the container (images.py). Text
    nodes, not the element's whole text: a standfirst's one paragraph holds the words of the post's first lines."""
    # each line's white space folded, the lines kept apart: a node's words stand in one line of the text (a
    # standfirst's paragraph summing up the post's first lines holds the words of several)
    folded = "\n".join(" ".join(line.split()) for line in text.splitlines())
    if len(folded) < MIN_PLACED_CHARS:
        return root
    if root is not None and sum(length for _, length in _placed(root, folded)) >= HELD_SHARE * len(folded):
        return root
    weights: dict[HtmlElement, int] = {}
    body = page.tree.find("body")
    for element, length in _placed(page.tree if body is None else body, folded):
        for holder in (element, *element.iterancestors()):
            weights[holder] = weights.get(holder, 0) + length
    found = max((weight for element, weight in weights.items() if element.tag == "body"), default=0)
    if not found or root is not None and weights.get(root, 0) >= HELD_SHARE * found:
        return root
    holders = [e for e, weight in weights.items() if weight >= HOLDER_SHARE * found and e.tag not in ("html", "body")]
    return max(holders, key=lambda e: sum(1 for _ in e.iterancestors()), default=root)


def _placed(element: HtmlElement, folded: str) -> Iterator[tuple[HtmlElement, int]]:
    """The elements under `element` whose own text nodes (MIN_PLACED_CHARS or longer) stand in a line of the
    `folded` text, each with the length of such a node."""
    for node in _TEXT_NODES(element):
        words = " ".join(node.split())
        if len(words) >= MIN_PLACED_CHARS and words in folded:
            parent = node.getparent()
            yield (parent.getparent() if node.is_tail else parent), len(words)
