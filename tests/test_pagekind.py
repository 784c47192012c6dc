"""Which pages are posts: by what the page is (its markup, its entries) and, in a crawl, what the site's feeds say
of it — never by its URL alone. The crawl settles a hub by its URL without parsing it only when no feed lists it
as a post."""

from __future__ import annotations

import json
import zlib
from dataclasses import asdict, replace
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from crawler.demo.site import DemoSite
from crawler.discovery.structure import SiteStructure, listed_in
from crawler.extraction.extract import extract
from crawler.extraction.pagekind import PageEvidence, SiteFacts, decide, url_kind
from crawler.extraction_pool.checks import checked_extract
from crawler.extraction_pool.worker import extract_page, pack_hub
from crawler.frontier.scheduler import HUB_PRIORITY
from crawler.spiders.blog import BlogSpider


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/category/baking/", "category"), ("/tag/sourdough/", "tag"), ("/page/2/", "listing")],
)
def test_a_hub_page_is_a_listing_by_its_entries_and_named_by_its_url(path, kind):
    site = DemoSite()
    response = site.respond(path)
    assert response is not None and response.status == 200 and b"<article" in response.body
    article = extract(response.body, site.base.rstrip("/") + path)
    assert (article.kind, article.images, article.comments) == (kind, [], [])
    assert article.kind_reason.startswith("listing: ") and "linking to other pages" in article.kind_reason


def test_a_later_page_of_jekyll_paginate_is_a_listing_even_of_two_whole_posts():
    """jekyll-paginate's pages are /page2/, /page3/ …; Hyde lists whole posts on them, and a last page of two
    long dated posts was a post (the page states a date)."""
    prose = "<p>" + "We walked from the Colosseum to the Tiber in the morning light. " * 20 + "</p>"
    posts = "".join(
        f'<div class="post"><h1 class="post-title"><a href="/2024/0{n}/0{n}/walk-{n}/">Walk {n}</a></h1>'
        f'<span class="post-date">0{n} Mar 2024</span>{prose}</div>'
        for n in (1, 2)
    )
    html = f'<html><head><title>Notes</title></head><body><div class="content"><div class="posts">{posts}</div></div>'
    assert url_kind("https://blog.example/page3/") == "listing"
    assert url_kind("https://blog.example/2024/03/page3-of-the-diary/") is None
    assert extract(html + "</body></html>", "https://blog.example/page3/").kind == "listing"


@pytest.mark.parametrize(
    "path", ["/blog/archive/2024/3/", "/blog/archive/2024/", "/blog/archive/2023/11/", "/2024/03/", "/2024/3/7/"]
)
def test_a_date_archives_url_is_an_archive_with_its_month_and_day_unpadded_too(path):
    """Mezzanine's month archives are /blog/archive/2024/3/ (Django's URL pattern takes the month as a number, and
    its links print it unpadded): they were no archive by their URL, and with the site's feed out of reach a month
    printing its one post whole was stored as a post."""
    assert url_kind(f"https://blog.example{path}") == "archive"


def test_a_post_at_a_hubs_url_is_a_post():
    """The URL is a hint: a page at /archive/ or /tag/x/ that is one post, not a list of them, is a post."""
    prose = "<p>" + "We walked from the Colosseum to the Tiber in the morning light. " * 20 + "</p>"
    head = '<script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "2024-03-01"}</script>'
    html = f"<html><head>{head}</head><body><article><h1>A week in Rome</h1>{prose}</article></body></html>"
    for url in ("https://blog.example/archive/", "https://blog.example/tag/rome/"):
        assert url_kind(url) is not None
        assert extract(html, url).kind == "article"


def test_pluxmls_numbered_category_pages_are_categories_and_name_the_posts_categories():
    """PluXml numbers its categories (/categorie1/walking; index.php?categorie1/walking without URL rewriting) and
    marks their links up with nothing: every post's categories were lost."""
    assert url_kind("https://blog.example/categorie1/walking") == "category"
    assert url_kind("https://blog.example/index.php?categorie12/walking") == "category"
    assert url_kind("https://blog.example/article9/categorie-design") is None
    prose = "<p>" + "We walked from Doolin along the coastal path and came back soaked. " * 12 + "</p>"
    meta = (
        '<span class="classified-in">Classified in : <a class="noactive" href="/categorie1/walking" title="Walking">'
        'Walking</a></span> <span class="tags">Tags : <a class="noactive" href="/tag/ireland" title="ireland">ireland'
        "</a></span>"
    )
    html = f"<html><body><article><header><h2>Cliffs in the Rain</h2>{meta}</header>{prose}</article></body></html>"
    article = extract(html, "https://blog.example/article9/cliffs-in-the-rain")
    assert article.categories == ["Walking"] and article.tags == ["ireland"]


def test_pluxmls_query_tag_pages_and_archives_are_hubs_and_name_the_posts_tags():
    """PluXml without URL rewriting puts its routes in the query: index.php?tag/ireland a tag's posts,
    index.php?archives/2024/03 a month's. Each tag page and archive, one or two posts printed under their dates,
    was stored as a post, and the tag links of a post named no tag."""
    for url, kind in [
        ("https://blog.example/index.php?tag/ireland", "tag"),
        ("https://blog.example/?tag/ireland/page2", "tag"),
        ("https://blog.example/index.php?archives/2024/03", "archive"),
        ("https://blog.example/index.php?archives/2024", "archive"),
    ]:
        assert url_kind(url) == kind, url
    assert url_kind("https://blog.example/index.php?article9/cliffs-in-the-rain") is None
    prose = "<p>" + "We walked from Doolin along the coastal path and came back soaked. " * 12 + "</p>"
    meta = (
        '<span class="classified-in">Classé dans : <a class="noactive" href="/index.php?categorie1/walking" '
        'title="Walking">Walking</a></span> <span class="tags">Mots clés : <a class="noactive" '
        'href="/index.php?tag/ireland" title="ireland">ireland</a>, <a class="noactive" href="/index.php?tag/rain" '
        'title="rain">rain</a></span>'
    )
    html = f"<html><body><article><header><h2>Cliffs in the Rain</h2>{meta}</header>{prose}</article></body></html>"
    article = extract(html, "https://blog.example/index.php?article9/cliffs-in-the-rain")
    assert article.categories == ["Walking"] and article.tags == ["ireland", "rain"]


def test_pluxmls_static_page_is_a_page_of_the_site_not_a_post_it_missed():
    """PluXml's default theme prints a static page (About) as <article class="article static" id="static-page-1">
    beside its sidebar's lists of posts, tags and comments: a short one was reported as a post whose body extraction
    missed (exit 3)."""
    sidebar = "".join(
        f'<li><a href="/index.php?article{n}/post-{n}">Walking the coastal path from Doolin, day {n}</a></li>'
        for n in range(1, 21)
    )
    html = (
        '<html lang="fr"><head><title>About - Carnets</title></head><body><main class="main"><div class="grid">'
        '<div class="content"><article class="article static" id="static-page-1"><header><h2>About</h2></header>'
        "<p>This blog is written by Anna, who likes trains, bread and code.</p></article></div>"
        f'<aside class="aside"><h3>Derniers articles</h3><ul>{sidebar}</ul></aside></div></main></body></html>'
    )
    about = checked_extract(html.encode(), "https://blog.example/index.php?static1/about")
    assert about["problem"] is None
    assert about["kind"] == "other" and "PluXml's static page" in about["kind_reason"]


def _emlog_post(comments: str = "") -> str:
    """A post of Emlog's default theme (echo_log.php): the author and category linked by query (?author=1,
    ?sort=10) in its header, the tags (?tag=) after the text, the comments inside the <article>."""
    return (
        '<html lang="zh-CN"><head><title>在树莓派上搭建个人博客 - 小站</title></head><body>'
        '<article class="container log-con blog-container"><header class="log-header">'
        '<h1 class="log-title">在树莓派上搭建个人博客</h1><div class="log-meta"><div class="log-meta-left">'
        '<span class="log-meta-item"><a href="https://blog.example/?author=1">王丽</a></span>'
        '<span class="log-meta-item">发布于 <time datetime="2024-01-10T10:30:00+08:00">2024-1-10 10:30</time></span>'
        '<span class="log-meta-item"><a href="https://blog.example/?sort=10">技术</a></span></div></div></header>'
        '<div class="markdown" id="emlogEchoLog"><p>今年春天我决定把博客搬到家里的树莓派上，完全掌控自己的数据。</p>'
        '<p><img src="/content/uploadfile/202401/pi.png" alt="树莓派"></p>'
        "<p>首先需要安装操作系统，然后配置网络和防火墙。整个过程大约花了一个下午，之后每天自动备份。</p></div>"
        '<p class="top-5"><a href="https://blog.example/?tag=%E5%8D%9A%E5%AE%A2" class="tags" title="标签">博客</a>'
        f"</p>{comments}</article></body></html>"
    )


def test_emlogs_query_archives_are_hubs_and_name_the_posts_category_and_author():
    """Emlog (a PHP blog engine of China's) addresses its archives by query without URL rewriting (?sort=10 a
    category's posts, ?record=202401 a month's, ?keyword= a search) or as /sort/10, /record/202401: a category
    holding one post, printed under its <time>, was stored as a post, and no post had a category or an author."""
    for url, kind in [
        ("https://blog.example/?sort=10", "category"),
        ("https://blog.example/?sort=10&page=2", "category"),
        ("https://blog.example/sort/10", "category"),
        ("https://blog.example/?record=202401", "archive"),
        ("https://blog.example/record/202401", "archive"),
        ("https://blog.example/?keyword=php", "search"),
    ]:
        assert url_kind(url) == kind, url
    assert url_kind("https://blog.example/?post=3") is None
    assert url_kind("https://shop.example/catalogue/?sort=price") is None
    article = extract(_emlog_post(), "https://blog.example/?post=2")
    assert (article.categories, article.tags) == (["技术"], ["博客"])
    assert [(p.name, p.url) for p in article.authors] == [("王丽", "https://blog.example/?author=1")]


def _htmly_archive(site: str) -> str:
    """A month's archive of HTMLy's default theme (tailwind): og:type article on every page, the month's one post a
    teaser under its <time>."""
    return (
        '<html lang="en-US"><head><meta name="generator" content="HTMLy v3.1.1">'
        '<meta property="og:type" content="article"><title>March 2024 - Notes</title></head><body>'
        '<main><h1>March 2024 <a href="/archive/2024-03/feed">RSS</a></h1><ul><li><article>'
        '<dl><dt class="sr-only">Published on</dt><dd><time datetime="2024-03-02T21:15:00+01:00">March 2, 2024</time>'
        f'</dd></dl><h2><a href="{site}/2024/03/night-train">Taking the Night Train from Vienna to Rome</a></h2>'
        '<div class="prose">The Nightjet leaves Vienna in the evening and arrives in Rome the next morning. We '
        "booked a sleeper compartment for two, and the border crossing at night went unnoticed.</div>"
        f'<a href="{site}/2024/03/night-train">Read more</a></article></li></ul></main></body></html>'
    )


def test_htmlys_date_and_type_archives_are_hubs_the_crawl_does_not_report_lost():
    """HTMLy (a flat-file PHP blog engine) addresses a year's, month's or day's posts as /archive/2024,
    /archive/2024-03, /archive/2024-03-15 and its posts of one content type as /type/post, /type/image …; it prints
    og:type article on every page, a month of one post is dated by its teaser, and its sitemap lists every archive
    (sitemap.archive.xml, sitemap.type.xml): each was reported as a post the crawl lost (exit 3)."""
    site = "https://blog.example"
    for path, kind in [
        ("/archive/2024", "archive"),
        ("/archive/2024-03", "archive"),
        ("/archive/2024-03-02?page=2", "archive"),
        ("/type/post", "listing"),
        ("/type/quote?page=2", "listing"),
    ]:
        assert url_kind(site + path) == kind, path
    assert url_kind(f"{site}/archive/2024-03-night-train") is None
    assert url_kind(f"{site}/type/posting") is None
    posts = "".join(
        f"<item><link>{site}/2024/0{n}/{name}</link><pubDate>Sat, 0{n} Mar 2024 10:00:00 +0000</pubDate>"
        f"<description>Text of {name}</description></item>"
        for n, name in enumerate(("night-train", "php-habits", "garden"), start=2)
    )
    urls = f"<url><loc>{site}/archive/2024-03</loc></url>"
    sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    structure = SiteStructure()
    structure.add(listed_in("sitemap", sitemap, f"{site}/sitemap.archive.xml"))
    structure.add(
        listed_in("feed", f"<rss version='2.0'><channel>{posts}</channel></rss>".encode(), f"{site}/feed/rss")
    )
    page = asdict(extract(_htmly_archive(site), f"{site}/archive/2024-03"))
    assert structure.settles_by_url(f"{site}/archive/2024-03")
    assert structure.left_out(f"{site}/archive/2024-03", page) is None


def test_emlogs_comments_in_the_post_are_threaded_and_their_avatars_no_pictures_of_the_post():
    """Emlog's default theme prints each comment as a div.comment whose id is its number, a reply's div inside its
    parent's, each with the commenter's avatar (no size given) — inside the post's <article>: no comment was read,
    and every avatar was stored as a picture of the post."""

    def comment(number: int, name: str, text: str, replies: str = "", reply: bool = False) -> str:
        return (
            f'<div class="comment{" comment-children" if reply else ""}" id="{number}"><div class="avatar">'
            f'<img src="//cravatar.cn/avatar/{number:032d}?s=120" alt="avatar"></div><div class="comment-infos">'
            f'<div class="arrow"></div><b>{name} </b><span class="comment-time">2024-01-11</span>'
            f'<div class="comment-content">{text}</div><div class="comment-reply"><button type="button" '
            f'class="com-reply">回复</button></div></div>{replies}</div>'
        )

    thread = (
        '<div id="comments"><form method="post" action="https://blog.example/index.php?action=addcom"></form></div>'
        '<div class="comment-header"><b>收到3条评论</b></div>'
        + comment(2, "Dave", "I tried the same last year.")
        + comment(1, "Carol", "Thanks, very helpful!", comment(3, "Erin", "@Carol：Same here.", reply=True))
    )
    article = extract(_emlog_post(thread), "https://blog.example/?post=2")
    assert [(c.id, c.parent, c.author, c.text) for c in article.comments] == [
        ("2", None, "Dave", "I tried the same last year."),
        ("1", None, "Carol", "Thanks, very helpful!"),
        ("3", "1", "Erin", "@Carol：Same here."),
    ]
    assert [image.src for image in article.images] == ["https://blog.example/content/uploadfile/202401/pi.png"]


