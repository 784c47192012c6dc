"""Where a platform serves a post's comments apart from its page, and how their pages follow one another:
WordPress's REST API (wordpress.py), Blogger's comment feeds (blogger.py), Ghost's comments API (ghost.py) and a
post's comments view, the post again with its comments on a page of its own (FlatPress's, comment_views.py). The
spider asks for them when a post page shows no comment (a theme that loads them by script); Ghost's pages never do
(comments-ui loads them); crawler/extraction/served_comments.py reads the answers. It asks on every crawl, the page
changed or not (COMMENTS_RECHECK_LIMIT), as comments come and go while the page stays the same.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from crawler.discovery import blogger, comment_views, ghost, wordpress

# How each source numbers its pages: the query parameter whose value changes from one page to the next.
_PAGE_PARAMETER = {"wordpress": "page", "blogger": "start-index", "ghost": "page"}


def comments_url(body: bytes, url: str) -> str | None:
    """The first page of the comments of the post at `url` where its platform serves them apart from the page and
    the page shows none; None otherwise."""
    return (
        wordpress.rest_comments_url(body, url)
        or blogger.comment_feed_url(body, url)
        or ghost.comments_api_url(body, url)
        or comment_views.view_url(body, url)
    )


def source(url: str) -> str | None:
    """Which source `url` is a page of comments of ("wordpress", "blogger", "ghost", "view"), or None."""
    if wordpress.is_rest_api(url) and "/wp/v2/comments" in url:
        return "wordpress"
    if ghost.is_comments_api(url):
        return "ghost"
    if comment_views.is_view(url):
        return "view"
    return "blogger" if blogger.is_comment_feed(url) else None


def next_comments_pages(url: str, body: bytes, total_pages: int) -> list[str]:
    """What to ask after `url`: the page after it, while its source says there are more (WordPress: `total_pages`,
    its X-WP-TotalPages header; Blogger: the feed's openSearch:totalResults; Ghost: the answer's pagination), within
    each source's bound — and for Ghost the replies its answer does not hold; [] after the last."""
    if source(url) == "ghost":
        return ghost.following_pages(url, body)
    if source(url) == "wordpress":
        following = wordpress.next_rest_comments_page(url, total_pages)
    elif source(url) == "view":
        following = None  # one page: FlatPress prints all of a post's comments
    else:
        following = blogger.next_comment_feed_page(url, body)
    return [following] if following else []


def pages_prefix(first: str) -> str:
    """What the address of every page of the comments whose first page is `first` starts with: all of it up to the
    value of the parameter numbering the pages (a comments view's: itself). How `reextract` finds the pages a crawl
    kept."""
    if source(first) == "view":
        return urlsplit(first)._replace(fragment="").geturl()  # as the answer's address, without it
    parameter = f"{_PAGE_PARAMETER[source(first) or 'wordpress']}="
    return first[: first.rindex(parameter) + len(parameter)]
