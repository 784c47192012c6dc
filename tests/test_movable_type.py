"""Movable Type's published pages, written after the markup its Classic Blog templates print (`<meta
name="generator" content="Movable Type">`): a post's div.entry-asset.hentry with its h1.asset-name, div.asset-body and
div.asset-more (the extended text) in div.entry-content, and under them div.entry-categories and div.entry-tags, each
link rel="tag"; every page's <body> classed by what the template publishes (`mt-entry-archive`, `mt-archive-listing`
…)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from crawler.extraction.extract import extract
from crawler.extraction.pagekind import SiteFacts, decide
from tests.conftest import run_cli
from tests.local_http import QuietHandler, serving

BLOG = "http://notes.example.jp/blog/"
HEAD = '<meta name="generator" content="Movable Type">'


def _entry(number: int, title: str, *, more: str = "", footer: str = "") -> str:
    """One entry as the templates print it, on its own page or in full on a listing (entry_summary)."""
    text = "<p>" + f"{title}: the river was high after the rain and the path along it was closed. " * 4 + "</p>"
    return (
        f'<div id="entry-{number}" class="entry-asset asset hentry"><div class="asset-header">'
        f'<h2 class="asset-name entry-title"><a href="{BLOG}2024/0{number}/post-{number}.html" rel="bookmark">'
        f'{title}</a></h2><div class="asset-meta"><span class="byline"><span class="vcard author">Hanako Suzuki'
        f'</span> (<abbr class="published" title="2024-0{number}-15T10:30:00+09:00">March 15, 2024 10:30 AM</abbr>)'
        f'</span></div></div><div class="asset-content entry-content"><div class="asset-body">{text}</div>{more}'
        f'</div><div class="asset-footer">{footer}</div></div>'
    )


def _page(body_class: str, content: str, title: str) -> str:
    sidebar = (
        '<div id="beta"><div class="widget-archive widget-archive-category widget"><h3 class="widget-header">'
        f'カテゴリ</h3><div class="widget-content"><ul><li><a href="{BLOG}travel/">旅行 (2)</a><ul><li>'
        f'<a href="{BLOG}travel/kyoto/">京都 (1)</a></li></ul></li></ul></div></div></div>'
    )
    return (
        f"<html><head>{HEAD}<title>{title} - Everyday Notes</title></head>"
        f'<body id="classic-blog" class="{body_class} layout-wtt"><div id="container"><div id="content">'
        f'<div id="alpha">{content}</div>{sidebar}</div></div></body></html>'
    )


def test_a_movable_type_posts_categories_are_its_categories_not_its_tags():
    """The templates print a post's categories as its tags are printed, each a link rel="tag" (to the category's
    archive, /travel/kyoto/), in div.entry-categories beside div.entry-tags: the categories were read as tags and the
    post had none."""
    categories = (
        '<div class="entry-categories"><h4>カテゴリ<span class="delimiter">:</span></h4><ul>'
        f'<li class="entry-category"><a href="{BLOG}travel/kyoto/" rel="tag">京都</a></li>'
        f'<li class="entry-category"><a href="{BLOG}life/" rel="tag">日常</a></li></ul></div>'
    )
    tags = (
        '<div class="entry-tags"><h4>タグ<span class="delimiter">:</span></h4><ul><li><a href="javascript:void(0)"'
        ' onclick="location.href=\'/cgi-bin/mt/mt-search.cgi?tag=photo\';return false;" rel="tag">photo</a></li>'
        '<li><a href="javascript:void(0)" rel="tag">紅葉</a></li></ul></div>'
    )
    html = _page("mt-entry-archive", _entry(3, "Autumn leaves", footer=categories + tags), "Autumn leaves")
    article = extract(html, f"{BLOG}2024/03/post-3.html")
    assert article.kind == "article"
    assert (article.categories, article.tags) == (["京都", "日常"], ["photo", "紅葉"])


def test_a_rainier_posts_primary_category_is_its_category_not_a_tag():
    """MT 5 and 6's Rainier theme prints a post's primary category in its meta line as a link rel="tag" that
    schema.org's microdata names the articleSection (`in <a itemprop="articleSection" rel="tag">`, in an <html>
    itemscope of type Article): it was read as the post's tag, and the post had no category."""
    meta = (
        '<footer class="asset-meta"><ul class="asset-meta-list"><li class="asset-meta-list-item">Posted on <time'
        ' datetime="2024-03-15T10:30:00+09:00" itemprop="datePublished">2024/03/15</time></li>'
        '<li class="asset-meta-list-item">by <span class="author entry-author vcard">Hanako Suzuki</span></li>'
        f'<li class="asset-meta-list-item">in <a itemprop="articleSection" rel="tag" href="{BLOG}travel/kyoto/">京都'
        "</a></li></ul></footer>"
    )
    text = "<p>" + "The river was high after the rain and the path along it was closed for the day. " * 5 + "</p>"
    html = (
        '<!DOCTYPE html><html lang="ja" itemscope itemtype="http://schema.org/Article"><head>'
        '<title>Autumn leaves - Notes</title></head><body><div id="individual-main" class="main" role="main">'
        '<article id="entry-3" class="entry entry-asset asset hentry"><div class="asset-header">'
        f'<h2 itemprop="name" class="asset-name entry-title">Autumn leaves</h2>{meta}</div>'
        f'<div class="entry-content asset-content" itemprop="articleBody">{text}</div></article></div></body></html>'
    )
    article = extract(html, f"{BLOG}2024/03/autumn-leaves.html")
    assert (article.categories, article.tags) == (["京都"], [])


