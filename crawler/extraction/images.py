"""The post's own images, in document order, with captions; lazy-loading resolved, chrome images excluded."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from crawler.extraction.article import Image
from crawler.extraction.page import HtmlElement, Page, ancestors_matching, detached, first, line_of, matches, text_of
from crawler.extraction.selectors import (
    AUTHOR_PICTURE_HOLDERS,
    CAPTION_CONTAINERS,
    COMMENT_ITEMS,
    FEATURED_IMAGES,
    IMAGE_EXCLUDED_CLASS,
    IMAGE_EXCLUDED_NAME,
    IMAGE_EXCLUDED_SRC,
    OTHER_POSTS,
    POST_THUMBNAILS,
    SHARE_BUTTONS,
    SHARE_ICON_CLASS,
    SHARE_ICON_SRC,
)
from crawler.extraction.verbatim import BOOKMARK_CARDS, FOOTNOTE_MARKS
from crawler.urls import joined

MAX_ICON_SIZE = 100  # pixels, both sides
# Where lazy loaders keep an image's address and sizes until a script sets them, the real ones first: WP Rocket's,
# lazysizes', jQuery Lazy Load's, Jetpack's, Blocksy's own (`data-lazy`, `data-lazy-set`: its featured images,
# related posts and avatars, a <noscript> copy after each).
LAZY_SRC_ATTRIBUTES = (
    "data-lazy-src",
    "data-src",
    "data-original",
    "data-orig-file",
    "data-url",
    "data-lazy",
    "src",
)
SRCSET_ATTRIBUTES = ("data-lazy-srcset", "data-srcset", "data-lazy-set", "srcset")
# A lazy loader's stand-in, by its file's name: the spinner or blank a script swaps for the image (Hexo's Fluid puts
# its /img/loading.gif in srcset, the image in src).
LAZY_PLACEHOLDER = r"placeholder|blank\.|spacer|transparent|pixel|1x1|lazy[-_]?load|loading\.(?:gif|svg)"
_LAZY_PLACEHOLDER = re.compile(LAZY_PLACEHOLDER, re.I)
# Wix's stand-in: a small blurred copy of the picture (its transform `…/v1/fill/w_147,h_83,…,blur_2,…/name`), which
# its image component's script replaces with a copy sized to the screen; the file itself is the address before /v1/
_WIX_BLURRED = re.compile(
    r"^(https?://static\.wixstatic\.com/media/[^/?#]+)/v1/(?:[^/?#]+/)*?[^/?#]*\bblur_\d+[^/?#]*/"
)
# A WordPress image plugin's WebP or AVIF copy of an upload, put in the upload's place in the page's <img> (WebP
# Express's "replace image URLs"): the upload's own address with ".webp" or ".avif" appended to its extension
# (photo-300x200.jpg.webp, the name EWWW gives its copies too), beside the upload or under WebP
# Express's folder of copies, which mirrors the site's — …/webp-express/webp-images/doc-root/ its document root,
# …/webp-images/uploads/ (themes/, plugins/) wp-content's folder of that name. The picture the post shows is the upload.
_CONVERTED_COPY = re.compile(r"^(?P<upload>[^?#]+\.(?:jpe?g|png|gif))\.(?:webp|avif)$", re.I)
_COPIES_OF_DOC_ROOT = re.compile(r"^/(?:[^/]+/)*?webp-express/webp-images/doc-root/")
_COPIES_OF_CONTENT = re.compile(r"/webp-express/webp-images/(?=(?:uploads|themes|plugins)/)")
_EXCLUDED_CLASS = re.compile(IMAGE_EXCLUDED_CLASS)
_EXCLUDED_NAME = re.compile(IMAGE_EXCLUDED_NAME)
_SHARE_CLASS = re.compile(SHARE_ICON_CLASS)
_SHARE_SRC = re.compile(SHARE_ICON_SRC, re.I)
_WORD = re.compile(r"\w")
_STYLED_SIDE = re.compile(r"(?:^|;)\s*(?:width|height)\s*:\s*(\d+(?:\.\d+)?)px", re.I)
_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)(?:\?|$)", re.I)
# WordPress's intermediate size of an upload: the file's name with "-{width}x{height}" before its extension (its
# "thumbnail" size a square crop); the original's name without it, "-scaled" where WordPress scaled a large upload
_WP_SIZE = re.compile(r"^(?P<stem>[^?#]+)-\d+x\d+(?P<ext>\.(?:jpe?g|png|gif|webp|avif))$", re.I)
# Where WordPress keeps an upload beside its sizes: its uploads folder, WordPress.com's file hosts. A size's name
# elsewhere (a blog moved from WordPress to a static generator, its posts still linking the originals it never
# copied: /images/lan_3.png beside the /images/lan_3-300x198.png it shows) names no file the site serves.
_WP_UPLOADS = re.compile(r"/wp-content/uploads/|^https?://[^/?#]*(?:files\.wordpress\.com|\.wp\.com)/", re.I)
# Serendipity's thumbnail of an upload beside the upload itself in its uploads folder (serendipity_config's
# uploadPath, "uploads/"): the file's name with ".serendipityThumb" (its thumbSuffix) before its extension; its
# media library inserts the thumbnail inside an a.serendipity_image_link to the file.
_S9Y_THUMB = re.compile(r"^(?P<stem>[^?#]+)\.serendipityThumb(?P<ext>\.(?:jpe?g|png|gif|webp|avif))$", re.I)
_S9Y_UPLOADS = re.compile(r"/uploads/", re.I)
# Each engine's copy of an upload at a smaller size, where the engine keeps the upload, and the upload's names
_SIZE_COPIES = ((_WP_SIZE, _WP_UPLOADS, ("", "-scaled")), (_S9Y_THUMB, _S9Y_UPLOADS, ("",)))
_SRCSET_ITEM = re.compile(r"\s*(\S+)\s*(?:(\d+(?:\.\d+)?)([wx]))?\s*(?:,|$)")
# Share buttons' icons: inside a link to a share endpoint, or named like one.
SHARE_HREF = re.compile(
    r"(?:facebook\.com/sharer|twitter\.com/(?:intent|share)|x\.com/intent"
    r"|pinterest\.\w+/pin/create|linkedin\.com/share|wa\.me/|api\.whatsapp"
    r"|reddit\.com/submit|mailto:\?)",
    re.I,
)


def find_images(page: Page, root: HtmlElement | None) -> list[Image]:
    """`root`: the post's body container (find_content_root)."""
    return [image for _, image in placed_images(page, root)]


