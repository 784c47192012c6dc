import pytest

from crawler.errors import InvalidStartURL
from crawler.urls import Scope, clean_url, validate_start_url


def test_clean_url_strips_tracking_parameters_and_fragment():
    url = "https://Blog.example.org/2024/05/post/?utm_source=x&utm_medium=y&fbclid=1&replytocom=12&id=3#comments"
    assert clean_url(url) == "https://blog.example.org/2024/05/post/?id=3"


def test_clean_url_sorts_query_so_equal_pages_compare_equal():
    assert clean_url("https://a.org/?b=2&a=1") == clean_url("https://a.org/?a=1&b=2")


@pytest.mark.parametrize(
    ("url", "reason"),
    [("ftp://a.org/", "http"), ("not a url", "http"), ("http://", "host"), ("https:///path", "host")],
)
def test_invalid_start_url_names_the_url_and_the_cause(url, reason):
    with pytest.raises(InvalidStartURL) as info:
        validate_start_url(url)
    assert repr(url) in str(info.value) and reason in str(info.value)


def test_scope_is_host_and_path_prefix_of_start_url():
    scope = Scope.from_start_urls(["https://www.example.org/blog/"])
    assert scope.contains("https://example.org/blog/2024/post/")
    assert not scope.contains("https://example.org/shop/item")
    assert not scope.contains("https://other.org/blog/post")
    assert not scope.contains("mailto:me@example.org")
    assert scope.contains_host("https://example.org/sitemap.xml")


def test_scope_allow_and_deny_regexes():
    scope = Scope.from_start_urls(["https://a.org/"], allow=[r"/20\d\d/"], deny=[r"/2019/"])
    assert scope.contains("https://a.org/2024/01/x/")
    assert not scope.contains("https://a.org/2019/01/x/")
    assert not scope.contains("https://a.org/about/")


def test_a_query_that_is_a_path_is_kept_as_written():
    """Serendipity's and Dotclear's default links name the post in a query without parameters; courlan dropped it,
    and every post was one URL, /index.php."""
    assert clean_url("https://blog.example/index.php?/archives/1-Why.html#c4") == (
        "https://blog.example/index.php?/archives/1-Why.html"
    )
    assert clean_url("https://blog.example/index.php?post/2024/01/15/why") == (
        "https://blog.example/index.php?post/2024/01/15/why"
    )
    assert clean_url("https://blog.example/?p=5&utm_source=x") == "https://blog.example/?p=5"


def test_a_gnuboard_post_is_its_board_and_number_whatever_list_state_its_links_carry():
    """Gnuboard's skins carry the list's state (page, category, sort, search, device, a comment's reply box) into
    every link to a post: one post was stored 945 times. A list keeps its page, category and search, not its sort."""
    board = "https://board.example/bbs/board.php"
    for query in (
        "bo_table=free&wr_id=1",
        "bo_table=free&wr_id=1&page=2&sca=%EC%97%AC%ED%96%89&sst=wr_hit&sod=desc&sop=and",
        "bo_table=free&wr_id=1&device=mobile",
        "bo_table=free&wr_id=1&c_id=9&w=c#bo_vc_w",
        "bo_table=free&wr_id=1&sfl=wr_subject&stx=%EC%A0%9C%EC%A3%BC&spt=-1",
    ):
        assert clean_url(f"{board}?{query}") == f"{board}?bo_table=free&wr_id=1", query
    assert clean_url(f"{board}?bo_table=free&page=2&sst=wr_hit&sod=desc&sop=and") == f"{board}?bo_table=free&page=2"
    assert clean_url(f"{board}?bo_table=free&sca=x&device=pc") == f"{board}?bo_table=free&sca=x"
    searched = f"{board}?bo_table=free&sfl=wr_subject&sop=or&stx=a"
    assert clean_url(searched) == searched
    assert clean_url("https://a.example/board.php?id=3&page=2") == "https://a.example/board.php?id=3&page=2"


def test_a_link_resolved_again_comes_from_the_cache_and_its_tree_is_not_kept():
    import gc
    import weakref

    from lxml import html

    from crawler.urls import _joined, joined

    tree = html.fromstring("<p><a href=' ../b/?x=1 '>b</a></p>")
    href = tree.xpath("//a/@href")[0]  # an lxml attribute value: a str that holds on to its element
    before = _joined.cache_info().hits
    assert joined("https://a.org/posts/a/", href) == "https://a.org/posts/b/?x=1"
    assert joined("https://a.org/posts/a/", " ../b/?x=1 ") == "https://a.org/posts/b/?x=1"
    assert _joined.cache_info().hits == before + 1
    alive = weakref.ref(tree)
    del tree, href
    gc.collect()
    assert alive() is None
    assert joined("http://[2001:db8::1/", "x") is None and joined("https://a.org/", None) == "https://a.org/"
