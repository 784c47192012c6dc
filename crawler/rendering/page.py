"""Render one page: the HTML the crawl fetched, opened in Chromium, its behaviours run, its frames inlined.

The browser fetches nothing itself. Its first request, the page, is answered with the response the crawl already
has (the raw HTML, fetched once); every other request — scripts, styles, images, the JSON a client-side app or a
comment embed loads, the documents of frames — goes to `fetch`, which the caller runs through Scrapy's downloader
(crawler/downloadermiddlewares/render.py): what it refuses or fails is aborted in the browser. A second navigation
of the page itself (a script that sends the browser elsewhere) is aborted, and its URL noted as a link.

Then the behaviours (crawler/rendering/behaviours.js), bounded in steps and time: scroll a screen at a time to the
end (infinite scroll, lazy images that wait for IntersectionObserver), press "load more" controls while the page
grows, open collapsed comments, wait for the images still loading. Same-site frames that hold the post (Naver
Blog's `mainFrame`, or a frame with more text than the page around it) are put in place of their `<iframe>`, their
addresses made absolute, so the post is archived under the page's URL. Any other frame that holds comments the
extraction knows (crawler/extraction/selectors.py's COMMENT_ITEMS) — Disqus's, from disqus.com, which its embed
script puts in the page — gives its comment thread, marked as such (FRAME_COMMENTS), in place of its `<iframe>`:
the comments are archived with the post. Such a frame is one the route let through: its document, and what its
own scripts loaded, came from hosts RENDER_HOSTS allows; a refused frame shows the browser's error page, which holds
no comments. The result is the DOM as HTML, the URLs the page's router pushed (History API), and a screenshot if
asked for.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.async_api import Error as PlaywrightError

from crawler.extraction.selectors import COMMENT_ITEMS, FRAME_COMMENTS
from crawler.rendering.browser import Chromium
from crawler.rendering.detect import LOAD_MORE_WORDS

logger = logging.getLogger(__name__)

_HERE = Path(__file__).parent
BEHAVIOURS_JS = (_HERE / "behaviours.js").read_text("utf-8")
FRAME_JS = (_HERE / "frames.js").read_text("utf-8")

# Controls that open collapsed comments or replies: their visible text contains one of these, lower-cased.
EXPAND_COMMENTS_WORDS = (
    "show comments",
    "load comments",
    "view comments",
    "more comments",
    "show replies",
    "view replies",
    "load replies",
    "more replies",
    "kommentare anzeigen",
    "kommentare laden",
    "antworten anzeigen",
    "afficher les commentaires",
    "voir les réponses",
    "ver comentarios",
    "ver respuestas",
    "댓글 보기",
    "답글 보기",
    "コメントを見る",
    "返信を表示",
    "查看评论",
    "查看回复",
)
# Frames whose id or name says they hold the post.
POST_FRAMES = ("mainFrame",)
QUIET = 0.5  # seconds without a request that count as "the page has settled"
MIN_FRAME_TEXT = 200  # a frame not named as the post's, with less text than this, holds no post

# Headers the browser's request carries that Scrapy sets itself (its User-Agent, compression, cookies per origin).
_NOT_FORWARDED = {"host", "user-agent", "accept-encoding", "connection", "content-length", "cookie"}
# Headers that described the bytes on the wire: the body handed back to the browser is decoded, whole.
_NOT_RETURNED = {"content-encoding", "content-length", "transfer-encoding", "connection"}


@dataclass
class Exchange:
    """A response for the browser: the one the crawl has for the page, or one the downloader fetched."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class BrowserRequest:
    url: str
    method: str
    headers: dict[str, str]
    body: bytes | None
    resource_type: str  # Playwright's: document, script, stylesheet, image, xhr, fetch, font …


Fetch = Callable[[BrowserRequest], Awaitable[Exchange | None]]  # None: refused or failed, the browser is told so


