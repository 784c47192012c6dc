"""What the test blogs' sources say each post is: its URL (by the engine's permalink rule), title, day, authors,
language, code blocks and text (and, for chronicle's, nanoc's, Pelican's, Hexo's and MkDocs Material's, its
paragraphs, tags, pictures and comments). Read from the front matter, Markdown, reST and ikiwiki's directives in
tests/sites/, never from the HTML the engines built."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from markdown_it import MarkdownIt

from tests.engines.sites import SOURCES

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)
_FENCE = re.compile(r"^```[\w-]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
_PRE = re.compile(r"<pre><code[^>]*>(.*?)</code></pre>", re.DOTALL)
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_FIGURE = re.compile(r'<img src="([^"]+)"[^>]*>\s*<figcaption>(.*?)</figcaption>', re.DOTALL)
_CHRONICLE_HEADER = re.compile(r"\A((?:\w+: [^\n]*\n)+)\n(.*)\Z", re.DOTALL)
_LIQUID_HIGHLIGHT = re.compile(r"{%\s*highlight\s+\w+\s*%}\n?(.*?){%\s*endhighlight\s*%}", re.DOTALL)
_SHORTCODE = re.compile(r"{{<\s*figure\s+(.*?)>}}", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
_HUGO_LANGUAGE = re.compile(r"\.(de|ko)\.md$")
_MARKDOWN = MarkdownIt("commonmark").enable("table")
_PELICAN_SETTING = re.compile(r'^([A-Z_]+) = "(.*)"$', re.MULTILINE)
_PELICAN_MARKDOWN = re.compile(r"\A((?:\w+: [^\n]*\n)+)\n(.*)\Z", re.DOTALL)
_PELICAN_REST = re.compile(r"\A([^\n]+)\n#+\n\n((?::\w+: [^\n]*\n)+)\n(.*)\Z", re.DOTALL)


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
    tags: tuple[str, ...] = ()  # chronicle's, nanoc's and Pelican's posts
    pictures: tuple[tuple[str, str], ...] = ()  # (src, caption) of each figure, chronicle's, nanoc's and Pelican's
    comments: tuple[TruthComment, ...] = ()  # chronicle's
    paragraphs: tuple[str, ...] = ()  # the text of each paragraph, chronicle's, nanoc's and Pelican's posts
    categories: tuple[str, ...] = ()  # Pelican's (one each)
    offset: str = ""  # the UTC offset of the post's time where it was written ("+02:00"), Pelican's and ikiwiki's
    time: str = ""  # the post's time on the site's clock, ISO 8601 with its offset: ikiwiki's (its setup's timezone)
    updated: str | None = None  # when the post last changed, ISO 8601 with its offset: Pelican's Modified
    moment: datetime | None = None  # the post's time, as the front matter gives it with its offset: Hexo's, MkDocs'
    people: tuple[TruthPerson, ...] = ()  # the authors as .authors.yml describes them: MkDocs Material's


@dataclass(frozen=True)
class TruthComment:
    author: str
    time: str  # YYYY-MM-DDTHH:MM:SS, as the comment file's name says
    text: str


def truth(engine: str) -> list[TruthPost]:
    readers = {"hugo": hugo_posts, "jekyll": jekyll_posts, "chronicle": chronicle_posts, "nanoc": nanoc_posts}
    readers |= {"pelican": pelican_posts, "ikiwiki": ikiwiki_posts, "hexo": hexo_posts}
    return {**readers, "mkdocs-material": mkdocs_material_posts}[engine]()


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


def chronicle_posts() -> list[TruthPost]:
    """blog/*.txt, chronicle's entries: "Title:", "Tags:" and "Date:" lines, a blank line, Markdown (Markdown.pl's:
    indented code blocks). Each is written to /<its title, every character but a letter or digit "_">.html, its
    comments are comments/<that name without .html>.<DD-Month-YYYY-HH:MM:SS> ("Name:", "Mail:", the text)."""
    posts = []
    source = SOURCES / "chronicle"
    for path in sorted((source / "blog").glob("*.txt")):
        match = _CHRONICLE_HEADER.match(path.read_text("utf-8"))
        assert match, f"{path}: no header"
        meta = dict(line.split(": ", 1) for line in match.group(1).splitlines())
        body = match.group(2)
        name = re.sub(r"[^a-zA-Z0-9]", "_", meta["Title"])
        comments = []
        for comment in sorted((source / "comments").glob(f"{name}.*")):
            lines = comment.read_text("utf-8").splitlines()
            when = datetime.strptime(comment.name.rsplit(".", 1)[1], "%d-%B-%Y-%H:%M:%S")
            author = next(line[len("Name: ") :] for line in lines if line.startswith("Name: "))
            text = " ".join(line for line in lines if not line.startswith(("Name: ", "Mail: ")))
            comments.append(TruthComment(author, f"{when:%Y-%m-%dT%H:%M:%S}", text))
        posts.append(
            TruthPost(
                path=f"/{name}.html",
                title=meta["Title"],
                day=f"{datetime.strptime(meta['Date'], '%d %B %Y %H:%M:%S'):%Y-%m-%d}",
                authors=(),
                language="en",
                code=_code(body),
                text=_text(body),
                source=str(path.relative_to(SOURCES)),
                tags=tuple(tag.strip() for tag in meta["Tags"].split(",")),
                pictures=tuple(_FIGURE.findall(body)),
                comments=tuple(comments),
                paragraphs=_paragraphs(body),
            )
        )
    return posts


def nanoc_posts() -> list[TruthPost]:
    """content/posts/*.md, nanoc's Blogging helper's articles (kind: article, created_at), written to
    /posts/<name>/ (Rules), Markdown as kramdown reads it (code in kramdown's ~~~ fences)."""
    posts = []
    for path in sorted((SOURCES / "nanoc" / "content" / "posts").glob("*.md")):
        meta, body = _read(path)
        post = _post(f"/posts/{path.stem}/", {**meta, "date": meta["created_at"]}, body, "en", path)
        posts.append(
            replace(
                post,
                code=_code(body),
                tags=tuple(meta["tags"]),
                pictures=tuple(_FIGURE.findall(body)),
                paragraphs=_paragraphs(body),
            )
        )
    return posts


def pelican_posts() -> list[TruthPost]:
    """content/*.md and content/*.rst, Pelican's articles (content/pages/ holds its pages): Markdown's "Key: value"
    lines or reST's title and field list, then the body. Each is written to /posts/<its day>/<slug>/ (ARTICLE_URL),
    or /posts/<its day>/<slug>-<lang>/ in another language than DEFAULT_LANG (ARTICLE_LANG_URL), its time read in
    TIMEZONE (its Modified time too); a post naming no author is AUTHOR's."""
    source = SOURCES / "pelican"
    settings = dict(_PELICAN_SETTING.findall((source / "pelicanconf.py").read_text("utf-8")))
    posts = []
    for path in sorted((source / "content").glob("*.*")):
        text = path.read_text("utf-8")
        if path.suffix == ".rst":
            match = _PELICAN_REST.match(text)
            assert match, f"{path}: no title and fields"
            meta = {"title": match.group(1), **{k: v for k, v in re.findall(r"^:(\w+): (.*)$", match.group(2), re.M)}}
            paragraphs, pictures = _rest(match.group(3))
            code: tuple[str, ...] = ()
            body_text = " ".join(paragraphs)
        else:
            match = _PELICAN_MARKDOWN.match(text)
            assert match, f"{path}: no metadata"
            meta = {k.lower(): v for k, v in (line.split(": ", 1) for line in match.group(1).splitlines())}
            paragraphs, pictures, code = _paragraphs(match.group(2)), (), _code(match.group(2))
            body_text = _text(match.group(2))
        zone = ZoneInfo(settings["TIMEZONE"])
        date = datetime.strptime(meta["date"], "%Y-%m-%d %H:%M").replace(tzinfo=zone)
        modified = (
            datetime.strptime(meta["modified"], "%Y-%m-%d %H:%M").replace(tzinfo=zone) if "modified" in meta else None
        )
        language = meta.get("lang", settings["DEFAULT_LANG"])
        slug = meta["slug"] if language == settings["DEFAULT_LANG"] else f"{meta['slug']}-{language}"
        offset = date.strftime("%z")
        posts.append(
            TruthPost(
                path=f"/posts/{date:%Y/%m/%d}/{slug}/",
                title=meta["title"],
                day=f"{date:%Y-%m-%d}",
                authors=tuple(meta["authors"].split(", ")) if "authors" in meta else (settings["AUTHOR"],),
                language=language,
                code=code,
                text=body_text,
                source=str(path.relative_to(SOURCES)),
                tags=tuple(meta["tags"].split(", ")),
                pictures=pictures,
                paragraphs=paragraphs,
                categories=(meta["category"],),
                offset=f"{offset[:3]}:{offset[3:]}",
                updated=modified.isoformat() if modified else None,
            )
        )
    return posts


def hexo_posts() -> list[TruthPost]:
    """source/_posts/*.md, Hexo's posts (source/about/ is a page): front matter with a date and its offset, tags,
    categories and a `lang` where the post is not in _config.yml's language; written to /:year/:month/:day/:title/
    (permalink, :title the file's name), the day in UTC (the build's clock: _config.yml sets no timezone). Each is by
    _config.yml's author, the one Hexo's open_graph helper names; its pictures are Markdown images, whose alt the
    default theme's script shows as the caption (the HTML has none)."""
    source = SOURCES / "hexo"
    config = yaml.safe_load((source / "_config.yml").read_text("utf-8"))
    posts = []
    for path in sorted((source / "source" / "_posts").glob("*.md")):
        meta, body = _read(path)
        time = _date(meta["date"])
        posts.append(
            TruthPost(
                path=f"/{time.astimezone(ZoneInfo('UTC')):%Y/%m/%d}/{path.stem}/",
                title=meta["title"],
                day=f"{time:%Y-%m-%d}",
                authors=(config["author"],),
                language=meta.get("lang", config["language"]),
                code=_code(body),
                text=_text(body),
                source=str(path.relative_to(SOURCES)),
                tags=tuple(meta["tags"]),
                pictures=tuple((src, alt) for alt, src in _MARKDOWN_IMAGE.findall(body)),
                paragraphs=_paragraphs(body),
                categories=tuple(meta["categories"]),
                moment=time,
            )
        )
    return posts


_IKIWIKI_DIRECTIVE = re.compile(r"\[\[!(\w+)\s+(.*?)\]\]\n?", re.DOTALL)
_IKIWIKI_PARAMETER = re.compile(r'(?:(\w+)=)?(?:"([^"]*)"|(\S+))')
_IKIWIKI_LANGUAGE = re.compile(r"\A<!-- language: (\w+) -->\n")


def ikiwiki_posts() -> list[TruthPost]:
    """src/posts/*.mdwn, the pages the blog's index inlines: [[!meta title/date/author]] and [[!tag]] directives,
    then Markdown (Discount's: ``` fences, pipe tables) with [[!img FILE alt=… caption=…]] directives. Each is written
    to /posts/<name>/ (usedirs), an image to /<its path> (it is linked from the wiki's root); its time is shown on
    the clock of blog.setup's timezone. A post not in English
    opens with an HTML comment naming its language, which ikiwiki's htmlscrubber drops from the page: ikiwiki
    itself has no per-page language (only its po plugin's translations do)."""
    setup = (SOURCES / "ikiwiki" / "blog.setup").read_text("utf-8")
    posts = []
    for path in sorted((SOURCES / "ikiwiki" / "src" / "posts").glob("*.mdwn")):
        source = path.read_text("utf-8")
        language = match.group(1) if (match := _IKIWIKI_LANGUAGE.match(source)) else "en"
        source = _IKIWIKI_LANGUAGE.sub("", source)
        meta: dict[str, str] = {}
        tags: list[str] = []
        pictures: list[tuple[str, str]] = []

        def directive(match: re.Match, meta=meta, tags=tags, pictures=pictures) -> str:
            name, parameters = match.group(1), _IKIWIKI_PARAMETER.findall(match.group(2))
            if name == "meta":
                meta.update((key, quoted or bare) for key, quoted, bare in parameters)
            elif name == "tag":
                tags.extend(quoted or bare for _key, quoted, bare in parameters)
            elif name == "img":
                named = {key: quoted or bare for key, quoted, bare in parameters if key}
                src = next(quoted or bare for key, quoted, bare in parameters if not key)
                pictures.append((f"/{src}", named["caption"]))
                return f"<p>{named['caption']}</p>\n"
            return ""

        body = _IKIWIKI_DIRECTIVE.sub(directive, source)
        date = datetime.strptime(meta["date"], "%Y-%m-%d %H:%M:%S %z")
        clock = ZoneInfo(re.search(r'timezone => "([^"]+)"', setup).group(1))
        offset = date.strftime("%z")
        posts.append(
            TruthPost(
                path=f"/posts/{path.stem}/",
                title=meta["title"],
                day=f"{date:%Y-%m-%d}",
                authors=(meta["author"],),
                language=language,
                code=_code(body),
                text=_text(body),
                source=str(path.relative_to(SOURCES)),
                tags=tuple(tags),
                pictures=tuple(pictures),
                paragraphs=_paragraphs(body),
                offset=f"{offset[:3]}:{offset[3:]}",
                time=date.astimezone(clock).isoformat(),
            )
        )
    return posts


_MKDOCS_ADMONITION = re.compile(r'^!!! (\w+)(?: "([^"]*)")?\n\n((?:    .*\n|\n)+)', re.MULTILINE)
_MKDOCS_FIGURE = re.compile(
    r'^<figure markdown="span">\n\s*!\[([^\]]*)\]\(([^)\s]+)\)(?:\{[^}]*\})?\n'
    r"\s*<figcaption>(.*?)</figcaption>\n</figure>\n",
    re.MULTILINE,
)
_MKDOCS_HEADING = re.compile(r"\A\s*# (.+)\n")


def mkdocs_material_posts() -> list[TruthPost]:
    """docs/blog/posts/*.md, the posts of Material's blog plugin (a draft: true one is not built): front matter with
    date.created (and date.updated) with its offset, authors (ids of docs/blog/.authors.yml), categories, tags, a
    slug, and a `language` of this suite's own where the post is not in the theme's (Material has no language of a
    page: every page's <html lang> is the theme's). The title is the body's # heading; each is written to
    /blog/<created's day>/<slug>/ (post_url_format "{date}/{slug}", the day in the front matter's offset), the slug
    the title's as pymdownx.slugs.slugify(case="lower") makes it where the front matter gives none. The body is
    Python-Markdown's: an admonition's title (its type's, capitalised, where it names none) is a paragraph before its
    indented text; a figure (md_in_html) is its picture and its caption, a paragraph; tabs in code are 4 spaces."""
    source = SOURCES / "mkdocs-material"
    config = yaml.safe_load((source / "mkdocs.yml").read_text("utf-8"))
    people = _mkdocs_people(source / "docs" / "blog" / ".authors.yml")
    posts = []
    for path in sorted((source / "docs" / "blog" / "posts").glob("*.md")):
        meta, body = _read(path)
        if meta.get("draft"):
            continue
        title = _MKDOCS_HEADING.match(body).group(1)
        body = _MKDOCS_HEADING.sub("", body).replace("<!-- more -->\n", "").expandtabs(4)
        pictures = tuple((_site_path(path, src), caption) for _alt, src, caption in _MKDOCS_FIGURE.findall(body))
        body = _MKDOCS_FIGURE.sub(lambda m: f"{m.group(3)}\n", body)
        body = _MKDOCS_ADMONITION.sub(
            lambda m: f"{m.group(2) or m.group(1).capitalize()}\n\n{re.sub(r'(?m)^    ', '', m.group(3))}", body
        )
        created, updated = meta["date"]["created"], meta["date"].get("updated")
        slug = meta.get("slug") or re.sub(r"[^\w\- ]", "", unicodedata.normalize("NFC", title).strip().lower())
        posts.append(
            TruthPost(
                path=f"/blog/{created:%Y/%m/%d}/{slug.replace(' ', '-')}/",
                title=title,
                day=f"{created:%Y-%m-%d}",
                authors=tuple(people[key].name for key in meta["authors"]),
                language=meta.get("language", config["theme"]["language"]),
                code=_code(body),
                text=_text(body),
                source=str(path.relative_to(SOURCES)),
                tags=tuple(meta["tags"]),
                pictures=pictures,
                paragraphs=_paragraphs(body),
                categories=tuple(meta["categories"]),
                updated=updated.isoformat() if updated else None,
                moment=created,
                people=tuple(people[key] for key in meta["authors"]),
            )
        )
    return posts


def _mkdocs_people(authors_file: Path) -> dict[str, TruthPerson]:
    """.authors.yml: each author's name, description (the bio), avatar and url; without a url, the blog plugin's
    author page (authors_profiles: /blog/author/<id>/) is theirs."""
    found = {}
    for key, author in yaml.safe_load(authors_file.read_text("utf-8"))["authors"].items():
        url = author.get("url") or f"/blog/author/{key}/"
        found[key] = TruthPerson(author["name"], author["description"], url, f"/{author['avatar']}")
    return found


def _site_path(page: Path, src: str) -> str:
    """The site's path of a file a Markdown page under docs/ links relatively."""
    docs = SOURCES / "mkdocs-material" / "docs"
    return "/" + str((page.parent / src).resolve().relative_to(docs.resolve()))


def _rest(body: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The paragraphs and figures of a reST body of paragraphs and figure directives (".. figure:: {static}/…",
    its options, its caption: the first indented paragraph after them, which is a paragraph of the text too)."""
    paragraphs, pictures, figure = [], [], None
    for block in re.split(r"\n\s*\n", body.strip()):
        if block.startswith(".. figure:: "):
            figure = block.splitlines()[0][len(".. figure:: ") :].replace("{static}", "")
        elif block.startswith(" ") and figure:
            caption = " ".join(block.split())
            paragraphs.append(caption)
            pictures.append((figure, caption))
            figure = None
        else:
            paragraphs.append(" ".join(block.split()))
    return tuple(paragraphs), tuple(pictures)


def site_name(engine: str) -> str:
    """The blog's name: chronicle's blog_title (chroniclerc), the title nanoc's Atom feed is given (content/feed.erb),
    which its layout's <title> and its feed link repeat, Pelican's SITENAME (pelicanconf.py), Hexo's title
    (_config.yml), ikiwiki's wikiname (blog.setup), MkDocs' site_name (mkdocs.yml)."""
    if engine == "mkdocs-material":
        return yaml.safe_load((SOURCES / "mkdocs-material" / "mkdocs.yml").read_text("utf-8"))["site_name"]
    if engine == "hexo":
        return yaml.safe_load((SOURCES / "hexo" / "_config.yml").read_text("utf-8"))["title"]
    if engine == "ikiwiki":
        return re.search(r'wikiname => "([^"]+)"', (SOURCES / "ikiwiki" / "blog.setup").read_text()).group(1)
    if engine == "pelican":
        return dict(_PELICAN_SETTING.findall((SOURCES / "pelican" / "pelicanconf.py").read_text("utf-8")))["SITENAME"]
    if engine == "chronicle":
        return re.search(r"^blog_title = (.+)$", (SOURCES / "chronicle" / "chroniclerc").read_text(), re.M).group(1)
    return re.search(r"title: '([^']+)'", (SOURCES / "nanoc" / "content" / "feed.erb").read_text()).group(1)


def _code(body: str) -> tuple[str, ...]:
    """Each code block's text, as a Markdown reader reads it (an indented block, a ``` or ~~~ fence)."""
    return tuple(html.unescape(block).strip("\n") for block in _PRE.findall(_MARKDOWN.render(body)))


def _paragraphs(body: str) -> tuple[str, ...]:
    paragraphs = (html.unescape(_TAG.sub(" ", p)) for p in _PARAGRAPH.findall(_MARKDOWN.render(body)))
    return tuple(" ".join(p.split()) for p in paragraphs)


@dataclass(frozen=True)
class TruthPerson:
    name: str
    bio: str  # the text of their author page, as the source writes it
    path: str  # their author page's URL path (or their own site's URL, MkDocs Material's .authors.yml url)
    avatar: str = ""  # their picture's URL path: MkDocs Material's


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
    authors = meta.get("authors") or [meta.get("author") or meta["author_name"]]
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
