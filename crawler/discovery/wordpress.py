"""What a WordPress post page says about the rest of the post, read from its raw bytes (no parse on the reactor):
the further pages of a post split with `<!--nextpage-->`, and where WordPress's REST API serves its comments.

A split post links its own pages 2..N: `/post-name/2/` under pretty permalinks, `?p=17&page=2` under plain ones
(WordPress's page links, `wp_link_pages()`). Those pages are parts of the post, not pages of their own: the crawl
fetches them after page 1 and stores the post whole under page 1's URL.

Block themes (WordPress 6.1's Twenty Twenty-Two and -Three) print no links to pages 2..N: a reader cannot reach
them, nor can a crawler from the HTML. For a post a block theme rendered without page links, the crawl asks the
post's REST API entry (its content only), which holds every page, and fetches the parts it counts there — also
when an SEO plugin (Yoast SEO, Rank Math) names the post's page 2, and that page only, in a `<link rel="next">`.

The same entry states the post's date (`date_gmt`), which Twenty Twenty-Five's post page does not print: the post
is dated by it (crawler/extraction/wordpress_rest.py).

Every post page links its REST API entry (`<link rel="alternate" type="application/json"
href=".../wp-json/wp/v2/posts/17">`). A theme that loads comments by script shows no comment on the page; the
crawl then asks the API for the post's comments, which it answers with approved comments only, their threads
included (crawler/extraction/wordpress_rest.py reads them).
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit

from crawler.urls import clean_url, joined

MAX_PARTS = 50  # pages of one split post
REST_COMMENTS_PER_PAGE = 100
MAX_REST_COMMENT_PAGES = 10  # so at most 1,000 comments of one post from the API

# An attribute's value, quoted or not: HTML lets a value without spaces, quotes, `=`, `<`, `>` or backquotes go
# unquoted, and HTML minifiers drop the quotes it lets them (W3 Total Cache's: `href=https://…/posts/17>`,
# `class=comment-reply-link`). Read as quoted only, a post of Twenty Twenty-Five under W3 Total Cache had no REST
# entry: no date (the theme prints none), no pages past the first of a split post, no comments by the API.
_IN_CLASS = rb"""\bclass=(?:["'][^"']*?)?(?<![\w-])"""  # a class attribute, up to one of its names
_REST_POST = re.compile(
    rb"""<link\b[^>]*?\bhref=["']?([^"'\s>]*?(?:/wp-json/|rest_route=/)wp/v2/posts/(\d+))(?=["'\s>])[^>]*>""",
    re.IGNORECASE,
)
# WordPress's comment markup: every comment of every theme (classic and block) is an element with id="comment-N".
_COMMENT_MARKUP = re.compile(rb"""\bid=["']?comment-\d+""")
# A comment's element as comment_class() marks it, whatever id the theme's callback gives it: the comment's type
# first, then its depth in the thread — on the <li> (`id="comment-N"` in the default themes, Astra's
# `li-comment-N`, Neve's `comment-item-N`), the <div> where the theme lists them so (wp_list_comments style=div:
# Twenty Twenty), or the <article> inside the <li> (OceanWP's li#comment-N.comment-container); and the link to
# answer it.
_COMMENT_ITEM = re.compile(
    rb"""<(?:li|div|article)\b[^>]*\sclass=["'](?:comment|pingback|trackback)\s[^"'>]*?(?<![\w-])depth-(\d+)(?![\w-])"""
)
_REPLY_LINK = re.compile(rb"""<a\b[^>]*""" + _IN_CLASS + rb"""comment-reply-link(?![\w-])""")
# A password-protected post: the API keeps its comments to those who know the password.
_PASSWORD_FORM = re.compile(_IN_CLASS + rb"""post-password-form\b""")
_PART_PATH = re.compile(r"^(\d{1,2})/?$")
_COMMENT_PAGE_PATH = re.compile(r"^(/.*/)comment-page-\d+/?$")  # WordPress's rewrite rule for comment pages
# the site-wide comment feed: /comments/feed/ (or its /atom/, /rss2/… forms) under pretty permalinks, in the folder
# WordPress is installed in; ?feed=comments-rss2 (or comments-atom) under plain ones
_COMMENT_FEED_PATH = re.compile(r"^(/(?:.*/)?)comments/feed/(?:(?:atom|rss|rss2|rdf)/)?$")
_COMMENT_FEED_QUERY = re.compile(r"^feed=comments-(?:rss2|atom|rss|rdf)$")
# a link to one: `&cpage=2` in a query is printed `&amp;cpage=2` or, by esc_url(), `&#038;cpage=2`
_COMMENT_PAGE_LINK = re.compile(rb"""\bhref=["']?([^"'\s>]*(?:/comment-page-\d+|[?&;]cpage=\d+)[^"'\s>]*)""")
_BLOCK_POST_CONTENT = re.compile(_IN_CLASS + rb"""wp-block-post-content\b""")
# The links to the pages of a split post: WordPress's wp_link_pages() (`post-page-numbers`), b2evolution's skins'
# `p.evo_post_pagination` ("Pages: 1 · 2 · 3", each page the post's address plus `?page=N`)
_PAGE_LINKS = re.compile(rb"""\b(?:post-page-numbers|evo_post_pagination)\b""")
_NEXTPAGE = "<!--nextpage-->"
_COMMENT_FRAGMENT = re.compile(r"comment-(\d+)")


def split_post_parts(links: list[str], url: str, marked: bool = False) -> list[str]:
    """The URLs of pages 2..N of the post at `url`, in order, among the page's `links`; [] for a page that is not
    split. A link is a part when it is the page's URL plus `N/` (pretty permalinks) or plus `page=N` in its query
    (plain ones), with N from 2 to MAX_PARTS. Where the page prints a split post's page links (`marked`:
    has_page_links), an address without a query or a closing slash takes `?page=N` too: b2evolution's post
    `/a/background/walking-notes` has its pages at `…/walking-notes?page=2` — each stored as the post, its canonical
    the post's address, so that the last page alone was left (elsewhere `?page=N` pages a listing or a forum thread)."""
    base = urlsplit(url)
    if not base.query and not base.path.endswith("/") and not marked:
        return []
    own_query = sorted(parse_qsl(base.query, keep_blank_values=True))
    parts: dict[int, str] = {}
    for link in links:
        parts_of = urlsplit(link)
        if parts_of.netloc != base.netloc or parts_of.fragment:
            continue
        number = _part_number(parts_of, base, own_query)
        if number is not None and 2 <= number <= MAX_PARTS:
            parts.setdefault(number, link)
    return [parts[n] for n in sorted(parts)]


def has_page_links(body: bytes) -> bool:
    """True when the page prints the page links of a split post (_PAGE_LINKS: WordPress's, b2evolution's)."""
    return _PAGE_LINKS.search(body) is not None


def parts_of_linked_posts(links: list[str], url: str) -> set[str]:
    """Among a page's `links`, the pages 2..N of the posts it links (or of itself): classic themes print a split
    post whole, its page links too, on the home, archive, category and tag pages. Those are parts, which each
    post's own page fetches after it; followed as pages of their own they were stored as posts, and the post,
    their links seen already, as its first page alone."""
    found: set[str] = set()
    for post in {*links, url}:
        found.update(split_post_parts(links, post, marked=True))
    return found


def _part_number(link: object, base: object, own_query: list[tuple[str, str]]) -> int | None:
    if base.query or not base.path.endswith("/"):  # plain permalinks: ?p=17 → ?p=17&page=2; b2evolution's /post?page=2
        if link.path != base.path:
            return None
        query = parse_qsl(link.query, keep_blank_values=True)
        pages = [value for name, value in query if name == "page"]
        rest = sorted((name, value) for name, value in query if name != "page")
        return int(pages[0]) if len(pages) == 1 and pages[0].isdigit() and rest == own_query else None
    if link.query or not link.path.startswith(base.path):  # pretty permalinks: /post/ → /post/2/
        return None
    match = _PART_PATH.match(link.path[len(base.path) :])
    return int(match.group(1)) if match else None


def rest_post_url(body: bytes, url: str) -> str | None:
    """The REST API address of the content and date of the WordPress post at `url`, when a block theme rendered it
    without page links (so the page cannot say whether the post goes on); None otherwise. The date is WordPress's
    own: the block themes' single template may print none (Twenty Twenty-Five's), and a date then guessed from the
    page is another's (a dated link in the post, a "More posts" loop) — see wordpress_rest.rest_published."""
    match = _REST_POST.search(body)
    if match is None or not _BLOCK_POST_CONTENT.search(body) or _PAGE_LINKS.search(body) or _PASSWORD_FORM.search(body):
        return None
    entry = joined(url, match.group(1).decode("ascii", "replace").replace("&amp;", "&"))
    if entry is None:
        return None
    parts = urlsplit(entry)
    fields = ("_fields", "content,date_gmt")  # its pages, and its date (Twenty Twenty-Five prints none)
    return parts._replace(query=urlencode([*parse_qsl(parts.query), fields], safe="/,")).geturl()


def parts_from_rest_post(payload: bytes, url: str) -> list[str]:
    """The URLs of pages 2..N of the post at `url`, counted in its REST API entry's content (WordPress keeps the
    `<!--nextpage-->` markers there); [] for a post in one piece or an answer that is not one."""
    try:
        content = json.loads(payload)["content"]["rendered"]
    except (ValueError, KeyError, TypeError):
        return []
    count = min(content.count(_NEXTPAGE) + 1, MAX_PARTS) if isinstance(content, str) else 1
    parts = urlsplit(url)
    if parts.query:
        return [parts._replace(query=f"{parts.query}&page={n}").geturl() for n in range(2, count + 1)]
    stem = parts.path if parts.path.endswith("/") else parts.path + "/"
    return [parts._replace(path=f"{stem}{n}/").geturl() for n in range(2, count + 1)]


def commented_post(body: bytes, url: str) -> str | None:
    """The post whose page of comments the WordPress page at `url` is, or None: with its comments paginated
    (page_comments), WordPress serves page N of a post's comments at the post's address plus `comment-page-N/`
    (`cpage=N` in a plain permalink's query) — the post again, its rel=canonical that address, and every comment's
    permalink and reply link there (/hello-world/comment-page-1/#comment-1 under a post of one comment). Reached by
    such a link first, it was stored as the post, and the post's own page, the same post, was not. It is no page of
    its own: the post's page is read instead, its comments whole as the post's page and the REST API give them
    (rest_comments_url). A WordPress post page is known by its link to its REST API entry."""
    return _post_of_comment_page(url) if _REST_POST.search(body) is not None else None


# WordPress's body classes on page N of a split post (body_class(): `paged-N single-paged-N`)
_SPLIT_POST_PAGE = re.compile(rb"<body\b[^>]*" + _IN_CLASS + rb"single-paged-(\d+)\b")


def split_post_of(body: bytes, url: str) -> str | None:
    """The post whose page 2..N the WordPress page at `url` is, or None: WordPress marks it `single-paged-N` in its
    body classes, and serves it at the post's address plus `N/` (`page=N` in a plain permalink's query). Reached by a
    link before its post (a multilingual site's language switcher on another language's page N links this
    language's), it was stored as a post of its own and its post, whose request for it as a part found it fetched,
    was lost. It is no page of its own: the post's page is read instead, with its parts."""
    match = _SPLIT_POST_PAGE.search(body)
    if match is None or not 2 <= int(match.group(1)) <= MAX_PARTS:
        return None
    parts = urlsplit(url)
    number = match.group(1).decode()
    if parts.query:
        query = parse_qsl(parts.query, keep_blank_values=True)
        post = parts._replace(query=urlencode([(k, v) for k, v in query if k != "page"]), fragment="").geturl()
    else:
        post = parts._replace(path=parts.path.removesuffix(f"{number}/"), fragment="").geturl()
    return post if split_post_parts([url], post) == [url] else None


def _post_of_comment_page(url: str) -> str | None:
    """The post whose page of comments `url` is by its form (commented_post), without fragment; else None."""
    parts = urlsplit(url)
    if (match := _COMMENT_PAGE_PATH.match(parts.path)) is not None and not parts.query:
        return parts._replace(path=match.group(1), fragment="").geturl()
    query = parse_qsl(parts.query, keep_blank_values=True)
    rest = [(name, value) for name, value in query if name != "cpage"]
    if len(rest) < len(query) and rest:
        return parts._replace(query=urlencode(rest), fragment="").geturl()
    return None


def wordpress_comment_id(url: str) -> str | None:
    """The id of the comment a WordPress comment permalink (`/post/#comment-5`: get_comment_link(), each item's link
    in its comment feeds) names, as its page's `id="comment-5"` does: "5"; None for another link."""
    match = _COMMENT_FRAGMENT.fullmatch(urlsplit(url).fragment)
    return match.group(1) if match else None


def post_of_comment_link(url: str) -> str:
    """The post a comment's permalink (`/post/#comment-5`, `/post/comment-page-2/#comment-5`, `?p=17&cpage=2#…`)
    is on: its fragment and page of comments dropped."""
    return _post_of_comment_page(url) or urlsplit(url)._replace(fragment="").geturl()


def comments_since_url(feed_url: str, since: datetime) -> str | None:
    """For WordPress's site-wide comment feed at `feed_url`, the REST API's list of the comments posted after
    `since`, newest first, their permalinks and times alone (`_fields`); None for another feed. The feed holds the
    latest comments only (posts_per_rss: ten by default) and pages no further (WordPress ignores `paged` there);
    the API lists them all. It compares `after` with each comment's time on the site's clock, which may be up to
    14 hours off UTC: asked from a day earlier, the times (`date_gmt`) decide."""
    parts = urlsplit(feed_url)
    pretty = _COMMENT_FEED_PATH.match(parts.path)
    if pretty is not None and not parts.query:
        path, query = pretty.group(1) + "wp-json/wp/v2/comments", []
    elif _COMMENT_FEED_QUERY.match(parts.query) and parts.path.endswith("/"):
        path, query = parts.path, [("rest_route", "/wp/v2/comments")]
    else:
        return None
    after = (since - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")
    query += [("after", after), ("orderby", "date_gmt"), ("order", "desc")]
    query += [("per_page", str(REST_COMMENTS_PER_PAGE)), ("page", "1"), ("_fields", "link,date_gmt")]
    return parts._replace(path=path, query=urlencode(query, safe="/,:")).geturl()


def comment_times(payload: bytes) -> list[tuple[str, str]]:
    """(permalink, time in UTC) of each comment of the REST API's answer to comments_since_url; [] for an answer
    that is not one."""
    try:
        entries = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return []
    return [
        (entry["link"], f"{entry['date_gmt']}+00:00")
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict) and isinstance(entry.get("link"), str) and isinstance(entry.get("date_gmt"), str)
    ]


def _links_comment_pages(body: bytes, url: str) -> bool:
    """The page links a page of its own comments (commented_post): WordPress paginates them, and the page shows
    one page of them (the newest, by default), the others at addresses that are no pages of their own."""
    own = clean_url(url)
    for match in _COMMENT_PAGE_LINK.finditer(body):
        link = joined(url, html.unescape(match.group(1).decode("utf-8", "replace")))
        if link is not None and (post := _post_of_comment_page(link)) is not None and clean_url(post) == own:
            return True
    return False


def rest_comments_url(body: bytes, url: str) -> str | None:
    """The REST API address of the comments of the WordPress post at `url`, when its page links its REST entry but
    shows no comment (a theme that loads them by script, or a post without any), a thread past WordPress's
    depth limit (whose replies' parents only the API names) or one page of its comments (_links_comment_pages);
    None otherwise."""
    match = _REST_POST.search(body)
    if match is None or _PASSWORD_FORM.search(body):
        return None
    if _COMMENT_MARKUP.search(body) and not at_thread_depth_limit(body) and not _links_comment_pages(body, url):
        return None
    entry = joined(url, match.group(1).decode("ascii", "replace").replace("&amp;", "&"))
    if entry is None:
        return None
    post = match.group(2).decode()
    return rest_comments_page(entry.rsplit("/posts/", 1)[0] + "/comments", post, 1)


def at_thread_depth_limit(body: bytes) -> bool:
    """A thread that reaches WordPress's depth limit (thread_comments_depth, 5 by default): WordPress shows replies
    past it beside their parent, at the limit, and prints no reply link there — so comments without one, all at a
    depth deeper than every comment with one (the post is open to comments), mean the page misstates some
    replies' parents."""
    items = list(_COMMENT_ITEM.finditer(body))
    ends = [item.start() for item in items[1:]] + [len(body)] if items else []
    answerable: set[int] = set()
    unanswerable: set[int] = set()
    for item, end in zip(items, ends, strict=True):
        linked = _REPLY_LINK.search(body, item.end(), end) is not None
        (answerable if linked else unanswerable).add(int(item.group(1)))
    return bool(answerable) and len(unanswerable) == 1 and min(unanswerable) > max(answerable)


def is_rest_api(url: str) -> bool:
    """An address of WordPress's REST API (pretty or plain permalinks)."""
    return "/wp-json/wp/v2/" in url or "rest_route=/wp/v2/" in url


def rest_comments_page(endpoint: str, post: str, page: int) -> str:
    """`endpoint` (…/wp/v2/comments, or ?rest_route=/wp/v2/comments) asked for one page of a post's comments,
    oldest first."""
    parts = urlsplit(endpoint)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query += [("post", post), ("per_page", str(REST_COMMENTS_PER_PAGE)), ("page", str(page)), ("order", "asc")]
    return parts._replace(query=urlencode(query, safe="/")).geturl()


def next_rest_comments_page(url: str, total_pages: int) -> str | None:
    """The next page of the comments at `url` while the API says there are more (X-WP-TotalPages), up to
    MAX_REST_COMMENT_PAGES; None after the last."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    page = int(dict(query).get("page", "1"))
    if page >= min(total_pages, MAX_REST_COMMENT_PAGES):
        return None
    query = [(name, str(page + 1) if name == "page" else value) for name, value in query]
    return parts._replace(query=urlencode(query, safe="/")).geturl()
