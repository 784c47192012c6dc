"""The spider's link scan finds what an HTML parser would, on the markup blog themes write."""

from __future__ import annotations

from crawler.discovery.links import page_links

PAGE = b"""<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/wp-content/themes/x/style.css">
<link rel='next' href='/page/2/'><link rel="canonical prefetch" href="https://blog.example/post/">
<link rel=alternate type="application/rss+xml" href="/feed/">
</head><body>
<A HREF="/about/">About</A> <a class="more" href=/unquoted/?a=1&amp;b=2 data-x="y">More</a>
<a href="relative/">Relative</a><a name="top">no href</a><a href="">empty</a>
<map><area shape="rect" href="/area/" alt=""></map>
<a href="https://other.example/x">Elsewhere</a><a href="/about/">About again</a>
<a href="/%EC%9D%8C%EC%8B%9D/">Korean</a><a href="/k\xc3\xbcche/">K\xc3\xbcche</a>
</body></html>"""


def test_page_links_finds_anchors_areas_and_pagination_links_once_each_in_order():
    links = page_links(PAGE, "https://blog.example/2024/05/post/")
    assert links.feeds == ["https://blog.example/feed/"]
    assert links.pages == [
        "https://blog.example/page/2/",
        "https://blog.example/post/",
        "https://blog.example/about/",
        "https://blog.example/unquoted/?a=1&b=2",
        "https://blog.example/2024/05/post/relative/",
        "https://blog.example/2024/05/post/",  # href="" is the page itself
        "https://blog.example/area/",
        "https://other.example/x",
        "https://blog.example/%EC%9D%8C%EC%8B%9D/",
        "https://blog.example/küche/",
    ]


def test_page_links_resolves_against_base_href_and_decodes_the_page_encoding():
    body = '<base href="https://cdn.example/blog/"><a href="post/">Beitrag über Küche</a><a href="/ü/">x</a>'
    assert page_links(body.encode("cp1252"), "https://blog.example/", "cp1252").pages == [
        "https://cdn.example/blog/post/",
        "https://cdn.example/ü/",
    ]


def test_with_a_seen_set_links_an_earlier_page_had_are_left_out():
    seen: set[bytes] = set()
    first = page_links(PAGE, "https://blog.example/2024/05/post/", seen=seen)
    assert "https://blog.example/about/" in first.pages
    again = page_links(PAGE + b'<link rel="next" href="page/3/">', "https://blog.example/2024/06/other/", seen=seen)
    assert again.feeds == []
    assert again.pages == [
        "https://blog.example/2024/06/other/relative/",  # relative: another URL on another page
        "https://blog.example/2024/06/other/",
        "https://blog.example/küche/",  # not ASCII: decoded with each page's encoding
        "https://blog.example/2024/06/other/page/3/",  # a relative <link> too
    ]
    elsewhere = page_links(PAGE, "https://mirror.example/", seen=seen)
    assert "https://mirror.example/about/" in elsewhere.pages  # root-relative: the same bytes on another host
    assert "https://other.example/x" not in elsewhere.pages  # absolute: seen already


def test_the_spider_follows_a_posts_links_to_pages_not_to_its_source_or_its_files():
    """Nikola links every post's Markdown source ("Source": index.md); fetched, each was a crawl error for not
    being an HTML page."""
    from scrapy.http import HtmlResponse, Request
    from scrapy.utils.test import get_crawler

    from crawler.spiders.blog import BlogSpider

    spider = BlogSpider.from_crawler(get_crawler(BlogSpider), start_urls="https://blog.example/")
    body = (
        b'<html><body><a href="index.md" class="sourcelink">Source</a><a href="/posts/next-post/">Next</a>'
        b'<a href="/files/notes.txt">Notes</a><a href="/files/talk.pdf">Slides</a></body></html>'
    )
    url = "https://blog.example/posts/a-post/"
    response = HtmlResponse(url, body=body, encoding="utf-8", request=Request(url))
    followed = [r.url for r in spider.parse_page(response) if isinstance(r, Request)]
    assert followed == ["https://blog.example/posts/next-post/"]


