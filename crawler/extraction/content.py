"""Locating the post's body container."""

from __future__ import annotations

from lxml import etree

from crawler.extraction.page import HtmlElement, Page, compiled, narrowed, text_of
from crawler.extraction.selectors import CONTENT_ROOTS

MIN_ROOT_TEXT = 200  # characters: a smaller match is a teaser or a widget, not the post
_MAIN = etree.XPath("//main[not(ancestor::main)]")  # HTML allows one visible <main>: the page's own content
_MEDIA = etree.XPath("(.//img | .//picture | .//video | .//audio | .//iframe | .//embed | .//object)[1]")


def holds_media(element: HtmlElement) -> bool:
    """The element holds an image, a video, a sound or a frame."""
    return bool(_MEDIA(element))


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
    return max(scores, key=scores.__getitem__) if scores else None