def placed_images(
    page: Page, root: HtmlElement | None, holder: HtmlElement | None = None
) -> list[tuple[HtmlElement, Image]]:
    """The post's images, each with the <img> it was read from (markdown_images.py places it by that element).
    `holder`: the element that holds the post's text where `root` does not (content.body_holder) — its pictures
    are the post's too, in page order with the root's (a lead photo in the root above the text stays one)."""
    if root is None or holder is not None and holder in root.iterancestors():
        root, holder = holder, None
    if root is None:
        return []
    # The <article> around the body also holds the post's feature image (Ghost, many themes put it in the
    # header); the chrome inside it (share bars, related posts, author box) is excluded image by image.
    root = next(root.iterancestors("article"), root)
    base, share_buttons = page.base, frozenset(page.select(SHARE_BUTTONS, root))
    found = [*_featured_outside(page, root), *root.iter("img")]
    # the holder's pictures, widened to its <article> as the root is, and the root's: once each where the two
    # overlap (one holds the other), in page order
    if holder is not None and (holder := next(holder.iterancestors("article"), holder)) is not root:
        share_buttons |= frozenset(page.select(SHARE_BUTTONS, holder))
        order = {img: index for index, img in enumerate(page.tree.iter("img"))}
        found = sorted({*found, *holder.iter("img")}, key=order.__getitem__)
    comments = frozenset(page.select_unordered(COMMENT_ITEMS)) if found else frozenset()
    candidates = [(img, *best_source(img, base)) for img in found if not _excluded(img, page, share_buttons, comments)]
    scripted = {img: src for img, src, _ in candidates if src and not _in_noscript(img)}
    images: list[tuple[HtmlElement, Image]] = []
    seen: dict[str, Image] = {}
    for img, src, srcset_width in candidates:
        if not src or _noscript_copy(img, src, scripted, base):
            continue
        width, height = _dimensions(img, srcset_width)
        if srcset_width is None and (original := _linked_original(img, src, base)):
            src, width, height = original, None, None  # the linked file: the <img>'s size is its crop's
        caption = caption_of(img)
        if src in seen and not _captioned_anew(seen[src].caption, caption):
            # the same picture again: one image, with the caption one of its showings gives it
            seen[src].caption = seen[src].caption or caption
            continue
        seen[src] = Image(
            src=src,
            position=len(images) + 1,
            alt=_text(img.get("alt")),
            title=_text(img.get("title")),
            caption=caption,
            width=width,
            height=height,
        )
        images.append((img, seen[src]))
    return images


