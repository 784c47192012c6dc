"""What the test blogs' sources say each post is: its URL (by the engine's permalink rule), title, day, authors,
language, code blocks and text. Read from the front matter and Markdown in tests/sites/, never from the HTML the
engines built."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from tests.engines.sites import SOURCES

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)
_FENCE = re.compile(r"^```[\w-]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
_LIQUID_HIGHLIGHT = re.compile(r"{%\s*highlight\s+\w+\s*%}\n?(.*?){%\s*endhighlight\s*%}", re.DOTALL)
_SHORTCODE = re.compile(r"{{<\s*figure\s+(.*?)>}}", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_HUGO_LANGUAGE = re.compile(r"\.(de|ko)\.md$")
_MARKDOWN = MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True)
class TruthPost:
    path: str  # the URL's path, as the engine's permalink rule makes it
    title: str
    day: str  # YYYY-MM-DD, in the front matter's own offset
    authors: tuple[str, ...]
    language: str
    code: tuple[str, ...]  # the text of each code block
    text: str  # the post's text: Markdown rendered, tags stripped, figures' captions kept
    source: str  # the file, relative to tests/sites/


def truth(engine: str) -> list[TruthPost]:
    return {"hugo": hugo_posts, "jekyll": jekyll_posts}[engine]()


def hugo_posts() -> list[TruthPost]:
    """content/posts/*.md: permalink /:year/:month/:slug/ (config.toml), under /de/ or /ko/ for a post in
    another language (a file named *.de.md or *.ko.md; English is at the root)."""
    posts = []
    for path in sorted((SOURCES / "hugo" / "content" / "posts").glob("*.md")):
        meta, body = _read(path)
        language = match.group(1) if (match := _HUGO_LANGUAGE.search(path.name)) else "en"
        date = _date(meta["date"])
        prefix = "" if language == "en" else f"/{language}"
        url = f"{prefix}/{date:%Y}/{date:%m}/{meta['slug']}/"
        posts.append(_post(url, meta, body, language, path))
    return posts


def jekyll_posts() -> list[TruthPost]:
    """_posts/YYYY-MM-DD-title.md: permalink /:categories/:year/:month/:day/:title.html (_config.yml)."""
    posts = []
    for path in sorted((SOURCES / "jekyll" / "_posts").glob("*.md")):
        meta, body = _read(path)
        date = _date(meta["date"])
        title_slug = path.stem[len("YYYY-MM-DD-") :]
        url = "/" + "/".join([*meta.get("categories", []), f"{date:%Y/%m/%d}", f"{title_slug}.html"])
        posts.append(_post(url, meta, body, meta.get("lang", "en"), path))
    return posts


@dataclass(frozen=True)
class TruthPerson:
    name: str
    bio: str  # the text of their author page, as the source writes it
    path: str  # their author page's URL path


def people(engine: str) -> list[TruthPerson]:
    """The authors the sources describe: Hugo's content/authors/<slug>/_index.md (the authors taxonomy's term
    pages, /authors/<slug>/), Jekyll's _authors/<slug>.md (the authors collection, /authors/<slug>/)."""
    if engine == "hugo":
        files = sorted((SOURCES / "hugo" / "content" / "authors").glob("*/_index.md"))
        read = [(path.parent.name, _read(path)) for path in files]
        return [TruthPerson(meta["title"], _text(body), f"/authors/{slug}/") for slug, (meta, body) in read]
    files = sorted((SOURCES / "jekyll" / "_authors").glob("*.md"))
    read = [(path.stem, _read(path)) for path in files]
    return [TruthPerson(meta["name"], _text(body), f"/authors/{slug}/") for slug, (meta, body) in read]


def _read(path: Path) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(path.read_text("utf-8"))
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match.group(1)), match.group(2)


def _date(value: object) -> datetime:
    """A front-matter date (YAML reads some as datetimes, Jekyll's "2023-01-15 10:00:00 +0000" as text)."""
    if isinstance(value, datetime):
        return value
    return datetime.strptime(str(value), "%Y-%m-%d %H:%M:%S %z")


def _post(url: str, meta: dict, body: str, language: str, path: Path) -> TruthPost:
    authors = meta.get("authors") or [meta["author"]]
    code = [block.strip() for block in _FENCE.findall(body) + _LIQUID_HIGHLIGHT.findall(body)]
    return TruthPost(
        path=url,
        title=meta["title"],
        day=f"{_date(meta['date']):%Y-%m-%d}",
        authors=tuple(authors),
        language=language,
        code=tuple(code),
        text=_text(body),
        source=str(path.relative_to(SOURCES)),
    )


def _text(body: str) -> str:
    body = _SHORTCODE.sub(lambda m: dict(_ATTRIBUTE.findall(m.group(1))).get("caption", ""), body)
    body = _LIQUID_HIGHLIGHT.sub(lambda m: "\n```\n" + m.group(1) + "\n```\n", body)
    return " ".join(_TAG.sub(" ", _MARKDOWN.render(body)).split())
