from crawler.discovery.freshness import ArchivedPosts, parse_when


def test_bare_date_lastmod_covers_the_whole_day():
    assert parse_when("2024-05-01", end_of_day=True).isoformat() == "2024-05-01T23:59:59.999999+00:00"
    assert parse_when("2024-05-01T10:00:00+02:00").isoformat() == "2024-05-01T10:00:00+02:00"
    assert parse_when("not a date") is None and parse_when(None) is None


def test_post_is_unchanged_only_when_lastmod_is_not_after_the_last_fetch():
    posts = ArchivedPosts(
        {"https://a.org/p/": "2024-05-02T08:00:00+00:00", "https://a.org/q/": "2024-05-01T08:00:00+00:00"}
    )
    assert posts.unchanged("https://a.org/p/", "2024-05-01T23:00:00+00:00")
    assert not posts.unchanged("https://a.org/q/", "2024-05-01")  # changed later that same day, maybe
    assert not posts.unchanged("https://a.org/new/", "2020-01-01")  # never archived
    assert not posts.unchanged("https://a.org/q/", None)  # no lastmod: ask the server
    assert posts.known_unchanged("https://a.org/p/?utm_source=x") and posts.skipped == 1


def test_posts_never_reached_are_left_for_a_revisit():
    posts = ArchivedPosts({"https://a.org/p/": "2024-05-02", "https://a.org/gone/": "2024-05-02"})
    posts.reach("https://a.org/p/#comments")
    assert posts.not_reached() == ["https://a.org/gone/"]


def test_a_later_date_of_another_feed_takes_back_an_earlier_ones_unchanged():
    """Movable Type republishes the Atom feed of the blog whose post was edited, not its website's, which lists the
    blog's posts as well: read first, the website's feed declared the edited post unchanged, and the blog's feed,
    which dated the edit after the last fetch, could not take it back — the edit was never fetched."""
    posts = ArchivedPosts({"https://a.org/blog/p.html": "2024-05-02T08:00:00+00:00"})
    assert posts.unchanged("https://a.org/blog/p.html", "2024-04-01T23:15:00Z")  # the website's stale feed
    assert not posts.unchanged("https://a.org/blog/p.html", "2024-05-03T10:22:51Z")  # the blog's own
    assert not posts.known_unchanged("https://a.org/blog/p.html") and posts.skipped == 0
    assert not posts.unchanged("https://a.org/blog/p.html", None)  # an undated listing says nothing either way
    assert not posts.unchanged("https://a.org/blog/p.html", "2024-04-01T23:15:00Z")  # read after it: no more