def _linked_original(img: HtmlElement, src: str, base: str) -> str | None:
    """The picture file the <img> links to where its source is WordPress's intermediate size of that file (_WP_SIZE)
    and no srcset offers a larger one: a gallery's thumbnails (`[gallery link="file"]`, the gallery block's "link
    to media file") and an image inserted at its "Thumbnail" size linked to its "Media File" show a crop — 150×150
    pixels of the picture, a square — that WordPress prints without a srcset (no other size has its shape). Only
    where WordPress keeps the upload (_WP_UPLOADS). So Serendipity's thumbnail linked to its upload (_S9Y_THUMB)."""
    link = next(img.iterancestors("a"), None)
    href = joined(base, link.get("href")) if link is not None else None
    if not href:
        return None
    for copy, uploads, names in _SIZE_COPIES:
        if uploads.search(href) and (size := copy.match(src)):
            stem, ext = size.group("stem"), size.group("ext")
            return href if href.split("#")[0] in [stem + name + ext for name in names] else None
    return None


def _captioned_anew(first: str | None, again: str | None) -> bool:
    """A picture shown again under a caption of its own: a photo a post shows twice, each time captioned for what
    it shows there, is two images. Not the same words again, or more or fewer of them (a teaser's picture
    repeated with its title and a "Read more" after it)."""
    return bool(first and again and first not in again and again not in first)


def _featured_outside(page: Page, root: HtmlElement) -> list[HtmlElement]:
    """The post's featured image printed before its body, outside it and outside any <article> (block themes); or,
    where the post is an <article>, WordPress's one featured image outside every <article> (Twenty Seventeen and
    Nineteen print it above the post, in the site's header) — not a widget's, not another post's teaser (linked
    to that post), and none where several such stand (a slider of posts)."""
    others = page.select_unordered(OTHER_POSTS)
    if next(root.iterancestors("article"), None) is not None or root.tag == "article":
        found = [
            img
            for img in page.select(POST_THUMBNAILS)
            if next(img.iterancestors("article"), None) is None
            and not any(node in others for node in img.iterancestors())
            and not page.in_chrome(img)
            and not _linked_elsewhere(img, page)
        ]
        return found if len(found) == 1 else []
    return [
        img
        for img in page.select(FEATURED_IMAGES)
        if root not in img.iterancestors() and not any(node in others for node in img.iterancestors())
    ][:1]


def _linked_elsewhere(img: HtmlElement, page: Page) -> bool:
    """Inside a link to another page than this one and than a picture file: a teaser of another post."""
    link = next(img.iterancestors("a"), None)
    href = joined(page.base, link.get("href")) if link is not None else None
    if not href:
        return False
    target = href.split("#")[0]
    return target.rstrip("/") != page.url.split("#")[0].rstrip("/") and not _PICTURE_FILE.search(target)


