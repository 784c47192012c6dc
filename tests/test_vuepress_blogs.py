"""VuePress 2 blog themes, their pages written after what VuePress 2.0.0-rc.30 builds with vuepress-theme-hope
2.0.0-rc.107 and its blog plugin (`plugins: { blog: true }`): the post's static HTML, its page info under the title."""

from __future__ import annotations

from crawler.extraction.extract import extract


def _hope_post(categories: list[str], tags: list[str]) -> str:
    category_items = "".join(
        f'<span class="page-category-item color3 clickable" role="navigation">{name}</span>' for name in categories
    )
    tag_items = "".join(
        f'<span class="page-tag-item color4 clickable" role="navigation">{name}</span>' for name in tags
    )
    tag_metas = "".join(f'<meta property="article:tag" content="{name}">' for name in tags)
    return (
        '<!DOCTYPE html><html lang="en-US"><head><title>Comparing Flour Types | Crumb &amp; Code</title>'
        '<meta name="generator" content="VuePress 2.0.0-rc.30"><meta name="theme" content="VuePress Theme Hope 2.0.0-rc'
        '.107"><meta property="og:site_name" content="Crumb &amp; Code"><meta property="og:type" content="article">'
        f'{tag_metas}<meta property="article:published_time" content="2024-04-20T06:15:00.000Z"></head><body><div'
        ' id="app"><div class="theme-container"><header id="navbar" class="vp-navbar"><a class="route-link vp-brand"'
        ' href="/"><span class="vp-site-name">Crumb &amp; Code</span></a><nav class="vp-nav-links"><a href="/">Blog'
        '</a><a href="/about.html">About</a></nav></header><main id="main-content" class="vp-page"><div class="vp-page'
        '-title"><h1>Comparing Flour Types</h1><div class="page-info"><span class="page-author-info"><span><a class='
        '"page-author-item" href="https://alice.example.org/">Alice Schmidt</a></span></span><span class="page-date-'
        'info"><span>4/20/24</span><meta property="datePublished" content="2024-04-20T06:15:00.000Z"></span><span'
        f' class="page-category-info">{category_items}<meta property="articleSection" content="{",".join(categories)}">'
        f'</span><span class="page-tag-info">{tag_items}<meta property="keywords" content="{",".join(tags)}"></span>'
        '</div><hr></div><div vp-content><div id="markdown-content"><p>Flour types differ in how much of the grain they'
        " keep.</p><p>Darker flour absorbs more water, and a dough of it wants more time to rest.</p></div></div>"
        '<nav class="vp-page-nav"><a class="route-link auto-link next" href="/posts/one-sentence.html"><div class='
        '"hint">Next</div><div class="link">Just One Sentence</div></a></nav></main></div></div></body></html>'
    )


def test_a_hope_posts_categories_are_its_page_infos_article_section():
    """A post of vuepress-theme-hope had no categories: Hope prints them in its page info as spans a script makes
    clickable (no link, no rel), with `<meta property="articleSection" content="Kitchen,Baking">` after them, and its
    SEO plugin writes the tags' article:tag but no article:section."""
    post = extract(_hope_post(["Kitchen", "Baking"], ["flour"]), "https://crumb.example/posts/flour-table.html")
    assert post.kind == "article"
    assert (post.categories, post.tags) == (["Kitchen", "Baking"], ["flour"])