@pytest.mark.parametrize(
    "url",
    [
        "https://blog.example/2024/01/sourdough-starter/",
        "https://blog.example/tagesgeschichte/",
        "https://a.org/",
        "https://news.example/story.php?id=7&page=2",
        "https://news.example/long-read?page=1",
        "https://blog.example/category/travel/a-week-in-rome/",
        "https://blog.example/tag/x/some-post.html",
        "https://blog.example/2024/05/tags/",
        "https://blog.example/my-tags/",
    ],
)
def test_a_post_or_home_url_gives_nothing_away(url):
    assert url_kind(url) is None


@pytest.mark.parametrize("url", ["https://a.org/?page=2", "https://a.org/blog/?page=3", "https://a.org/?paged=2"])
def test_a_query_page_on_a_listings_path_is_a_listing(url):
    assert url_kind(url) == "listing"


def test_pelicans_later_index_pages_are_listings_by_their_address():
    """Pelican pages its index as /index2.html, /index3.html … (its default PAGINATION_PATTERNS), and the last one,
    holding one post in full under a heading that links the post's page rel=bookmark, was stored as that post (a
    real Pelican blog's /posts/index6.html). /index.html and a post named so stay pages to read."""
    for url in ("https://a.org/index2.html", "https://a.org/posts/index6.html", "https://a.org/blog/index12.htm"):
        assert url_kind(url) == "listing", url
    for url in ("https://a.org/index.html", "https://a.org/posts/index1.html", "https://a.org/2024/index2-notes.html"):
        assert url_kind(url) is None, url


def test_a_listings_later_page_named_by_its_index_html_is_a_listing_not_its_one_dated_teaser():
    """jekyll-paginate-v2's page trail (al-folio's pagination) links each page as /blog/page/N/index.html; the last
    page, one teaser under the blog's heading and its date, was parsed and stored as a post dated by the teaser (a
    real al-folio blog's /blog/page/4/). A folder's index.html is the folder: its URL gives its kind away."""
    html = (
        "<html><body><nav><a href='/'>about</a> <a href='/blog/'>blog</a></nav><div class='post'>"
        "<div class='header-bar'><h1>Hello, reader</h1><h2>Field notes on the projects I build and the papers "
        "I read while building them.</h2></div><ul class='post-list'><li>"
        "<h3><a class='post-title' href='/blog/2019/linear-algebra/'>Linear Algebra</a></h3>"
        "<p class='post-meta'>May 15, 2019</p><p></p></li></ul><nav><ul class='pagination'>"
        "<li><a href='/blog/page/3/'>Newer</a></li><li><a href='/blog/index.html'>1</a></li>"
        "<li><a href='/blog/page/4/index.html'>4</a></li></ul></nav></div></body></html>"
    )
    url = "https://a.org/blog/page/4/index.html"
    assert url_kind(url) == "listing" and SiteStructure().settles_by_url(url)
    assert pack_hub(html.encode(), url)[1]["kind"] == "listing"
    assert url_kind("https://a.org/archives/2022/07/index.html") == "archive"  # Hexo's month archive
    assert url_kind("https://a.org/tags/vue/index.htm") == "tag"
    assert url_kind("https://a.org/2021/06/18/claw-machine/index.html") is None  # a Hexo post's own page


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://a.org/category/travel/", "category"),
        ("https://a.org/category/travel/page/3/", "category"),
        ("https://a.org/tag/rome", "tag"),
        ("https://a.org/tags/", "tag"),  # the index of every tag (Minimal Mistakes, Beautiful Jekyll)
        ("https://a.org/blog/categories/", "category"),
        # a multilingual Hugo site on a GitHub Pages project site: its index of tags in English, under the project
        ("https://a.github.io/notes/en/tags/", "tag"),
        ("https://a.github.io/notes/zh-cn/categories/", "category"),
        ("https://a.blogspot.com/search/label/Rome?max-results=7", "tag"),  # Blogger's label page
    ],
)
def test_a_tag_or_category_url_with_one_name_is_a_hub(url, kind):
    assert url_kind(url) == kind


def test_a_nested_tags_page_is_a_tag_hub_by_its_url():
    """Quartz writes the page of an Obsidian tag nested with "/" at the folders it spells below /tags/: read as a
    post's page, `/tags/cs/dsa/dp` (its index note's 126 words, no post body) was a crawl error and the crawl's
    exit status 3."""
    assert url_kind("https://a.github.io/garden/tags/cs/dsa/dp") == "tag"
    assert url_kind("https://a.org/tags/ci/cd/") == "tag"
    assert url_kind("https://a.org/tags/bread/page/2/") == "tag"
    assert url_kind("https://a.org/posts/tags-and-labels/") is None


def test_a_post_under_a_category_permalink_is_parsed_and_stored_as_an_article():
    prose = "<p>" + "We walked from the Colosseum to the Tiber in the morning light. " * 20 + "</p>"
    html = f"<html><body><article><h1>A week in Rome</h1>{prose}</article></body></html>"
    assert extract(html, "https://blog.example/category/travel/a-week-in-rome/").kind == "article"


def test_a_post_is_still_extracted_in_full():
    site = DemoSite()
    post = site.posts[0]
    article = extract(site.respond(post.path).body, site.base.rstrip("/") + post.path)
    assert article.kind == "article" and article.title and len(article.text.split()) > 60


def test_the_crawl_settles_a_hub_page_itself_with_the_kind_an_extraction_process_finds():
    site = DemoSite()
    url = site.base.rstrip("/") + "/tag/sourdough/"
    body = site.respond("/tag/sourdough/").body
    ok, result, packed = pack_hub(body, url)
    assert ok and result["kind"] == extract_page(body, url)[1]["kind"] == "tag"
    assert result["kind_reason"] == "tag page by its URL, and no feed lists it as a post"
    assert zlib.decompress(packed) == body
    binary = b"\x00\x01binary"
    assert pack_hub(binary, url)[:2] == extract_page(binary, url)
    assert pack_hub(binary, url)[1].endswith("binary data, not an HTML page")


def test_hub_pages_are_queued_after_posts():
    crawler = get_crawler(BlogSpider, {"BLOG_MAX_PAGES": 0, "RECRAWL_ARCHIVED": False})
    spider = BlogSpider.from_crawler(crawler, start_urls="https://blog.example/")
    assert spider._page_request("https://blog.example/tag/bread/").priority == HUB_PRIORITY
    assert spider._page_request("https://blog.example/page/3/").priority == HUB_PRIORITY
    assert spider._page_request("https://blog.example/2024/01/sourdough-starter/").priority == 0


def _evidence(**facts: object) -> PageEvidence:
    page = {
        "words": 30,
        "home": False,
        "entries": 0,
        "entry_share": 0.0,
        "text_in_entries": 1.0,
        "text_in_items": 1.0,
        "link_share": 0.0,
        "post_markup": None,
        "post_items": 0,
        "listing_markup": None,
        "dated": False,
        "url_kind": None,
    }
    return PageEvidence(**{**page, **facts})


def test_a_short_dated_post_is_a_post_and_a_short_undated_page_is_not():
    """A sentence and an image: the length of a page says nothing of its kind; a date does."""
    assert decide(_evidence(words=17, dated=True)) == ("article", "the page states its publication date")
    assert decide(_evidence(words=17))[0] == "other"


def _pixyll_post(paragraphs: list[str], related: list[str], figures: tuple[str, ...] = ()) -> str:
    """A post as Jekyll's Pixyll theme prints it: its header, its text in article.post-content and, under it, its
    "Related Posts", each a div.post holding one link around the post's title."""
    text = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs) + "".join(
        f'<p align="center"><img alt="{name}" src="/images/{n}.jpg"></p><p align="center">{name}</p>'
        for n, name in enumerate(figures)
    )
    cards = "".join(
        f'<div class="post ml2"><a href="/2015/0{n % 9 + 1}/1{n}/post-{n}" class="post-link">'
        f'<h4 class="post-title">{title}</h4><p class="post-summary"></p></a></div>'
        for n, title in enumerate(related)
    )
    return (
        '<html><head><meta property="og:type" content="article"><title>树莓派的风扇控制 – Notes</title></head>'
        '<body><header class="site-header"><a href="/" class="site-title">Notes</a><nav class="site-nav">'
        '<a href="/archive/">Archive</a><a href="/about/">About</a></nav></header>'
        '<div class="post p2 wrap" role="main"><div class="measure">'
        '<div class="post-header mb2"><h1>树莓派的风扇控制</h1>'
        f'<span class="post-meta">Mar 7, 2008</span><br><span class="post-meta small">1 minute read</span></div>'
        f'<article class="post-content">{text}</article><div class="share-page">Share this post!</div>'
        f'<h3 class="related-post-title">Related Posts</h3>{cards}</div></div></body></html>'
    )


def test_a_short_chinese_post_above_its_related_posts_is_a_post_not_a_listing():
    """Pixyll prints ten "Related Posts" under each post, each a link around its title. A post of two short
    paragraphs in Chinese, whose sentences have no spaces between their words, held fewer words by its spaces than
    those ten English titles, and was a listing, its entries holding most of the page's text: 26 of a real Pixyll
    blog's 235 posts, all short Chinese ones, were lost so. Two Han or Kana characters count as a word now, as they
    do for a label's length (crawler/extraction/term_links.py); a list of Chinese titles is still a listing."""
    related = [
        "Generate a Hexdump",
        "A Complete Guide For Installing TFTP In CentOS 7",
        "How To Log With Local Facilities?",
        "Retrieve The Log After Crash",
        "Customizing The Log Timestamp",
        "Debug Kernel Memory Leaks",
        "Linux System Log",
        "Click Notes II - Script Language",
        "Click Notes I - Overview",
        "Building A Remote Develop Environment",
    ]
    chinese = [
        "今天给树莓派写了一个控制风扇的小程序。程序分为三部分：读取温度、判断阈值、切换引脚的电平高低。",
        "因为用到了不少硬件相关的细节，所以想要完整代码的朋友可以给我留言。",
    ]
    figures = ("风扇的接线图", "温度变化曲线", "程序运行效果")
    article = extract(_pixyll_post(chinese, related, figures), "https://blog.example/2008/03/07/raspberry-fan")
    assert (article.kind, article.kind_reason) == ("article", "post markup (og:type article)")
    titles = "".join(
        f'<li><a href="/2020/0{n + 1}/0{n + 1}/p{n}/">关于次优最小生成树的第{n}篇笔记</a></li>' for n in range(8)
    )
    listing = f"<html><body><h1>归档</h1><ul>{titles}</ul></body></html>"
    assert extract(listing, "https://blog.example/archives/").kind == "listing"


def test_an_undated_page_without_post_markup_is_no_post_on_a_site_whose_feeds_the_crawl_read():
    about = _evidence(words=180)
    assert decide(about)[0] == "article"  # nothing known of the site: a long page is taken for a post
    assert decide(about, SiteFacts(site_known=True)) == ("other", "no date and no post markup, and no feed lists it")


def test_og_type_article_alone_on_an_undated_page_no_feed_lists_makes_no_post_on_a_known_site():
    """jekyll-seo-tag and many themes print og:type article on every page, the About page too: on a site whose
    feeds the crawl read, an undated page they do not list, with no other post markup, is a page, not a post."""
    about = _evidence(words=108, post_markup="og:type article")
    assert decide(about)[0] == "article"  # nothing known of the site
    assert decide(about, SiteFacts(site_known=True))[0] == "other"
    assert decide(about, SiteFacts(feed_dated=True, site_known=True))[0] == "article"
    dated = _evidence(words=108, post_markup="og:type article", dated=True)
    assert decide(dated, SiteFacts(site_known=True))[0] == "article"
    marked = _evidence(words=108, post_markup="schema.org BlogPosting")
    assert decide(marked, SiteFacts(site_known=True))[0] == "article"


def test_a_page_a_feed_lists_with_a_date_is_a_post_and_one_it_lists_without_is_not():
    """Hugo's feeds list every page; About and Impressum with the placeholder date 0001-01-01."""
    page = _evidence(words=12, post_markup="og:type article")
    assert decide(page, SiteFacts(feed_dated=True, site_known=True))[0] == "article"
    assert decide(page, SiteFacts(feed_undated=True, site_known=True))[0] == "other"


def test_a_hugo_post_without_a_date_its_feed_lists_among_its_sections_dated_posts_is_a_post():
    """Hugo prints a post whose front matter gives no date at its zero date, and its feed lists it with that
    placeholder as it lists the site's pages (Blowfish prints no date on the page): a blog's undated posts in
    /posts/ were "a feed that dates its posts lists it without a date", lost. Its About pages, in a section where
    the feed dates one page, stay pages, and so does an undated page there with og:type article alone."""
    zero = "Mon, 01 Jan 0001 00:00:00 +0000"
    items = {
        "/posts/nginx-reload/": "Tue, 01 Mar 2022 00:00:00 +0000",
        "/posts/session-cookie/": "Sun, 30 Jan 2022 09:51:09 +0000",
        "/posts/ssh-script/": "Thu, 09 Dec 2021 00:00:00 +0000",
        "/posts/curl/": zero,
        "/about/friends/": "Tue, 19 Mar 2024 16:58:12 +0800",
        "/about/me/": zero,
        "/docs/css/day01/": zero,
    }
    structure = _feed_of("liang.example", items)
    post = _evidence(words=300, post_markup="schema.org Article")
    assert decide(post, structure.facts("https://liang.example/posts/curl/"))[0] == "article"
    for page in ("/about/me/", "/docs/css/day01/"):
        assert decide(post, structure.facts(f"https://liang.example{page}"))[0] == "other", page
    bare = _evidence(words=300, post_markup="og:type article")
    assert decide(bare, structure.facts("https://liang.example/posts/curl/"))[0] == "other"


