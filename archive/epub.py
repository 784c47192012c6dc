"""`export --format epub FILE`: a site's posts as an EPUB 3 e-book, valid under epubcheck — a title page, a table of
contents (the navigation document), one chapter per post, oldest first, with its title, authors, date and address,
and its images inside the book.

Written by hand with zipfile and lxml, not with ebooklib: ebooklib is under the AGPL, which blogarchive (MIT) will
not impose on its users, and the format needs little — a stored `mimetype` first, `META-INF/container.xml`, the
package document (metadata, manifest, spine) and XHTML chapters. Chapters are written into the zip as the posts
stream from the archive; only their names and titles are kept for the manifest and the table of contents, so memory
stays flat however many posts there are.

A post's Markdown becomes HTML through markdown-it (CommonMark with tables; raw HTML in it is shown as text, never
run), then XHTML through lxml. A book may only hold its own images (EPUB 3.2's core types: PNG, JPEG, GIF): an image
the crawl downloaded (`--media`) goes into the book once however many posts show it, with its caption under it; any
other becomes a link to its web address. Links are made absolute against the post's URL, since the book holds
none of the blog's other pages.
"""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree, html
from markdown_it import MarkdownIt
from w3lib.url import safe_url_string

from archive.outfile import replacing
from archive.post_records import PostRecord

XHTML = "http://www.w3.org/1999/xhtml"
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")
_IMAGE_TYPES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"GIF8", "image/gif", ".gif"),
)
_STYLE = """body { font-family: serif; line-height: 1.5; }
h1 { font-size: 1.6em; line-height: 1.2; }
p.byline, p.source { font-size: 0.85em; color: #555; }
figure { margin: 1em 0; text-align: center; }
figure img { max-width: 100%; }
figcaption { font-size: 0.85em; font-style: italic; }
pre { white-space: pre-wrap; }
table { border-collapse: collapse; }
td, th { border: 1px solid #999; padding: 0.2em 0.4em; }
"""


@dataclass
class Book:
    """What the package document and the table of contents need, gathered as chapters are written."""

    site: str
    chapters: list[tuple[str, str]] = field(default_factory=list)  # (file, title)
    images: dict[str, tuple[str, str]] = field(default_factory=dict)  # sha256 → (file, media type)
    authors: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    dates: list[str] = field(default_factory=list)
    sitename: str | None = None
    images_linked: int = 0  # not in the book: not downloaded, or of a type a book may not hold


def write_epub(out: Path, site: str, sitename: str | None, posts: Iterable[PostRecord], media: Path | None) -> Book:
    book = Book(site, sitename=sitename)
    with replacing(out) as partial, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", _CONTAINER)
        for post in posts:
            _write_chapter(archive, book, post, media)
        archive.writestr("EPUB/style.css", _STYLE)
        archive.writestr("EPUB/title.xhtml", _title_page(book))
        archive.writestr("EPUB/nav.xhtml", _navigation(book))
        archive.writestr("EPUB/package.opf", _package(book))
    return book


_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""


def _write_chapter(archive: zipfile.ZipFile, book: Book, post: PostRecord, media: Path | None) -> None:
    name = f"posts/post-{len(book.chapters) + 1:05d}.xhtml"
    title = post.title or post.url
    book.chapters.append((name, title))
    book.authors.update(post.authors)
    if post.language:
        book.languages[post.language] += 1
    if post.published:
        book.dates.append(post.published[:10])
    content = html.fragment_fromstring(_MARKDOWN.render(post.markdown), create_parent="div")
    _place_images(archive, book, post, media, content)
    _absolute_links(content, post.url)
    byline = " · ".join(filter(None, [", ".join(post.authors), (post.published or "")[:10]]))
    body = "".join(etree.tostring(child, encoding="unicode", method="xml") for child in content)
    text = (content.text or "").strip()
    chapter = (
        f'<section epub:type="chapter"><h1>{escape(title)}</h1>'
        + (f'<p class="byline">{escape(byline)}</p>' if byline else "")
        + (f"<p>{escape(text)}</p>" if text else "")
        + body
        + f'<p class="source"><a href="{escape(safe_url_string(post.url))}">{escape(post.url)}</a></p></section>'
    )
    archive.writestr(f"EPUB/{name}", _xhtml(title, chapter, post.language or "und", "../style.css"))


