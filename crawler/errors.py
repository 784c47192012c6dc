"""blogarchive's own exceptions, in one module. Each message names the input and, where there is one, the fix."""

from __future__ import annotations


class BlogarchiveError(Exception):
    """Base class: anything the CLI reports as one clear line instead of a traceback."""


class InvalidStartURL(BlogarchiveError, ValueError):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"invalid start URL {url!r}: {reason}")
        self.url = url
        self.reason = reason


class InvalidPattern(BlogarchiveError, ValueError):
    """An allow/deny regex that does not compile."""

    def __init__(self, pattern: str, reason: str) -> None:
        super().__init__(f"{pattern!r} is not a valid regular expression: {reason}")


class ExtractionError(BlogarchiveError):
    def __init__(self, source: str, cause: str) -> None:
        super().__init__(f"cannot extract {source}: {cause}")
        self.source = source
        self.cause = cause