def test_a_dated_page_at_the_sites_root_beside_a_section_of_posts_is_no_post():
    """`hugo new about.md` dates the About page, and Hugo's feed lists it with its posts (Congo, Coder, Stack with
    schema.org Article or og:type article on it): at the site's root, where none of the posts lies. A blog whose
    posts lie at its root, or in dated folders, lists its posts as they are."""
    rss = "".join(
        f"<item><title>{path}</title><link>https://notes.example{path}</link>"
        f"<pubDate>Sat, 0{n} Jul 2023 10:00:00 +0000</pubDate></item>"
        for n, path in enumerate(("/posts/rye/", "/posts/spelt/", "/posts/oats/", "/about/", "/impressum/"), 1)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title>{rss}</channel></rss>'.encode()
    structure = SiteStructure()
    structure.add(listed_in("feed", feed, "https://notes.example/index.xml"))
    about = _evidence(words=40, dated=True, post_markup="schema.org Article")
    kind, why = decide(about, structure.facts("https://notes.example/about/"))
    assert kind == "other" and "root" in why
    assert decide(about, structure.facts("https://notes.example/posts/rye/"))[0] == "article"
    for paths in (
        ("/rye/", "/spelt/", "/oats/", "/about/"),
        ("/2023/07/rye/", "/2024/01/oats/", "/2024/02/a/", "/about/"),
    ):
        rss = "".join(
            f"<item><link>https://b.example{path}</link><pubDate>Sat, 01 Jul 2023 10:00:00 +0000</pubDate></item>"
            for path in paths
        )
        other = SiteStructure()
        other.add(
            listed_in("feed", f'<rss version="2.0"><channel>{rss}</channel></rss>'.encode(), "https://b.example/f")
        )
        assert decide(about, other.facts("https://b.example/about/"))[0] == "article", paths


def _feed_of(host: str, dated: dict[str, str]) -> SiteStructure:
    """A site's structure once it read an RSS feed of `dated` (path -> day)."""
    items = "".join(
        f"<item><link>https://{host}{path}</link><pubDate>{day}</pubDate></item>" for path, day in dated.items()
    )
    structure = SiteStructure()
    structure.add(
        listed_in("feed", f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(), f"https://{host}/f")
    )
    return structure


def test_a_dated_page_in_a_section_the_sites_feeds_leave_out_is_no_post():
    """Pelican's feeds list its posts (at the root) and not its pages (/pages/impressum.html, "Updated on" a date);
    jekyll-seo-tag dates Chirpy's About page at the build's time, beside posts under /posts/ its feed lists. A page
    older than the feeds' oldest item may be a post that dropped out of them; one in a section they list is a post
    they left out; and a site whose feeds date fewer than three items says nothing by their absence."""
    page = _evidence(words=120, dated=True, post_markup="schema.org BlogPosting")
    days = ("Sat, 01 Jul 2023 10:00:00 +0000", "Mon, 04 Mar 2024 10:00:00 +0000", "Tue, 05 Nov 2024 09:00:00 +0000")
    root = _feed_of("a.example", dict(zip(("/rye.html", "/spelt.html", "/oats.html"), days, strict=True)))
    impressum = root.facts("https://a.example/pages/impressum.html", "2024-01-10")
    kind, why = decide(page, impressum)
    assert kind == "other" and "feeds" in why
    assert decide(page, root.facts("https://a.example/pages/impressum.html", "2023-06-30"))[0] == "article"  # older
    assert decide(page, root.facts("https://a.example/pages/impressum.html"))[0] == "article"  # undated
    assert decide(page, root.facts("https://a.example/barley.html", "2024-01-10"))[0] == "article"  # a listed section
    # a feed that lists the page makes it a post wherever it lies
    assert decide(page, replace(impressum, feed_dated=True))[0] == "article"
    posts = _feed_of("b.example", dict(zip(("/posts/rye/", "/posts/spelt/", "/posts/oats/"), days, strict=True)))
    assert decide(page, posts.facts("https://b.example/about/", "2026-12-05T11:23:47+01:00"))[0] == "other"
    assert decide(page, posts.facts("https://b.example/posts/barley/", "2024-01-10"))[0] == "article"
    two = _feed_of("c.example", {"/posts/rye/": days[0], "/posts/spelt/": days[1]})
    assert decide(page, two.facts("https://c.example/about/", "2024-01-10"))[0] == "article"


def test_a_section_the_feeds_leave_out_whose_older_pages_are_marked_up_posts_holds_posts_newer_than_the_feeds():
    """A Hugo blog's feed lists its /blog/ posts, the newest fifty, and not its short /notes/, each an <article> with
    its <time> as a blog post is: the notes older than the feed's oldest item were kept as posts that may have dropped
    out of it, the newer ones were "dated, but the site's feeds list nothing of its section" — 15 of a section's 17
    kept. A section where the crawl read three posts dated and marked up by their own pages is one of posts; the site's
    root (About) and a section of fewer such posts are not."""
    page = _evidence(words=40, dated=True, post_markup="<article> with a <time> or a rel=author link")
    days = ("Sat, 06 Jun 2026 10:00:00 +0000", "Mon, 08 Jun 2026 10:00:00 +0000", "Tue, 09 Jun 2026 09:00:00 +0000")
    site = _feed_of("n.example", dict(zip(("/blog/rye/", "/blog/spelt/", "/blog/oats/"), days, strict=True)))
    note = "https://n.example/notes/2026-06-19/"
    assert decide(page, site.facts(note, "2026-06-19"))[0] == "other"  # before: the feeds' silence decided it
    for day in ("2026-03-14", "2026-03-30", "2026-04-08"):
        site.add_post(f"https://n.example/notes/{day}/", {"evidence": asdict(page)})
    assert decide(page, site.facts(note, "2026-06-19"))[0] == "article"
    assert decide(page, site.facts("https://n.example/about/", "2026-06-19"))[0] == "other"
    assert decide(page, site.facts("https://n.example/pages/impressum/", "2026-06-19"))[0] == "other"


def test_a_dated_page_at_a_root_whose_feed_dated_items_are_pages_is_no_post():
    """Hugo's home feed holds the newest `rssLimit` pages of the site, posts in /posts/ and About and Datenschutz at
    the root among them: the root's dated items are pages apart from the posts, and so is an older page at the root
    the feed no longer lists (a /summary/ dated as About is) — not a post the feed left out. Where the feeds date
    items in two sections, or the page is older than all they list, its silence says nothing."""
    page = _evidence(words=120, dated=True, post_markup="schema.org BlogPosting")
    days = ("Fri, 01 Jan 2021 00:00:00 +0000", "Tue, 20 Apr 2021 01:01:56 +0100", "Mon, 11 Jul 2022 01:01:56 +0100")
    listed = {"/about/": days[0], "/datenschutz/": days[0], "/posts/a/": days[1], "/posts/b/": days[2]}
    hugo = _feed_of("a.example", {**listed, "/posts/c/": days[2]})
    kind, why = decide(page, hugo.facts("https://a.example/summary/", "2021-01-01T00:00:00+00:00"))
    assert kind == "other" and "feeds" in why
    assert decide(page, hugo.facts("https://a.example/summary/", "2020-12-31"))[0] == "article"  # older
    assert decide(page, hugo.facts("https://a.example/posts/d/", "2021-06-01"))[0] == "article"
    notes = _feed_of("b.example", {**listed, "/notes/c/": days[2]})
    assert decide(page, notes.facts("https://b.example/summary/", "2021-01-01T00:00:00+00:00"))[0] == "article"


def test_a_time_without_a_date_is_no_post_markup():
    """Hugo's Stack prints the reading time in a <time> without a datetime on every page, its About page too; a
    <time> that names a year, or has a datetime, dates the <article> it stands in."""
    reading = '<time class="article-time--reading">1 minute read</time>'
    html = "<html><head><title>About</title></head><body><article><h1>About</h1>{}<p>Ann bakes bread.</p></article>"
    assert extract(html.format(reading), "https://a.example/about/").evidence.post_markup is None
    for time in ("<time>5 March 2024</time>", '<time datetime="2024-03-05">Tuesday</time>'):
        assert extract(html.format(time), "https://a.example/about/").evidence.post_markup.startswith("<article>")


def test_nikolas_story_page_is_a_page_of_the_site_not_a_post():
    """Nikola marks its pages `article.storypage` (its posts `postpage`), each a schema.org Article with a date."""
    html = (
        '<html><head><title>About</title><meta property="article:published_time" content="2024-01-01T09:00:00+01:00">'
        '</head><body><article class="post-text storypage" itemscope itemtype="http://schema.org/Article"><header>'
        '<h1 class="p-name entry-title">About</h1></header><div class="e-content entry-content"><p>'
        + "Ann writes about bread and the cellar where it rises. " * 5
        + "</p></div></article></body></html>"
    )
    about = extract(html, "https://notes.example/pages/about/")
    assert (about.kind, about.kind_reason) == ("other", "a page of the site, not a post (Nikola's article.storypage)")
    post = extract(html.replace("storypage", "postpage"), "https://notes.example/posts/rye/")
    assert post.kind == "article"
    hexo = html.replace("post-text storypage", "h-entry article article-type-page")  # Hexo's landscape
    assert extract(hexo, "https://notes.example/about/").kind_reason.endswith("(Hexo's article.article-type-page)")
    assert extract(hexo.replace("type-page", "type-post"), "https://notes.example/2024/rye/").kind == "article"


def test_a_docusaurus_docs_page_is_a_page_of_the_site_not_a_post():
    """Docusaurus classes the <html> of a page of its docs `docs-doc-page` (its blog's posts `blog-post-page`), and
    a doc page prints the day it was last updated: a Korean blog's tutorial page was stored as a post."""
    html = (
        '<html lang="en" class="docs-wrapper docs-doc-page docs-version-current plugin-docs plugin-id-default"><head>'
        '<meta name="generator" content="Docusaurus v2.4.1"><title>Getting started | Wan\'s Blog</title></head><body>'
        '<main><div class="theme-doc-markdown markdown"><header><h1>Getting started</h1></header><p>'
        + "Install Node.js and create the site with one command, then start it. "
        * 8
        + '</p></div><footer class="theme-doc-footer"><span class="theme-last-updated">Last updated on <b><time '
        'datetime="2023-04-13T00:00:00.000Z">Apr 13, 2023</time></b></span></footer></main></body></html>'
    )
    doc = extract(html, "https://wan.example/docs/tutorial/getting-started")
    assert (doc.kind, doc.kind_reason) == (
        "other",
        "a page of the site, not a post (Docusaurus's docs page (html.docs-doc-page))",
    )
    post = html.replace(
        "docs-wrapper docs-doc-page docs-version-current plugin-docs", "blog-wrapper blog-post-page plugin-blog"
    )
    assert extract(post, "https://wan.example/blog/getting-started").kind == "article"
    other = html.replace("Docusaurus v2.4.1", "Hugo 0.120.0")  # another generator's class of that name says nothing
    assert extract(other, "https://wan.example/docs/tutorial/getting-started").kind == "article"


def test_nikolas_oldest_index_page_holding_one_post_is_a_listing_not_that_post():
    """Nikola prints its index pages' posts in full in a div.postindex, each marked up as its post page is (an
    h-entry schema.org Article, dated); the oldest page, index-1.html, holding one post, was taken for a post — a
    crawl error ("a sitemap lists it and it looks like a post, but it was not kept"). The post's own page is an
    article.postpage outside any postindex."""
    entry = (
        '<article class="{}" itemscope="itemscope" itemtype="http://schema.org/Article"><header>'
        '<h1 class="p-name entry-title"><a href="{}" class="u-url">A walk along the Elbe</a></h1>'
        '<p class="byline author vcard"><span class="byline-name fn" itemprop="author">'
        '<a href="/authors/anna-berger/">Anna Berger</a></span></p><p class="dateline"><time class="published'
        ' dt-published" datetime="2024-03-05T09:30:00+01:00" itemprop="datePublished">2024-03-05 09:30</time></p>'
        '</header><div class="e-content entry-content"><p>'
        + "We left Dresden early on a grey morning and followed the river north past the sheep. " * 5
        + "</p></div></article>"
    )
    page = '<html lang="en"><head><title>Brot und Bytes</title></head><body><div id="content">{}</div></body></html>'
    index = extract(
        page.format(
            '<div class="postindex">'
            + entry.format("h-entry post-text", "/posts/elbe/")
            + '</div><ul class="pager postindexpager clearfix"><li class="previous"><a href="." rel="prev">Newer posts'
            "</a></li></ul>"
        ),
        "https://notes.example/index-1.html",
    )
    assert (index.kind, index.kind_reason) == (
        "listing",
        "listing: its generator's index of posts (Nikola's div.postindex)",
    )
    post = extract(
        page.format(entry.format("post-text h-entry hentry postpage", ".")), "https://notes.example/posts/elbe/"
    )
    assert post.kind == "article"


def test_hakylls_post_list_is_a_listing_not_a_post_dated_by_its_oldest_entry():
    """Hakyll's default post list (templates/post-list.html) prints each post as a link and its day in words,
    "<li><a>Title</a> - March  9, 2021</li>", after a section's blurb: the page was dated by one of them and, its
    links under half its text, stored as a post. A post's own list of links with no dates stays a post."""
    items = "".join(
        f'<li>\n<a href="../../posts/blog/2021-0{n}-0{n}-{slug}.html">{slug.title()} bread</a> - March  {n}, 2021\n'
        "</li>"
        for n, slug in ((3, "rye"), (2, "spelt"), (1, "oats"))
    )
    page = (
        '<html lang="en"><head><title>Bakery - Posts</title></head><body><header><nav><a href="../../">Home</a>'
        '</nav></header><main role="main"><h1>Posts</h1>{}<ul>{}</ul></main></body></html>'
    )
    blurb = "From time to time I write about baking, flour, ovens and the slow work of sourdough at home. " * 3
    listing = extract(page.format(blurb, items), "https://bakery.example/posts/blog/")
    assert (listing.kind, listing.kind_reason) == (
        "listing",
        "listing: its generator's index of posts (Hakyll's post list)",
    )
    undated = items.replace(" - March  3, 2021", "").replace(" - March  2, 2021", "")
    assert extract(page.format(blurb, undated), "https://bakery.example/posts/blog/").evidence.index_markup is None


def test_an_author_page_dated_by_her_posts_outside_the_feeds_sections_is_still_her_page():
    """Nikola's author page lists her posts each with its <time>, and so is dated; no feed lists /authors/, and a
    dated page in a section the feeds leave out is one of the site's pages ("other"): the page of an author with
    two posts, too few to make a listing by its entries, was no author page, and her bio was not stored."""
    posts = "".join(
        f'<li><time class="listdate" datetime="2024-0{n}-20T12:00:00+09:00">2024-0{n}-20 12:00</time> <a href="../../'
        f'posts/{slug}/" class="listtitle">{slug}</a></li>'
        for n, slug in ((5, "kimchi-jjigae"), (1, "bibimbap-at-home"))
    )
    html = (
        '<html lang="en"><head><title>Posts by Kim Min-ji | Brot und Bytes</title></head><body><div id="content">'
        '<article class="authorpage"><header><h1>Posts by Kim Min-ji</h1><p>Min-ji cooks Korean food in Berlin and'
        ' writes it all down.</p></header><ul class="postlist">'
        f"{posts}</ul></article></div></body></html>"
    )
    site = SiteFacts(site_known=True, outside_the_feeds=True)
    page = extract(html, "https://notes.example/authors/kim-min-ji/")
    assert page.evidence.dated and decide(page.evidence, site)[0] == "author"
    elsewhere = extract(html, "https://notes.example/people/kim-min-ji/")
    assert decide(elsewhere.evidence, site)[0] == "other"


def test_a_page_hexo_types_website_is_a_page_of_the_site_however_its_theme_dates_it():
    """Hexo's open_graph() helper types a post `article` and any other page `website`; Butterfly prints an About
    page's front-matter date as article:published_time in a <div id="page">, with no Article markup."""
    head = (
        '<meta name="generator" content="Hexo 8.1.2"><meta property="og:type" content="{}">'
        '<meta property="article:published_time" content="2024-01-01T09:00:00.000Z">'
    )
    body = (
        '<div id="page"><h1 id="site-title">About</h1><div class="container" id="article-container"><p>'
        + "Jane writes about bread, code and the garden behind her house in Freiburg. " * 4
        + "</p></div></div>"
    )
    html = f"<html><head><title>About</title>{head}</head><body>{body}</body></html>"
    about = extract(html.format("website"), "https://notes.example/about/")
    assert (about.kind, about.kind_reason) == ("other", "a page of the site, not a post (Hexo's og:type website)")
    assert extract(html.format("article"), "https://notes.example/2024/01/01/bread/").kind == "article"
    other_generator = html.format("website").replace("Hexo 8.1.2", "Hugo 0.147.9")
    assert extract(other_generator, "https://notes.example/about/").kind == "article"


def test_hexo_materys_about_layout_is_a_page_of_the_site_not_a_post():
    """Hexo Matery lays its About out (`layout: about`) as a profile card — avatar, the blog's name, "2 文章 2 分类
    3 标签" — above the page's text, undated, without Open Graph, in div#aboutme.about-container: long enough, it was
    stored as a post, its author the card's counts. A post of the same theme, in div#artDetail, stays a post."""
    prose = "<p>" + "我是一名前端开发工程师，平时喜欢写一些技术笔记，也记录生活里的小事情。" * 6 + "</p>"
    card = (
        '<div class="card"><div class="card-content"><div class="post-statis"><div class="statis">2 文章</div>'
        '<div class="statis">2 分类</div><div class="statis">3 标签</div></div><div class="profile"><div '
        f'class="author"><div class="title">realwds</div><div class="career">前端开发工程师</div></div></div>{prose}'
    )
    head = '<meta name="generator" content="Hexo 5.4.0">'
    about = (
        f'<html><head><title>关于 | 个人博客</title>{head}</head><body><main class="content">{{}}</main></body></html>'
    )
    page = extract(
        about.format(f'<div id="aboutme" class="container about-container">{card}</div></div></div>'),
        "https://x.example/about/",
    )
    assert (page.kind, page.kind_reason) == (
        "other",
        "a page of the site, not a post (Hexo Matery's about layout (#aboutme.about-container))",
    )
    post = f'<div id="artDetail"><div class="card"><div class="card-content article-card-content">{prose}</div></div>'
    assert extract(about.format(post + "</div>"), "https://x.example/posts/d4a1185.html").kind == "article"


def test_a_hexo_page_whose_sections_link_other_pages_is_a_page_of_the_site_not_a_post():
    """Hexo's Cactus marks every page up as a schema.org BlogPosting and dates it; a page of notes whose sections
    each open with a heading linking the page that goes deeper (a blog's /exploitation/ introducing six pages of
    notes) counted as a listing by its linked headings, so its og:type website was not read, and it was stored as a
    post. A listing's entries hold most of its text; this page's text is its own."""
    head = (
        '<meta name="generator" content="Hexo 7.3.0"><meta property="og:type" content="website">'
        '<meta property="article:published_time" content="2018-05-04T22:17:04.000Z">'
    )
    topics = ("shells", "payloads", "heap", "gdb", "radare", "strings")
    sections = "".join(
        f'<h1><a href="/{topic}">Notes on {topic}</a></h1><p>'
        + f"What I keep needing about {topic} in capture-the-flag problems, with the commands I reach for first. " * 2
        + "</p>"
        for topic in topics
    )
    body = (
        '<article class="post" itemscope itemtype="http://schema.org/BlogPosting"><header><h1 itemprop="name'
        ' headline">exploitation</h1></header><div class="content" itemprop="articleBody">'
        f"{sections}</div></article>"
    )
    html = f"<html><head><title>exploitation</title>{head}</head><body>{body}</body></html>"
    page = extract(html, "https://notes.example/exploitation/")
    assert (page.kind, page.kind_reason) == ("other", "a page of the site, not a post (Hexo's og:type website)")
    assert extract(html.replace("website", "article"), "https://notes.example/exploitation/").kind == "article"


def test_a_short_page_hexo_marks_as_a_page_is_no_post_missed_and_an_unmarked_one_is():
    """The extraction processes report a short page not taken for a post whose content holds many words (a post
    they may have missed): not a page its generator marks as one of the site's pages."""
    sidebar = "<aside><p>" + "Jane writes about bread, code and the garden behind her house. " * 12 + "</p></aside>"
    head = '<meta name="generator" content="Hexo 8.1.2"><meta property="og:type" content="website">'
    html = (
        f"<html><head><title>About</title>{head}</head><body><main><div id='page'><h1>About</h1><p>"
        f"Jane lives in Freiburg.</p></div>{sidebar}</main></body></html>"
    )
    about = checked_extract(html.encode(), "https://notes.example/about/")
    assert (about["kind"], about["problem"]) == ("other", None)
    unmarked = checked_extract(html.replace("Hexo 8.1.2", "Hugo").encode(), "https://notes.example/about/")
    assert unmarked["kind"] == "other" and unmarked["problem"].startswith("extraction found no post body")


def test_og_type_article_on_an_undated_page_of_links_makes_no_post():
    """A theme that prints og:type article on every page prints it on its tag cloud and its list of authors too."""
    links = _evidence(words=28, link_share=0.9, post_markup="og:type article")
    assert decide(links) == ("listing", "listing: most of its text is links")
    assert decide(_evidence(words=28, link_share=0.9, post_markup="og:type article", dated=True))[0] == "article"
    assert decide(_evidence(words=28, link_share=0.9, post_markup="h-entry"))[0] == "article"
    assert decide(_evidence(words=28, link_share=0.2, post_markup="og:type article"))[0] == "article"


def test_a_page_without_text_is_a_post_only_where_a_feed_lists_it_with_a_date():
    """A post whose body is elsewhere (a stub for a post published on another site), a title-only entry."""
    empty = _evidence(words=0, post_markup="og:type article", dated=True)
    assert decide(empty) == ("other", "no text")
    assert decide(empty, SiteFacts(feed_undated=True, site_known=True)) == ("other", "no text")
    assert decide(empty, SiteFacts(feed_dated=True)) == ("article", "a feed lists it with a date, without text")


def test_two_teasers_make_a_listing_unless_a_feed_lists_the_page_as_a_post():
    """A page whose text is mostly entries linking elsewhere is a listing; a feed's post needs three such
    entries, as a post's previous/next teasers are two."""
    page = _evidence(words=60, entries=2, entry_share=0.7, dated=True)
    assert decide(page)[0] == "listing"
    assert decide(page, SiteFacts(feed_dated=True))[0] == "article"
    assert decide(_evidence(words=60, entries=3, entry_share=0.7), SiteFacts(feed_dated=True))[0] == "listing"


def test_a_post_split_over_query_pages_is_an_article_and_a_home_page_never_is():
    body = "<p>" + "A long paragraph of the post, with words enough to be prose. " * 20 + "</p>"
    html = f"<html><head><title>T</title></head><body><article><h1>Long read</h1>{body}</article></body></html>"
    assert extract(html, "https://news.example/long-read?page=2").kind == "article"
    assert extract(html, "https://news.example/").kind == "listing"
    assert extract(html, "https://news.example/index.html").kind == "listing"


def test_cards_whose_link_wraps_the_title_make_a_listing():
    """Hugo's beautifulhugo and other card themes: `<article><a href=…><h2>Title</h2></a><p>teaser…`, the site's
    home under a sub-path (/blog/), dated by its teasers."""
    cards = "".join(
        f'<article class="post-preview"><a href="/blog/2024-0{n}-01/diary/"><h2>Diary {n}</h2></a>'
        f'<p class="post-meta">2024-0{n}-01</p><p>What happened this month, in a sentence or two.</p></article>'
        for n in range(1, 6)
    )
    assert _kind_of(cards, "https://example.github.io/blog/") == (
        "listing",
        "listing: 5 entries linking to other pages hold most of its text",
    )


def test_cards_of_a_sections_pages_one_dated_make_a_listing():
    """Hugo Stack lists a section's pages (/page/) as cards, each `<article>` one link around the title, one of them
    dated: the dated card, five times the words of a one-word card, is still a card, not the page's own post."""
    cards = '<article><a href="/archives/"><h2>Archives</h2><footer><time datetime="2019-05-28">Tuesday, May 28,'
    cards += " 2019</time></footer></a></article>"
    cards += "".join(
        f'<article><a href="/{name.lower()}/"><h2>{name}</h2></a></article>'
        for name in ("About", "Impressum", "Search")
    )
    assert _kind_of(f"<header><h1>Pages</h1></header><section>{cards}</section>", "https://x.example/page/") == (
        "listing",
        "listing: 4 entries linking to other pages hold most of its text",
    )


def test_an_archive_of_dated_lines_is_a_listing_where_the_date_is_a_class_not_a_time():
    """Hugo's Coder and hand-made archives: `<li><span class="date">May 20, 2023</span> <a>Title</a></li>`. A page
    of them at a URL that names no hub (/posts/) was a post, dated by its newest line."""
    lines = "".join(
        f'<li><span class="date">May {n}, 2023</span> <a class="title" href="/posts/note-{n}/">Note number {n}</a></li>'
        for n in range(1, 6)
    )
    assert _kind_of(
        f'<h1>Posts</h1><ul>{lines}</ul><ul class="pagination"><li>1</li></ul>', "https://x.example/posts/"
    ) == (
        "listing",
        "listing: 5 entries linking to other pages hold most of its text",
    )


def test_brunchs_list_of_posts_is_a_listing():
    """Kakao Brunch lists an author's posts (and a keyword's, a brunchbook's) as `<li>`s each one
    `a.link_post` around the teaser's `strong.tit_subject`, its summary and its `span.publish_time` ("Mar 03.
    2023"), no heading and no <time>: the author's page was a post, dated by its first teaser."""
    items = "".join(
        f'<li class="list_has_image animation_up_late"><a href="/@haneul/{n}" class="link_post #post_list"><div '
        f'class="post_title"><strong class="tit_subject">아침의 기록 {n}</strong><div class="wrap_sub_content"><span '
        f'class="article_content">창문을 열고 한참을 서 있었다. 바람이 불었고 나는 오래 생각했다.</span></div></div>'
        f'<span class="append"><span class="publish_time">Mar 0{n}. 2023</span></span></a></li>'
        for n in range(1, 6)
    )
    profile = (
        '<div class="wrap_profile"><strong class="tit_profile">김하늘</strong><p class="txt_desc">쓰는 사람.</p></div>'
    )
    html = (
        f'<html><head><title>김하늘의 브런치스토리</title></head><body><div id="wrap">{profile}<div class="wrap_'
        f'article_list"><ul class="list_article list_post1">{items}</ul></div></div></body></html>'
    )
    article = extract(html, "https://brunch.co.kr/@haneul")
    assert (article.kind, article.kind_reason) == (
        "listing",
        "listing: 5 entries linking to other pages hold most of its text",
    )


def test_stacks_archives_page_is_a_listing_though_the_feed_dates_it():
    """Hugo's feed lists a page of content/page/ with its front matter's date, and Hugo Stack's Archives lists a
    small blog's posts in two teasers, fewer than a page the feed dates needs to be a listing: it was a post."""
    teasers = "".join(
        f'<article><a href="/p/note-{n}/"><div class="article-details"><h2 class="article-title">Note {n}</h2>'
        f'<footer class="article-time"><time datetime="2026-02-0{n}T12:00:00+08:00">Feb 0{n}, 2026</time></footer>'
        "</div></a></article>"
        for n in (1, 2)
    )
    head = '<meta property="og:type" content="article"><meta property="article:published_time" content="2026-01-21">'
    html = f'<html><head><title>Archives</title>{head}</head><body class="template-archives"><main>'
    html += f'<div class="archives-group"><h2>2026</h2><div class="article-list--compact">{teasers}</div></div>'
    article = extract(html + "</main></body></html>", "https://x.example/archives/")
    assert decide(article.evidence, SiteFacts(feed_dated=True, site_known=True))[0] == "listing"


def test_a_page_of_hugos_pages_section_is_no_post_whatever_its_date():
    """Hugo themes' example sites keep the site's pages in content/page/, and Hugo's template states that section
    as article:section "page": Bilberry's Legal and Tech skills, dated 2000 and 2010 by the theme's example front
    matter, before the oldest post in the feed, were stored as posts; About, Blog and Projects, dated later, were
    not kept but reported as losses. A post of another section stays a post."""

    prose = "<p>" + "The notice names the owner of the site and how to reach them by post. " * 8 + "</p>"

    def page(section: str) -> str:
        head = f'<meta name="generator" content="Hugo 0.160.1"><meta property="article:section" content="{section}">'
        head += '<meta property="og:type" content="article">'
        head += '<meta property="article:published_time" content="2000-02-16T13:17:56+01:00">'
        body = f'<article class="default article"><div class="content"><h1 class="article-title">Legal</h1>{prose}'
        return f"<html><head><title>Legal</title>{head}</head><body>{body}</div></article></body></html>"

    site = SiteFacts(site_known=True)
    assert decide(extract(page("page"), "https://x.example/page/legal/").evidence, site)[0] == "other"
    assert decide(extract(page("article"), "https://x.example/2000-legal/").evidence, site)[0] == "article"


def test_a_page_of_hugos_pages_section_is_no_post_though_the_feed_dates_it():
    """Hugo's default RSS template lists every regular page with its front matter's date: Hugo Stack's About, in
    content/page/ beside the posts of content/post/, was stored as a post because "a feed lists it with a date".
    A post of another section the feed dates stays a post."""
    prose = "<p>" + "私は製品開発の部署で働いていて、家ではサーバーを組んで遊んでいます。" * 8 + "</p>"

    def page(section: str) -> str:
        head = f'<meta property="article:section" content="{section}"><meta property="og:type" content="article">'
        head += f'<link rel="stylesheet" href="/scss/style.min.{"0a" * 32}.css">'  # Hugo Pipes' fingerprint
        body = '<article class="main-article"><header><h2 class="article-title">About</h2>'
        body += '<footer class="article-time"><time class="article-time--published">2024/05/25</time></footer>'
        body += f"</header>{prose}</article>"
        return f"<html><head><title>About</title>{head}</head><body><main>{body}</main></body></html>"

    site = SiteFacts(feed_dated=True, site_known=True)
    assert decide(extract(page("Page"), "https://x.example/page/about/").evidence, site)[0] == "other"
    assert decide(extract(page("Post"), "https://x.example/post/about-my-server/").evidence, site)[0] == "article"


@pytest.mark.parametrize(
    ("path", "layout"),
    [
        ("/publication/soil-carbon/", '<div class="pub">{header}<div class="article-container">{prose}</div></div>'),
        ("/talk/soil-day/", '<div class="pub">{header}<div class="article-container">{prose}</div></div>'),
        ("/project/soil-map/", '<article class="article article-project">{header}{prose}</article>'),
        ("/courses/r-intro/week-1/", '<article class="article"><div class="docs-article-container">{prose}</div>'),
        ("/slides/soil-day/", '<div class="reveal"><div class="slides"><section>{prose}</section></div></div>'),
    ],
)
def test_academics_publications_talks_projects_docs_and_slides_are_no_posts_though_its_feed_dates_them(path, layout):
    """Academic (Wowchemy, Hugo Blox) lays out each content type its own way, and its feed, Hugo's RSS of every
    regular page, dates its publications, talks, projects, courses and slides as it dates posts: an R blogger's
    site stored its example publications, projects, talk, slides and course pages as posts "a feed lists it with
    a date". A post, `article.article` with a JSON-LD BlogPosting, stays a post; `div.pub` on a site Academic did not
    build says nothing."""
    prose = "<p>" + "We measured the carbon held in the soil of forty fields over three summers. " * 8 + "</p>"
    header = (
        '<div class="article-container pt-3"><h1>Soil carbon</h1><span class="article-date">Jan 1, 2020</span></div>'
    )

    def page(body: str, generator: str = "Source Themes Academic 4.7.0", jsonld: str = "") -> str:
        head = f'<meta name="generator" content="{generator}"><meta property="og:type" content="article">'
        head += f'<meta property="article:published_time" content="2020-01-01T00:00:00+00:00">{jsonld}'
        return f"<html><head><title>Soil carbon</title>{head}</head><body>{body}</body></html>"

    site = SiteFacts(feed_dated=True, site_known=True)
    html = page(layout.format(header=header, prose=prose))
    assert decide(extract(html, f"https://x.example{path}").evidence, site)[0] == "other"
    html = page(layout.format(header=header, prose=prose), generator="Wowchemy 5.6.0 for Hugo")
    assert decide(extract(html, f"https://x.example{path}").evidence, site)[0] == "other"
    assert (
        decide(
            extract(page(layout.format(header=header, prose=prose), "Hugo 0.92.0"), "https://x.example/x/").evidence,
            site,
        )[0]
        == "article"
    )
    blogposting = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting"}</script>'
    )
    post = page(
        f'<article class="article">{header}<div class="article-style">{prose}</div></article>', jsonld=blogposting
    )
    assert decide(extract(post, "https://x.example/post/soil-carbon/").evidence, site)[0] == "article"


