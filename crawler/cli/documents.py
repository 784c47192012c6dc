"""`export --format markdown DIR` and `export --format epub FILE`: a site's posts as documents for reading and
migration (archive/markdown_export.py, archive/epub.py), where the other formats export a table's rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from archive.epub import write_epub
from archive.errors import OutputError
from archive.filters import Filters
from archive.markdown_export import post_folders, write_markdown_export
from archive.post_records import one_site, site_post_urls, site_posts
from crawler.cli.options import InputError, user_errors

DOCUMENT_FORMATS = ("markdown", "epub")


def check_document_options(out: str, fmt: str, table_given: bool, bom: bool, media: Path | None) -> None:
    if out == "-":
        raise InputError(f"OUT '-': --format {fmt} writes {'a folder' if fmt == 'markdown' else 'a file'}, not stdout")
    if table_given or bom:
        raise InputError(f"--format {fmt} exports posts: leave out {'--table' if table_given else '--bom'}")
    if fmt == "epub" and Path(out).is_dir():
        raise InputError(f"OUT {out}: a folder; give the e-book's file name, such as {Path(out) / 'blog.epub'}")
    if fmt == "markdown" and Path(out).exists() and not Path(out).is_dir():
        raise InputError(f"OUT {out}: a file; --format markdown writes a folder (created if missing)")
    if media is not None and not media.is_dir():
        raise InputError(f"--media {media}: no such folder; give the folder the crawl saved images in (crawl --media)")


def export_documents(conn: sqlite3.Connection, out: Path, fmt: str, filters: Filters, media: Path | None) -> str:
    """Write the export; what it wrote, as one line."""
    with user_errors():
        site = one_site(conn, filters)
        urls = site_post_urls(conn, site, filters)
        if not urls:
            raise InputError(f"no post of {site} passes the filters ({', '.join(filters.given())}): nothing to export")
        posts = site_posts(conn, site, filters)
        if fmt == "epub":
            sitename = conn.execute(
                "SELECT sitename FROM articles WHERE site = ? AND sitename IS NOT NULL"
                " GROUP BY sitename ORDER BY count(*) DESC LIMIT 1",
                (site,),
            ).fetchone()
            book = write_epub(out, site, sitename[0] if sitename else None, posts, media)
            return f"{len(book.chapters)} posts of {site} written to {out} ({len(book.images)} images in the book)" + (
                _linked(book.images_linked, media)
            )
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder {out}: {exc.strerror or exc}") from exc
        counts = write_markdown_export(posts, post_folders(urls), out, media)
    return f"{counts.posts} posts of {site} written to {out} ({counts.images_copied} images beside them)" + _linked(
        counts.images_linked, media
    )


def _linked(number: int, media: Path | None) -> str:
    if not number:
        return ""
    hint = "not downloaded by the crawl" if media else "give --media DIR, the folder the crawl saved images in"
    return f"; {number} images linked to their web address ({hint})"
