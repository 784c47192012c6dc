"""A post's comments view (FlatPress's: the post again with its comments, at the post's address plus `comments/` or
`;comments:1`, its canonical the post): asked for by the post's page, and read for the post's comments only where
it names that post as its canonical."""

from __future__ import annotations

from crawler.discovery.comment_sources import comments_url, pages_prefix, source
from crawler.discovery.comment_views import viewed_post
from crawler.extraction.served_comments import served_comments
from crawler.urls import clean_url

PLAIN = "https://blog.example/index.php?x=entry:entry240309-111100"
PRETTY = "https://blog.example/2024/03/09/cliffs/"


def _view(canonical: str) -> bytes:
    return (
        f'<!DOCTYPE html><html><head><link rel="canonical" href="{canonical}"></head><body><div class="entry">'
        '<p>The post.</p></div><ol id="comments"><li id="comment240310-080000"><strong class="comment-name">Tom'
        '</strong><p class="date"><a href="#comment240310-080000">Sunday, March 10, 2024 at 08:00:00</a></p>'
        "<p>Upwards rain.</p></li></ol></body></html>"
    ).encode()


def test_a_post_page_without_its_comments_asks_for_the_comments_view_its_count_links():
    """FlatPress's post page prints only "3 comments", linked to the view's list (…#comments), with plain
    permalinks (?x=entry:ID;comments:1) or PrettyURLs (…/comments/): the comments were never read with the post.
    A page that shows its own list, a link to another post's view and "Add a comment" (#addcomment) ask nothing."""
    plain = b'<a href="https://blog.example/index.php?x=entry:entry240309-111100;comments:1#comments">3 comments</a>'
    assert comments_url(plain, PLAIN) == PLAIN + ";comments:1#comments"
    pretty = b'<li class="link-comments"><a href="/2024/03/09/cliffs/comments/#comments">3 comments</a></li>'
    assert comments_url(pretty, PRETTY) == PRETTY + "comments/#comments"
    assert source(PRETTY + "comments/#comments") == "view"
    assert pages_prefix(PRETTY + "comments/#comments") == PRETTY + "comments/"  # as the answer is stored
    assert comments_url(pretty + b'<ol id="comments"></ol>', PRETTY) is None
    assert comments_url(pretty.replace(b"cliffs", b"other"), PRETTY) is None
    assert comments_url(pretty.replace(b"#comments", b"#addcomment"), PRETTY) is None


def test_a_comments_view_reached_by_a_link_is_known_by_its_address_and_canonical():
    """FlatPress links every title to the view; stored as a page it replaced the post (or the post it)."""
    assert viewed_post(_view(PRETTY), PRETTY + "comments/") == PRETTY
    assert viewed_post(_view(PLAIN), PLAIN + ";comments:1") == clean_url(PLAIN)  # the crawl's spelling
    assert viewed_post(_view("https://blog.example/"), PRETTY + "comments/") is None  # a site-wide canonical
    assert viewed_post(_view(PRETTY), PRETTY) is None


def test_a_comments_view_gives_its_comments_only_to_the_post_it_names():
    [comment] = served_comments([_view(PRETTY)], PRETTY)
    assert (comment.author, comment.text) == ("Tom", "Upwards rain.")
    assert served_comments([_view("https://blog.example/2024/04/01/other/")], PRETTY) == []