def _kind_of(cards: str, url: str) -> tuple[str, str | None]:
    article = extract(f"<html><head><title>Posts</title></head><body><main>{cards}</main></body></html>", url)
    return article.kind, article.kind_reason


def test_cards_with_an_overlay_link_make_a_listing_and_a_posts_labelled_icon_links_do_not():
    """Hugo's PaperMod (a section's list page, /posts/): each card's link is empty, stretched over the card by CSS,
    and named for screen readers after the card's title; the teasers' dates made the page a dated post."""
    cards = "".join(
        f'<article class="post-entry"><header class="entry-header"><h2>Post {n} - with a dash</h2></header>'
        f'<div class="entry-content"><p>Paragraph one of post {n}, about the kettle and the bread.</p></div>'
        f"<footer class=\"entry-footer\"><span title='2024-0{n}-05'>May {n}, 2024</span> · Ann Lee</footer>"
        f'<a class="entry-link" aria-label="post link to Post {n} - with a dash" href="/posts/post-{n}/"></a>'
        "</article>"
        for n in range(1, 4)
    )
    assert _kind_of(f"<h1>Posts</h1>{cards}", "https://blog.example/posts/") == (
        "listing",
        "listing: 3 entries linking to other pages hold most of its text",
    )
    # a post's icon links, labelled but not after a card's one heading, are no entries
    icons = "".join(f'<a aria-label="Tag {t}" href="/tags/{t}/"><svg></svg></a>' for t in ("bread", "kettle"))
    prose = "<p>" + "The kettle sang while the bread cooled on the rack. " * 12 + "</p>"
    post = f"<html><body><main><article><h1>Bread</h1><time>2024-05-01</time>{prose}{icons}</article></main></body>"
    assert extract(post + "</html>", "https://blog.example/posts/bread/").kind == "article"


