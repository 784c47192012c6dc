"""The content of the Ghost test blog (scripts/ghost.sh start), as Ghost's own import file (Settings → Import, the
format of Ghost's export: posts in Lexical, its editor's document format, with the editor's cards) and the pictures
it shows, written to a folder:

    python3 content.py CONTENT_DIR IMPORT_JSON

Two authors with bios, avatars and websites; tags; a post with a feature image and its caption, image cards with
captions and a gallery; a post with a code card and a bookmark card; a post by both authors; a post of two
sentences; enough others that the home page has a second page on either bundled theme (Casper shows 25 posts a
page, Source 12); a page (Ghost's "page", not a post); a draft. Ghost's setup adds its own "Coming soon" post and
"About this site" page. Pictures are plain PNGs made here (no file comes from elsewhere)."""

from __future__ import annotations

import json
import struct
import sys
import zlib
from pathlib import Path

IMAGES = "__GHOST_URL__/content/images/2024/05"
FILLER_POSTS = 24  # with the four below and Ghost's "Coming soon", 29 posts: Casper's home has a second page


def png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    """A PNG of one colour fading to white, left to right."""
    row = bytes(c + (255 - c) * x // width for x in range(width) for c in colour)
    raw = b"".join(b"\0" + row for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


PICTURES = {
    "weir.png": (1200, 800, (40, 90, 140)),
    "heron.png": (800, 600, (90, 120, 60)),
    "reeds-1.png": (600, 400, (150, 130, 60)),
    "reeds-2.png": (600, 400, (120, 100, 40)),
    "reeds-3.png": (600, 400, (170, 150, 90)),
    "swifts.png": (1000, 500, (60, 60, 110)),
    "kit.png": (640, 480, (130, 70, 50)),
    "mira.png": (160, 160, (200, 80, 80)),
    "tomas.png": (160, 160, (80, 80, 200)),
}


def text(words: str, fmt: int = 0) -> dict:
    return {
        "detail": 0,
        "format": fmt,
        "mode": "normal",
        "style": "",
        "text": words,
        "type": "extended-text",
        "version": 1,
    }


def paragraph(*parts: dict | str) -> dict:
    children = [text(part) if isinstance(part, str) else part for part in parts]
    return {"children": children, "direction": "ltr", "format": "", "indent": 0, "type": "paragraph", "version": 1}


def heading(words: str, tag: str = "h2") -> dict:
    node = {**paragraph(words), "type": "extended-heading", "tag": tag}
    return node


def image(name: str, caption: str, alt: str, card_width: str = "regular") -> dict:
    width, height, _ = PICTURES[name]
    return {
        "type": "image",
        "version": 1,
        "src": f"{IMAGES}/{name}",
        "width": width,
        "height": height,
        "title": "",
        "alt": alt,
        "caption": caption,
        "cardWidth": card_width,
        "href": "",
    }


def lexical(*nodes: dict) -> str:
    root = {"children": list(nodes), "direction": "ltr", "format": "", "indent": 0, "type": "root", "version": 1}
    return json.dumps({"root": root})


MIRA, TOMAS = "6650a0000000000000000001", "6650a0000000000000000002"
BIRDS, RIVERS, KIT = "6650b0000000000000000001", "6650b0000000000000000002", "6650b0000000000000000003"

POSTS = [
    {
        "slug": "herons-at-the-weir",
        "title": "Herons at the Weir",
        "published_at": "2024-05-03T06:15:00.000Z",
        "authors": [MIRA],
        "tags": [BIRDS, RIVERS],
        "feature_image": f"{IMAGES}/weir.png",
        "feature_image_caption": 'The weir at dawn, <a href="https://example.org/weir">seen from the lock</a>',
        "feature_image_alt": "A river weir in morning light",
        "custom_excerpt": "Three grey herons waited below the weir for the water to drop.",
        "lexical": lexical(
            paragraph(
                "Three grey herons stood below the weir this morning, each on its own stone, each facing "
                "upstream into the spray while the water fell away after a week of rain."
            ),
            image("heron.png", "The oldest heron, <i>Ardea cinerea</i>, on the third stone", "A grey heron"),
            heading("Waiting for the level to drop"),
            paragraph(
                "They did not fish while the water was high. Once the level fell below the mark on the lock "
                "wall, the first one struck, and within ten minutes all three had eaten."
            ),
            {
                "type": "gallery",
                "version": 1,
                "caption": "Reeds along the tail race, three weeks apart",
                "images": [
                    {
                        "row": 0,
                        "src": f"{IMAGES}/{n}",
                        "width": 600,
                        "height": 400,
                        "fileName": n,
                        "caption": "",
                        "alt": f"Reeds {i}",
                        "title": "",
                    }
                    for i, n in enumerate(["reeds-1.png", "reeds-2.png", "reeds-3.png"], 1)
                ],
            },
            paragraph("The reeds along the tail race have grown a hand's width since the last visit."),
        ),
    },
    {
        "slug": "packing-a-field-kit",
        "title": "Packing a Field Kit",
        "published_at": "2024-05-10T17:40:00.000Z",
        "authors": [TOMAS],
        "tags": [KIT],
        "lexical": lexical(
            paragraph(
                "A field kit should fit in one bag and leave a hand free. This is the list I check before "
                "every walk along the river, kept as a small script so that it prints in the same order."
            ),
            {
                "type": "codeblock",
                "version": 1,
                "language": "python",
                "caption": "The packing list as a script",
                "code": 'KIT = ["notebook", "pencil", "binoculars", "tide table"]\n\nfor item in KIT:\n'
                '    print(f"[ ] {item}")\n',
            },
            paragraph("The binoculars matter most; everything else can be replaced at the village shop."),
            {
                "type": "bookmark",
                "version": 1,
                "url": "https://example.org/binoculars-guide",
                "caption": "A guide to choosing binoculars",
                "metadata": {
                    "url": "https://example.org/binoculars-guide",
                    "title": "Choosing Binoculars",
                    "description": "Magnification, weight and the field of view compared.",
                    "author": "R. Field",
                    "publisher": "Example Outdoors",
                    "thumbnail": "",
                    "icon": "",
                },
            },
            image("kit.png", "Everything in the bag, laid out on the table", "A field kit on a table"),
        ),
    },
    {
        "slug": "counting-swifts-together",
        "title": "Counting Swifts Together",
        "published_at": "2024-06-01T19:05:00.000Z",
        "authors": [MIRA, TOMAS],
        "tags": [BIRDS],
        "lexical": lexical(
            paragraph(
                "We counted the swifts over the old mill from the bridge, one of us on each side, and "
                "compared the tallies every five minutes."
            ),
            image("swifts.png", "Swifts over the mill roof at eight in the evening", "Swifts in the sky", "wide"),
            paragraph("The evening's highest count was forty-two, at a quarter past eight."),
        ),
    },
    {
        "slug": "fog",
        "title": "Fog",
        "published_at": "2024-06-04T05:30:00.000Z",
        "authors": [MIRA],
        "tags": [RIVERS],
        "lexical": lexical(paragraph("The river was gone under fog this morning. Only the herons knew where it was.")),
    },
]
POSTS += [
    {
        "slug": f"notebook-{n}",
        "title": f"Notebook, week {n}",
        "published_at": f"2024-0{1 + n // 10}-{1 + n % 10 * 2:02d}T09:{n:02d}:00.000Z",
        "authors": [MIRA if n % 2 else TOMAS],
        "tags": [[BIRDS], [RIVERS], [KIT], []][n % 4],
        "lexical": lexical(
            paragraph(
                f"Week {n} along the river: the water stood at mark {n + 3}, and {n * 2} birds were counted "
                "between the mill and the weir."
            ),
            paragraph(f"Notes for the next walk: check the nest boxes near post {n}, and bring the tide table."),
        ),
    }
    for n in range(1, FILLER_POSTS + 1)
]
PAGE = {
    "slug": "about-the-notes",
    "title": "About the Notes",
    "type": "page",
    "published_at": "2024-01-01T08:00:00.000Z",
    "authors": [MIRA],
    "tags": [],
    "lexical": lexical(paragraph("These notes are written by two people who walk the same river every week.")),
}
DRAFT = {
    "slug": "unfinished",
    "title": "Unfinished",
    "status": "draft",
    "authors": [TOMAS],
    "tags": [],
    "lexical": lexical(paragraph("Not published: this draft is no page of the blog.")),
}


def export() -> dict:
    """Ghost's import file of the blog."""
    posts, meta, posts_tags, posts_authors = [], [], [], []
    for number, post in enumerate([*POSTS, PAGE, DRAFT], 1):
        post_id = f"6650c{number:019d}"
        row = {
            k: v for k, v in post.items() if k not in ("authors", "tags", "feature_image_caption", "feature_image_alt")
        }
        posts.append(
            {
                "id": post_id,
                "type": "post",
                "status": "published",
                "visibility": "public",
                "created_at": post.get("published_at", "2024-06-05T10:00:00.000Z"),
                **row,
                "updated_at": post.get("published_at", "2024-06-05T10:00:00.000Z"),
            }
        )
        if "feature_image_caption" in post:
            meta.append(
                {
                    "post_id": post_id,
                    "feature_image_caption": post["feature_image_caption"],
                    "feature_image_alt": post["feature_image_alt"],
                }
            )
        posts_tags += [{"post_id": post_id, "tag_id": tag, "sort_order": i} for i, tag in enumerate(post["tags"])]
        posts_authors += [{"post_id": post_id, "author_id": a, "sort_order": i} for i, a in enumerate(post["authors"])]
    users = [
        {
            "id": MIRA,
            "name": "Mira Holt",
            "slug": "mira",
            "email": "mira@example.org",
            "status": "active",
            "bio": "Mira walks the river before work and writes down what the birds do.",
            "website": "https://mira.example.org",
            "location": "Lockside",
            "profile_image": f"{IMAGES}/mira.png",
        },
        {
            "id": TOMAS,
            "name": "Tomas Greve",
            "slug": "tomas",
            "email": "tomas@example.org",
            "status": "active",
            "bio": "Tomas keeps the kit in order and the tallies honest.",
            "website": "https://tomas.example.org",
            "location": "Millbank",
            "profile_image": f"{IMAGES}/tomas.png",
        },
    ]
    tags = [
        {"id": BIRDS, "name": "Birds", "slug": "birds", "description": "Herons, swifts and the rest."},
        {"id": RIVERS, "name": "Rivers", "slug": "rivers", "description": None},
        {"id": KIT, "name": "Field Kit", "slug": "field-kit", "description": None},
    ]
    roles = [{"id": "6650d0000000000000000001", "name": "Author"}]
    roles_users = [{"user_id": u["id"], "role_id": roles[0]["id"]} for u in users]
    data = {
        "posts": posts,
        "posts_meta": meta,
        "tags": tags,
        "users": users,
        "posts_tags": posts_tags,
        "posts_authors": posts_authors,
        "roles": roles,
        "roles_users": roles_users,
    }
    return {"db": [{"meta": {"exported_on": 1717500000000, "version": "5.130.4"}, "data": data}]}


def main(content_dir: str, import_json: str) -> None:
    folder = Path(content_dir) / "images" / "2024" / "05"
    folder.mkdir(parents=True, exist_ok=True)
    for name, (width, height, colour) in PICTURES.items():
        (folder / name).write_bytes(png(width, height, colour))
    Path(import_json).write_text(json.dumps(export(), indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:3])
