"""MediaFilesPipeline: saves every archived post's images under MEDIA_DIR, content-addressed, and records them.

Scrapy's FilesPipeline does the downloading (robots.txt, retries, redirects, one download per URL per crawl);
this subclass names each file by its sha256 — MEDIA_DIR/<sha[:2]>/<sha[2:4]>/<sha256>.<ext> — so an image shared
by many posts, or the same bytes at two URLs, is one file, and records the outcome through the crawl's shared
Archive: a media_files row per image URL and the file columns of every images row with that src. An image that
an earlier crawl stored, with its file still there, is not downloaded again. A failed image is a media_files
error and a crawl_errors row; one the crawl could not fetch (a timeout, HTTP 500) makes the crawl exit non-zero,
one with nothing to save there (HTTP 404, not an image), refused or over MEDIA_MAX_SIZE does not.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import re
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import DownloadCancelledError, NotConfigured
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.pipelines.files import FilesPipeline
from scrapy.pipelines.media import FileException, FileInfo, MediaPipeline
from twisted.python.failure import Failure

from archive import Archive
from archive.connection import now
from archive.media import MediaFile, record_failure, record_file, stored_file
from crawler.core.archive_handle import shared_archive, storage_broken, storage_guard
from crawler.downloadermiddlewares.scope_guard import MEDIA
from crawler.failures import NOTHING_THERE, Refused, describe_failure, is_choice
from crawler.items import FetchedPage

logger = logging.getLogger(__name__)

# Servers that do not know a file's type (S3's default, misconfigured CDNs) say so; the URL may still tell.
_UNTYPED = ("", "application/octet-stream", "binary/octet-stream")
_EXTENSION = re.compile(r"\.[a-z0-9]{1,5}")


class NothingToSave(FileException):
    """The server answered, with no image to save: HTTP 404 or 410, a page, an empty body."""


class MediaFilesPipeline(FilesPipeline):
    MEDIA_NAME = "image"

    def __init__(self, media_dir: str, *, crawler: Any) -> None:
        super().__init__(media_dir, crawler=crawler)
        self.media_dir = Path(media_dir)
        self.max_size = crawler.settings.getint("MEDIA_MAX_SIZE")
        self.archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> MediaFilesPipeline:
        media_dir = crawler.settings.get("MEDIA_DIR")
        if not media_dir:
            raise NotConfigured("MEDIA_DIR is empty: images are not saved")
        return cls(media_dir, crawler=crawler)

    def open_spider(self) -> None:
        super().open_spider()
        self.archive = shared_archive(self.crawler)

    def get_media_requests(self, item: Any, info: MediaPipeline.SpiderInfo) -> list[Request]:
        """The images of an archived post (other items have none). The post goes along as the Referer, as a
        browser sends it: image hosts often refuse hotlinks without one."""
        if not isinstance(item, FetchedPage) or storage_broken(self.crawler):
            return []
        return [
            Request(
                url,
                callback=NO_CALLBACK,
                headers={"Referer": item.url},
                meta={"download_maxsize": self.max_size, MEDIA: True},  # the scope guard: any host, checked address
            )
            for url in dict.fromkeys(item.image_urls)
            if urlsplit(url).scheme in ("http", "https")
        ]

    def media_to_download(
        self, request: Request, info: MediaPipeline.SpiderInfo, *, item: Any = None
    ) -> FileInfo | None:
        """An image an earlier crawl stored, with its file still in place, is not downloaded again."""
        stored = stored_file(self.archive, request.url)
        if stored is None or not self._in_place(stored.local_path, stored.bytes):
            return None
        self.inc_stats("uptodate")
        return {"url": request.url, "path": stored.local_path, "checksum": stored.sha256, "status": "uptodate"}

    async def media_downloaded(
        self, response: Response, request: Request, info: MediaPipeline.SpiderInfo, *, item: Any = None
    ) -> FileInfo:
        """Save an image response, or raise FileException saying why not (Scrapy hands it to media_failed)."""
        content_type = _image_type(response, request.url)
        if problem := _refusal(response, content_type):
            raise FileException(problem) if response.status not in (200, *NOTHING_THERE) else NothingToSave(problem)
        result = await super().media_downloaded(response, request, info, item=item)
        assert content_type is not None and result["checksum"] is not None
        media = MediaFile(request.url, result["checksum"], result["path"], len(response.body), content_type, now())
        with storage_guard(self.crawler):
            record_file(self.archive, media)
        return result

    def media_failed(self, failure: Failure, request: Request, info: MediaPipeline.SpiderInfo) -> None:
        """Record why an image was not saved — once per URL and crawl, as Scrapy caches the outcome — and end the
        failure here. Returning instead of raising leaves the image without a result, so Scrapy logs no traceback:
        the one line logged here and the crawl_errors row say it all, as for a failed page."""
        if storage_broken(self.crawler):
            return
        with storage_guard(self.crawler):
            self._record_failure(failure, request)

    def _record_failure(self, failure: Failure, request: Request) -> None:
        # robots.txt said no: a choice, not an error (as for pages); the scope guard's refusal is an error.
        if is_choice(failure):
            logger.info("image %s not saved: %s", request.url, failure.value)
            record_failure(self.archive, request.url, f"not downloaded: {failure.value}", now())
            return
        lost = not failure.check(Refused, NothingToSave, DownloadCancelledError)
        if failure.check(Refused):  # the scope guard: a metadata, link-local … address
            message = failure.value.message
        elif failure.check(FileException):  # raised by media_downloaded, or by FilesPipeline writing the file
            message = str(failure.value) or "could not save the file"
        elif failure.check(DownloadCancelledError):  # cancelled over download_maxsize (a stopping crawl waits)
            message = f"larger than MEDIA_MAX_SIZE ({self.max_size} bytes)"
        else:
            message = describe_failure(failure)
        logger.error("%s: image not saved: %s", request.url, message)
        self.crawler.stats.inc_value("blogarchive/errors")
        if lost:
            self.crawler.stats.inc_value("blogarchive/lost")
        record_failure(self.archive, request.url, message, now())
        self.archive.record_error(self.crawler.stats.get_value("blogarchive/run_id"), request.url, f"image: {message}")

    def file_path(
        self,
        request: Request,
        response: Response | None = None,
        info: MediaPipeline.SpiderInfo | None = None,
        *,
        item: Any = None,
    ) -> str:
        """The file's place under MEDIA_DIR, from its content: <sha[:2]>/<sha[2:4]>/<sha256><ext>."""
        if response is None:
            raise ValueError("a content-addressed path needs the downloaded body")
        sha256 = hashlib.sha256(response.body).hexdigest()
        return f"{sha256[:2]}/{sha256[2:4]}/{sha256}{_extension(_image_type(response, request.url), request.url)}"

    def file_downloaded(
        self, response: Response, request: Request, info: MediaPipeline.SpiderInfo, *, item: Any = None
    ) -> str:
        """Write the file unless those bytes are stored already; the checksum returned is the sha256."""
        path = self.file_path(request, response, info)
        if not self._in_place(path, len(response.body)):
            self.store.persist_file(path, BytesIO(response.body), info)
        return PurePosixPath(path).name.split(".")[0]

    def item_completed(self, results: list[Any], item: Any, info: MediaPipeline.SpiderInfo) -> Any:
        """Nothing left to do: each image was recorded (and a failure logged) once, when its download ended."""
        return item

    def _in_place(self, local_path: str, size: int) -> bool:
        """The file is there, whole: a write cut short (a killed crawl) leaves a file of the wrong size."""
        path = self.media_dir / local_path
        return path.is_file() and path.stat().st_size == size


def _refusal(response: Response, content_type: str | None) -> str | None:
    """Why a response is not saved as an image, or None."""
    if response.status != 200:
        return f"HTTP {response.status}"
    if content_type is None:
        return f"not an image ({_header_type(response) or 'no content type'})"
    if not response.body:
        return "empty response"
    return None


def _header_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"").decode("latin-1").split(";")[0].strip().lower()


def _image_type(response: Response, url: str) -> str | None:
    """The image type the server states, or for an untyped file the one its URL implies; None if no image."""
    stated = _header_type(response)
    if stated.startswith("image/"):
        return stated
    guessed = mimetypes.guess_type(urlsplit(url).path)[0] or ""
    return guessed if stated in _UNTYPED and guessed.startswith("image/") else None


def _extension(content_type: str | None, url: str) -> str:
    """From the content type (image/jpeg → .jpg), else the URL's own, else none."""
    known = mimetypes.guess_extension(content_type) if content_type else None
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return known or (suffix if _EXTENSION.fullmatch(suffix) else "")
