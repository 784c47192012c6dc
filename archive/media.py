"""Downloaded images: one media_files row per image URL (upserted by sqlite-utils), and its file columns on every
images row with that src.

The files themselves live under the crawl's MEDIA_DIR, named by their sha256 (crawler/pipelines/media.py writes them);
`local_path` is relative to that folder, so the archive and the folder can move together.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, fields

from archive.connection import Connection


@dataclass(frozen=True)
class MediaFile:
    url: str
    sha256: str
    local_path: str
    bytes: int
    content_type: str
    fetched_at: str


def stored_file(archive: Connection, url: str) -> MediaFile | None:
    """The file an earlier download of `url` stored, if one did (a failed download has none)."""
    rows = archive.db.table("media_files").rows_where(
        "url = ? AND sha256 IS NOT NULL", [url], select=", ".join(field.name for field in fields(MediaFile))
    )
    row = next(rows, None)
    return MediaFile(**row) if row else None


def record_file(archive: Connection, media: MediaFile) -> None:
    """`media.url` is stored: its media_files row, and the file columns of every images row showing it."""
    with archive.batch():
        archive.db.table("media_files").upsert({**asdict(media), "error": None}, pk="url")
        archive.conn.execute(
            "UPDATE images SET sha256 = ?, local_path = ?, bytes = ? WHERE src = ?",
            (media.sha256, media.local_path, media.bytes, media.url),
        )


def record_failure(archive: Connection, url: str, error: str, fetched_at: str, content_type: str | None = None) -> None:
    """`url` could not be stored. A file an earlier download stored is no longer vouched for, so its columns
    are cleared here and on the images rows (the next crawl tries again)."""
    failed = {"url": url, "sha256": None, "local_path": None, "bytes": None, "content_type": content_type}
    with archive.batch():
        archive.db.table("media_files").upsert({**failed, "fetched_at": fetched_at, "error": error}, pk="url")
        archive.conn.execute("UPDATE images SET sha256 = NULL, local_path = NULL, bytes = NULL WHERE src = ?", (url,))


def fill_image_files(conn: sqlite3.Connection, article_id: int) -> None:
    """Give a post's freshly written images rows the files already downloaded for their src.

    Called by the store whenever it (re)writes a post's images, inside that write's transaction: a post updated
    or re-extracted after its images were downloaded keeps pointing at them.
    """
    conn.execute(
        "UPDATE images SET (sha256, local_path, bytes) = (SELECT sha256, local_path, bytes FROM media_files m"
        " WHERE m.url = images.src) WHERE article_id = ? AND src IN (SELECT url FROM media_files"
        " WHERE sha256 IS NOT NULL)",
        (article_id,),
    )


def article_image_urls(archive: Connection, url: str) -> list[str]:
    """The image URLs of the archived post at `url`, in order: a page not extracted again still has its images
    checked (a file deleted from the media folder, an image that failed last time)."""
    rows = archive.conn.execute(
        "SELECT i.src FROM images i JOIN articles a ON a.id = i.article_id WHERE a.url = ? ORDER BY i.position",
        (url,),
    )
    return [src for (src,) in rows]