def _in_noscript(img: HtmlElement) -> bool:
    return next(img.iterancestors("noscript"), None) is not None


def _noscript_copy(img: HtmlElement, src: str, scripted: dict[HtmlElement, str], base: str) -> bool:
    """The <noscript> copy of the lazy <img> beside it: one showing of the picture, read from the scripted <img>,
    which carries the sizes. Lazy-load plugins print the copy for readers without script right before the
    scripted <img> (Autoptimize) or right after it (a3 Lazy Load, Smush, Jetpack). A copy with no scripted twin
    beside it is a showing of its own — the featured image's, where the same picture is shown again in the post:
    matched by its source anywhere, a lazy featured image was lost to its second showing and the post's first
    image was another. The copy may ask the site's resizer for another size of the file by its query (an Umbraco
    site's `…/photo.jpg?width=2280&quality=100` beside the scripted srcset's `?width=1476`): the same file; or
    show another of the files the scripted <img> offers (Blocksy's copy shows the `data-lazy` file, the scripted
    <img> is read as its `data-lazy-set`'s largest)."""
    if (noscript := next(img.iterancestors("noscript"), None)) is None:
        return False
    twins = (noscript.getprevious(), noscript.getnext())
    file = src.split("?")[0]
    return any(
        other in scripted and file in _offered_files(other, scripted[other], base)
        for twin in twins
        if twin is not None
        for other in twin.iter("img")
    )


def _offered_files(img: HtmlElement, chosen: str, base: str) -> set[str]:
    """The file read from a scripted <img> (`chosen`) and every file it names in its source and srcset attributes,
    lazy or not, each without its query."""
    named = [img.get(attribute) or "" for attribute in LAZY_SRC_ATTRIBUTES]
    named += [url for attribute in SRCSET_ATTRIBUTES for url, _ in parse_srcset(img.get(attribute) or "")]
    files = {(joined(base, url.strip()) or "").split("?")[0] for url in named if url.strip()}
    return (files | {chosen.split("?")[0]}) - {""}


def _dimensions(img: HtmlElement, srcset_width: int | None) -> tuple[int | None, int | None]:
    """The chosen file's size: a srcset candidate's width wins over the attribute (which sizes the thumbnail
    shown), and the height scales with it."""
    width, height = _int(img.get("width")), _int(img.get("height"))
    if srcset_width and width and height and srcset_width != width:
        return srcset_width, round(height * srcset_width / width)
    return srcset_width or width, height


