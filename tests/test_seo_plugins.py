"""What WordPress's SEO plugins add to a post's page, read as the plugins print it (Rank Math 1.0, Yoast SEO 28):
the site's own entity of their JSON-LD graph is no author of the post."""

from __future__ import annotations

import json

from crawler.extraction.extract import extract

URL = "https://stone-and-bread.example/2026/12/07/hello-world/"
SITE = "https://stone-and-bread.example"


def _rank_math_post(author: str) -> str:
    """A Twenty Twenty-Five post with Rank Math's graph: the site's entity (`#person`, typed Person and Organization,
    named as the site: Rank Math's default knowledge graph), the post's author a Person of its own."""
    graph = [
        {"@type": ["Person", "Organization"], "@id": f"{SITE}/#person", "name": "Stone and Bread"},
        {"@type": "WebSite", "@id": f"{SITE}/#website", "url": SITE, "name": "Stone and Bread",
         "publisher": {"@id": f"{SITE}/#person"}},
        {"@type": "Person", "@id": f"{SITE}/author/{author.lower()}/", "name": author,
         "url": f"{SITE}/author/{author.lower()}/", "sameAs": [SITE]},
        {"@type": "BlogPosting", "headline": "Hello world! - Stone and Bread",
         "datePublished": "2026-12-07T07:59:44+01:00", "author": {"@id": f"{SITE}/author/{author.lower()}/",
         "name": author}, "publisher": {"@id": f"{SITE}/#person"}, "@id": f"{URL}#richSnippet"},
    ]  # fmt: skip
    ld = json.dumps({"@context": "https://schema.org", "@graph": graph})
    return (
        '<!doctype html><html lang="en-US"><head><meta charset="UTF-8"><title>Hello world! - Stone and Bread</title>'
        '<meta property="og:type" content="article"><meta property="og:site_name" content="Stone and Bread">'
        f'<script type="application/ld+json" class="rank-math-schema">{ld}</script>'
        '</head><body class="wp-singular post-template-default single single-post postid-1 single-format-standard'
        ' wp-theme-twentytwentyfive"><div class="wp-site-blocks"><main class="wp-block-group">'
        '<h1 class="wp-block-post-title">Hello world!</h1>'
        '<div class="entry-content wp-block-post-content"><p>Welcome to WordPress. This is your first post. Edit or'
        " delete it, then start writing! The kettle is on and the bread is in the oven for another hour.</p></div>"
        f'<div class="wp-block-post-author-name"><a href="{SITE}/author/{author.lower()}/" '
        f'class="wp-block-post-author-name__link">{author}</a></div></main></div></body></html>'
    )


def test_rank_maths_site_entity_is_no_author_of_a_post_whose_author_is_an_account_name():
    """WordPress's first account, "admin", is no person's name; the site's entity Rank Math types Person too is no
    author either (it was read as two: "Stone" and "Bread")."""
    assert extract(_rank_math_post("admin"), URL).authors == []


def test_rank_maths_graph_names_the_posts_author():
    assert [person.name for person in extract(_rank_math_post("Daniel"), URL).authors] == ["Daniel"]
