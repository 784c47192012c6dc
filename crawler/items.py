"""What the spider hands to the pipeline: a fetched response, or an error to log and count."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FetchedPage:
    url: str
    status: int
    content_type: str
    fetched_at: str  # ISO 8601 UTC
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    # Set for discovery documents (robots, sitemap, feed): stored as a page, never extracted.
    kind: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def is_html(self) -> bool:
        return self.content_type in ("text/html", "application/xhtml+xml") or (
            not self.content_type and self.body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
        )


@dataclass
class CrawlError:
    url: str
    message: str
