"""What Textpattern says about its own pages: its name in the generator tag, and its category links.

Textpattern CMS prints `<meta name="generator" content="Textpattern CMS">` in the head of its themes (four-point-nine,
its default since 4.7, and zero). It links a category by the page of the section filtered by it, the category's name
in the `c` parameter (`pagelinkurl()`: `/articles/?c=reisen` with clean URLs, `/index.php?s=articles&c=reisen`
with messy ones); only a category outside any section gets a path of its own (`/category/reisen/`).

An article's Keywords field is its tags: Textpattern's own tags read it as the article's (`<txp:keywords />`,
`<txp:if_keywords>`, and `<txp:article_custom keywords="…">` lists the articles holding one), and tagging plugins
keep their tags there (tru_tags). four-point-nine prints it nowhere but in `<meta name="keywords">`, and there only
on an article's own page (`<txp:meta_keywords separator="," />` in pages/archive.txp, under if_individual_article),
never a site-wide list as other sites' keywords meta is.
"""

from __future__ import annotations

import re

from crawler.extraction.page import Page

# A list of posts filtered by a term in its query, as Textpattern's pages link them: `?c=x` too
TERM_QUERY = re.compile(r"(?:^|&)(tags?|categor(?:y|ies)|c)=[^&\d][^&]*", re.IGNORECASE)


def textpattern_page(page: Page) -> bool:
    """Textpattern rendered the page (its generator tag says so)."""
    return any(generator.startswith("Textpattern") for generator in page.meta.get("generator", []))


def article_keywords(page: Page) -> list[str]:
    """The article's Keywords field as a Textpattern page prints it in its keywords meta ("Wandern,Alpen"), each
    keyword once; empty on another engine's page."""
    if not textpattern_page(page):
        return []
    keywords = (" ".join(word.split()) for meta in page.meta.get("keywords", []) for word in meta.split(","))
    return list(dict.fromkeys(keyword for keyword in keywords if keyword))
