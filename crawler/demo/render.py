"""HTML, XML and feed documents of the sample blog: a WordPress-like theme with all the chrome a real blog has
(menus, widgets, share bar, related posts, author box, comments and form, cookie banner, footer)."""

from __future__ import annotations

import json
import re
from html import escape

from crawler.demo import theme
from crawler.demo.content import Author, Blog, Post

UI = {
    "en": {
        "reply": "Leave a Reply",
        "related": "Related posts",
        "about": "About the author",
        "recent": "Recent Posts",
        "comment": "Comment",
        "by": "By",
        "cookie": "We use cookies to improve your experience.",
        "older": "Older posts",
    },
    "de": {
        "reply": "Schreibe einen Kommentar",
        "related": "Ähnliche Beiträge",
        "about": "Über den Autor",
        "recent": "Neueste Beiträge",
        "comment": "Kommentar",
        "by": "Von",
        "cookie": "Wir verwenden Cookies, um Ihr Erlebnis zu verbessern.",
        "older": "Ältere Beiträge",
    },
    "ko": {
        "reply": "댓글 남기기",
        "related": "관련 글",
        "about": "글쓴이 소개",
        "recent": "최근 글",
        "comment": "댓글",
        "by": "글쓴이",
        "cookie": "더 나은 경험을 위해 쿠키를 사용합니다.",
        "older": "이전 글",
    },
}


