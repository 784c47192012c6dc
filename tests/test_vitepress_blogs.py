"""VitePress blog themes, their pages written after what VitePress 1.6 builds with @sugarat/theme 0.5 (its starter,
ATQQ/sugar-blog's packages/create-theme template): the post's static HTML, and VitePress's site data in a script,
where the theme keeps every page's front matter."""

from __future__ import annotations

import json

from crawler.extraction.extract import extract

AUTHORS = [
    {"nickname": "Alice Schmidt", "url": "https://alice.example.org/", "des": "Baker from Hamburg."},
    {"nickname": "李明", "url": "https://liming.example.cn/", "des": "前端工程师"},
]


def _site_data(pages: list[dict], locales: dict[str, list[dict]] | None = None) -> str:
    blog = {"pagesData": pages, "author": "Alice Schmidt", "authorList": AUTHORS, "search": False}
    if locales:
        blog["locales"] = {name: {"pagesData": data} for name, data in locales.items()}
    data = {"lang": "zh-CN", "title": "Crumb & Code", "base": "/", "themeConfig": {"blog": blog}}
    return f"<script>window.__VP_SITE_DATA__=JSON.parse({json.dumps(json.dumps(data, ensure_ascii=False))});</script>"


def _page(lang: str, title: str, route: str, body: str, site_data: str) -> str:
    """A post page as VitePress renders it with @sugarat/theme: the nav, the theme's sidebar of recommended posts
    (each with its day), and the post's heading and text in .vp-doc — its author, date and tags, which the theme's
    <ClientOnly> BlogArticleAnalyze prints in a browser, not there."""
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="ltr"><head><meta charset="utf-8"><title>{title} | Crumb &amp; Code'
        '</title><meta name="generator" content="VitePress v1.6.4"></head><body><div id="app"><div class="Layout'
        ' blog-theme-layout"><header class="VPNav"><div class="VPNavBarTitle"><a class="title" href="/"><span>Crumb'
        ' &amp; Code</span></a></div><nav class="VPNavBarMenu menu"><a class="VPLink link" href="/">首页</a><a'
        ' class="VPLink link" href="/about.html">About</a></nav></header><aside class="VPSidebar"><nav class="nav">'
        '<div class="sidebar" data-pagefind-ignore="all"><div class="recommend"><div class="card-header"><span'
        ' class="title">相关文章</span></div><ol class="recommend-container"><li><i class="num">1</i><div class="des">'
        f'<a class="current title" href="{route}.html"><span>{title}</span></a><div class="suffix"><span class="tag">'
        '2024-06-15</span></div></div></li><li><i class="num">2</i><div class="des"><a class="title" href="/posts/'
        'older.html"><span>Older post</span></a><div class="suffix"><span class="tag">2024-06-01</span></div></div>'
        '</li></ol></div></div></nav></aside><div class="VPContent has-sidebar" id="VPContent"><div class="VPDoc">'
        '<div class="content"><div class="content-container"><main class="main"><div style="position:relative;"'
        f' class="vp-doc _{route.strip("/").replace("/", "_")}"><div><h1 id="t" tabindex="-1">{title} <a'
        f' class="header-anchor" href="#t">\u200b</a></h1>{body}</div></div></main><footer class="VPDocFooter">'
        f"</footer></div></div></div></div></div></div>{site_data}</body></html>"
    )


ROGGEN = {
    "route": "/de/posts/roggenmehl",
    "meta": {
        "title": "Über Roggenmehl",
        "date": "2024/06/15 16:30:00",
        "author": "李明",
        "tags": ["roggen", "sauerteig"],
        "categories": ["Küche"],
        "description": "Warum Roggen Sauerteig braucht.",
        "tag": ["Küche", "roggen", "sauerteig"],
    },
}
ABOUT = {
    "route": "/about",
    "meta": {"title": "About", "publish": False, "date": "2026/12/06 19:46:35", "hidden": True, "recommend": False},
}
ROGGEN_TEXT = "<p>Roggenmehl bindet viel Wasser.</p><p>Deshalb backt man Roggenbrot mit Sauerteig.</p>"


def test_a_sugarat_post_is_a_dated_post_by_its_author_from_the_themes_page_data():
    """A short post of @sugarat/theme on VitePress was no post ("short page without a date or post markup"), and had
    no date, author nor tags: the theme prints them only in a browser. Its page data in VitePress's site data
    (themeConfig.blog.locales.<locale>.pagesData on a site of several languages) holds the post's front matter."""
    data = _site_data([ABOUT], {"de": [ROGGEN]})
    post = extract(_page("de-DE", "Über Roggenmehl", "/de/posts/roggenmehl", ROGGEN_TEXT, data),
                   "https://crumb.example/de/posts/roggenmehl.html")  # fmt: skip
    assert post.kind == "article"
    assert post.published == "2024-06-15T16:30:00"
    assert [(p.name, p.url) for p in post.authors] == [("李明", "https://liming.example.cn/")]
    assert (post.categories, post.tags) == (["Küche"], ["roggen", "sauerteig"])
    assert post.text == "Roggenmehl bindet viel Wasser.\nDeshalb backt man Roggenbrot mit Sauerteig."


