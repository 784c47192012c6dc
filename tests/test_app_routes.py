"""When a fragment is a page's address (crawler/discovery/app_routes.py): a route after '#' (`#/posts/x`, `#!/x`)
linked from a rendered page, on that page's own document; every other fragment is a place in a page."""

from crawler.discovery.app_routes import (
    DOCSIFY_ANCHORS,
    app_routes,
    captured_as,
    docsify_source_status,
    route_url,
    shown_url,
)
from crawler.discovery.freshness import ArchivedPosts
from crawler.extraction.pagekind import url_kind
from crawler.urls import clean_url


def test_a_rendered_pages_links_to_routes_of_its_document_are_its_route_pages():
    links = [
        "https://notes.example/#/posts/rye",
        "https://notes.example/#/posts/rye?id=sowing",  # Docsify's anchor of a heading in the route: the same page
        "https://notes.example/#!/posts/spelt",
        "https://notes.example/#/",  # the home route: the document's own page
        "https://notes.example/#/?id=notes",
        "https://notes.example/post/#comments",  # a place in a page
        "https://notes.example/other.html#/posts/oats",  # another document's route: not this app's
        "https://notes.example/about/",
    ]
    assert app_routes("https://notes.example/#/posts/rye", links, DOCSIFY_ANCHORS) == [
        "https://notes.example/#/posts/rye",
        "https://notes.example/#!/posts/spelt",
    ]


def test_an_apps_route_parameters_name_its_pages_but_docsifys_heading_anchor():
    links = ["https://notes.example/#/post?id=12", "https://notes.example/#/post?id=13"]
    assert app_routes("https://notes.example/", links) == links  # Vue Router's hash mode: `id` names the post
    assert app_routes("https://notes.example/", links, DOCSIFY_ANCHORS) == ["https://notes.example/#/post"]


def test_a_fragment_that_is_no_route_is_still_a_place_in_its_page():
    assert clean_url("https://notes.example/post/#comments") == "https://notes.example/post/"
    assert clean_url("https://notes.example/#/posts/rye") == "https://notes.example/"  # unless a rendered page links it
    assert route_url("https://notes.example/?utm_source=feed#/posts/rye?id=x&page=2", DOCSIFY_ANCHORS) == (
        "https://notes.example/#/posts/rye?page=2"
    )


def test_a_route_page_is_placed_by_its_route_never_as_the_home_page():
    assert shown_url("https://notes.example/#/posts/rye") == "https://notes.example/posts/rye"
    assert shown_url("https://notes.example/notes/index.html#!/tags/rye?page=2") == (
        "https://notes.example/notes/tags/rye?page=2"
    )
    assert url_kind("https://notes.example/#/tags/rye") == "tag"
    assert url_kind("https://notes.example/#/posts/rye") is None


def test_a_recrawl_revisits_each_archived_route_page_apart():
    """Keyed as clean_url keys every other page, all of an app's posts were one URL, its shell's."""
    fetched = "2024-05-02T08:00:00+00:00"
    posts = ArchivedPosts({"https://notes.example/#/posts/rye": fetched, "https://notes.example/#/posts/oats": fetched})
    posts.reach("https://notes.example/")
    assert sorted(posts.not_reached()) == ["https://notes.example/#/posts/oats", "https://notes.example/#/posts/rye"]


def test_a_docsify_routes_markdown_file_is_its_path_with_md_below_the_apps_base_path():
    answered = {
        "https://notes.example/docs/posts/_sidebar.md": 404,  # Docsify asks the route's folder first: no post's file
        "https://notes.example/docs/posts/rye.md": 404,
        "https://notes.example/docs/posts/README.md": 200,
        "https://notes.example/docs/_sidebar.md": 200,
    }
    assert docsify_source_status("https://notes.example/#/posts/rye", answered) == 404
    assert docsify_source_status("https://notes.example/#/posts/", answered) == 200
    assert docsify_source_status("https://notes.example/#/posts/oats", answered) is None


def test_a_route_page_is_captured_as_its_documents_exchange():
    """HTTP carries no fragment: the WARC records the shell's exchange, at the document's URL."""
    assert captured_as("https://notes.example/#/posts/rye") == "https://notes.example/"
    assert captured_as("https://notes.example/posts/rye/") == "https://notes.example/posts/rye/"