def test_a_movable_type_category_archive_of_one_post_in_full_is_a_listing():
    """A category's archive (mt-archive-listing, at the category's folder: /travel/kyoto/) prints its posts in full,
    each marked up and dated as on its own page; one post alone there, or two, made a post of the page, however a
    feed dated it."""
    more = f'<div class="asset-more-link">Continue reading <a href="{BLOG}2024/03/post-3.html#more">Autumn</a>.</div>'
    listing = '<h1 id="page-title" class="archive-title">Recently in <em>京都</em> Category</h1>'
    html = _page("mt-archive-listing mt-category-archive", listing + _entry(3, "Autumn leaves", more=more), "京都")
    article = extract(html, f"{BLOG}travel/kyoto/")
    assert article.kind == "listing"
    assert decide(article.evidence, SiteFacts(site_known=True, feed_dated=True))[0] == "listing"


def test_a_movable_type_archive_index_is_a_listing():
    """archives.html (mt-archive-index) lists the months and the categories, and its sidebar's "about this page"
    says what the page holds in a sentence, which was all the text kept: dated by the months' links, the page was
    stored as a post."""
    months = "".join(
        f'<li><a href="{BLOG}2024/0{n}/">{name} 2024</a></li>'
        for n, name in ((9, "September"), (8, "August"), (7, "July"), (5, "May"), (4, "April"))
    )
    categories = f'<li><a href="{BLOG}tech/">Technology</a><ul><li><a href="{BLOG}tech/perl/">Perl</a></li></ul></li>'
    content = (
        '<h1 id="page-title" class="archive-title">アーカイブ</h1><div class="archive-monthly archive">'
        f'<h2 class="archive-header">月別アーカイブ</h2><div class="archive-content"><ul>{months}</ul></div></div>'
        '<div class="archive-category archive"><h2 class="archive-header">カテゴリ</h2>'
        f'<div class="archive-content"><ul>{categories}</ul></div></div>'
    )
    about = (
        '<div id="gamma"><div class="widget-about-this-page widget"><h3 class="widget-header">このページについて'
        '</h3><div class="widget-content"><p class="first">'
        "このページには過去に書かれたすべてのコンテンツが含まれています。"
        f'</p><p>最近のコンテンツは<a href="{BLOG}">インデックスページ</a>で見られます。</p></div></div></div>'
    )
    html = _page("mt-archive-index", content, "アーカイブ").replace(
        "</div></div></body>", about + "</div></div></body>"
    )
    assert extract(html, f"{BLOG}archives.html").kind == "listing"


def test_a_movable_type_post_is_a_post():
    html = _page("mt-entry-archive", _entry(4, "Spring walk"), "Spring walk")
    article = extract(html, f"{BLOG}2024/04/post-4.html")
    assert (article.kind, article.title) == ("article", "Spring walk")


