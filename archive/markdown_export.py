"""`export --format markdown DIR`: one folder per post, its `index.md` with YAML front matter, its images beside it.

The folders mirror the posts' URL paths (`/2024/05/soup/` → `DIR/2024/05/soup/index.md`): a Hugo page bundle
where DIR sits under `content/`, and a Jekyll page where DIR sits in the site. Either way the page is published at
its folder's path with the folder's images next to it, so the relative image links work unchanged (and a site
built at DIR's root keeps the blog's old addresses).

Front matter: `title`, `date` (published), `lastmod` (when the post says it was updated), `authors`, `tags`,
`categories`, `language`, `description` when the post has one, and `original_url`, the post's address — not
`url`, which Hugo takes for the page's output path and refuses with a scheme in it.

Images: each `![alt](src)` of the post whose image the crawl downloaded (`--media`) is copied beside the post under
its own file name and linked by that name, its caption as the image's title; one the crawl did not download keeps
its web address. Every file is written beside its target and renamed into place once complete
(archive/outfile.py): a stop halfway leaves each file either as it was or whole.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import yaml

from archive.outfile import replacing
from archive.post_records import PostRecord

_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_UNSAFE = re.compile(r"[^\w.-]+")
_PAGE_SUFFIXES = (".html", ".htm", ".php", ".asp", ".aspx")


@dataclass
class MarkdownExport:
    posts: int = 0
    images_copied: int = 0
    images_linked: int = 0  # not downloaded by the crawl: linked to their web address


def post_folders(urls: dict[int, str]) -> dict[int, PurePosixPath]:
    """id → the folder of each post, from its URL path: unique, and never inside another post's folder (Hugo takes
    a folder under a page bundle for one of its resources)."""
    wanted = {post_id: _folder_of(url, post_id) for post_id, url in urls.items()}
    holding = {parent for folder in wanted.values() for parent in folder.parents}  # folders that hold others
    taken: set[PurePosixPath] = set()
    folders = {}
    for post_id, folder in wanted.items():
        if folder in holding:
            folder = folder.with_name(folder.name + "-post")
        unique, number = folder, 2
        while unique in taken:
            unique, number = folder.with_name(f"{folder.name}-{number}"), number + 1
        taken.add(unique)
        folders[post_id] = unique
    return folders


def _folder_of(url: str, post_id: int) -> PurePosixPath:
    parts = urlsplit(url)
    segments = [_safe(segment) for segment in unquote(parts.path).split("/")]
    segments = [segment for segment in segments if segment]
    if segments and segments[-1].lower().endswith(_PAGE_SUFFIXES):
        segments[-1] = segments[-1].rsplit(".", 1)[0]
    if parts.query:
        query = _safe(unquote(parts.query).replace("=", "-").replace("&", "-"))
        segments = [*segments[:-1], "-".join(filter(None, [segments[-1] if segments else "", query]))]
    return PurePosixPath(*segments) if segments else PurePosixPath(f"post-{post_id}")


def _safe(text: str) -> str:
    """A file or folder name: letters (any script), digits, '.', '_' and '-', nothing else, never '.' or '..'."""
    return _UNSAFE.sub("-", unicodedata.normalize("NFC", text)).strip(".-")


def front_matter(post: PostRecord) -> str:
    matter: dict[str, object] = {"title": post.title or post.url}
    if post.published:
        matter["date"] = post.published
    if post.updated and post.updated != post.published:
        matter["lastmod"] = post.updated
    matter.update(authors=post.authors, tags=post.tags, categories=post.categories)
    if post.language:
        matter["language"] = post.language
    if post.description:
        matter["description"] = post.description
    matter["original_url"] = post.url
    dumped = yaml.safe_dump(matter, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1_000_000)
    return f"---\n{dumped}---\n"


def write_post(post: PostRecord, folder: Path, media: Path | None, counts: MarkdownExport) -> None:
    """The post's index.md and image files into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}  # image src → its file name beside the post
    captions = post.captions()

    def local(match: re.Match[str]) -> str:
        alt, src = match.group(1), match.group(2)
        source = post.image_file(src, media)
        if source is None:
            counts.images_linked += 1
            return match.group(0)
        if src not in names:
            names[src] = _image_name(src, source, set(names.values()))
            with replacing(folder / names[src]) as partial:
                shutil.copyfile(source, partial)
            counts.images_copied += 1
        caption = captions(src)
        title = ' "' + caption.replace("\\", "\\\\").replace('"', '\\"') + '"' if caption else ""
        return f"![{alt}]({names[src]}{title})"

    body = _IMAGE.sub(local, post.markdown)
    with replacing(folder / "index.md") as partial:
        partial.write_text(f"{front_matter(post)}\n{body}\n", encoding="utf-8")
    counts.posts += 1


def _image_name(src: str, source: Path, taken: set[str]) -> str:
    """The image's own file name (from its URL), with the downloaded file's extension, unique in the folder."""
    stem = _safe(PurePosixPath(unquote(urlsplit(src).path)).stem) or "image"
    name, number = f"{stem}{source.suffix}", 2
    while name in taken or name == "index.md":
        name, number = f"{stem}-{number}{source.suffix}", number + 1
    return name


def write_markdown_export(
    posts: Iterable[PostRecord], folders: dict[int, PurePosixPath], out: Path, media: Path | None
) -> MarkdownExport:
    counts = MarkdownExport()
    for post in posts:
        write_post(post, out / folders[post.id], media, counts)
    return counts
