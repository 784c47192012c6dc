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
