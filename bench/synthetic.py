"""A deterministic synthetic blog of N posts built from the sample blog's content, padded to 25–40 KB pages."""

from __future__ import annotations

import copy
from datetime import date, timedelta

from crawler.demo.site import DemoSite


def synthetic_site(posts: int) -> DemoSite:
    site = DemoSite(name="Synthetic Benchmark Blog")
    templates = [copy.deepcopy(p) for p in site.posts]
    paragraphs = [p.intro for p in templates] + [p.outro for p in templates]
    site.posts = []
    start = date(2015, 1, 1)
    for n in range(posts):
        template = templates[n % len(templates)]
        day = (start + timedelta(days=n * 3650 // max(posts, 1))).isoformat()
        extra = [paragraphs[(n * 7 + k) % len(paragraphs)] for k in range(12)]
        site.add_post({
            "slug": f"{template.slug}-{n}", "lang": template.lang, "title": f"{template.title} ({n})", "date": day,
            "authors": template.authors, "category": template.category, "tags": template.tags,
            "intro": template.intro, "heading": template.heading, "items": template.items,
            "outro": template.outro, "figures": template.figures, "extra_paragraphs": extra,
        })  # fmt: skip
    return site