def _place_images(
    archive: zipfile.ZipFile, book: Book, post: PostRecord, media: Path | None, content: html.HtmlElement
) -> None:
    """Each <img> of the post: its file in the book (as a figure with its caption), or a link to its address."""
    captions = post.captions()
    for img in list(content.iter("img")):
        src = img.get("src") or ""
        path = post.image_file(src, media)
        stored = _store_image(archive, book, path) if path is not None else None
        holder = img.getparent()
        if stored is None:
            book.images_linked += 1
            link = etree.Element("a")
            if (address := _resolved(post.url, src)) is not None:
                link.set("href", address)
            link.text, link.tail = f"[{img.get('alt') or 'image'}]", img.tail
            holder.replace(img, link)
            continue
        img.set("src", "../" + stored)
        img.set("alt", img.get("alt") or "")
        img.attrib.pop("title", None)
        caption = captions(src)
        if holder.tag == "p" and len(holder) == 1 and not (holder.text or "").strip() and not (img.tail or "").strip():
            figure = etree.Element("figure")
            holder.getparent().replace(holder, figure)
            figure.append(img)
            img.tail = None
            if caption:
                etree.SubElement(figure, "figcaption").text = caption


def _store_image(archive: zipfile.ZipFile, book: Book, path: Path) -> str | None:
    """The image's file in the book (stored once), or None when a book may not hold its type."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest not in book.images:
        kind = next(
            ((media_type, suffix) for magic, media_type, suffix in _IMAGE_TYPES if data.startswith(magic)), None
        )
        if kind is None:
            return None
        book.images[digest] = (f"images/{digest[:16]}{kind[1]}", kind[0])
        archive.writestr(f"EPUB/{book.images[digest][0]}", data, compress_type=zipfile.ZIP_STORED)
    return book.images[digest][0]


def _absolute_links(content: html.HtmlElement, base: str) -> None:
    for link in content.iter("a"):
        href = link.get("href")
        if href is not None and not href.startswith("mailto:"):
            if (address := _resolved(base, href)) is not None:
                link.set("href", address)
            else:
                del link.attrib["href"]


def _resolved(base: str, href: str) -> str | None:
    """`href` made absolute and safe for XHTML; None when urllib cannot read it (a bracket left open, a port out of
    range): an archive made before its crawl refused such links may hold them, and one must cost its link, not the
    book."""
    try:
        return safe_url_string(urljoin(base, href))
    except ValueError:
        return None


def _xhtml(title: str, body: str, language: str, style: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML}" xmlns:epub="http://www.idpf.org/2007/ops" lang="{language}" xml:lang="{language}">'
        f'<head><meta charset="UTF-8"/><title>{escape(title)}</title>'
        f'<link rel="stylesheet" type="text/css" href="{style}"/></head><body>{body}</body></html>\n'
    )


def _title(book: Book) -> str:
    return book.sitename or book.site


def _span(book: Book) -> str:
    return f"{min(book.dates)} – {max(book.dates)}" if book.dates else ""


def _title_page(book: Book) -> str:
    authors = ", ".join(name for name, _ in book.authors.most_common())
    lines = [
        f"<h1>{escape(_title(book))}</h1>",
        f"<p>{len(book.chapters)} posts{(', ' + escape(_span(book))) if book.dates else ''}</p>",
        f"<p>{escape(authors)}</p>" if authors else "",
        f"<p>Archived from {escape(book.site)} with blogarchive.</p>",
    ]
    return _xhtml(
        _title(book), '<section epub:type="titlepage">' + "".join(lines) + "</section>", _language(book), "style.css"
    )


def _navigation(book: Book) -> str:
    items = "".join(f'<li><a href="{name}">{escape(title)}</a></li>' for name, title in book.chapters)
    body = (
        f'<nav epub:type="toc" id="toc"><h1>Contents</h1><ol><li><a href="title.xhtml">{escape(_title(book))}</a></li>'
        f"{items}</ol></nav>"
    )
    return _xhtml("Contents", body, _language(book), "style.css")


def _language(book: Book) -> str:
    return book.languages.most_common(1)[0][0] if book.languages else "und"


def _package(book: Book) -> str:
    identifier = uuid.uuid5(uuid.NAMESPACE_URL, f"blogarchive:{book.site}")
    modified = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    creators = "".join(f"<dc:creator>{escape(name)}</dc:creator>" for name, _ in book.authors.most_common())
    chapters = [(f"post-{n}", name, "application/xhtml+xml") for n, (name, _) in enumerate(book.chapters, start=1)]
    images = [(f"image-{n}", name, kind) for n, (name, kind) in enumerate(book.images.values(), start=1)]
    manifest = "".join(
        f'<item id="{item}" href="{href}" media-type="{kind}"/>'
        for item, href, kind in [("title", "title.xhtml", "application/xhtml+xml"), *chapters, *images]
    )
    spine = "".join(f'<itemref idref="{item}"/>' for item in ["title", "nav", *(item for item, _, _ in chapters)])
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">urn:uuid:{identifier}</dc:identifier><dc:title>{escape(_title(book))}</dc:title>'
        f"<dc:language>{_language(book)}</dc:language>{creators}<dc:source>{escape(book.site)}</dc:source>"
        f'<meta property="dcterms:modified">{modified}</meta></metadata>'
        '<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        f'<item id="style" href="style.css" media-type="text/css"/>{manifest}</manifest>'
        f"<spine>{spine}</spine></package>\n"
    )
