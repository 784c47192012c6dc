"""An author's picture as an <img> gives it: its real source, never a placeholder or a folder.

Lazy-loading themes put the picture in `data-src`/`data-lazy-src`/`srcset` and a placeholder in `src`, or the real
`<img>` in a `<noscript>` beside a scripted one; the best srcset candidate is taken (images.best_source). What is
no picture of the person is refused by convention, not by page: data: URIs, 1×1 pixels, files named as defaults
("default-avatar", "mystery-man", Blogger's "anon36.png"), a Gravatar URL without a hash or with a forced default
(f=y, forcedefault=y), and URLs that name a folder. Gravatar serves one picture at any size (`s=`/`size=`): the
size is dropped so a person shown at 48 px on posts and 96 px on their author page has one avatar URL; so is the
size path of Ghost's (/size/w100/) and Wix's (/v1/fill/w_32,h_32/…) resized copies.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.extraction.images import LAZY_PLACEHOLDER, best_source
from crawler.extraction.page import HtmlElement

_PLACEHOLDER = re.compile(
    LAZY_PLACEHOLDER
    + r"|default[-_]?(?:avatar|user|profile|author)|(?:avatar|user|profile)[-_]?default|no[-_]?avatar|mystery[-_]?man"
    r"|/anon(?:ymous)?\d*\.(?:png|gif|jpe?g|svg)"
)
_GRAVATAR_HOST = re.compile(r"(?:^|\.)gravatar\.com$")
_GRAVATAR_HASH = re.compile(r"^/avatar/(\w+)(?:\.\w+)?$")
_EMPTY_EMAIL = "d41d8cd98f00b204e9800998ecf8427e"  # md5(""): WordPress's hash for a user without an address
_GRAVATAR_SIZE = {"s", "size"}
_FORCED_DEFAULT = {("f", "y"), ("forcedefault", "y"), ("forcedefault", "1"), ("f", "1")}
# Image services that serve one picture at any size under a size-naming path (their documented URL schemes).
_SIZED_COPIES = (
    (re.compile(r"/content/images/size/w\d+(?:h\d+)?/"), "/content/images/"),  # Ghost
    (re.compile(r"(static\.wixstatic\.com/media/[^/]+)/v1/.*$"), r"\1"),  # Wix
)
_MIN_SIDE = 2  # pixels: an image this small or smaller on a side is a tracking pixel or spacer


def avatar_url(img: HtmlElement, base: str) -> str | None:
    """The picture `img` shows of a person, as an absolute URL; None for a placeholder or no picture."""
    if any((side := _int(img.get(a))) is not None and side < _MIN_SIDE for a in ("width", "height")):
        return None
    source = best_source(img, base)[0]
    if not source or not source.startswith(("http://", "https://")):
        return None
    return normalised(source)


def normalised(url: str) -> str | None:
    """`url` as one person's avatar: Gravatar without its size; None for a placeholder, a default or a folder."""
    parts = urlsplit(url)
    if _PLACEHOLDER.search(url.lower()) or not parts.path.strip("/") or parts.path.endswith("/"):
        return None
    if not _GRAVATAR_HOST.search(parts.netloc.lower()):
        return _unsized(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    found = _GRAVATAR_HASH.match(parts.path)
    if not found or found.group(1) == _EMPTY_EMAIL or any((k, v.lower()) in _FORCED_DEFAULT for k, v in query):
        return None  # Gravatar's default picture (no hash, or forced): the site's placeholder, nobody's face
    kept = urlencode([(k, v) for k, v in query if k not in _GRAVATAR_SIZE])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, kept, ""))


def _unsized(url: str) -> str:
    """The original of a platform's resized copy: Ghost's /content/images/size/w100/…, Wix's …/v1/fill/w_32,h_32/…"""
    for pattern, replacement in _SIZED_COPIES:
        url = pattern.sub(replacement, url)
    return url


def _int(value: str | None) -> int | None:
    match = re.match(r"\s*(\d+)", value or "")
    return int(match.group(1)) if match else None
