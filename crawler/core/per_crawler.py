"""State that several components of one crawl share (the scheduler, the spider, a pipeline), kept on the crawler
and made by whichever component asks first: no component has to be built before another."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def per_crawler(crawler: Any, name: str, make: Callable[[], T]) -> T:
    """The crawler's `name` object, made with `make()` on first use."""
    attribute = f"_blogarchive_{name}"
    value = getattr(crawler, attribute, None)
    if value is None:
        value = make()
        setattr(crawler, attribute, value)
    return value
