"""A post page of Material for MkDocs' blog plugin, written after its templates (material/templates/main.html,
blog-post.html and partials/header.html, tags.html of Material 9): the header with the site's name in its first
topic and the page's title in the second, the site's navigation, the post's own sidebar (div.md-sidebar--post: the
link back to the index, each author's profile from .authors.yml, the metadata list with date.created, date.updated
where there is one, "in" and the categories, the reading time), then the <article> with the tags plugin's
nav.md-tags and the post. Material's <meta name="author"> is the site's site_author on every page."""

from __future__ import annotations

from dataclasses import dataclass

TEXT = "A slow proof in the fridge gives the dough time to taste of something, and the crust blisters in the oven. " * 4


@dataclass(frozen=True)
class Author:
    name: str
    description: str
    avatar: str
    url: str


def material_post(
    title: str = "Cold proofing",
    authors: tuple[Author, ...] = (),
    created: str = "2024-03-05 09:30:00+01:00",
    updated: str | None = None,
    categories: tuple[tuple[str, str], ...] = (),
    tags: tuple[str, ...] = (),
    site: str = "Crumb Notes",
    site_author: str = "Site Owner",
) -> str:
    """`categories`: (name, slug) pairs; the page at /blog/2024/03/05/cold-proofing/ of a site at its root."""
    profiles = "".join(
        f'<div class="md-profile md-post__profile"><span class="md-author md-author--long"><img src="{a.avatar}" '
        f'alt="{a.name}"></span><span class="md-profile__description"><strong><a href="{a.url}">{a.name}</a>'
        f"</strong><br>{a.description}</span></div>"
        for a in authors
    )
    times = f'<li class="md-nav__item"><div class="md-nav__link"><time datetime="{created}" class="md-ellipsis">'
    times += "March 5, 2024</time></div></li>"
    if updated:
        times += f'<li class="md-nav__item"><div class="md-nav__link"><time datetime="{updated}" class="md-ellipsis">'
        times += "March 9, 2024</time></div></li>"
    if categories:
        links = ", ".join(f'<a href="../../../../category/{slug}/">{name}</a>' for name, slug in categories)
        times += f'<li class="md-nav__item"><div class="md-nav__link"><span class="md-ellipsis">in {links}</span>'
        times += "</div></li>"
    tag_links = "".join(f'<a href="../../../../../tags/#tag:{tag}" class="md-tag">{tag}</a>' for tag in tags)
    tags_nav = f'<nav class="md-tags">{tag_links}</nav>' if tags else ""
    every_category = "".join(
        f'<li class="md-nav__item"><a href="../../../../category/{slug}/" class="md-nav__link">'
        f'<span class="md-ellipsis">{name}</span></a></li>'
        for name, slug in (("Bread", "bread"), ("Code", "code"), ("Walks", "walks"))
    )
    return (
        f'<html lang="en"><head><meta name="author" content="{site_author}">'
        '<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">'
        f"<title>{title} - {site}</title></head><body>"
        '<header class="md-header"><nav class="md-header__inner md-grid">'
        f'<a href="../../../../.." title="{site}" class="md-header__button md-logo" aria-label="{site}"></a>'
        '<div class="md-header__title"><div class="md-header__ellipsis">'
        f'<div class="md-header__topic"><span class="md-ellipsis">{site}</span></div>'
        f'<div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis">{title}</span>'
        "</div></div></div></nav></header>"
        '<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">'
        '<div class="md-sidebar md-sidebar--primary"><nav class="md-nav md-nav--primary"><ul class="md-nav__list">'
        '<li class="md-nav__item"><a href="../../../../" class="md-nav__link">Blog</a></li>'
        f'<li class="md-nav__item md-nav__item--nested"><label class="md-nav__link">Categories</label>'
        f'<nav class="md-nav"><ul class="md-nav__list">{every_category}</ul></nav></li></ul></nav></div>'
        '<div class="md-content md-content--post" data-md-component="content">'
        '<div class="md-sidebar md-sidebar--post"><div class="md-sidebar__inner md-post"><nav class="md-nav">'
        '<div class="md-post__back"><a href="../../../../" class="md-nav__link">Back to index</a></div>'
        f'<div class="md-post__authors md-typeset">{profiles}</div>'
        '<ul class="md-post__meta md-nav__list"><li class="md-nav__item md-nav__item--section">'
        '<div class="md-post__title"><span class="md-ellipsis">Metadata</span></div><nav class="md-nav">'
        f'<ul class="md-nav__list">{times}<li class="md-nav__item"><div class="md-nav__link">'
        '<span class="md-ellipsis">2 min read</span></div></li></ul></nav></li></ul></nav></div></div>'
        f'<article class="md-content__inner md-typeset">{tags_nav}'
        f'<h1 id="cold-proofing">{title}<a class="headerlink" href="#cold-proofing">&para;</a></h1>'
        f"<p>{TEXT}</p><p>{TEXT}</p></article></div></div></main>"
        '<footer class="md-footer"><div class="md-copyright">Made with <a href="https://squidfunk.github.io/'
        'mkdocs-material/">Material for MkDocs</a></div></footer></div></body></html>'
    )
