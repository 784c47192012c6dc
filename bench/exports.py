"""`python -m bench.exports --posts 2000`: time and peak memory of `export --format markdown` and `--format epub`.

Builds an archive of N posts through the archive's own writer (plain dicts, as the crawl's pipeline writes them),
each with the sample blog's text in Markdown and one image of its own, downloaded (a media folder as `crawl --media`
leaves it), then runs each export as the user does (`python -m crawler export …`) in a child process, its peak RSS
sampled from /proc. With ebooklib installed (`pip install ebooklib==0.20`: not a dependency — it is AGPL, see
archive/epub.py), the same book is also made with ebooklib from the same records, for comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from importlib.util import find_spec
from pathlib import Path

from archive import Archive
from archive.filters import Filters
from archive.media import MediaFile, record_file
from archive.post_records import site_posts
from bench.rss import PeakSampler
from crawler.demo.site import DemoSite

SITE = "blog.example.org"


def png(seed: int) -> bytes:
    """A valid 8×8 PNG whose colour (so whose bytes) depends on `seed`."""
    row = b"\x00" + bytes([(seed * 37) % 256, (seed * 91) % 256, (seed * 13) % 256]) * 8

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * 8)) + chunk(b"IEND", b"")


def build_archive(folder: Path, posts: int) -> tuple[Path, Path]:
    db, media = folder / "archive.db", folder / "media"
    templates = DemoSite().posts
    archive = Archive(db)
    try:
        run = archive.start_run([f"https://{SITE}/"])
        with archive.batch():
            for n in range(posts):
                template = templates[n % len(templates)]
                src = f"https://{SITE}/uploads/{n}/photo.png"
                body = "\n\n".join([template.intro, f"![{template.title}]({src})", template.outro] * 3)
                article = {
                    "url": f"https://{SITE}/{2015 + n % 10}/{n % 12 + 1:02d}/post-{n}/",
                    "title": f"{template.title} ({n})",
                    "author": template.authors[0],
                    "authors": [{"name": template.authors[0], "url": None}],
                    "published": f"{2015 + n % 10}-{n % 12 + 1:02d}-01T09:00:00+00:00",
                    "language": template.lang,
                    "tags": ["bench"],
                    "text": body,
                    "markdown": f"## {template.title}\n\n{body}",
                    "images": [{"src": src, "alt": template.title, "caption": f"Photo {n}"}],
                }
                archive.save_article(run, article, "2024-01-01T00:00:00+00:00")
                data = png(n)
                digest = hashlib.sha256(data).hexdigest()
                local = f"{digest[:2]}/{digest[2:4]}/{digest}.png"
                (media / local).parent.mkdir(parents=True, exist_ok=True)
                (media / local).write_bytes(data)
                record_file(archive, MediaFile(src, digest, local, len(data), "image/png", "2024-01-01T00:00:00+00:00"))
        archive.finish_run(run, "finished")
    finally:
        archive.close()
    return db, media


def measure(command: list[str]) -> tuple[float, float, float]:
    """(seconds, CPU seconds, peak RSS in MB) of a command run to its end. The CPU time is what compares on a
    shared machine, whose wall-clock times drift with the other load."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with PeakSampler(process.pid, interval=0.05) as sampler:
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit status {process.returncode}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, sampler.peak / 1e6


def ebooklib_book(db: Path, media: Path, out: Path) -> None:
    """The same book through ebooklib: the records, markdown-it's HTML, the images, a table of contents."""
    from ebooklib import epub
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
    book = epub.EpubBook()
    book.set_identifier(f"urn:blogarchive:{SITE}")
    book.set_title(SITE)
    book.set_language("en")
    archive = Archive(db)
    chapters, images = [], {}
    for post in site_posts(archive.conn, SITE, Filters()):
        content = markdown.render(post.markdown)
        for image in post.images:
            path = post.image_file(image.src, media)
            if path is not None:
                name = images.setdefault(image.src, f"images/{len(images)}.png")
                book.add_item(epub.EpubItem(file_name=name, media_type="image/png", content=path.read_bytes()))
                content = content.replace(f'src="{image.src}"', f'src="../{name}"')
        chapter = epub.EpubHtml(title=post.title, file_name=f"posts/{post.id}.xhtml", lang=post.language)
        chapter.content = f"<h1>{post.title}</h1>{content}"
        book.add_item(chapter)
        chapters.append(chapter)
    archive.close()
    book.toc = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    epub.write_epub(str(out), book)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    posts = parser.parse_args().posts
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        started = time.perf_counter()
        db, media = build_archive(folder, posts)
        print(f"archive of {posts} posts with an image each built in {time.perf_counter() - started:.1f} s")
        export = [sys.executable, "-m", "crawler", "export", "--db", str(db), "--media", str(media)]
        rows = [
            ("markdown (blogarchive)", measure([*export, str(folder / "md"), "--format", "markdown"])),
            ("epub (blogarchive)", measure([*export, str(folder / "book.epub")])),
        ]
        if find_spec("ebooklib") is not None:
            paths = ", ".join(f"Path({str(path)!r})" for path in (db, media, folder / "ebooklib.epub"))
            code = f"from pathlib import Path; from bench.exports import ebooklib_book; ebooklib_book({paths})"
            rows.append(("epub (ebooklib 0.20)", measure([sys.executable, "-c", code])))
        else:
            print("ebooklib is not installed: pip install ebooklib==0.20 to compare")
        print(f"{'export':<24} {'seconds':>8} {'CPU s':>8} {'peak RSS MB':>12}")
        for name, (seconds, cpu, peak) in rows:
            print(f"{name:<24} {seconds:>8.2f} {cpu:>8.2f} {peak:>12.1f}")


if __name__ == "__main__":
    main()