def page(site: Blog, title: str, main: str, lang: str = "en", head: str = "") -> str:
    ui = UI[lang]
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{escape(title)} – {escape(site.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{_feed_links(site)}
{theme.HEAD}
{head}{site.theme_head}
</head>
<body class="wp-theme-demo">
<div id="cookie-notice" class="cookie-banner"><p>{ui["cookie"]}</p><button>OK</button></div>
<header class="site-header"><p class="site-title"><a href="/">{escape(site.name)}</a></p>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li>{_category_menu(site)}
<li><a href="/about/?utm_source=menu">About</a></li></ul></nav>
<form class="search-form" action="/"><input type="search" name="s"><button>Search</button></form></header>
<div id="content" class="site-content">
<main id="main" class="site-main">{main}</main>
{_sidebar(site, ui)}
</div>
<footer class="site-footer"><p>© 2024 {escape(site.name)} · Powered by a demo theme</p></footer>
</body>
</html>"""


def _feed_links(site: Blog) -> str:
    types = {"rss": ("application/rss+xml", "/feed/"), "atom": ("application/atom+xml", "/feed/atom/")}
    if site.feed not in types:
        return ""
    kind, href = types[site.feed]
    return f'<link rel="alternate" type="{kind}" title="{escape(site.name)} Feed" href="{href}">'


def _category_menu(site: Blog) -> str:
    return "".join(f'<li><a href="/category/{slug}/">{escape(name)}</a></li>' for slug, name in site.categories()[:5])


def _sidebar(site: Blog, ui: dict[str, str]) -> str:
    recent = "".join(f'<li><a href="{p.path}">{escape(p.title)}</a></li>' for p in site.live_posts()[:5])
    tags = " ".join(
        f'<a href="/tag/{slug}/" class="tag-cloud-link">{escape(name)}</a>' for slug, name in site.tags()[:12]
    )
    return f"""<aside id="secondary" class="widget-area">
<section class="widget widget_recent_entries"><h2 class="widget-title">{ui["recent"]}</h2><ul>{recent}</ul></section>
<section class="widget widget_tag_cloud"><h2 class="widget-title">Tags</h2><div class="tagcloud">{tags}</div></section>
<section class="widget widget_newsletter newsletter"><h2 class="widget-title">Newsletter</h2>
<p>Get every new post by email, once a week.</p><form><input type="email"><button>Subscribe</button></form></section>
<section class="widget"><a href="https://ads.example.net/partner/">
<img class="ad-banner" src="/ads/banner.png" width="300" height="250" alt="Advertisement"></a></section>
</aside>"""


def post_page(site: Blog, post: Post) -> str:
    ui = UI[post.lang]
    authors = [site.authors[slug] for slug in post.authors]
    byline = ", ".join(
        f'<a href="/author/{a.slug}/" rel="author" class="url fn n">{escape(a.name)}</a>' for a in authors
    )
    main = f"""<article id="post-{post.id}" class="post type-post status-publish hentry">
<header class="entry-header"><h1 class="entry-title">{escape(post.title)}</h1>
<div class="entry-meta"><span class="byline">{ui["by"]} <span class="author vcard">{byline}</span></span>
<time class="entry-date published" datetime="{post.date}T09:00:00+00:00">{post.date}</time>
<span class="cat-links"><a href="/category/{post.category_slug}/" rel="category tag">{escape(post.category)}</a></span>
</div></header>
<div class="entry-content">
{_body(post)}
</div>
<footer class="entry-footer"><span class="tags-links">{_tag_links(post)}</span></footer>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul>
<li><a class="share-twitter" href="https://twitter.com/share?url={post.path}"><img src="/icons/x.png" class="share-icon"
 alt="Share on X" width="16" height="16"></a></li><li><a class="share-facebook" href="#">Facebook</a></li></ul></div>
{"".join(_author_box(a, ui) for a in authors)}
{_related(site, post, ui)}
</article>
{_comments(site, post, ui)}"""
    return page(site, post.title, main, post.lang, _post_head(site, post, authors))


def _body(post: Post) -> str:
    parts = [f"<p>{escape(post.intro)}</p>", _figure(post, 0), f"<h2>{escape(post.heading)}</h2>", "<ul>"]
    parts += [f"<li>{escape(item)}</li>" for item in post.items]
    parts += ["</ul>", _figure(post, 1)]
    parts += [f"<p>{escape(extra)}</p>" for extra in post.extra_paragraphs]
    parts += [
        f"<blockquote><p>{escape(post.outro)}</p></blockquote>" if post.id % 3 == 0 else f"<p>{escape(post.outro)}</p>"
    ]
    parts.append('<p><img src="/pixel.gif" width="1" height="1" alt=""></p>')
    return "\n".join(p for p in parts if p)


def _figure(post: Post, index: int) -> str:
    if index >= len(post.figures):
        return ""
    figure = post.figures[index]
    src = figure.get("src") or post.image_path(index + 1)  # a test may point a figure elsewhere (shared, missing)
    small = src.replace(".png", "-300x200.png")
    img = (
        f'<img loading="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="{src}"'
        f' data-srcset="{small} 300w, {src} 1200w" alt="{escape(figure["alt"])}" width="1200" height="800"'
        f' class="wp-image-{post.id}{index}">'
        f'<noscript><img src="{src}" alt="{escape(figure["alt"])}" width="1200" height="800">'
        "</noscript>"
    )
    if figure.get("caption") is None:
        return f"<p>{img}</p>"
    return (
        f'<figure class="wp-block-image size-large">{img}'
        f'<figcaption class="wp-element-caption">{escape(figure["caption"])}</figcaption></figure>'
    )


def _tag_links(post: Post) -> str:
    return ", ".join(f'<a href="/tag/{slug}/" rel="tag">{escape(name)}</a>' for slug, name in post.tag_pairs())


def _author_box(author: Author, ui: dict[str, str]) -> str:
    links = "".join(
        f'<li><a href="{escape(link)}" rel="me noopener">{escape(link.split("/")[2])}</a></li>' for link in author.links
    )
    return f"""<div class="author-box">
<img alt="" src="/avatars/{author.slug}.png" class="avatar avatar-96 photo" width="96" height="96">
<div class="author-box-content"><h4 class="author-box-title">{ui["about"]}</h4>
<h5 class="author-name"><a href="/author/{author.slug}/" rel="author">{escape(author.name)}</a></h5>
<p class="author-description">{escape(author.bio)}</p>
<p class="author-count">{escape(author.count_label)}</p>
<ul class="author-social">{links}</ul></div></div>"""


def _related(site: Blog, post: Post, ui: dict[str, str]) -> str:
    others = [p for p in site.in_category(post.category)[:4] if p.slug != post.slug][:3]
    items = "".join(
        f'<li><a href="{p.path}"><img src="{p.image_path(1).replace(".png", "-300x200.png")}" width="300"'
        f' height="200" alt="{escape(p.title)}"> {escape(p.title)}</a></li>'
        for p in others
    )
    return f'<div id="jp-relatedposts" class="jp-relatedposts"><h3>{ui["related"]}</h3><ul>{items}</ul></div>'


def _comments(site: Blog, post: Post, ui: dict[str, str]) -> str:
    items = "".join(
        f"""<li id="comment-{post.id}{n}" class="comment"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><img src="/avatars/guest.png" class="avatar" width="40"
 height="40" alt=""><b class="fn">{escape(c["author"])}</b></div>
<div class="comment-metadata"><time datetime="{c["date"]}T18:00:00+00:00">{c["date"]}</time></div></footer>
<div class="comment-content"><p>{escape(c["text"])}</p></div>
<a rel="nofollow" class="comment-reply-link" href="{post.path}?replytocom={post.id}{n}#respond">Reply</a>
</article></li>"""
        for n, c in enumerate(post.comments, start=1)
    )
    listing = f'<ol class="comment-list">{items}</ol>' if items else ""
    return f"""<div id="comments" class="comments-area">{listing}
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">{ui["reply"]}</h3>
<form action="/wp-comments-post.php" method="post" class="comment-form"><p><label>{ui["comment"]}</label>
<textarea name="comment"></textarea></p><p><input type="submit" value="Post Comment"></p></form></div></div>"""


def _post_head(site: Blog, post: Post, authors: list[Author]) -> str:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": f"{site.base}#website", "name": site.name, "url": site.base},
            {
                "@type": "BlogPosting",
                "headline": post.title,
                "datePublished": f"{post.date}T09:00:00+00:00",
                "dateModified": post.modified,
                "inLanguage": post.lang,
                "articleSection": [post.category],
                "keywords": [name for _, name in post.tag_pairs()],
                "author": [{"@type": "Person", "name": a.name, "url": f"{site.base}author/{a.slug}/"} for a in authors],
                "image": f"{site.base.rstrip('/')}{post.image_path(1)}",
            },
        ],
    }
    return f"""<link rel="canonical" href="{site.base.rstrip("/")}{post.path}">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(post.title)}">
<meta property="og:site_name" content="{escape(site.name)}">
<meta property="article:published_time" content="{post.date}T09:00:00+00:00">
<meta property="article:modified_time" content="{post.modified}">
<script type="application/ld+json">{json.dumps(graph, ensure_ascii=False)}</script>"""


def author_page(site: Blog, author: Author, posts: list[Post], prev_url: str | None, next_url: str | None) -> str:
    """An author's archive as Twenty Twenty-One prints it: "Author: NAME" over their bio, then their posts."""
    header = (
        f'<header class="page-header"><h1 class="page-title">Author: <span class="vcard">{escape(author.name)}</span>'
        f'</h1><div class="archive-description"><p>{escape(author.bio)}</p></div></header>'
    )
    body = listing_page(site, f"Author: {author.name}", posts, prev_url, next_url)
    return re.sub(r'<header class="page-header">.*?</header>', lambda _: header, body, count=1, flags=re.DOTALL)


def listing_page(site: Blog, title: str, posts: list[Post], prev_url: str | None, next_url: str | None) -> str:
    cards = "".join(
        f"""<article class="post excerpt">
<h2 class="entry-title"><a href="{p.path}" rel="bookmark">{escape(p.title)}</a></h2>
<p>{escape(p.intro[:140])}…</p></article>"""
        for p in posts
    )
    links = "".join(f'<link rel="{rel}" href="{url}">' for rel, url in (("prev", prev_url), ("next", next_url)) if url)
    nav = "".join(
        f'<a class="{cls} page-numbers" href="{url}">{label}</a>'
        for cls, url, label in (("prev", prev_url, "«"), ("next", next_url, "»"))
        if url
    )
    main = f'<header class="page-header"><h1 class="page-title">{escape(title)}</h1></header>{cards}'
    main += f'<nav class="navigation pagination"><div class="nav-links">{nav}</div></nav>'
    return page(site, title, main, "en", links + '<meta property="og:type" content="website">')
