"""Docusaurus's `<Tabs>`: each tab's label read where its panel starts.

Docusaurus's theme (`@theme/Tabs`, the MDX component its docs and blog posts use for "Linux / macOS", "npm / yarn"
variants of a code block) prints a tab group as `div.tabs-container`: first a `ul[role=tablist]` of the labels
(`li.tabs__item[role=tab]`), then, in a `div`, one `div[role=tabpanel]` per tab in the same order — all of them in
the static HTML, every one but the selected one `hidden`. trafilatura kept the labels as a list of their own above
the panels ("- Linux - macOS"), no panel saying which tab it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

from crawler.extraction.page import Page

TAB_GROUPS = "div.tabs-container"
_TABS = etree.XPath("./ul[@role='tablist']/li[@role='tab']")
_PANELS = etree.XPath("./div/*[@role='tabpanel']")


@contextmanager
def tab_labels_on_panels(page: Page) -> Iterator[None]:
    """Each Docusaurus tab label as a paragraph at the start of its panel, for the time of the block, where the
    group prints as many labels as panels (a group it cannot pair is left as it is)."""
    moved = []
    for group in page.select(TAB_GROUPS):
        tabs, panels = _TABS(group), _PANELS(group)
        if not tabs or len(tabs) != len(panels):
            continue
        for tab, panel in zip(tabs, panels, strict=True):
            tablist = tab.getparent()
            moved.append((tab, tablist, tablist.index(tab), tab.tail, tab.tag))
            tablist.remove(tab)
            tab.tag, tab.tail = "p", None
            panel.insert(0, tab)
    try:
        yield
    finally:
        for tab, tablist, index, tail, tag in reversed(moved):
            tab.getparent().remove(tab)
            tab.tag, tab.tail = tag, tail
            tablist.insert(index, tab)