def best_source(img: HtmlElement, base: str) -> tuple[str | None, int | None]:
    """The largest srcset candidate, else the first src attribute that is no data: URI; an address urllib cannot
    read is passed over for the next, and a lazy loader's stand-in (LAZY_PLACEHOLDER) for any other source."""
    sources = []
    for attribute in SRCSET_ATTRIBUTES:
        if candidates := parse_srcset(img.get(attribute) or ""):
            url, width = max(candidates, key=lambda pair: pair[1])
            sources.append((joined(base, url), int(width) if width > 10 else None))
    for attribute in LAZY_SRC_ATTRIBUTES:
        value = (img.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            sources.append((joined(base, value), None))
    readable = [_unblurred(_upload_of_copy(url), width) for url, width in sources if url is not None]
    real = [(url, width) for url, width in readable if not _LAZY_PLACEHOLDER.search(url)]
    return next(iter(real or readable), None) or _picture_source(img, base)


def _unblurred(url: str, width: int | None) -> tuple[str, int | None]:
    """The picture a Wix blurred stand-in (_WIX_BLURRED) stands for, at its own size; any other source as it is."""
    if match := _WIX_BLURRED.match(url):
        return match.group(1), None
    return url, width


def _upload_of_copy(url: str) -> str:
    """The upload an image plugin's WebP or AVIF copy (_CONVERTED_COPY) was made from; any other address as it is."""
    if not (copy := _CONVERTED_COPY.match(url)):
        return url
    upload = urlsplit(copy.group("upload"))
    path = _COPIES_OF_CONTENT.sub("/", _COPIES_OF_DOC_ROOT.sub("/", upload.path, count=1), count=1)
    return upload._replace(path=path).geturl()


def _picture_source(img: HtmlElement, base: str) -> tuple[str | None, int | None]:
    """An <img> with no source of its own inside <picture> (Medium): the largest candidate of the <source>s,
    preferring ones without a type (the universally readable format) over webp/avif."""
    picture = next(img.iterancestors("picture"), None)
    sources = [s for s in picture.iter("source") if s.get("srcset")] if picture is not None else []
    plain = [s for s in sources if not s.get("type")] or sources
    candidates = [c for source in plain for c in parse_srcset(source.get("srcset"))]
    if not candidates:
        return None, None
    url, width = max(candidates, key=lambda pair: pair[1])
    return joined(base, url), int(width) if width > 10 else None


def parse_srcset(srcset: str) -> list[tuple[str, float]]:
    return [
        (match.group(1), float(match.group(2) or 1))
        for match in _SRCSET_ITEM.finditer(srcset)
        if match.group(1) and not match.group(1).startswith("data:")
    ]


MAX_CAPTION_CHARS = 300  # an emphasised line under a picture longer than this is prose, not its caption


def caption_of(img: HtmlElement) -> str | None:
    for container_selector, caption_selector in CAPTION_CONTAINERS:
        if not (containers := ancestors_matching(img, container_selector)):
            continue
        container = containers[-1]
        caption = first(container, caption_selector)
        if caption is not None:
            return _text(_caption_text(caption))
    line = emphasised_line_under(img)
    return None if line is None else _text(text_of(line))


def _caption_text(caption: HtmlElement) -> str:
    """The caption's words without its permalink anchor, nor the mark of a footnote it refers to: Pandoc's
    `<a class="footnote-ref" role="doc-noteref"><sup>1</sup></a>` (R's distill, Quarto), Python-Markdown's and
    kramdown's (verbatim.FOOTNOTE_MARKS), which left "… her favicon. 1". Its words as a line (line_of): a caption
    with a word in italics before a comma, as Ghost's editor writes a species' name, was stored "Ardea cinerea , on"."""
    marks = [e for e in caption.iterdescendants() if matches(e, FOOTNOTE_MARKS)]
    if not (anchors := permalink_anchors(caption) + marks):
        return line_of(caption)
    with detached(anchors):
        return line_of(caption)


def permalink_anchors(caption: HtmlElement) -> list[HtmlElement]:
    """A caption's links to a place in the page with no word of their own: Sphinx's `<a class="headerlink"
    href="#id1">#</a>` after a figure's caption, a ¶."""
    return [a for a in caption.iter("a") if (a.get("href") or "").startswith("#") and not _WORD.search(text_of(a))]


def emphasised_line_under(img: HtmlElement) -> HtmlElement | None:
    """Markdown's caption: the picture alone in its paragraph (in a link or not), then one emphasised line — in the
    same paragraph (`![…](…)` and `*caption*` on the next line) or as the next paragraph, nothing else in it: the
    <em> or <i> of that line."""
    picture = img.getparent() if img.getparent() is not None and img.getparent().tag == "a" else img
    paragraph = picture.getparent()
    if paragraph is None or paragraph.tag != "p" or (paragraph.text or "").strip():
        return None
    after = [child for child in paragraph if child is not picture and child.tag != "br"]
    if picture.getprevious() is not None or any((c.tail or "").strip() for c in (picture, *paragraph)):
        return None
    if not after:  # the picture alone: the caption is the next paragraph, if that is one emphasised line
        following = paragraph.getnext()
        if following is None or following.tag != "p" or (following.text or "").strip() or len(following) != 1:
            return None
        after = list(following)
        if (after[0].tail or "").strip():
            return None
    if len(after) != 1 or after[0].tag not in ("em", "i") or len(text_of(after[0])) > MAX_CAPTION_CHARS:
        return None
    return after[0]


def _excluded(
    img: HtmlElement, page: Page, share_buttons: frozenset[HtmlElement], comments: frozenset[HtmlElement]
) -> bool:
    src = " ".join(str(img.get(a) or "") for a in ("src", "data-src", "data-lazy-src")).lower()
    if any(_EXCLUDED_CLASS.search(c.lower()) for c in (img.get("class") or "").split()):
        return True
    if any("avatar" in (holder.get("class") or "").lower() for holder in _holding_it_alone(img)):
        return True  # an author box's portrait, classed on its wrapper: `div.prk_author_avatar > a > img`
    if "hidden" in page.names.attributes and any("hidden" in node.attrib for node in (img, *img.iterancestors())):
        return True  # shown to no reader: a theme's hidden h-entry for microformats parsers (Eleventy Excellent)
    excluded_src = any(part in src for part in IMAGE_EXCLUDED_SRC) or _EXCLUDED_NAME.search(src)
    if _is_share_icon(img, src, share_buttons) or excluded_src:
        return True
    if ancestors_matching(img, AUTHOR_PICTURE_HOLDERS):
        return True  # the author's picture in the post's microdata byline
    if not comments.isdisjoint(img.iterancestors()):
        return True  # a commenter's avatar where the <article> holds the comments (Emlog's default theme): theirs
    if ancestors_matching(img, BOOKMARK_CARDS):
        return True  # the linked page's thumbnail in Ghost's bookmark card: its metadata, no picture of the post
    width, height = _int(img.get("width")), _int(img.get("height"))
    if (width is not None and width <= 2) or (height is not None and height <= 2) or _styled_dot(img):
        return True  # tracking pixel
    small = width is not None and height is not None and width <= MAX_ICON_SIZE and height <= MAX_ICON_SIZE
    if small and caption_of(img) is None:
        return True  # avatars, icons, badges: a post's own pictures are larger, or captioned (a thumbnail, a chart)
    return page.in_chrome(img)


def _holding_it_alone(img: HtmlElement) -> Iterator[HtmlElement]:
    """The elements around the <img> that hold it and nothing else (its link, its wrapper), innermost first."""
    node = img
    while (parent := node.getparent()) is not None and len(parent) == 1 and not text_of(parent):
        yield parent
        node = parent


def _styled_dot(img: HtmlElement) -> bool:
    """Shown two pixels wide or high by its inline style (`style="width: 1px; height: 1px"`): a tracker sized so
    rather than by its attributes (Reddit's render-timing pixel)."""
    return any(float(side) <= 2 for side in _STYLED_SIDE.findall(img.get("style") or ""))


def _is_share_icon(img: HtmlElement, src: str, share_buttons: frozenset[HtmlElement]) -> bool:
    """A share button's icon: linked to a share endpoint, inside a share bar, or named like one. Such icons
    rarely carry width and height, so the icon-size test alone misses them."""
    link = next(img.iterancestors("a"), None)
    if link is not None and SHARE_HREF.search(link.get("href") or ""):
        return True
    if any(_SHARE_CLASS.search(c.lower()) for c in (img.get("class") or "").split()):
        return True
    if share_buttons and any(node in share_buttons for node in img.iterancestors()):
        return True
    if any(size and size > MAX_ICON_SIZE for size in (_int(img.get("width")), _int(img.get("height")))):
        return False
    return any(_SHARE_SRC.search(part.split("#")[0]) for part in src.split())


def _int(value: object) -> int | None:
    """A width or height attribute's pixels; None for a percentage (`width="50%"`, of the space the picture stands
    in, which HTML allows and browsers honour): no size in pixels, never an icon's."""
    match = re.match(r"\s*(\d+)", str(value)) if value is not None else None
    return int(match.group(1)) if match and not str(value).strip().endswith("%") else None


def _text(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None
