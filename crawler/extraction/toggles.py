"""Tabs, accordions and spoilers: every panel's text read, each under its own label.

A tab group or an accordion prints all its panels in the static HTML and shows one at a time; what marks them
for the browser's script made trafilatura read them wrong or not at all:
- tab groups print their labels together above the panels, and trafilatura kept them as a list or a line of their
  own ("Linux macOS", then the panels), no panel saying which tab it is: each label is read as a paragraph right
  before its panel (TAB_GROUPS);
- WordPress content plugins' accordions and spoilers carry a class or a style trafilatura takes for chrome, and
  the writer's questions and answers were missing from the post: for the run, that mark is lifted and each
  header read as a paragraph before its panel (ACCORDIONS);
- an accordion of the WAI-ARIA pattern (WordPress's own accordion block) puts each panel's heading in the
  <button> that opens it, which trafilatura drops with the heading's words: the button is read as those words
  (HEADING_TOGGLES).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

from crawler.extraction.page import Page, detached, moved_as_paragraphs, renamed, unmarked

_PANE = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
# (group, its labels, its panels — both from the group, in the same order —, and what of its navigation is left
# once the labels are out, taken out for the run too: links without text, which made the group link-dense).
TAB_GROUPS = (
    # Docusaurus's `<Tabs>` (`@theme/Tabs`, the MDX component of "Linux / macOS", "npm / yarn" variants): a
    # `ul[role=tablist]` of `li.tabs__item[role=tab]`, then one `div[role=tabpanel]` per tab, all but the selected
    # one `hidden`.
    ("div.tabs-container", "./ul[@role='tablist']/li[@role='tab']", "./div/*[@role='tabpanel']", None),
    # Shortcodes Ultimate's [su_tabs]: `div.su-tabs-nav` of one <span> per label, then `div.su-tabs-panes`.
    (
        "div.su-tabs",
        f"./div[{_PANE.format('su-tabs-nav')}]/span",
        f"./div[{_PANE.format('su-tabs-panes')}]/div[{_PANE.format('su-tabs-pane')}]",
        None,
    ),
    # WordPress's own tabs block (core/tabs, WordPress 7.1): a `div.wp-block-tab-list[role=tablist]` of one
    # `<button role=tab>` per label, then `div.wp-block-tab-panels`, one `section.wp-block-tab-panel[role=tabpanel]`
    # per tab, all but the active one `hidden`; the label buttons made the block chrome, the theme's header with it.
    (
        "div.wp-block-tabs",
        f"./div[{_PANE.format('wp-block-tab-list')}]/button[@role='tab']",
        f"./div[{_PANE.format('wp-block-tab-panels')}]/*[@role='tabpanel']",
        f"./div[{_PANE.format('wp-block-tab-list')}]",
    ),
    # Spectra's tabs block (uagb/tabs): a `ul.uagb-tabs__panel` of one `li.uagb-tab` per label, each a link to its
    # panel around the label's words, then `div.uagb-tabs__body-wrap`, one `div.uagb-tabs__body-container` per tab.
    (
        "div.uagb-tabs__wrap",
        f"./ul[{_PANE.format('uagb-tabs__panel')}]/li/a/span[not({_PANE.format('uagb-tabs__icon')})]",
        f"./div[{_PANE.format('uagb-tabs__body-wrap')}]/div[{_PANE.format('uagb-tabs__body-container')}]",
        f"./ul[{_PANE.format('uagb-tabs__panel')}]",
    ),
    # Accordions by PickPlugins as tabs ([accordions_tabs]): a <ul> of `li.tabs-nav`, each label's text in
    # `span.accordions-head-title` inside a link to its panel, then one `div.tabs-content` per tab.
    (
        "div.accordions-tabs",
        f"./ul/li[{_PANE.format('tabs-nav')}]//span[{_PANE.format('accordions-head-title')}]",
        f"./div[{_PANE.format('tabs-content')}]",
        "./ul",
    ),
)
_TAB_GROUPS = tuple(
    (group, etree.XPath(tabs), etree.XPath(panels), etree.XPath(nav) if nav else None)
    for group, tabs, panels, nav in TAB_GROUPS
)
# (the element that holds the panels, the attribute trafilatura discards it for, each panel's header if any).
ACCORDIONS = (
    # Shortcodes Ultimate's [su_spoiler] (alone or in [su_accordion]): `div.su-spoiler`, whose class names its icon
    # (`su-spoiler-icon-plus`, which trafilatura's "-icon" discards), holding `div.su-spoiler-title` and
    # `div.su-spoiler-content`.
    ("div.su-spoiler", "class", "div.su-spoiler > div.su-spoiler-title"),
    # Accordions by PickPlugins ([accordions]): its items in a `div.items` that is `display:none` until the script
    # has laid them out, each `div.accordions-head` before its `div.accordion-content`.
    ("div.accordions > div.items", "style", "div.accordions > div.items > div.accordions-head"),
    # Shortcodes Ultimate's [su_expand]: its text cut to a few lines in `div.su-expand-content` (styled
    # `overflow:hidden`, which trafilatura discards as it does "hidden") until "Show more"; both classes name
    # "expand", which trafilatura discards too (its links are chrome: selectors.PLUGIN_POST_EXTRAS).
    ("div.su-expand, div.su-expand > div.su-expand-content", "class", None),
    ("div.su-expand > div.su-expand-content", "style", None),
    # Spectra's (Ultimate Addons for Gutenberg's) FAQ block (uagb/faq): its `div.uagb-faq__outer-wrap`'s classes name
    # an icon and an "expand" setting, its `div.uagb-faq__wrap` a button (`uagb-buttons-layout-wrap`), all of which
    # trafilatura discards, and each question (`span.uagb-question`) stands in a `div.uagb-faq-questions-button` (a
    # button again) before its answer, `div.uagb-faq-content`.
    ("div.uagb-faq__outer-wrap, div.uagb-faq__wrap, div.uagb-faq-questions", "class", "span.uagb-question"),
)

# The WAI-ARIA accordion pattern (WordPress's own accordion block, core/accordion, as WordPress 7.1 prints it): each
# panel's heading holds the <button aria-expanded> that opens the panel, around the heading's words; trafilatura
# drops a <button>, and the heading's words with it. Read as the heading's words, for the run.
HEADING_TOGGLES = ", ".join(f"h{level} > button[aria-expanded]" for level in range(1, 7))


@contextmanager
def tab_labels_on_panels(page: Page) -> Iterator[None]:
    """Each tab label as a paragraph right before its panel, for the time of the block, where the group prints
    as many labels as panels (a group it cannot pair is left as it is)."""
    moves, navs = [], []
    for selector, tabs_of, panels_of, nav_of in _TAB_GROUPS:
        for group in page.select(selector):
            tabs, panels = tabs_of(group), panels_of(group)
            if tabs and len(tabs) == len(panels):
                moves += [(tab, panel.addprevious) for tab, panel in zip(tabs, panels, strict=True)]
                navs += nav_of(group) if nav_of is not None else []
    with moved_as_paragraphs(moves), detached(navs):
        yield


@contextmanager
def accordions_open(page: Page) -> Iterator[None]:
    """The accordions and spoilers of ACCORDIONS without the mark trafilatura discards them for, each header a
    paragraph, and the toggles in headings (HEADING_TOGGLES) their words, for the time of the block."""
    with (
        unmarked([(e, attribute) for selector, attribute, _ in ACCORDIONS for e in page.select(selector)]),
        renamed([(e, "p") for *_, headers in ACCORDIONS if headers for e in page.select(headers)]),
        renamed([(e, "span") for e in page.select(HEADING_TOGGLES)]),
    ):
        yield