def test_a_scripts_link_template_is_no_link():
    """Chirpy's search writes its results from `'<a href="{url}">{title}</a>'` in an inline script: fetched as a
    relative address, on every page, each was a 404 crawl error. A script that joins strings is the same."""
    body = (
        b"<a href='/posts/rye/'>Rye</a><script>var tpl = '<article><h2><a href=\"{url}\">{title}</a></h2>';"
        b" var item = '<a href=\"' + post.url + '\">' + post.title; var m = '<a href=\"{{ url }}\">';</script>"
        b'<a href="/posts/%7Bbraces%7D/">Encoded braces are a real address</a>'
    )
    assert page_links(body, "https://blog.example/posts/spelt/").pages == [
        "https://blog.example/posts/rye/",
        "https://blog.example/posts/%7Bbraces%7D/",
    ]


def test_a_percent_or_erb_placeholder_is_no_link():
    """FlatPress's gdprvideoembed plugin puts its consent box's template in every page's head, `href="%video_url%"`
    and `https://youtu.be/%id%`: fetched as a relative address, each page gave a 404 crawl error (52 on one blog).
    ERB/EJS/Underscore templates write `<%= url %>`. Percent escapes, `%E2%80%99s%20` among them, are addresses."""
    body = (
        b'<script>var gdpr = {youtube: \'<a href="%video_url%" target="_blank">%video_url%</a>\','
        b" vimeo: '<a href=\"https://vimeo.com/%id%\">'};</script>"
        b"<script type='text/template'><a href=\"<%= post.url %>\"><%- post.title %></a></script>"
        b'<a href="/2023/09/17/%ec%a2%85%eb%a1%9c-%ea%b3%a8/">Escapes</a>'
        b'<a href="/cafe%C3%A9s%20and%20bread/">More escapes</a><a href="/posts/rye/">Rye</a>'
    )
    assert page_links(body, "https://blog.example/").pages == [
        "https://blog.example/2023/09/17/%ec%a2%85%eb%a1%9c-%ea%b3%a8/",
        "https://blog.example/cafe%C3%A9s%20and%20bread/",
        "https://blog.example/posts/rye/",
    ]


def test_a_link_in_a_scripts_json_string_is_no_link():
    """Blocksy hands its scripts a template in WordPress's wp_localize_script() JSON on every page, its quotes
    escaped: `<a href=\\"https:\\/\\/www.google.com\\/chrome\\/\\">`. The scan read the href as the
    backslash before the escaped quote, and every page of a Blocksy site gave a 404 crawl error for `…/%5C`."""
    body = (
        b'<a href="/posts/rye/">Rye</a><script id="ct-scripts-js-extra">var ct_localizations = {"rest_url":"http:'
        b'\\/\\/blog.example\\/wp-json\\/","internet_explorer_template":"<p>Use <a href=\\"https:\\/\\/www.'
        b'google.com\\/chrome\\/\\" target=\\"_blank\\">Chrome<\\/a><\\/p>"};</script>'
    )
    assert page_links(body, "https://blog.example/posts/spelt/").pages == ["https://blog.example/posts/rye/"]


def test_a_link_rel_sitemap_is_read_with_the_feeds():
    """Astro's blog starter names its @astrojs/sitemap index only in its head's <link rel="sitemap">, beside the
    RSS feed: the scan took neither for a page, and the crawl never read the sitemap (About, rendered with the
    post's layout and dated before the first post, was then stored as a post)."""
    head = (
        b'<html><head><link rel="icon" type="image/svg+xml" href="/favicon.svg" />'
        b'<link rel="sitemap" href="/sitemap-index.xml" />'
        b'<link rel="alternate" type="application/rss+xml" title="Notes" href="https://blog.example/rss.xml" />'
        b'</head><body><a href="/about">About</a></body></html>'
    )
    links = page_links(head, "https://blog.example/blog/first-post/")
    assert links.feeds == ["https://blog.example/sitemap-index.xml", "https://blog.example/rss.xml"]
    assert links.pages == ["https://blog.example/about"]
