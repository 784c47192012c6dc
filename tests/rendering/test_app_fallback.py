"""A single-page app on a static host whose only page for its routes is the host's 404 page: GitHub Pages answers
every path it has no file for with the site's 404.html, and an app built for it (Angular's angular-cli-ghpages,
SvelteKit's `fallback: '404.html'`, `cp index.html 404.html`) makes that page its own shell, so a browser shows each
post under HTTP 404. The crawl renders such a 404 and archives the route's page; a 404 that is no shell stays a
broken link."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from subprocess import CompletedProcess

import pytest

from tests.chromium import install_chromium
from tests.local_http import QuietHandler, serving

POSTS = {
    "tomatoes": ("Staking the tomatoes", "2024-05-02", "The tomatoes went up the canes in May, tied loosely."),
    "compost": ("Turning the compost", "2024-06-11", "The heap was warm at the centre and dry at the edges."),
}
# The app's shell, as Angular's CLI writes index.html: its root component empty, its code in files.
SHELL = (
    "<!doctype html><html><head><meta charset=utf-8><title>Garden notes</title><base href=/>"
    '<script src="/main.js" defer></script></head><body><app-root></app-root></body></html>'
)
# The app: the listing at its root, a post at /posts/<slug> from its JSON, links routed by the History API.
APP = """
const root = document.querySelector("app-root");
async function show(path) {
  if (path.startsWith("/posts/")) {
    const post = await (await fetch(`/data/${path.split("/")[2]}.json`)).json();
    document.title = post.title;
    root.innerHTML = `<article><h1>${post.title}</h1><time datetime="${post.date}">${post.date}</time>
      <p>${post.text} ${post.text} ${post.text}</p><p>${post.text}</p></article>`;
  } else {
    const slugs = await (await fetch("/data/index.json")).json();
    root.innerHTML = "<h1>Garden notes</h1><ul>" + slugs.map((s) => `<li><a href="/posts/${s}">${s}</a></li>`).join("")
      + '<li><a href="/gone.html">An old page</a></li></ul>';
  }
}
show(location.pathname);
"""
NOT_FOUND = "<!doctype html><html><head><title>Not found</title></head><body><p>Nothing here.</p></body></html>"


def answer(path: str) -> tuple[int, str, str]:
    if path == "/":
        return 200, "text/html; charset=utf-8", SHELL
    if path == "/main.js":
        return 200, "text/javascript", APP
    if path == "/data/index.json":
        return 200, "application/json", json.dumps(list(POSTS))
    if path.startswith("/data/") and (slug := path[len("/data/") : -len(".json")]) in POSTS:
        title, date, text = POSTS[slug]
        return 200, "application/json", json.dumps({"title": title, "date": date, "text": text})
    if path == "/gone.html":  # a broken link of the blog's: the host's plain 404, no app in it
        return 404, "text/html; charset=utf-8", NOT_FOUND
    return 404, "text/html; charset=utf-8", SHELL  # every other path: the host's 404.html, the app's shell


@pytest.fixture
def app_on_static_host() -> Iterator[str]:
    if (reason := install_chromium()) is not None:
        pytest.skip(reason)

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            status, content_type, body = answer(self.path.split("?")[0])
            self.answer(status, content_type, body.encode())

    with serving(Handler) as base:
        yield base


def test_posts_an_app_shows_under_the_hosts_404_page_are_archived(
    app_on_static_host: str, crawl: Callable[..., CompletedProcess[str]], db: Callable[..., list[tuple]]
) -> None:
    result = crawl(app_on_static_host, "--render", "auto")
    assert result.returncode == 0, result.stderr
    posts = db("SELECT url, title, published, text FROM articles ORDER BY url")
    assert [(url.removeprefix(app_on_static_host), title) for url, title, _, _ in posts] == [
        ("posts/compost", "Turning the compost"),
        ("posts/tomatoes", "Staking the tomatoes"),
    ]
    assert all(published.startswith(POSTS[url.rsplit("/", 1)[1]][1]) for url, _, published, _ in posts)
    assert all(POSTS[url.rsplit("/", 1)[1]][2] in text for url, _, _, text in posts)
    reasons = db("SELECT rendered FROM pages WHERE url LIKE '%/posts/%'")
    assert reasons and all("the host's 404 page is an app's shell" in reason for (reason,) in reasons)
    assert db("SELECT message FROM crawl_errors WHERE url LIKE '%/gone.html'") == [("HTTP 404",)]