@pytest.mark.parametrize(
    "heading",
    ['<h2><a href="/">Back to Posts</a></h2>', '<h1 class="title"><a href="/blog/index.html">A Blog</a></h1>'],
)
def test_a_post_whose_heading_links_home_above_its_neighbours_teasers_is_a_post(heading):
    """Jekyll and Hugo themes put the site's title or a "Back to posts" link in a heading and the previous and next
    posts' titles after the wrapper that holds the post: the home link is no entry, so that wrapper is no entry's
    block."""
    body = "".join(f"<p>Paragraph {n} of the post, with words enough to be read as its prose.</p>" for n in range(30))
    neighbours = "".join(
        f'<div class="{side}"><h3><a href="/blog/2018/08/{day}/other/">The {side} post</a></h3></div>'
        for side, day in (("prev", "09"), ("next", "30"))
    )
    html = (
        '<html><head><meta property="og:type" content="article"></head><body><div class="wrapper">'
        f'{heading}<h1>The post</h1><p class="meta">Aug 13, 2018</p><div id="content">{body}</div></div>'
        f'<div class="links">{neighbours}</div></body></html>'
    )
    article = extract(html, "https://example.org/blog/2018/08/13/the-post/")
    assert article.kind == "article", article.kind_reason
    assert article.evidence.entries == 2 and article.evidence.entry_share < 0.1


def test_a_page_of_teasers_each_marked_up_as_a_post_is_a_listing():
    """Blogger's home and Hexo NexT's archive mark each teaser up as a schema.org BlogPosting or Article."""
    teasers = "".join(
        f'<article itemscope itemtype="http://schema.org/Article"><time itemprop="datePublished">2022-1{n}-01</time>'
        f'<div class="post-title"><a href="/2022/post-{n}/"><span itemprop="name">Post {n}</span></a></div></article>'
        for n in range(3)
    )
    article = extract(f"<html><body><main>{teasers}</main></body></html>", "https://example.github.io/archives/")
    # (NexT's div.post-title also makes each an entry, a title that is no heading)
    assert article.kind == "listing" and article.kind_reason.startswith("listing: 3 "), article.kind_reason
    # VuePress's theme-hope marks them up in RDFa, each with excerpts long enough to pass for a post
    rdfa = "".join(
        f'<article class="vp-article-item" vocab="https://schema.org/" typeof="Article"><a href="/posts/p{n}.html">'
        f'<header><span property="headline">Post {n}</span></header></a><div class="vp-article-excerpt"><p>'
        + "Rye, spelt and oats, and what each of them wants of the baker. " * 4
        + f'</p></div><meta property="datePublished" content="2022-1{n}-01T00:00:00.000Z"></article>'
        for n in range(3)
    )
    article = extract(f"<html><body><main>{rdfa}</main></body></html>", "https://example.github.io/article/")
    assert (article.kind, article.kind_reason) == ("listing", "listing: 3 items marked up as posts")
    # Drupal marks one post up twice, an RDFa item around a microdata one: one post, not two teasers
    twice = (
        '<html><body><div class="view-mode-full" typeof="schema:Article"><article itemscope '
        'itemtype="http://schema.org/Article"><h1>Rye</h1><time datetime="2024-03-05">5 March</time><p>'
        + "Rye, spelt and oats, and what each of them wants of the baker. " * 12
        + "</p></article></div></body></html>"
    )
    assert extract(twice, "https://news.example/rye/").kind == "article"


def test_a_tag_cloud_with_the_page_date_its_generator_prints_is_a_listing():
    cloud = "".join(f'<a href="/tags/{tag}/">{tag}</a> ' for tag in ("CSS", "JavaScript", "Sass", "WCAG", "Rust"))
    head = '<meta property="article:published_time" content="2022-10-27T07:25:44.000Z">'
    html = f"<html><head>{head}</head><body><main><h1>tags</h1><p>5 tags</p><div>{cloud}</div></main></body></html>"
    assert extract(html, "https://example.github.io/tags/").kind_reason == "listing: most of its text is links"


def test_an_undated_page_without_post_markup_at_a_hubs_url_is_that_hub():
    """A Hugo term page listing its posts' titles in an <article> per year, no teasers, is a category page; and a
    page at a hub's URL that nothing says is a post is that hub, whether the crawl knows the site or not."""
    years = "".join(
        f"<article><h4>{year}</h4><ul>"
        + "".join(
            f'<li><a href="/blog/{year}/post-{n}/">A post of {year} about gardening, number {n}</a></li>'
            for n in range(8)
        )
        + "</ul></article>"
        for year in (2020, 2019, 2018)
    )
    heading = "<h1>All articles categorized with coding</h1>"
    html = f"<html><body><main>{heading}<section>{years}</section></main></body></html>"
    article = extract(html, "https://blog.example/categories/coding/")
    assert article.kind == "category"
    page = _evidence(words=205, link_share=0.3, url_kind="tag")
    assert decide(page)[0] == decide(page, SiteFacts(site_known=True))[0] == "tag"
    assert decide(_evidence(words=205, url_kind="tag", dated=True))[0] == "article"


@pytest.mark.parametrize(
    "description",
    [
        "<description></description>",
        # Hugo Hermit's feed template prints a term's missing summary as Go's `<no value>`
        "<description><![CDATA[&lt;no value&gt;]]></description>",
        "<description>&lt;no value&gt;</description>",
    ],
)
def test_a_taxonomys_feed_lists_its_terms_not_posts(description):
    """Hugo's /categories/index.xml dates every term by its newest post, with an empty description: the crawl
    settles those pages by their URL whichever it reads first; a post's item at a category's URL, with its text,
    stays a post."""
    items = "".join(
        f"<item><title>{name}</title><link>https://blog.example/categories/{name}/</link>"
        f"<pubDate>Thu, 31 Dec 2020 00:00:00 +0000</pubDate>{description}</item>"
        for name in ("coding", "photography")
    )
    post = (
        "<item><title>Rome</title><link>https://blog.example/topics/rome/</link>"
        "<pubDate>Thu, 31 Dec 2020 00:00:00 +0000</pubDate><description>A week in Rome</description></item>"
    )
    feed = f"<rss version='2.0'><channel><title>Categories</title>{items}{post}</channel></rss>".encode()
    structure = SiteStructure()
    assert structure.add(listed_in("feed", feed, "https://blog.example/categories/index.xml")) == [
        "https://blog.example/topics/rome/"
    ]
    term = "https://blog.example/categories/coding/"
    assert structure.settles_by_url(term) and structure.facts(term) == SiteFacts(site_known=True)
    assert structure.facts("https://blog.example/topics/rome/").feed_dated


def test_a_taxonomys_own_feed_lists_its_terms_though_each_has_a_description():
    """Hugo's DoIt gives each author of the `authors` taxonomy a bio, and /authors/index.xml prints it as the item's
    description, dated by the author's newest post: the two author pages were stored as posts. A feed whose every
    item links a term's page under the feed's own page is the taxonomy's."""
    items = "".join(
        f"<item><title>{name}</title><link>https://blog.example/authors/{slug}/</link>"
        f"<pubDate>Mon, 20 May 2024 08:45:00 +0200</pubDate><description>{name} writes about rivers."
        "</description></item>"
        for slug, name in (("alice-schmidt", "Alice Schmidt"), ("bob-okafor", "Bob Okafor"))
    )
    channel = "<title>Authors - Lab Notebook</title><link>https://blog.example/authors/</link>"
    feed = f"<rss version='2.0'><channel>{channel}{items}</channel></rss>".encode()
    assert SiteStructure().add(listed_in("feed", feed, "https://blog.example/authors/index.xml")) == []
    posts = feed.replace(b"/authors/alice-schmidt/", b"/2024/05/alice/").replace(
        b"/authors/bob-okafor/", b"/2024/05/bob/"
    )
    assert len(SiteStructure().add(listed_in("feed", posts, "https://blog.example/authors/index.xml"))) == 2


def test_a_tag_whose_name_holds_a_slash_is_a_term_of_its_taxonomys_feed():
    """Hugo's urlize keeps the "/" of a tag named "CI/CD": its page is /tags/ci/cd/, two folders below /tags/, and
    /tags/index.xml dated it as a post the crawl did not keep (a false loss, exit 3). A section's feed of posts in
    dated folders, no summaries, lists posts still."""

    def feed(home: str, items_at: tuple[tuple[str, str], ...]) -> bytes:
        items = "".join(
            f"<item><title>{title}</title><link>https://blog.example{path}</link>"
            "<pubDate>Thu, 17 Oct 2019 00:00:00 +0000</pubDate><description/></item>"
            for path, title in items_at
        )
        channel = f"<title>Tags on Blog</title><link>https://blog.example{home}</link>"
        return f"<rss version='2.0'><channel>{channel}{items}</channel></rss>".encode()

    tags = feed("/tags/", (("/tags/azure/", "Azure"), ("/tags/ci/cd/", "CI/CD"), ("/tags/docker/", "Docker")))
    assert SiteStructure().add(listed_in("feed", tags, "https://blog.example/tags/index.xml")) == []
    posts = feed("/posts/", (("/posts/2019/10/azure/", "Azure on a budget"), ("/posts/2019/10/drone/", "Drone CI")))
    assert len(SiteStructure().add(listed_in("feed", posts, "https://blog.example/posts/index.xml"))) == 2