def _comment(number: int, author: str, when: str, printed: str, text: str) -> str:
    """A comment as Movable Type's Classic Blog templates print it (MT 4 to 6: comment_detail.mtml)."""
    return (
        f'<div id="comment-{number}" class="comment"><div class="inner"><div class="comment-header">'
        f'<div class="asset-meta"><span class="byline"><span class="vcard author">{author}</span> | '
        f'<a href="{BLOG}2024/03/post-3.html#comment-{number}"><abbr class="published" title="{when}">{printed}'
        f'</abbr></a> | <a title="Reply" href="javascript:void(0);" onclick="mtReplyCommentOnClick({number}, '
        f'\'x\')">Reply</a></span></div></div><div class="comment-content"><p>{text}</p></div></div></div>'
    )


def test_a_movable_type_comments_time_is_its_abbr_published_title():
    """Each comment prints its day and time in words in an <abbr class="published">, whose title states them in ISO
    8601 with the blog's offset (hAtom's datetime design pattern): the comments were dated to the day alone."""
    comments = (
        '<div id="comments" class="comments"><h2 class="comments-header">コメント(2)</h2>'
        '<div id="comments-content" class="comments-content">'
        + _comment(
            1,
            '<a title="http://kenji.example.org/" href="http://kenji.example.org/" rel="nofollow">Kenji</a>',
            "2024-03-16T09:05:00+09:00",
            "March 16, 2024  9:05 AM",
            "きれいな写真ですね！私も来月行く予定です。",
        )
        + _comment(2, "匿名さん", "2024-03-17T21:15:00+09:00", "March 17, 2024  9:15 PM", "竹林の小径、いいですよね。")
        + "</div></div>"
    )
    html = _page("mt-entry-archive", _entry(3, "Autumn leaves") + comments, "Autumn leaves")
    article = extract(html, f"{BLOG}2024/03/post-3.html")
    assert [(c.author, c.author_url, c.published) for c in article.comments] == [
        ("Kenji", "http://kenji.example.org/", "2024-03-16T09:05:00+09:00"),
        ("匿名さん", None, "2024-03-17T21:15:00+09:00"),
    ]


def _trackback(number: int, meta: str, excerpt: str, read_more: str) -> str:
    """A trackback as Movable Type's templates print it (trackbacks.mtml, MT 4 to 9), `meta` the phrase of the blog's
    language pack around the pinging post's title link and the ping's time link."""
    url = f"http://other.example.net/2024/04/tips-{number}.html"
    meta = meta.format(
        link=f'<a href="{url}" rel="nofollow">Perl tips roundup</a>',
        time=(f'<a href="#ping-{number}" rel="nofollow">April  5, 2024 10:00 AM</a>'),
    )
    return (
        f'<div class="trackback" id="ping-{number}"><div class="inner"><div class="trackback-header">'
        f'<div class="asset-meta">{meta}</div></div><div class="trackback-content"><p>{excerpt} '
        f'<a href="{url}" rel="nofollow">{read_more}</a></p></div></div></div>'
    )


def test_a_movable_type_trackback_is_a_comment_of_the_pinging_blog():
    """MT lists a post's trackbacks (div#trackbacks) above its comments, each a div.trackback#ping-N: they were
    dropped, where WordPress's pingbacks are comments. Each is one now, by the pinging blog, linking the pinging post,
    its text the post's title and excerpt without MT's "Read More"; its id ping-N stays apart from comment 1's."""
    trackbacks = (
        '<div id="trackbacks" class="trackbacks"><h2 class="trackbacks-header">トラックバック(2)</h2>'
        '<div class="trackbacks-info"><p>トラックバックURL: http://notes.example.jp/cgi-bin/mt/mt-tb.cgi/2</p></div>'
        '<div class="trackbacks-content">'
        + _trackback(1, "Other Blog - {link} ({time})", "A list of our favourite one-liners.", "続きを読む")
        + _trackback(2, "{link} from Perl Weekly on {time}", "Five tips.", "Read More")
        + "</div></div>"
    )
    comments = (
        '<div id="comments" class="comments"><div id="comments-content" class="comments-content">'
        + _comment(1, "Alice", "2024-04-03T12:00:00+09:00", "April  3, 2024 12:00 PM", "Thanks.")
        + "</div></div>"
    )
    html = _page("mt-entry-archive", _entry(4, "One-liners") + trackbacks + comments, "One-liners")
    article = extract(html, f"{BLOG}2024/04/post-4.html")
    assert [(c.id, c.author, c.author_url, c.published, c.text) for c in article.comments] == [
        (
            "ping-1",
            "Other Blog",
            "http://other.example.net/2024/04/tips-1.html",
            "2024-04-05T10:00",
            "Perl tips roundup\nA list of our favourite one-liners.",
        ),
        (
            "ping-2",
            "Perl Weekly",
            "http://other.example.net/2024/04/tips-2.html",
            "2024-04-05T10:00",
            "Perl tips roundup\nFive tips.",
        ),
        ("1", "Alice", None, "2024-04-03T12:00:00+09:00", "Thanks."),
    ]
    assert "favourite" not in article.text


