"""The post's own images, in document order, with captions; lazy-loading resolved, chrome images excluded."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from crawler.extraction.article import Image
from crawler.extraction.content import find_content_root, in_chrome
from crawler.extraction.selectors import CAPTION_CONTAINERS, IMAGE_EXCLUDED_CLASS, IMAGE_EXCLUDED_SRC

MAX_ICON_SIZE = 100  # pixels, both sides
LAZY_SRC_ATTRIBUTES = ("data-lazy-src", "data-src", "data-original", "data-orig-file", "data-url", "src")
SRCSET_ATTRIBUTES = ("data-lazy-srcset", "data-srcset", "srcset")
_EXCLUDED_CLASS = re.compile(IMAGE_EXCLUDED_CLASS)
_SRCSET_ITEM = re.compile(r"\s*(\S+)\s*(?:(\d+(?:\.\d+)?)([wx]))?\s*(?:,|$)")


def find_images(soup: BeautifulSoup, base_url: str, root: Tag | None = None) -> list[Image]:
    """`root`: the post's body container when the caller has found it already (find_content_root)."""
    root = root or find_content_root(soup)
    if root is None:
        return []
    # The <article> around the body also holds the post's feature image (Ghost, many themes put it in the
    # header); the chrome inside it (share bars, related posts, author box) is excluded image by image.
    root = root.find_parent("article") or root
    base = page_base(soup, base_url)
    candidates = [(img, *best_source(img, base)) for img in root.find_all("img") if not _excluded(img)]
    # A <noscript> copy of a lazy image is the same image: keep the scripted one, which carries the sizes.
    scripted = {src for img, src, _ in candidates if img.find_parent("noscript") is None}
    images: list[Image] = []
    seen: set[str] = set()
    for img, src, srcset_width in candidates:
        if not src or src in seen or (src in scripted and img.find_parent("noscript") is not None):
            continue
        seen.add(src)
        width, height = _dimensions(img, srcset_width)
        images.append(
            Image(src=src, position=len(images) + 1, alt=_text(img.get("alt")), title=_text(img.get("title")),
                  caption=caption_of(img), width=width, height=height)
        )  # fmt: skip
    return images


def _dimensions(img: Tag, srcset_width: int | None) -> tuple[int | None, int | None]:
    """The chosen file's size: a srcset candidate's width wins over the attribute (which sizes the thumbnail
    shown), and the height scales with it."""
    width, height = _int(img.get("width")), _int(img.get("height"))
    if srcset_width and width and height and srcset_width != width:
        return srcset_width, round(height * srcset_width / width)
    return srcset_width or width, height


def page_base(soup: BeautifulSoup, url: str) -> str:
    base = soup.find("base", href=True)
    return urljoin(url, base["href"]) if base else url


def best_source(img: Tag, base: str) -> tuple[str | None, int | None]:
    """The largest srcset candidate, else the first real (non-placeholder) src attribute."""
    for attribute in SRCSET_ATTRIBUTES:
        candidates = parse_srcset(img.get(attribute) or "")
        if candidates:
            url, width = max(candidates, key=lambda pair: pair[1])
            return urljoin(base, url), int(width) if width > 10 else None
    for attribute in LAZY_SRC_ATTRIBUTES:
        value = (img.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return urljoin(base, value), None
    return _picture_source(img, base)


def _picture_source(img: Tag, base: str) -> tuple[str | None, int | None]:
    """An <img> with no source of its own inside <picture> (Medium): the largest candidate of the <source>s,
    preferring ones without a type (the universally readable format) over webp/avif."""
    picture = img.find_parent("picture")
    sources = picture.find_all("source", srcset=True) if picture is not None else []
    plain = [s for s in sources if not s.get("type")] or sources
    candidates = [c for source in plain for c in parse_srcset(source["srcset"])]
    if not candidates:
        return None, None
    url, width = max(candidates, key=lambda pair: pair[1])
    return urljoin(base, url), int(width) if width > 10 else None


def parse_srcset(srcset: str) -> list[tuple[str, float]]:
    return [
        (match.group(1), float(match.group(2) or 1))
        for match in _SRCSET_ITEM.finditer(srcset)
        if match.group(1) and not match.group(1).startswith("data:")
    ]


def caption_of(img: Tag) -> str | None:
    for container_selector, caption_selector in CAPTION_CONTAINERS:
        container = img.find_parent(lambda tag, sel=container_selector: tag.css.match(sel))
        if container is None:
            continue
        caption = container.select_one(caption_selector)
        if caption is not None:
            return _text(caption.get_text(" ", strip=True))
    return None


def _excluded(img: Tag) -> bool:
    src = " ".join(str(img.get(a) or "") for a in ("src", "data-src", "data-lazy-src")).lower()
    if any(_EXCLUDED_CLASS.search(c.lower()) for c in img.get("class") or []):
        return True
    if any(part in src for part in IMAGE_EXCLUDED_SRC):
        return True
    width, height = _int(img.get("width")), _int(img.get("height"))
    if (width is not None and width <= 2) or (height is not None and height <= 2):
        return True  # tracking pixel
    if width is not None and height is not None and width <= MAX_ICON_SIZE and height <= MAX_ICON_SIZE:
        return True  # avatars, icons, badges: a post's own pictures are larger
    return in_chrome(img)


def _int(value: object) -> int | None:
    match = re.match(r"\s*(\d+)", str(value)) if value is not None else None
    return int(match.group(1)) if match else None


def _text(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None