def test_links_the_extraction_left_out_do_not_make_a_post_a_listing():
    """A news post whose container also holds an <aside> of 30 related stories: extraction leaves the aside out,
    and the share of links is that of the text kept, not of the container's; a page whose text is the links is
    still a listing."""
    prose = "".join(
        f"<p>The council met on Tuesday about the new cycle lanes along the river, item {i}.</p>" for i in range(8)
    )
    stories = "".join(
        f"<li><a href='/news/{i}/'>Another story of the town, its roads and schools, part {i}</a></li>"
        for i in range(30)
    )
    head = "<title>Cycle lanes</title><meta property='article:published_time' content='2022-01-25'>"
    post = f"<div class='entry-content'><h1>Cycle lanes</h1>{prose}<aside><ul>{stories}</ul></aside></div>"
    article = extract(f"<html><head>{head}</head><body>{post}</body></html>", "https://news.example/cycle-lanes.html")
    assert (article.kind, article.evidence.link_share) == ("article", 0.0)
    links = f"<div class='entry-content'><h1>Stories</h1><ul>{stories}</ul></div>"
    listing = extract(f"<html><head>{head}</head><body>{links}</body></html>", "https://news.example/stories.html")
    assert listing.kind == "listing" and listing.evidence.link_share > 0.9


BRIDGE = "".join(
    f"<p>The mayor opened the new bridge over the river on Monday, and the first buses crossed it, part {i}.</p>"
    for i in range(6)
)
NEWS_HEAD = "<title>Bridge opens</title><meta property='article:published_time' content='2022-01-25'>"


def test_a_rail_of_other_stories_the_extraction_left_out_does_not_make_a_post_a_listing():
    """A news post beside a rail of 40 headlines, outside any chrome, that hold most of the page's words: the text
    extraction kept is the story, none of it in the rail, so the rail's entries say nothing of the page."""
    rail = "".join(
        f"<li><h3><a href='/news/story-{n}/'>The town's story number {n} of this week</a></h3></li>" for n in range(40)
    )
    story = f"<article class='story'><h1>Bridge opens</h1>{BRIDGE}</article>"
    body = f"{story}<section><h2>More news</h2><ul>{rail}</ul></section>"
    article = extract(
        f"<html><head>{NEWS_HEAD}</head><body>{body}</body></html>", "https://news.example/bridge-opens.html"
    )
    assert (article.kind, article.evidence.entries, article.evidence.text_in_entries) == ("article", 40, 0.0)
    assert article.evidence.entry_share > 0.5
    page = _evidence(words=134, entries=40, entry_share=0.7, text_in_entries=0.9)
    assert decide(page)[0] == "listing"  # where the text extraction kept lies in the entries, they make a listing


def test_a_later_index_page_of_one_long_and_one_short_full_text_post_is_a_listing():
    """Nikola's index pages print whole posts, each a schema.org Article and h-entry whose <h1> links to the post;
    its last page held a long post and a one-line one, and the long one was taken for the page's own post beside
    a related story (a post that dwarfs its related stories' items is still a post: the test above). The posts
    stand here in a bare <div>, not Nikola's div.postindex, which alone makes a listing (the test of its oldest
    index page): any theme's listing of full-text posts is told so."""
    prose = "<p>" + "We walked from the Colosseum to the Tiber in the morning light. " * 30 + "</p>"
    posts = "".join(
        f'<article class="h-entry post-text" itemscope itemtype="http://schema.org/Article"><header>'
        f'<h1 class="p-name entry-title"><a href="posts/{slug}/" class="u-url">{title}</a></h1>'
        f'<time class="published dt-published" datetime="2024-0{n}-03T09:30:00+01:00">2024-0{n}-03</time></header>'
        f'<div class="e-content entry-content">{text}</div></article>'
        for n, slug, title, text in (
            (2, "coffee", "Coffee note", "<p>A good espresso takes 25 s.</p>"),
            (1, "rome", "Rome", prose),
        )
    )
    html = (
        "<html><head><title>Ann's notes (old posts, page 1)</title></head><body><div>"
        f"{posts}</div><ul class='pager'><li><a href='.' rel='prev'>Newer posts</a></li></ul></body></html>"
    )
    article = extract(html, "https://notes.example/index-1.html")
    # its two entries, each titled with a link to its post, hold the page's text: the long one is no post of its own
    assert (article.kind, article.kind_reason) == (
        "listing",
        "listing: 2 entries linking to other pages hold most of its text",
    )
    own = html.replace('href="posts/rome/"', 'href="."')  # the long one is the page's own post: its link is the page
    assert extract(own, "https://notes.example/posts/rome/").kind == "article"


def test_a_paginator_page_whose_one_long_post_dwarfs_the_others_is_a_listing():
    """A Jekyll blog's paginator pages (paginate_path /blog/:num/) print each post in full under its title, a link
    to the post's page, dated in a plain <p>: a page holding one long post and four short ones was taken for that
    post beside four teasers (a block many times the others' size is a page's own post: the test below), and stored
    as a post. A block whose first heading links to another page is that page's post, shown in full on a listing."""
    long = "<p>" + "Vier Tage Congress in Hamburg, mit Vorträgen, Workshops und Mate bis spät. " * 40 + "</p>"
    short = "<p>" + "Ein kurzer Bericht aus dem Club, mit einem Bild vom Basteln. " * 6 + "</p>"
    posts = "<hr>".join(
        f'<div class="container"><div class="col-md-12 post"><header class="post-header">'
        f'<h2 class="post-title"><a href="/2016/0{n}/1{n}/eintrag-{n}.html">Eintrag {n}</a></h2>'
        f'<p class="post-meta">Feb 1{n}, 2016</p></header><article class="post-content">{text}</article></div></div>'
        for n, text in ((5, short), (4, short), (3, short), (2, short), (1, long))
    )
    html = (
        "<html><head><title>chaos im Pott</title></head><body><nav><a href='/'>Home</a></nav>"
        f"{posts}<div class='page-navigation'><a href='/blog/18/'>Zurück</a> | Seite 19 von 33 | "
        "<a href='/blog/20/'>Vor</a></div></body></html>"
    )
    assert extract(html, "https://club.example/blog/19/").kind == "listing"


def test_a_block_many_times_larger_than_the_other_entries_is_the_post_not_an_entry():
    """The post's wrapper holds one link to another story under a heading, three short teasers follow: the wrapper
    is no teaser of the same listing, and the three teasers hold little of the page."""
    story = f"<h1>Bridge opens</h1>{BRIDGE}<h4><a href='/news/the-old-bridge/'>The old bridge, 1950 to 2021</a></h4>"
    teasers = "".join(f"<div><h3><a href='/news/story-{n}/'>Story {n} of the town</a></h3></div>" for n in range(3))
    body = f"<main><div><div class='story'>{story}</div>{teasers}</div></main>"
    article = extract(
        f"<html><head>{NEWS_HEAD}</head><body>{body}</body></html>", "https://news.example/bridge-opens.html"
    )
    assert (article.kind, article.evidence.entries) == ("article", 3)
    # its title above the wrapper, which opens with the story's words: a related story's linked heading in it is no
    # title of a post shown in full on a listing (a news site's story quoting the story before it)
    told = story.removeprefix("<h1>Bridge opens</h1>")
    body = f"<main><h1>Bridge opens</h1><div><div class='story'>{told}</div>{teasers}</div></main>"
    article = extract(
        f"<html><head>{NEWS_HEAD}</head><body>{body}</body></html>", "https://news.example/bridge-opens.html"
    )
    assert (article.kind, article.evidence.entries) == ("article", 3)


def test_related_stories_marked_up_as_posts_do_not_make_a_post_a_listing():
    """A news post whose related stories below it are each marked up as a NewsArticle in microdata, the post itself
    once more around its text: the text extraction kept is the post's, none of it in the related stories."""
    related = "".join(
        f"<div itemscope itemtype='https://schema.org/NewsArticle'><h3><a href='/news/story-{n}/'>"
        f"<span itemprop='headline'>Story {n} of the town this week</span></a></h3></div>"
        for n in range(4)
    )
    marked = "itemscope itemtype='https://schema.org/NewsArticle'"
    story = f"<div {marked}><h1 itemprop='headline'>Bridge opens</h1>{BRIDGE}</div>"
    html = f"<html><head>{NEWS_HEAD}</head><body><main>{story}<section>{related}</section></main></body></html>"
    article = extract(html, "https://news.example/bridge-opens.html")
    assert (article.kind, article.evidence.post_items, article.evidence.text_in_items) == ("article", 5, 0.0)


def test_an_archive_of_dated_links_marked_og_type_article_like_every_page_is_a_listing():
    """Pelican's Elegant prints og:type article on every page, its archive too: a list of links to posts, each with
    its <time>. A post with one date, or a page of links with none, is read as before."""
    rows = "".join(
        f'<div itemscope><a href="/post-{n}.html">Post number {n}</a> <time datetime="2024-0{n}-02T09:30:00+01:00">'
        f"{n} Feb</time></div>"
        for n in range(1, 8)
    )
    head = '<title>All Posts</title><meta property="og:type" content="article">'
    html = f'<html><head>{head}</head><body><h1>All Posts</h1><div class="blog-archives">{rows}</div></body></html>'
    article = extract(html, "https://x.example/archives.html")
    assert (article.kind, article.kind_reason) == ("listing", "listing: most of its text is links")


@pytest.mark.parametrize(
    ("body_class", "kind"),
    [("dc-post", "article"), ("dc-page", "page"), ("dc-archive-month", "archive"), ("dc-tag", "tag"), ("x", None)],
)
def test_dotclears_body_class_says_what_the_page_is(body_class, kind):
    """Dotclear prints its template's name on the <body>: a month's archive printing its one post whole (its title
    a link to the post, a <time>) is no post, the About page no post either."""
    post = (
        '<article class="post" role="article"><header><h2 class="post-title"><a href="/index.php/post/2024/01/15/'
        'rye">Rye</a></h2><p class="post-info">By Jane Example, <time datetime="2024-01-15T09:30:00+01:00">Monday, '
        "January 15 2024</time></p></header><div class='post-content'><p>"
        + "Rye bread needs a sour starter and a long, slow rise in a warm kitchen. " * 5
        + "</p></div></article>"
    )
    html = f'<html lang="en"><head><title>Rye - Notes</title></head><body class="{body_class}">{post}</body></html>'
    article = extract(html, "https://notes.example/index.php/archive/2024/01")
    if kind is None:
        assert article.kind == "article" and not article.kind_reason.startswith("Dotclear")
    else:
        assert (article.kind, article.kind_reason) == (kind, f"Dotclear's body classes mark it as {kind}")


def _typecho_page(og_type: str, respond: str, url: str) -> str:
    """A page of Typecho's default theme: the core's header (generator, og:type), one BlogPosting with its author
    and <time>, and the reply form's box named after the content (`respond-post-4`), or none."""
    box = (
        f'<div id="{respond}" class="respond"><form method="post" action="{url}comment"></form></div>'
        if respond
        else ""
    )
    return (
        '<html><head><meta charset="UTF-8"><title>Sauerteig - Notes</title>'
        '<meta name="generator" content="Typecho 1.3.0"><meta name="template" content="default">'
        f'<meta property="og:type" content="{og_type}"></head><body><div id="main" role="main">'
        '<article class="post" itemscope itemtype="http://schema.org/BlogPosting"><h2 class="post-title" '
        'itemprop="name headline"><a itemprop="url" href="https://notes.example/index.php/archives/11/">Sauerteig</a>'
        '</h2><ul class="post-meta"><li itemprop="author" itemscope itemtype="http://schema.org/Person">Autor: '
        '<a itemprop="name" href="https://notes.example/index.php/author/1/" rel="author">Anna</a></li><li>'
        '<time datetime="2024-06-15T15:35:00+00:00" itemprop="datePublished">2024-06-15</time></li></ul>'
        '<div class="post-content" itemprop="articleBody"><p>'
        + "Sauerteig braucht vor allem Geduld, ein kräftiges Anstellgut und eine lange Gare im Kühlschrank. " * 5
        + f"</p></div></article>{box}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("og_type", "respond", "path", "kind"),
    [
        ("article", "respond-post-11", "/index.php/archives/11/", "article"),
        ("article", "respond-page-18", "/index.php/about.html", "page"),
        # the second page of an author's posts, which holds one: a post's markup, under a <time>, in full
        ("website", "", "/index.php/author/1/2/", "listing"),
    ],
)
def test_typechos_og_type_and_reply_box_say_what_the_page_is(og_type, respond, path, kind):
    """Typecho's header types every archive but a single post or page `website`, and names the reply form's box
    after the content's type: its About page (dated by its theme as a post is) and an author's second page
    holding one post whole were stored as posts."""
    url = f"https://notes.example{path}"
    article = extract(_typecho_page(og_type, respond, url), url)
    assert (article.kind, article.kind_reason) == (
        kind,
        f"Typecho's og:type or the id of its reply box marks it as {kind}",
    )


def test_a_typecho_post_with_its_comments_closed_is_judged_by_its_markup():
    url = "https://notes.example/index.php/archives/11/"
    article = extract(_typecho_page("article", "", url), url)
    assert article.kind == "article" and not article.kind_reason.startswith("Typecho")


def test_an_undated_blogposting_of_genre_page_is_a_page_of_the_site():
    """Hugo's LoveIt family (LoveIt, DoIt, FixIt) types every page a BlogPosting and names its content type the
    `genre`: About and Impressum ("genre": "page", no datePublished) were stored as posts."""
    prose = "<p>" + "We are two people writing about bread, rivers and the code we run at home. " * 6 + "</p>"

    def page(genre: str, dated: str = "") -> str:
        jsonld = f'{{"@type": "BlogPosting", "headline": "About", "genre": "{genre}"{dated}}}'
        return (
            f'<html><head><title>About</title><script type="application/ld+json">{jsonld}</script></head>'
            f"<body><article><h1>About</h1>{prose}</article></body></html>"
        )

    assert extract(page("page"), "https://blog.example/about/").kind == "other"
    assert extract(page("posts"), "https://blog.example/about/").kind == "article"
    dated = ', "datePublished": "2024-03-01T09:00:00+01:00"'
    assert extract(page("page", dated), "https://blog.example/about/").kind == "article"


