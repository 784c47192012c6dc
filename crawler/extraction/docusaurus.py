"""Docusaurus's `<Tabs>`: each tab's label read where its panel starts.

Docusaurus's theme (`@theme/Tabs`, the MDX component its docs and blog posts use for "Linux / macOS", "npm / yarn"
variants of a code block) prints a tab group as `div.tabs-container`: first a `ul[role=tablist]` of the labels
(`li.tabs__item[role=tab]`), then, in a `div`, one `div[role=tabpanel]` per tab in the same order — all of them in
the static HTML, every one but the selected one `hidden`. trafilatura kept the labels as a list of their own above
the panels ("- Linux - macOS"), no panel saying which tab it is.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import partial

from lxml import etree

from crawler.extraction.page import HtmlElement, Page, moved_as_paragraphs

TAB_GROUPS = "div.tabs-container"
_TABS = etree.XPath("./ul[@role='tablist']/li[@role='tab']")
_PANELS = etree.XPath("./div/*[@role='tabpanel']")


def tab_labels_on_panels(page: Page) -> AbstractContextManager[None]:
    """Each Docusaurus tab label as a paragraph at the start of its panel, for the time of the block, where the
    group prints as many labels as panels (a group it cannot pair is left as it is)."""
    moves = []
    for group in page.select(TAB_GROUPS):
        tabs, panels = _TABS(group), _PANELS(group)
        if tabs and len(tabs) == len(panels):
            moves += [(tab, partial(_at_the_start, panel)) for tab, panel in zip(tabs, panels, strict=True)]
    return moved_as_paragraphs(moves)


def _at_the_start(panel: HtmlElement, label: HtmlElement) -> None:
    panel.insert(0, label)
