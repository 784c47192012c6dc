"""A deterministic synthetic blog of N posts built from the sample blog's content: WordPress-like pages of
30–60 KB, most of it what a real theme adds (inline global styles and scripts, menus, widgets, related posts)."""

from __future__ import annotations

import copy
from datetime import date, timedelta

from crawler.demo.site import DemoSite

COLOURS = ("black", "cyan-bluish-gray", "white", "pale-pink", "vivid-red", "luminous-vivid-orange", "vivid-green")


def theme_head() -> str:
    """About 17 KB of the inline CSS and JS a block theme puts in every page's <head>."""
    rules = []
    for n in range(160):
        colour = COLOURS[n % len(COLOURS)]
        rules.append(
            f".has-{colour}-color-{n}{{color: var(--wp--preset--color--{colour}) !important;}}"
            f" .wp-block-group-{n}{{padding: calc({n % 9} * var(--wp--style--block-gap));}}"
        )
    script = "".join(
        f'window._wpemojiSettings_{n}={{"baseUrl":"https://s.w.org/images/core/emoji/{n}/72x72/","ext":".png"}};'
        for n in range(40)
    )
    return f'<style id="global-styles-inline-css">{"".join(rules)}</style>\n<script>{script}</script>'


def synthetic_site(posts: int, theme: bool = True) -> DemoSite:
    """`theme=False`: without the theme's inline CSS and JS and the extra paragraphs (pages of ~5 KB), for tests."""
    site = DemoSite(name="Synthetic Benchmark Blog")
    if theme:
        site.theme_head = theme_head()
    templates = [copy.deepcopy(p) for p in site.posts]
    paragraphs = [p.intro for p in templates] + [p.outro for p in templates]
    site.posts = []
    start = date(2015, 1, 1)
    for n in range(posts):
        template = templates[n % len(templates)]
        day = (start + timedelta(days=n * 3650 // max(posts, 1))).isoformat()
        extra = [paragraphs[(n * 7 + k) % len(paragraphs)] for k in range(20 + n % 50)] if theme else []
        site.add_post(
            {
                "slug": f"{template.slug}-{n}",
                "lang": template.lang,
                "title": f"{template.title} ({n})",
                "date": day,
                "authors": template.authors,
                "category": template.category,
                "tags": template.tags,
                "intro": template.intro,
                "heading": template.heading,
                "items": template.items,
                "outro": template.outro,
                "figures": template.figures,
                "extra_paragraphs": extra,
            }
        )
    return site
