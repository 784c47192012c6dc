"""Sphinx's ABlog, as it renders a post with pydata-sphinx-theme (ABlog 0.11, trimmed): a figure's caption has no
permalink "#" and is a line of the text, and a code block's wrapper names its language. (A short post beside its
sidebar, and the terms of its postcard: tests/fixtures/sphinx-ablog/.)"""

from __future__ import annotations

from crawler.extraction.article import Article
from crawler.extraction.extract import extract

URL = "https://notes.example/posts/coffee-note.html"
RECENT = "".join(
    f'<li><a href="post-{i}.html">2025-0{i}-01 - Another post of the blog on its travels and its books, number {i}'
    "</a></li>"
    for i in range(1, 6)
)
CLOUD = "".join(
    f'<li class="ablog-cloud ablog-cloud-1"><a href="../blog/tag/t{i}.html">t{i}</a></li>' for i in range(9)
)
SIDEBAR = (
    '<div class="bd-sidebar-primary bd-sidebar"><div class="sidebar-primary-item">'
    '<div class="ablog-sidebar-item ablog__postcard"><h2><i class="fa fa-calendar"></i><span>2024-02-03 09:30</span>'
    '</h2><ul><div class="ablog-sidebar-item ablog__postcard2">'
    '<li id="ablog-sidebar-item author ablog__author"><span><i class="fa-fw fa fa-user"></i></span>'
    '<a href="../blog/author/jane-example.html">Jane Example</a></li>'
    '<li id="ablog-sidebar-item category ablog__category"><span><i class="fa-fw fa fa-folder-open"></i></span>'
    '<a href="../blog/category/notes.html">Notes</a></li>'
    '<li id="ablog-sidebar-item tags ablog__tags"><span><i class="fa-fw fa fa-tags"></i></span>'
    '<a href="../blog/tag/life.html">life</a> <a href="../blog/tag/coffee.html">coffee</a></li></div></ul></div>'
    '</div><div class="sidebar-primary-item"><div class="ablog-sidebar-item ablog__recentposts">'
    f'<h3><a href="../blog.html">Recent Posts</a></h3><ul>{RECENT}</ul></div></div>'
    '<div class="sidebar-primary-item"><div class="ablog-sidebar-item ablog__tagcloud">'
    f'<h3><a href="../blog/tag.html">Tags</a></h3><ul class="ablog-cloud">{CLOUD}</ul></div></div>'
    '<div class="sidebar-primary-item"><div class="ablog-sidebar-item ablog__categories">'
    '<h3><a href="../blog/category.html">Categories</a></h3><ul><li><a href="../blog/category/notes.html">Notes (3)'
    '</a></li><li><a href="../blog/category/essays.html">Essays (4)</a></li></ul></div></div>'
    '<div class="sidebar-primary-item"><div class="ablog-sidebar-item ablog__authors">'
    '<h3><a href="../blog/author.html">Authors</a></h3><ul><li><a href="../blog/author/jane-example.html">Jane '
    "Example (12)</a></li></ul></div></div>"
    '<div class="sidebar-primary-item"><div class="ablog-sidebar-item ablog__archives">'
    '<h3><a href="../blog/archive.html">Archives</a></h3><ul><li><a href="../blog/2025.html">2025 (5)</a></li>'
    '<li><a href="../blog/2024.html">2024 (7)</a></li></ul></div></div></div>'
)
PREV_NEXT = (
    '<div class="section ablog__blog_comments"><div class="section ablog__prev-next">'
    '<span class="ablog__prev"><a href="why-static-sites.html"><i class="fa fa-arrow-circle-left"></i>'
    "<span>Why Static Sites Still Matter</span></a></span>"
    '<span class="ablog__next"><a href="build-systems.html"><span>Build Systems</span></a></span></div></div>'
)


def _post(section: str) -> Article:
    html = (
        '<html lang="en"><head><title>Coffee Note &#8212; Jane&#39;s Notes</title><meta name="generator" '
        'content="Sphinx 9.0.4"></head><body><header class="bd-header navbar"><a class="navbar-brand logo" '
        'href="../index.html"><p class="title logo__title">Jane\'s Notes</p></a><nav><ul class="navbar-nav">'
        '<li class="nav-item"><a class="nav-link" href="../blog.html">Blog</a></li><li class="nav-item">'
        '<a class="nav-link" href="../about.html">About</a></li></ul></nav></header>'
        f'<div class="bd-container"><div class="bd-container__inner">{SIDEBAR}<main id="main-content" '
        'class="bd-main"><div class="bd-content"><div class="bd-article-container"><article class="bd-article">'
        f'<section id="coffee-note"><h1>Coffee Note<a class="headerlink" href="#coffee-note">#</a></h1>{section}'
        f"</section>{PREV_NEXT}</article></div></div></main></div></div>"
        '<footer class="bd-footer"><p class="copyright">© Copyright 2025, Jane Example.</p><p>Created using '
        '<a href="https://www.sphinx-doc.org/">Sphinx</a> 9.0.4.</p></footer></body></html>'
    )
    return extract(html, URL)


def test_a_figures_caption_without_its_permalink_and_a_code_blocks_language_from_its_wrapper():
    section = (
        "<p>The build step can be automated with a few lines of shell, as the script below shows for the blog.</p>"
        '<div class="highlight-bash notranslate"><div class="highlight"><pre><span></span>'
        '<span class="ch">#!/bin/sh</span>\n<span class="nb">set</span> -e\nhugo --minify\n</pre></div></div>'
        '<figure class="align-default" id="id1"><img alt="Mountain road" src="../_images/road.png" />'
        '<figcaption><p><span class="caption-text">A mountain road after the rain</span><a class="headerlink" '
        'href="#id1" title="Link to this image">#</a></p></figcaption></figure>'
        "<p>None of this is new, but the tooling has matured enough that a blog can be kept for years with ease.</p>"
    )
    article = _post(section)
    assert [image.caption for image in article.images] == ["A mountain road after the rain"]
    assert "A mountain road after the rain" in article.text.splitlines()
    assert "```bash\n#!/bin/sh\nset -e\nhugo --minify\n```" in article.markdown
