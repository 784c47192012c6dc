"""POST an alert to a webhook: JSON, a bounded number of retries with a doubling wait, never a redirect followed.

A redirect is refused rather than followed: urllib turns a redirected POST into a GET without its body, which would
look delivered and lose the alert. A 4xx answer but 408, 425 and 429 is final (the receiver refuses this alert, a
retry would be refused too); a 5xx, those three, a refused or reset connection and a timeout are tried again.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from crawler.settings import USER_AGENT

RETRIED_STATUSES = frozenset({408, 425, 429})
# The scheduler hands a site's webhook to its crawl through the environment, not its command line (a webhook's URL
# often holds its secret, and a command line is anyone's to read in `ps`).
WEBHOOK_ENV = "BLOGARCHIVE_WEBHOOK"


def webhook_problem(url: str) -> str | None:
    """What is wrong with `url` as a webhook, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not an http(s) URL with a host; give the URL the receiver listens on"
    return None


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # urllib then raises the 3xx as an HTTPError


_OPENER = urllib.request.build_opener(_NoRedirects)


def post_alert(
    url: str,
    alert: dict[str, Any],
    *,
    retries: int,
    backoff: float,
    timeout: float,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[int, str | None]:
    """POST `alert` as JSON to `url`: tried once and up to `retries` times more, waiting `backoff` seconds before
    the first retry and twice as long before each next. (attempts made, None) once a 2xx answers, else (attempts,
    the last failure's cause)."""
    body = json.dumps(alert, ensure_ascii=False).encode()
    attempts = 0
    while True:
        attempts += 1
        error, final = _attempt(url, body, timeout, alert["run"])
        if error is None or final or attempts > retries:
            return attempts, error
        sleep(backoff * 2 ** (attempts - 1))


def _attempt(url: str, body: bytes, timeout: float, run: int) -> tuple[str | None, bool]:
    """(None, _) when delivered; else (why not, whether trying again is pointless)."""
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "User-Agent": USER_AGENT, "X-Blogarchive-Run": str(run)},
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        final = exc.code < 500 and exc.code not in RETRIED_STATUSES
        moved = f" to {exc.headers.get('Location')}; give that URL" if 300 <= exc.code < 400 else ""
        return f"HTTP {exc.code} {exc.reason}{moved}", final
    except urllib.error.URLError as exc:
        return f"{exc.reason}", False
    except (TimeoutError, OSError) as exc:
        return f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__, False
    return None, False