_FORM = (
    '<div class="comments-open" id="comments-open"><h2 class="comments-open-header">Leave a comment</h2>'
    '<form method="post" action="/cgi-bin/mt/mt-comments.cgi" name="comments_form" id="comments-form"'
    ' onsubmit="return mtCommentOnSubmit(this)"><textarea id="comment-text" name="text"></textarea>'
    '<input type="submit" name="post" value="Submit"></form></div>'
)


@contextmanager
def _mt_blog() -> Iterator[dict[str, Any]]:
    """A Movable Type blog as MT publishes it: its home, its Atom feed dating the post by its last edit, and the
    post's page with its comments and comment form; `comments` is what the page prints."""
    blog: dict[str, Any] = {"comments": [(1, "Kenji", "2024-03-16T09:05:00+09:00", "きれいな写真ですね！")], "seen": []}

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            base = blog["base"]
            blog["seen"].append(self.path)
            post = f"{base}blog/2024/03/post-3.html"
            if self.path == "/blog/":
                teaser = _entry(3, "Autumn leaves").replace(f"{BLOG}2024/03/post-3.html", post)
                self.answer(200, "text/html", _page("mt-main-index", teaser, "Everyday Notes").encode())
            elif self.path == "/blog/atom.xml":
                feed = (
                    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                    f'<title>Everyday Notes</title><link rel="alternate" type="text/html" href="{base}blog/"/>'
                    f"<updated>2024-03-15T01:30:00Z</updated><entry><title>Autumn leaves</title>"
                    f'<link rel="alternate" type="text/html" href="{post}"/><id>tag:x,2024:/blog//2.1</id>'
                    "<published>2024-03-15T01:30:00Z</published><updated>2024-03-15T01:30:00Z</updated>"
                    "<author><name>Hanako Suzuki</name></author></entry></feed>"
                )
                self.answer(200, "application/atom+xml", feed.encode())
            elif self.path == "/blog/2024/03/post-3.html":
                comments = "".join(_comment(n, who, when, when, text) for n, who, when, text in blog["comments"])
                thread = f'<div id="comments" class="comments"><div class="comments-content">{comments}</div>{_FORM}'
                html = _page("mt-entry-archive", _entry(3, "Autumn leaves") + thread + "</div>", "Autumn leaves")
                self.answer(200, "text/html", html.encode())
            else:
                self.answer(404, "text/plain", b"not found")

    with serving(Handler) as base:
        blog["base"] = base
        yield blog


def test_a_recrawl_asks_again_for_a_movable_type_post_that_takes_comments_though_its_feed_says_unchanged(tmp_path):
    """MT prints a post's comments in its page and publishes no comment feed; its Atom feed dates the post by its
    last edit: a comment posted since the last crawl was never archived, the feed declaring the post unchanged.
    The page that takes comments (MT's comment form) is asked for again."""
    db = tmp_path / "archive.db"

    def crawl(blog: dict[str, Any]) -> None:
        crawled = run_cli("crawl", blog["base"] + "blog/", "--db", str(db), "--quiet", "-s", "EXTRACT_PROCESSES=0")
        assert crawled.returncode == 0, crawled.stderr

    def comments() -> list[tuple[str, str]]:
        return sqlite3.connect(db).execute("SELECT author, published FROM comments ORDER BY position").fetchall()

    with _mt_blog() as blog:
        crawl(blog)
        assert comments() == [("Kenji", "2024-03-16T09:05:00+09:00")]
        blog["comments"].append((2, "Mika", "2024-03-18T08:00:00+09:00", "来年は一緒に行きましょう。"))
        blog["seen"].clear()
        crawl(blog)
    assert "/blog/2024/03/post-3.html" in blog["seen"]
    assert comments() == [("Kenji", "2024-03-16T09:05:00+09:00"), ("Mika", "2024-03-18T08:00:00+09:00")]