@dataclass
class RenderOptions:
    timeout: float = 30.0  # seconds for the whole page
    behaviour_time: float = 10.0  # seconds for scrolling, pressing and waiting, within `timeout`
    behaviour_steps: int = 30  # scrolls and presses, at most
    screenshot: bool = False
    same_site: Callable[[str], bool] = lambda url: False  # a frame of the crawl's own site


@dataclass
class Rendered:
    html: str
    routes: list[str] = field(default_factory=list)  # URLs the page pushed (History API) or tried to navigate to
    actions: dict[str, int] = field(default_factory=dict)  # scrolls, presses, comments opened, frames inlined
    screenshot: bytes | None = None
    requests: int = 0  # requests the browser made, the page's own excepted
    refused: int = 0  # … of which refused or failed


class _Traffic:
    """The route every request of a rendered page goes through."""

    def __init__(self, document: Exchange, fetch: Fetch) -> None:
        self.document = document
        self.fetch = fetch
        self.served_document = False
        self.navigations: list[str] = []
        self.requests = 0
        self.refused = 0
        self.last_activity = time.monotonic()
        self.in_flight = 0

    async def handle(self, route: Any, request: Any) -> None:
        self.in_flight += 1
        self.last_activity = time.monotonic()
        try:
            await self._answer(route, request)
        finally:
            self.in_flight -= 1
            self.last_activity = time.monotonic()

    async def _answer(self, route: Any, request: Any) -> None:
        main = request.is_navigation_request() and request.frame.parent_frame is None
        if main and not self.served_document:
            self.served_document = True
            await _fulfil(route, self.document)
            return
        if main:  # the page sends the browser elsewhere: not followed here, the crawl may follow the URL
            self.navigations.append(request.url)
            await route.abort("aborted")
            return
        self.requests += 1
        if not request.url.startswith(("http://", "https://")):
            self.refused += 1
            await route.abort("blockedbyclient")
            return
        headers = {k: v for k, v in (await request.all_headers()).items() if k.lower() not in _NOT_FORWARDED}
        answer = await self.fetch(
            BrowserRequest(request.url, request.method, headers, request.post_data_buffer, request.resource_type)
        )
        if answer is None:
            self.refused += 1
            await route.abort("blockedbyclient")
        else:
            await _fulfil(route, answer)

    async def settled(self, deadline: float) -> None:
        """Until no request has been in flight for QUIET seconds, or the deadline."""
        while time.monotonic() < deadline:
            if self.in_flight == 0 and time.monotonic() - self.last_activity >= QUIET:
                return
            await asyncio.sleep(0.05)


async def _fulfil(route: Any, exchange: Exchange) -> None:
    headers: dict[str, str] = {}
    for name, value in exchange.headers:
        if name.lower() in _NOT_RETURNED:
            continue
        headers[name] = f"{headers[name]}\n{value}" if name in headers else value  # Playwright's way: one per line
    try:
        await route.fulfill(status=exchange.status, headers=headers, body=exchange.body)
    except Exception as exc:  # the page or the browser went away meanwhile
        logger.debug("%s: not delivered to the browser: %s", exchange.url, exc)


async def render(chromium: Chromium, document: Exchange, fetch: Fetch, options: RenderOptions) -> Rendered:
    """The page at `document.url` as the browser shows it; raises asyncio.TimeoutError past `options.timeout`, and
    Playwright's Error when the browser fails. The time limit starts once the page has its browser and its slot:
    waiting for another page to finish, or for Chromium to start, is not the page's time (Playwright bounds a
    launch itself)."""
    async with chromium.page() as (context, page):
        return await asyncio.wait_for(_render(context, page, document, fetch, options), options.timeout)


