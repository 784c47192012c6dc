"""What Textpattern says about its own pages: its name in the generator tag, and its category links.

Textpattern CMS prints `<meta name="generator" content="Textpattern CMS">` in the head of its themes (four-point-nine,
its default since 4.7, and zero). It links a category by the page of the section filtered by it, the category's name
in the `c` parameter (`pagelinkurl()`: `/articles/?c=reisen` with clean URLs, `/index.php?s=articles&c=reisen`
with messy ones); only a category outside any section gets a path of its own (`/category/reisen/`).
"""

from __future__ import annotations

import re

from crawler.extraction.page import Page

# A list of posts filtered by a term in its query, as Textpattern's pages link them: `?c=x` too
TERM_QUERY = re.compile(r"(?:^|&)(tags?|categor(?:y|ies)|c)=[^&\d][^&]*", re.IGNORECASE)


def textpattern_page(page: Page) -> bool:
    """Textpattern rendered the page (its generator tag says so)."""
    return any(generator.startswith("Textpattern") for generator in page.meta.get("generator", []))
