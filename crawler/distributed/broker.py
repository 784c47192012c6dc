"""The --broker URL: a Redis URL, checked before anything else is done (no Celery import needed)."""

from __future__ import annotations

from urllib.parse import urlsplit

from crawler.errors import BrokerError

BROKER_SCHEMES = ("redis", "rediss", "redis+socket")


def check_broker_url(url: str) -> str:
    """A Redis URL, else one line naming it and the form to give."""
    if urlsplit(url).scheme not in BROKER_SCHEMES:
        raise BrokerError(f"{url!r} is not a Redis URL; give one such as redis://HOST:6379/0")
    return url
