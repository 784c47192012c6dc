"""SessionExpiryMiddleware: in a members-only crawl, a page served to someone signed out is a crawl error, never
archived as the post — nor as a new version of the post the archive holds, nor as a post gone.

A page request to one of the session's origins (crawler/members/session.py) was answered without the member's
access when its answer is:

- 401 or 403;
- a redirect to a login address (`/wp-login.php`, `…/login`, `…/signin` …), followed or not;
- a page that shows a wall instead of the post: a login form, a password form, a platform's members-only notice
  (crawler/members/walls.py names each by its platform's markup);
- a page without the signed-in marks (WordPress's toolbar, Ghost's account button, a sign-out link …) that earlier
  pages of the same origin had: the session ended. WordPress answers a private post with 404 to a signed-out reader,
  and that 404 is not the post gone.

It sits at 575: after HttpCompressionMiddleware (590) has inflated the body and MetaRefreshMiddleware (580) and
RedirectMiddleware (600) have followed where the page sent the crawler (the redirect chain is in
`meta["redirect_urls"]`). The failure (SessionExpired) reaches the spider's errback as a crawl error with its
cause; each is counted in the stats (`blogarchive/session_walls`), and the crawl exits non-zero.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import Request, Response

from crawler.failures import SessionExpired
from crawler.members.addresses import is_login_address
from crawler.members.session import Origin, Session
from crawler.members.walls import read_signs
from crawler.urls import origin

WALLS_STAT = "blogarchive/session_walls"
_REDIRECTS = (301, 302, 303, 307, 308)


class SessionExpiryMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.signed_in: set[Origin] = set()  # origins that served a page with a signed-in mark

    @classmethod
    def from_crawler(cls, crawler: Any) -> SessionExpiryMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        session: Session | None = getattr(self.crawler.spider, "session", None)
        if session is None or not request.meta.get("page"):
            return response
        asked = (request.meta.get("redirect_urls") or [request.url])[0]
        place = origin(asked)
        if place not in session.origins:
            return response
        wall = self._wall(place, asked, response)
        if wall is None:
            return response
        self.crawler.stats.inc_value(WALLS_STAT)
        raise SessionExpired(
            f"not archived: the site served {wall}; the session (--cookies, --header) has expired or has no access"
            " to this page"
        )

    def _wall(self, place: Origin, asked: str, response: Response) -> str | None:
        if response.status in (401, 403):
            return f"HTTP {response.status}"
        location = (response.headers.get("Location") or b"").decode("latin-1")
        if response.status in _REDIRECTS and location and is_login_address(urljoin(response.url, location)):
            return f"a redirect to the login page {urlsplit(urljoin(response.url, location)).path}"
        if response.url != asked and is_login_address(response.url):
            return f"the login page {urlsplit(response.url).path} (redirected)"
        content_type = (response.headers.get("Content-Type") or b"").lower()
        if response.status == 304 or b"html" not in content_type:
            return None
        signs = read_signs(response.body)
        if signs.signed_in:
            self.signed_in.add(place)
        if signs.wall is not None:
            return signs.wall
        if place in self.signed_in and not signs.signed_in:
            return "the page without the signed-in marks its earlier pages had"
        return None
