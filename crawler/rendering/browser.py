"""One headless Chromium per crawl process, driven through Playwright's asyncio API on the reactor's event loop.

Debian's `chromium` is launched (`executable_path`), never a browser Playwright downloads: scripts/install_chromium.sh
installs it. The browser has no network of its own — it is started behind a proxy address where nothing listens —
so the only way a request of a page reaches anything is the route the renderer installs on every page
(crawler/rendering/page.py), which hands it to Scrapy's downloader, where the scope guard and the resolver apply
the crawl's address rules. A preconnect, a WebSocket or a service worker that bypassed the route would meet the
dead proxy.

Memory stays flat over a long crawl: every page gets a fresh browser context, closed after it, and the browser
itself is started anew after `restart_after` pages (once the pages it holds are done). A browser that crashed is
started anew at the next page.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from playwright.async_api import Browser, BrowserContext, Playwright, async_playwright

from crawler.errors import BrowserLost, BrowserUnavailable

logger = logging.getLogger(__name__)

# Chromium on a closed network: no sandbox as root (it refuses to start), and none of the background traffic
# (updates, sync, field trials, QUIC probes) that would flood refused connections.
FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--mute-audio",
)
# Where nothing listens (the discard port): the browser's proxy, so that no request leaves it but through the route.
DEAD_PROXY = {"server": "http://127.0.0.1:9", "bypass": "<-loopback>"}


def chromium_path(configured: str = "") -> str:
    """The Chromium to launch: RENDER_CHROMIUM, else `chromium` (Debian's) on the PATH."""
    path = configured or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise BrowserUnavailable(
            "rendering needs Chromium and none is installed: run scripts/install_chromium.sh"
            " (Debian's chromium package), set RENDER_CHROMIUM, or crawl with --render never"
        )
    return path


class Chromium:
    """`async with chromium.page() as (context, page)`: a fresh context and page on the one browser."""

    def __init__(self, executable: str, *, pages_at_once: int, restart_after: int, user_agent: str) -> None:
        self.executable = executable
        self.restart_after = restart_after
        self.user_agent = user_agent
        self.slots = asyncio.Semaphore(pages_at_once)
        self.playwright: Playwright | None = None
        self.browser: Browser | None = None
        self.pages_on_browser = 0  # pages opened on the current browser
        self.open_pages = 0
        self.launches = 0
        self._starting = asyncio.Lock()

    @asynccontextmanager
    async def page(self) -> AsyncIterator[tuple[BrowserContext, Any]]:
        async with self.slots:
            browser = await self._browser()
            self.pages_on_browser += 1
            self.open_pages += 1
            context = None
            try:
                context = await browser.new_context(
                    user_agent=self.user_agent,
                    service_workers="block",
                    viewport={"width": 1280, "height": 900},
                    accept_downloads=False,
                    timezone_id="UTC",  # a time a script prints in the reader's zone (Disqus's) is UTC, on any machine
                )
                yield context, await context.new_page()
            except Exception as exc:
                if not browser.is_connected():
                    raise BrowserLost(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc
                raise
            finally:
                self.open_pages -= 1
                if context is not None:
                    await _quietly(context.close())
                if self.pages_on_browser >= self.restart_after and self.open_pages == 0:
                    await self._close_browser()  # memory flat: the next page starts a new one

    async def _browser(self) -> Browser:
        async with self._starting:
            if self.browser is not None and not self.browser.is_connected():
                logger.warning("Chromium is gone (crashed or killed); starting it again")
                self.browser = None
            while self.browser is not None and self.pages_on_browser >= self.restart_after:
                if self.open_pages == 0:
                    await self._close_browser()
                else:
                    await asyncio.sleep(0.05)  # the pages still open on the old browser finish first
            if self.browser is None:
                self.browser = await self._launch()
                self.pages_on_browser = 0
            return self.browser

    async def _launch(self) -> Browser:
        if self.playwright is None:
            self.playwright = await async_playwright().start()
        flags = [*FLAGS, *(["--no-sandbox"] if os.geteuid() == 0 else [])]
        try:
            browser = await self.playwright.chromium.launch(
                executable_path=self.executable, args=flags, headless=True, proxy=DEAD_PROXY, timeout=60_000
            )
        except Exception as exc:  # Playwright raises its own Error, or a TimeoutError
            raise BrowserUnavailable(f"Chromium ({self.executable}) did not start: {exc}") from exc
        self.launches += 1
        logger.info("Chromium %s started (%s)", browser.version, self.executable)
        return browser

    async def _close_browser(self) -> None:
        browser, self.browser = self.browser, None
        if browser is not None:
            await _quietly(browser.close())

    async def close(self) -> None:
        await self._close_browser()
        if self.playwright is not None:
            playwright, self.playwright = self.playwright, None
            await _quietly(playwright.stop())


async def _quietly(closing: Any, timeout: float = 10.0) -> None:
    """Close something of a browser that may be gone already: neither an error nor a hang stops the crawl."""
    try:
        await asyncio.wait_for(closing, timeout)
    except Exception as exc:
        logger.debug("closing: %s", exc)
