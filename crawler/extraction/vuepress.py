"""What VuePress Theme Hope (vuepress-theme-hope, VuePress 2's most used blog theme) prints of a post's categories.

Hope's page info under a post's title prints each category as a `span.page-category-item` a script makes clickable
(no link to the category's page, no rel), and after them `<meta property="articleSection" content="Kitchen,Travel">`,
the post's front-matter `category` joined by commas, in `span.page-category-info`; its SEO plugin writes no
`article:section`. That meta names the post's categories.
"""

from __future__ import annotations

from crawler.extraction.page import Page

# Hope's CategoryInfo component: the categories' spans and the schema.org articleSection of them all.
HOPE_CATEGORIES = "span.page-category-info > meta[property=articleSection]"


def hope_categories(page: Page) -> list[str]:
    """The post's categories as Hope's page info names them; [] on any other page."""
    if "page-category-info" not in page.names.classes:
        return []
    meta = next(iter(page.select(HOPE_CATEGORIES)), None)
    content = meta.get("content") or "" if meta is not None else ""
    return [name for part in content.split(",") if (name := part.strip())]