async def _render(context: Any, page: Any, document: Exchange, fetch: Fetch, options: RenderOptions) -> Rendered:
    started = time.monotonic()
    traffic = _Traffic(document, fetch)
    await context.route("**/*", traffic.handle)
    await page.add_init_script(BEHAVIOURS_JS)
    await page.goto(document.url, wait_until="load", timeout=options.timeout * 1000)
    await traffic.settled(started + options.behaviour_time)
    actions = await _behave(
        page, traffic, started + min(options.behaviour_time, options.timeout), options.behaviour_steps
    )
    actions.update(await _inline_frames(page, options.same_site))
    html = await page.content()
    routes = await page.evaluate("window.__blogarchive ? window.__blogarchive.routes : []")
    screenshot = await page.screenshot(full_page=True, type="png") if options.screenshot else None
    return Rendered(
        html=html,
        routes=[*routes, *traffic.navigations],
        actions={name: count for name, count in actions.items() if count},
        screenshot=screenshot,
        requests=traffic.requests,
        refused=traffic.refused,
    )


async def _behave(page: Any, traffic: _Traffic, deadline: float, steps: int) -> dict[str, int]:
    """Scroll to the end a screen at a time, pressing "load more" when the end is reached, while the page grows and
    time and steps last; then open collapsed comments and wait for the images still loading."""
    actions = {"scrolls": 0, "load more pressed": 0, "comments opened": 0}
    words = list(LOAD_MORE_WORDS)
    for _ in range(steps):
        if time.monotonic() >= deadline:
            break
        if await page.evaluate("window.__blogarchive.scroll()"):
            actions["scrolls"] += 1
            await traffic.settled(min(deadline, time.monotonic() + 2))
            continue
        height = await page.evaluate("window.__blogarchive.height()")
        await traffic.settled(min(deadline, time.monotonic() + 2))
        if await page.evaluate("window.__blogarchive.height()") > height:
            continue  # the end of the page loaded more (infinite scroll)
        if await page.evaluate("(words) => window.__blogarchive.loadMore(words)", words) is None:
            break
        actions["load more pressed"] += 1
        await traffic.settled(min(deadline, time.monotonic() + 2))
    if time.monotonic() < deadline:
        actions["comments opened"] = await page.evaluate(
            "(words) => window.__blogarchive.expandComments(words)", list(EXPAND_COMMENTS_WORDS)
        )
        await traffic.settled(min(deadline, time.monotonic() + 2))
    while time.monotonic() < deadline and await page.evaluate("window.__blogarchive.loadingImages()"):
        await asyncio.sleep(0.1)
    return actions


async def _inline_frames(page: Any, same_site: Callable[[str], bool]) -> dict[str, int]:
    """Put each same-site frame that holds the post in place of its <iframe>, and the comment thread of each other
    frame that holds comments; how many of each were."""
    own_text = await page.evaluate("window.__blogarchive ? window.__blogarchive.textLength() : 0")
    inlined = {"frames inlined": 0, "comment frames inlined": 0}
    for frame in page.main_frame.child_frames:
        try:
            element = await frame.frame_element()
            post = same_site(frame.url) and await _holds_post(frame, element, own_text)
            html = await frame.evaluate(FRAME_JS, None if post else COMMENT_ITEMS)
            if html:
                await element.evaluate(_PUT_IN_PLACE, [html, "" if post else FRAME_COMMENTS])
        except PlaywrightError as exc:  # the frame went away meanwhile (a script removed or navigated it)
            logger.debug("%s: frame not read: %s", frame.url, exc)
            continue
        if html:
            inlined["frames inlined" if post else "comment frames inlined"] += 1
    return inlined


# The frame's content in place of its <iframe>, in an element naming the frame's address (and marked, for comments).
_PUT_IN_PLACE = (
    "(frame, [html, marker]) => { const holder = document.createElement('div');"
    " holder.setAttribute('data-blogarchive-frame', frame.src); if (marker) holder.setAttribute(marker, '');"
    " holder.innerHTML = html; frame.replaceWith(holder); }"
)


async def _holds_post(frame: Any, element: Any, own_text: int) -> bool:
    """A same-site frame holds the post when its id or name says so, or it has more text than the page around it."""
    names = {await element.get_attribute("id"), await element.get_attribute("name")}
    text = await frame.evaluate("document.body ? document.body.innerText.length : 0")
    return text > 0 and (bool(names & set(POST_FRAMES)) or (text >= MIN_FRAME_TEXT and text > own_text))