def test_a_dated_blogposting_of_genre_page_on_the_loveit_familys_page_layout_is_a_page_of_the_site():
    """FixIt prints About and Impressum with its layout for any content but posts, `<article class="page single
    special">`, and `hugo new` dates them: "genre": "page" with a datePublished, stored as posts. Its posts have
    `<article class="page single">` and "genre": "posts"."""
    prose = "<p>" + "We are two people writing about bread, rivers and the code we run at home. " * 6 + "</p>"

    def page(genre: str, classes: str) -> str:
        jsonld = (
            f'{{"@type": "BlogPosting", "headline": "About", "genre": "{genre}",'
            ' "datePublished": "2024-01-01T00:00:00+01:00"}'
        )
        return (
            f'<html><head><title>About</title><script type="application/ld+json">{jsonld}</script></head>'
            f'<body><article class="{classes}"><h1>About</h1>{prose}</article></body></html>'
        )

    about = extract(page("page", "page single special"), "https://blog.example/about/")
    assert about.kind == "other" and "special" in about.kind_reason
    assert extract(page("posts", "page single"), "https://blog.example/posts/rye/").kind == "article"
    assert extract(page("page", "page single"), "https://blog.example/rye/").kind == "article"


def test_a_one_sentence_post_whose_page_wide_reading_looks_like_a_listing_is_its_post():
    """Hexo's Keep marks a post's body `.post-content` and nothing else (no <article>, no <nav>, no JSON-LD):
    trafilatura's fallback for a one-sentence post is the whole page — its menus twice, the post's terms, the
    previous and next posts' titles — mostly links, so a listing: the post was stored as none. Judged by its
    post-body element's sentence, it is a post. (A page of the theme, built here: tests/fixtures/hexo/.)"""
    case = Path(__file__).parent / "fixtures" / "hexo" / "en-keep-one-sentence-post"
    article = extract((case / "page.html").read_bytes(), json.loads((case / "meta.json").read_text())["url"])
    assert article.kind == "article"
    assert article.text == "The kettle whistled at exactly seven o’clock this morning."
    # where no class marks the post's body, the densest paragraph is no post to judge the page by
    unmarked = (case / "page.html").read_bytes().replace(b'class="post-content keep-markdown-body "', b'class="k"')
    assert extract(unmarked, json.loads((case / "meta.json").read_text())["url"]).kind == "listing"


def test_a_feed_of_a_taxonomy_of_the_sites_own_naming_lists_its_terms_not_posts():
    """Hugo's /series/index.xml ("Series on Field Notes") lists each series, one here, dated by its newest post with
    an empty description: the series' page was stored as a post (Poison, Archie) — `series` is no address a
    tag's or category's is known by. A section's feed gives each post its summary, and the site's own feed at its
    root lists posts whatever their text."""
    item = (
        "<item><title>Data at the bakery</title><link>https://blog.example/series/data-at-the-bakery/</link>"
        "<pubDate>Fri, 12 Apr 2024 18:30:00 +0200</pubDate><description>{}</description></item>"
    )
    channel = "<title>Series on Field Notes</title><link>https://blog.example/series/</link>"

    def feed(description: str, link: str = channel) -> bytes:
        return f"<rss version='2.0'><channel>{link}{item.format(description)}</channel></rss>".encode()

    assert SiteStructure().add(listed_in("feed", feed(""), "https://blog.example/series/index.xml")) == []
    section = feed("We baked the same loaf six weekends in a row.")
    assert len(SiteStructure().add(listed_in("feed", section, "https://blog.example/series/index.xml"))) == 1
    root = feed("", "<title>Field Notes</title><link>https://blog.example/</link>").replace(b"series/", b"")
    assert len(SiteStructure().add(listed_in("feed", root, "https://blog.example/index.xml"))) == 1


def test_a_taxonomy_feed_lists_terms_whose_names_hold_a_slash_several_folders_down():
    """Hugo keeps a slash of a term's name in its address: a blog's series "NOI/IOI" lies at /series/noi/ioi/, two
    folders below /series/, and /series/index.xml, whose other items lay one folder below, was no longer a feed of
    terms — each of the series its items name was stored as a post, dated by its newest post (a real Hugo blog,
    zzo theme, Chinese: its series pages). A term as many folders below as its name has parts is one."""
    items = "".join(
        f"<item><title>{name}</title><link>https://blog.example/series/{path}/</link>"
        "<pubDate>Fri, 12 Apr 2024 18:30:00 +0200</pubDate><description/></item>"
        for name, path in (("NOI/IOI", "noi/ioi"), ("学期总结", "%E5%AD%A6%E6%9C%9F%E6%80%BB%E7%BB%93"))
    )
    channel = "<channel><title>Series on Notes</title><link>https://blog.example/series/</link>"

    def listed(feed: str) -> list[str]:
        return SiteStructure().add(listed_in("feed", feed.encode(), "https://blog.example/series/index.xml"))

    assert listed(f"<rss version='2.0'>{channel}{items}</channel></rss>") == []
    # a section's feed whose posts lie in dated folders below it lists posts: their titles are no paths
    posts = items.replace("/series/noi/ioi/", "/series/2024/04/noi/")
    assert len(listed(f"<rss version='2.0'>{channel.replace('Series', 'Posts')}{posts}</channel></rss>")) == 2


def test_a_term_page_a_taxonomys_feed_lists_is_no_post_the_crawl_lost():
    """Hugo zzo prints a series' page, its one or two posts too few entries to make a listing, dated by its newest
    post and with og:type article; no feed dates it, and the crawl reported it as a post a sitemap lists and that
    it lost (exit 3). A page a taxonomy's own feed lists as its term is none."""
    site = "https://blog.example"
    posts = "".join(
        f"<item><link>{site}/posts/{name}/</link><pubDate>Fri, 0{n} Mar 2024 10:00:00 +0000</pubDate>"
        f"<description>Text of {name}</description></item>"
        for n, name in enumerate(("rye", "spelt", "oats"), start=1)
    )
    series = (
        f"<channel><title>Series on Notes</title><link>{site}/series/</link><item><title>Bread</title>"
        f"<link>{site}/series/bread/</link><pubDate>Sun, 03 Mar 2024 10:00:00 +0000</pubDate><description/></item>"
    )
    urls = "".join(f"<url><loc>{site}{path}</loc></url>" for path in ("/posts/rye/", "/series/bread/"))
    sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    evidence = PageEvidence(40, False, 1, 0.3, 0.2, 0.1, "og:type article", 0, 0.0, None, True, None)
    page = {"published": "2024-03-03", "evidence": asdict(evidence), "kind": "other"}
    structure = SiteStructure()
    structure.add(listed_in("sitemap", sitemap, f"{site}/sitemap.xml"))
    structure.add(
        listed_in("feed", f"<rss version='2.0'><channel>{posts}</channel></rss>".encode(), f"{site}/index.xml")
    )
    assert structure.left_out(f"{site}/series/bread/", page) is True  # before the series' feed is read: lost
    structure.add(
        listed_in("feed", f"<rss version='2.0'>{series}</channel></rss>".encode(), f"{site}/series/index.xml")
    )
    assert structure.left_out(f"{site}/series/bread/", page) is None


def test_a_taxonomys_page_of_terms_is_a_listing_though_it_states_a_date():
    """Poison: Hugo's /series/ lists each series by its title and the date of its newest post, and was stored as a
    post ("the page states its publication date"): its one entry held too little of its text, `series` is no
    address of a known taxonomy, and its feed's items are terms, which say nothing of their pages. The folder
    right above the terms a taxonomy's feed lists is the taxonomy's page of terms."""
    feed = (
        b"<rss version='2.0'><channel><title>Series on Field Notes</title><link>https://blog.example/series/</link>"
        b"<item><title>Data at the bakery</title><link>https://blog.example/series/data-at-the-bakery/</link>"
        b"<pubDate>Fri, 12 Apr 2024 18:30:00 +0200</pubDate><description></description></item></channel></rss>"
    )
    structure = SiteStructure()
    structure.add(listed_in("feed", feed, "https://blog.example/series/index.xml"))
    page = PageEvidence(
        words=9, home=False, entries=1, entry_share=0.4, text_in_entries=0.7, link_share=0.4, post_markup=None,
        post_items=0, text_in_items=0.0, listing_markup=None, dated=True, url_kind=None,
    )  # fmt: skip
    assert decide(page)[0] == "article"  # the page alone, as before
    assert decide(page, structure.facts("https://blog.example/series/", "2024-04-12"))[0] == "listing"
    # a term's own page, and a page beside the taxonomy, are not the folder of its terms
    assert not structure.facts("https://blog.example/series/data-at-the-bakery/").holds_listed
    assert not structure.facts("https://blog.example/about/").holds_listed


def test_an_archive_of_links_each_beside_its_date_is_a_listing_whatever_the_dates_markup():
    """Hugo's Archie lists a section as `<li class="post"><a>title</a> <span class="meta">8월 15, 2024</span>` — no
    <time>, no class naming a date — and its Korean /ko/posts/ of two posts was stored as a post dated by the newest;
    FixIt prints `<article class="archive-item"><a class="archive-item-link">…</a><span class="archive-item-date">`.
    A list item's or article's one link beside an element whose class ends in -date, or whose words name a year, is
    an entry; a post's list of links with no date beside them is none."""
    korean = (
        ('<li class="post"><a href="/ko/jeju-bada-sajin/">제주 바다</a> <span class="meta">8월 15, 2024</span></li>'),
        ('<li class="post"><a href="/ko/posts/hugo-intro/">휴고 소개</a> <span class="meta">7월 3, 2024</span></li>'),
    )
    html = f'<html><body><main><h1>글</h1><ul class="posts">{"".join(korean)}</ul></main></body></html>'
    assert extract(html, "https://blog.example/ko/posts/").kind == "listing"
    fixit = "".join(
        f'<article class="archive-item"><a class="archive-item-link" href="/de/posts/{slug}/">{title}</a>'
        f'<span class="archive-item-date" title="2024-03-22 10:00:00">03-22</span></article>'
        for slug, title in (("roggen", "Roggen und Dinkel"), ("harz", "Eine Wanderung im Harz"))
    )
    assert extract(f"<html><body><main><h1>Alle</h1>{fixit}</main></body></html>", "https://b.example/p/").kind == (
        "listing"
    )
    reading = "".join(f'<li><span class="meta">see</span> <a href="/{n}/">note {n}</a></li>' for n in range(3))
    post = f"<html><body><main><h1>Notes</h1><p>Published 12 May 2024.</p><ul>{reading}</ul></main></body></html>"
    assert extract(post, "https://blog.example/notes/").kind == "article"


def test_a_post_of_one_picture_is_no_post_missed_for_the_chrome_its_theme_prints_in_its_article():
    """OceanWP prints a post's navigation, its "You Might Also Like" related posts and its comments (with their
    form) inside the post's <article>: a post of one picture was reported as a post whose body was missed, "the
    page's <article> holds 129 words", all of them that chrome's."""
    related = "".join(
        f'<article class="related-post"><h3 class="related-post-title"><a href="/2024/0{n}/01/walk/">A Week of Walking'
        f" on the Islands Number {n}</a></h3><time>June {n}, 2024</time></article>"
        for n in range(1, 4)
    )
    comments = (
        '<section id="comments" class="comments-area"><ol class="comment-list"><li id="comment-2" class="comment-'
        'container"><article class="comment depth-1 comment-body"><p>'
        + "The cliffs are beautiful in the rain, and we walked them last spring with our children. "
        * 5
        + '</p></article></li></ol><div id="respond" class="comment-respond"><p>Your email address will not be'
        " published. Required fields are marked.</p></div></section>"
    )
    article = (
        '<article id="post-35"><h2 class="single-post-title entry-title">Cliffs in the Rain</h2>'
        '<div class="entry-content"><figure class="wp-block-image"><img src="/uploads/aran.jpg" alt=""></figure>'
        '</div><nav class="navigation post-navigation"><a href="/2024/03/02/walls/">Previous Post A Gallery of Stone'
        ' Walls</a></nav><section id="related-posts"><h3>You Might Also Like</h3>'
        f"{related}</section>{comments}</article>"
    )
    html = f"<html><head><title>Cliffs in the Rain</title></head><body><main>{article}</main></body></html>"
    post = checked_extract(html.encode(), "https://stone.example/2024/05/20/cliffs-in-the-rain/")
    assert post["problem"] is None


def test_a_post_of_one_picture_is_no_post_missed_for_the_sidebar_widgets_its_theme_prints_in_its_main():
    """WordPress's Hemingway prints its sidebar inside the <main> that holds the post: the theme unit test's "Post
    Format: Image", a picture and no text, was reported as a post whose body was missed, "the page's <main> holds
    268 words", nearly all of them the widgets' (dynamic_sidebar's `div.widget.widget_<type>`), and the crawl
    exited 3."""
    recent = "".join(
        f'<li><a class="wp-block-latest-posts__post-title" href="/2024/0{n}/01/walk/">A Week of Walking on the Islands,'
        f" Part {n}</a></li>"
        for n in range(1, 6)
    )
    months = "".join(f'<li><a href="/{y}/{m:02}/">{m}/{y}</a></li>' for y in (2022, 2023, 2024) for m in range(1, 13))
    terms = "".join(f'<li class="cat-item"><a href="/category/c{n}/">Field Notes {n}</a></li>' for n in range(12))
    sidebar = (
        '<div class="sidebar right" role="complementary">'
        '<div id="block-2" class="widget widget_block widget_search"><div class="widget-content"><form role="search"'
        ' class="wp-block-search"><label>Search</label><input type="search" name="s"></form></div></div>'
        '<div id="block-3" class="widget widget_block"><div class="widget-content"><h2>Recent Posts</h2>'
        f'<ul class="wp-block-latest-posts__list wp-block-latest-posts">{recent}</ul></div></div>'
        f'<div id="block-5" class="widget widget_block"><div class="widget-content"><h2>Archives</h2><ul>{months}</ul>'
        f'</div></div><div id="block-6" class="widget widget_block"><div class="widget-content"><h2>Categories</h2>'
        f'<ul class="wp-block-categories">{terms}</ul></div></div></div>'
    )
    post = (
        '<div class="content left"><div class="posts"><article id="post-90" class="post-90 post type-post hentry">'
        '<div class="post-header"><h1 class="post-title entry-title">Cliffs in the Rain</h1>'
        '<div class="post-meta"><span class="post-date">May 20, 2024</span></div></div>'
        '<div class="post-content entry-content"><p>&nbsp;</p><p><a href="/uploads/aran.jpg"><img alt=""'
        ' src="/uploads/aran-604.jpg" width="604" height="453"></a></p></div><div class="post-meta-bottom">'
        '<p class="post-tags"><a href="/tag/walks/" rel="tag">walks</a></p><nav class="post-nav group">'
        '<a class="post-nav-older" href="/2024/05/19/walls/"><h5>Previous post</h5>Stone Walls</a></nav></div>'
        "</article></div></div>"
    )
    html = (
        '<html><head><title>Cliffs in the Rain</title></head><body class="single single-post postid-90">'
        f'<main class="wrapper section-inner group" id="site-content">{post}{sidebar}</main></body></html>'
    )
    post = checked_extract(html.encode(), "https://stone.example/2024/05/20/cliffs-in-the-rain/")
    assert post["kind"] == "article" and post["problem"] is None