def test_a_sugarat_post_without_an_author_of_its_own_is_by_the_themes_author():
    """A post whose front matter names no author is by the theme's `author` setting, as the theme's byline says."""
    entry = {"route": "/posts/brot", "meta": {**ROGGEN["meta"], "title": "Brot"}}
    del entry["meta"]["author"]
    post = extract(_page("zh-CN", "Brot", "/posts/brot", ROGGEN_TEXT, _site_data([entry])),
                   "https://crumb.example/posts/brot.html")  # fmt: skip
    assert [(p.name, p.url) for p in post.authors] == [("Alice Schmidt", "https://alice.example.org/")]


def test_a_sugarat_page_kept_out_of_the_list_of_posts_is_a_page():
    """An About page of @sugarat/theme (`publish: false`, which sets `hidden: true` in the theme's page data) was
    archived as a post when a browser had rendered it: the theme prints the page's last change as its date there."""
    about = "<p>This blog is written by Alice and Li Ming about bread, travel and code, since 2019.</p>"
    page = extract(_page("zh-CN", "About", "/about", about, _site_data([ABOUT, ROGGEN])), "https://crumb.example/about")
    assert page.kind == "page"


def test_a_sugarat_blogs_home_of_another_language_is_a_listing():
    """The home page of a locale of a @sugarat/theme blog (VitePress's `layout: home`: div.VPContent.is-home >
    div.VPHome, the theme's list of the posts in it, each with its author, day and terms) was archived as a post
    "Crumb & Code (en) Bread, travel and code", dated by its newest post: no markup said it was a list."""
    items = "".join(
        f'<li><a class="blog-item" href="/en/posts/{slug}.html"><p class="title mobile-visible">{title}</p><div'
        f' class="info-container"><div class="info-part"><p class="title pc-visible"><span>{title}</span></p><p'
        f' class="description">{summary}</p><div class="badge-list pc-visible"><span class="split">{author}</span>'
        f'<span class="split">{day}</span><span class="split">{terms}</span></div></div></div></a></li>'
        for slug, title, summary, author, day, terms in (
            ("rye", "Rye Crumb FAQ: Why Is It Sticky?", "Answers about sticky rye crumb.", "Bob", "2025-03-02", "faq"),
            ("harbour", "Morning Light", "A photo of the harbour at dawn.", "Alice", "2024-05-11", "Travel · photo"),
        )
    )
    home = (
        '<!DOCTYPE html><html lang="en-US"><head><title>Crumb &amp; Code</title><meta name="generator" content='
        '"VitePress v1.6.4"></head><body><div id="app"><div class="Layout blog-theme-layout"><header class="VPNav">'
        '<a class="title" href="/en/"><span>Crumb &amp; Code</span></a></header><div class="VPContent is-home" id='
        '"VPContent"><div class="VPHome"><div class="home"><div class="header-banner"><h1><span class="name">Crumb'
        ' &amp; Code (en)</span><span class="motto">Bread, travel and code</span></h1></div><div class="content-wrap'
        f'per"><div class="blog-list-wrapper"><ul data-pagefind-ignore="all">{items}</ul></div><div class="blog-info'
        '-wrapper"><div class="card">Posts 6 · updated 2025-03-02</div></div></div></div></div></div></div></div>'
        f"{_site_data([], {'en': [ROGGEN]})}</body></html>"
    )
    assert extract(home, "https://crumb.example/en/").kind == "listing"


def test_a_sugarat_posts_author_has_the_bio_the_themes_author_list_gives():
    """@sugarat/theme's `authorList` describes each author (`nickname`, `url`, `des`: the line the theme shows on
    the byline's link, in a browser): the post's author had no bio and no link to their site."""
    post = extract(_page("de-DE", "Über Roggenmehl", "/de/posts/roggenmehl", ROGGEN_TEXT, _site_data([ROGGEN])),
                   "https://crumb.example/de/posts/roggenmehl.html")  # fmt: skip
    assert post.author_box is not None
    assert (post.author_box.name, post.author_box.bio) == ("李明", "前端工程师")
    assert post.author_box.links == ["https://liming.example.cn/"]