def test_an_untitled_page_of_one_picture_is_a_page_of_the_site_not_a_post_without_text():
    """Minimal Mistakes marks every page of its `single` layout up as an h-entry: an About page with no title, its
    content one picture, was taken for a post by its markup and the menus and footer trafilatura read first, and
    then not stored for want of text — a crawl that did not finish. With neither title nor text in its post-body
    element it is one of the site's pages; a feed that dates it still makes it a post."""
    html = (
        '<html lang="ko"><head><title>An Easy Notebook</title><meta property="og:site_name" content="An Easy Notebook">'
        '</head><body><div class="masthead"><nav id="site-nav">'
        '<a class="site-title" href="/">An Easy Notebook</a>'
        '<ul class="visible-links"><li><a href="/about/">About</a></li><li><a href="/posts/">Posts</a></li></ul>'
        '</nav></div><div id="main" role="main"><article class="page h-entry" itemscope '
        'itemtype="https://schema.org/CreativeWork"><div class="page__inner-wrap"><header>'
        '<h1 id="page-title" class="page__title p-name"><a href="/about/" class="u-url"></a></h1></header>'
        '<section class="page__content e-content" itemprop="text"><center><img src="/me.jpeg" width="300"></center>'
        '</section></div></article></div><div class="page__footer"><footer><ul class="social-icons"><li>'
        '<strong>Follow:</strong></li><li><a href="/feed.xml">Feed</a></li></ul><div>&copy; 2023 Ann. Powered by '
        '<a href="https://jekyllrb.com">Jekyll</a> and a theme of many mistakes.</div></footer></div></body></html>'
    )
    page = extract(html, "https://notes.example/about/")
    assert (page.kind, page.text, [image.src for image in page.images]) == (
        "other",
        "",
        ["https://notes.example/me.jpeg"],
    )
    listed = extract(html, "https://notes.example/about/", replace(SiteFacts(), site_known=True, feed_dated=True))
    assert listed.kind == "article"


def _icarus(url: str, headline: str, main: str) -> str:
    """A page as Hexo's Icarus prints it: a BlogPosting in the head of every page, naming the page it is about."""
    jsonld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": headline,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "author": {"name": "Mei"},
        }
    )
    return (
        f'<html><head><meta name="generator" content="Hexo 7.3.0"><meta property="og:type" content="blog">'
        f'<title>{headline}</title><script type="application/ld+json">{jsonld}</script></head><body>'
        f'<div class="columns"><div class="column-main">{main}</div></div></body></html>'
    )


def _icarus_teaser(path: str, title: str, day: str) -> str:
    return (
        '<div class="card"><article class="card-content article"><div class="article-meta"><span>Posted '
        f'<time datetime="{day}T00:00:00.000Z">{day}</time></span><a href="/categories/notes/garden/">Garden</a>'
        f'</div><p class="title"><a class="link-muted" href="{path}">{title}</a></p><div class="content"><p>'
        + f"What grew in the beds this month, {title.lower()}, and what the frost took. " * 3
        + f'</p></div><a class="article-more button" href="{path}#more">Read more</a></article></div>'
    )


def test_hexo_icarus_listings_are_listings_though_the_theme_marks_each_up_as_a_blogposting():
    """Hexo's Icarus prints a schema.org BlogPosting in the head of every page; on a listing it is the blog's — its
    headline the blog's title, its page the blog's home (a site under a sub-path names it without its slash) —,
    and it lists posts as <article>s each with a <time>, titled by a <p class="title"> (no heading) and linked by a
    "Read more" to the post's `#more`, Hexo's mark of the end of its excerpt. A nested category's page
    (/categories/notes/garden/) and the archives were stored as posts (a real Icarus blog, its demo site's six
    nested categories and its /archives/). Its posts, whose BlogPosting names their own page, stay posts."""
    base = "https://mei.github.io/blog"
    teasers = _icarus_teaser("/blog/2024/05/beans/", "Beans", "2024-05-02") + _icarus_teaser(
        "/blog/2024/04/frost/", "Frost", "2024-04-11"
    )
    category = extract(_icarus(base, "Mei's garden", teasers), f"{base}/categories/notes/garden/")
    assert category.kind == "listing", category.kind_reason
    items = "".join(
        f'<article class="media"><figure class="media-left"><a class="image" href="/blog/2024/{n:02d}/p{n}/">'
        f'<img src="/blog/c{n}.svg" alt="Post {n}"></a></figure><div class="media-content"><p class="date">'
        f'<time datetime="2024-{n:02d}-01T00:00:00.000Z">2024-{n:02d}-01</time></p><p class="title">'
        f'<a href="/blog/2024/{n:02d}/p{n}/">Post number {n}</a></p></div></article>'
        for n in range(1, 7)
    )
    archives = extract(
        _icarus(base, "Mei's garden", f'<div class="card"><h3>2024</h3>{items}</div>'), f"{base}/archives/"
    )
    assert archives.kind == "listing", archives.kind_reason
    body = (
        '<div class="card"><article class="card-content article"><div class="article-meta"><time datetime='
        '"2024-05-02T00:00:00.000Z">2024-05-02</time></div><h1 class="title">Beans</h1><div class="content"><p>'
        + "The beans came up along the fence after the rain, a week later than last year. "
        * 6
        + "</p></div>"
        "</article></div>"
    )
    post = extract(_icarus(f"{base}/2024/05/beans/", "Beans", body), f"{base}/2024/05/beans/")
    assert (post.kind, post.kind_reason) == ("article", "post markup (schema.org BlogPosting)")


def _matery_card(path: str, title: str, day: str) -> str:
    """A teaser as Hexo's Matery prints it, a Materialize card: the title a span.card-title in the linked
    div.card-image, no heading."""
    return (
        f'<div class="article col s12 m6"><div class="card"><a href="{path}"><div class="card-image">'
        f'<img src="/blog/medias/featureimages/3.jpg" class="responsive-img" alt="{title}"> <span class="card-title">'
        f'{title}</span></div></a><div class="card-content article-content"><div class="summary block-with-text">'
        + f"What grew in the beds this month, {title.lower()}, and what the frost took. "
        * 2
        + f'</div><div class="publish-info"><span class="publish-date">{day}</span><span class="publish-author">'
        f'<a href="/blog/categories/garden/" class="post-category">garden</a></span></div></div></div></div>'
    )


def test_hexo_materys_archives_of_cards_titled_without_headings_are_a_listing():
    """Hexo's Matery prints its archives as a timeline of Materialize cards, each linking its div.card-image, whose
    span.card-title is the post's title — no heading, no <time>: the archives page, dated by its first card, was
    stored as a post (a real Matery blog's /archives/, "归档")."""
    cards = _matery_card("/blog/posts/9bcea011.html", "Beans", "2024-05-02") + _matery_card(
        "/blog/posts/d4a1185.html", "Frost", "2024-04-11"
    )
    html = (
        '<html lang="zh-CN"><head><meta name="generator" content="Hexo 5.4.0"><title>归档 | Mei</title></head><body>'
        '<header class="navbar-fixed"><a href="/blog/" class="waves-effect">Mei</a></header><main class="content">'
        f'<div id="cd-timeline" class="container"><article class="cd-timeline-content">{cards}</article></div>'
        "</main></body></html>"
    )
    archives = extract(html, "https://mei.github.io/blog/archives/")
    assert archives.kind == "listing", archives.kind_reason


def test_an_academic_post_without_a_date_is_a_post_though_its_feed_lists_it_with_hugos_zero_date():
    """Hugo prints a post whose front matter's date is empty (`date: ''`) at its zero date, /1/01/01/slug/ under a
    dated permalink, and its feed lists it with that placeholder as it lists the site's pages: an R blogger's
    Academic post was a page "a feed that dates its posts lists it without a date", lost without a word. Academic
    types its posts, and no other page, a JSON-LD BlogPosting in `article.article`; its Privacy page, laid out in
    `article.article` without one, stays a page."""
    prose = "<p>" + "Every week the community publishes a new data set to summarise and plot. " * 8 + "</p>"
    blogposting = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",'
        ' "headline": "The weekly data project", "datePublished": "0001-01-01T00:00:00Z"}</script>'
    )

    def page(jsonld: str, generator: str = "Source Themes Academic 4.7.0") -> str:
        head = f'<meta name="generator" content="{generator}"><meta property="og:type" content="article">{jsonld}'
        body = '<article class="article"><div class="article-container pt-3"><h1>The weekly data project</h1>'
        body += '<span class="article-date">Jan 1, 0001</span></div>'
        body += f'<div class="article-container"><div class="article-style">{prose}</div></div></article>'
        return f"<html><head><title>The weekly data project</title>{head}</head><body>{body}</body></html>"

    site = SiteFacts(feed_undated=True, site_known=True, section_unlisted=True)
    url = "https://x.example/1/01/01/the-weekly-data-project/"
    post = extract(page(blogposting), url)
    assert post.published is None
    assert decide(post.evidence, site)[0] == "article"
    assert decide(extract(page(blogposting, "Wowchemy 5.6.0 for Hugo"), url).evidence, site)[0] == "article"
    assert decide(extract(page(""), "https://x.example/privacy/").evidence, site)[0] == "other"
    assert decide(extract(page(blogposting, "Hugo 0.92.0"), url).evidence, site)[0] == "other"


def test_an_academic_page_in_its_posts_layout_without_their_blogposting_is_no_post_though_its_feed_dates_it():
    """Academic lays its Privacy and Terms pages (content/privacy.md, terms.md) out in the `article.article` of its
    posts, and its feed dates them as it dates posts: an R blogger's site stored both as untitled posts "a feed lists
    it with a date". Academic prints its JSON-LD BlogPosting for its posts alone; the same page on a site Academic
    did not build stays a post."""
    prose = "<p>" + "This site uses cookies to count its visitors and keeps nothing else about you. " * 6 + "</p>"

    def page(generator: str) -> str:
        head = f'<meta name="generator" content="{generator}"><meta property="og:type" content="article">'
        body = '<article class="article"><div class="article-container pt-3"><h1>Privacy</h1>'
        body += '<span class="article-date">Jun 28, 2018</span></div>'
        body += f'<div class="article-container"><div class="article-style">{prose}</div></div></article>'
        return f"<html><head><title>Privacy</title>{head}</head><body>{body}</body></html>"

    site = SiteFacts(feed_dated=True, site_known=True)
    url = "https://x.example/privacy/"
    assert decide(extract(page("Source Themes Academic 4.7.0"), url).evidence, site)[0] == "other"
    assert decide(extract(page("Wowchemy 5.6.0 for Hugo"), url).evidence, site)[0] == "other"
    assert decide(extract(page("Hugo 0.92.0"), url).evidence, site)[0] == "article"


def _kirby_notes_page(notes: int) -> str:
    """A page of a Kirby Starterkit's notes: each note's teaser an article.note-excerpt with its cover, title and
    <time>, the pagination's arrows below."""
    excerpt = "We crossed the ridge in fog and slept in a hut above the lake. " * 3
    teasers = "".join(
        f'<li class="column"><article class="note-excerpt"><a href="/notes/walk-{n}"><header>'
        f'<figure class="img"><img src="/media/pages/notes/walk-{n}/a1b2-1700000000/cover-320x180-crop.jpg" alt="">'
        f'</figure><h2 class="note-excerpt-title">Walk {n}</h2><time class="note-excerpt-date" '
        f'datetime="2024-0{n}-10T00:00:00+00:00">10 Mar, 2024</time></header>'
        f'<div class="note-excerpt-text">{excerpt}</div></a></article></li>'
        for n in range(1, notes + 1)
    )
    pagination = '<nav class="pagination"><a class="pagination-prev" href="/notes/page:2">&larr;</a></nav>'
    menu = '<header class="header"><a class="logo" href="/">Trails</a><nav class="menu"><a href="/notes">Notes</a>'
    return (
        f"<html><head><title>Trails | Notes</title></head><body>{menu}</nav></header><main class=main>"
        f'<header class="h1"><h1>Notes</h1></header><ul class="grid">{teasers}</ul>{pagination}</main></body></html>'
    )


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/notes/page:3", "listing"),
        ("/notes/tag:hiking", "tag"),
        ("/notes/tag:hiking/page:2", "tag"),
        ("/blog/category:design", "category"),
    ],
)
def test_kirbys_url_parameters_of_pagination_tags_and_categories_are_hubs(path, kind):
    """Kirby filters and pages a listing with URL parameters, name:value folders after its path: its Starterkit's
    last page of notes, /notes/page:3, holds one note's teaser (an <article> with its <time>) and was stored as a
    post."""
    assert url_kind(f"https://trails.example{path}") == kind
    assert extract(_kirby_notes_page(1), f"https://trails.example{path}").kind == kind
    assert url_kind("https://trails.example/notes/page-3-of-the-diary") is None


def test_a_page_whose_body_is_marked_as_a_posts_is_a_post_though_most_of_it_is_links():
    """gatsby-starter-hoodie marks the post's body itemprop=articleBody, no itemtype around it, and dates it in a
    <span>: a draft of one line and its list of references was a listing, its text mostly links, and lost. A page
    of several such bodies lists posts; the theme's About page, its body marked so too, undated and in no feed, is
    one of the site's pages."""
    references = "".join(
        f'<li><p><a href="https://docs.example/{n}/">Reference {n}: the manual of the server, its packages</a></p></li>'
        for n in range(4)
    )
    post = (
        '<article class="Article"><div class="Header"><h1>SSL Protocol</h1><span class="Date">March 15, 2024</span>'
        '</div><div id="article-body" itemprop="articleBody" class="StyledMarkdown"><p>Work in progress.</p>'
        f"<h2>References</h2><ul>{references}</ul></div></article>"
    )
    html = f"<html><head><title>SSL Protocol</title></head><body><div id='___gatsby'>{post}</div></body></html>"
    article = extract(html, "https://blog.example/ssl-protocol/")
    assert (article.kind, article.kind_reason) == ("article", "post markup (schema.org articleBody (microdata))")
    listing = html.replace(post, post * 3)
    assert extract(listing, "https://blog.example/ssl-protocol/").kind == "listing"
    about = extract(html.replace('<span class="Date">March 15, 2024</span>', ""), "https://blog.example/about/")
    assert decide(about.evidence, SiteFacts(site_known=True))[0] == "other"
    assert decide(article.evidence, SiteFacts(site_known=True))[0] == "article"
