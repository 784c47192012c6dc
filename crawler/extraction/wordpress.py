"""What WordPress says about its own pages: the kind of page its `<body>` classes name.

WordPress's `body_class()` — printed by every classic and block theme — names the template that rendered the page:
`single single-post postid-13` for a post, `page page-id-2` for a static page, `category category-travel`,
`tag`, `author`, `date`, `search`, `blog`/`home`, `paged`, `attachment`, `error404`. That is stronger evidence than
the page's length or link density: "Hello world!" is a post though it holds six words, and an archive page under
plain permalinks (`/?cat=3`, `/?m=202406`) is a listing though its URL looks like a post's.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from crawler.extraction.page import HtmlElement, Page, compiled, narrowed, text_of
from crawler.extraction.selectors import HELLO_ELEMENTOR_TAGS, TRANSLATION_NOTICES, WORDPRESS_PAGE_LINKS
from crawler.extraction.sitename import fold

# Classes only WordPress's body_class() prints: the post's, page's or term's number, or WordPress's own markers.
WORDPRESS_BODY_CLASSES = (
    r"postid-\d+|page-id-\d+|(?:category|tag|author|term|paged)-\d+|wp-embed-responsive"
    r"|page-template-default|post-template-default|search-(?:no-)?results|error404"
)
_WORDPRESS_BODY = re.compile(rf"(?:^|\s)(?:{WORDPRESS_BODY_CLASSES})(?=\s|$)")
# (body class, page kind), first match wins: an attachment page is also `single`, a paged category also `paged`.
BODY_KINDS = (
    ("attachment", "attachment"),
    ("single", "article"),
    ("page", "page"),
    ("category", "category"),
    ("tag", "tag"),
    ("author", "author"),
    ("date", "archive"),
    ("search", "search"),
    ("error404", "other"),
    ("blog", "listing"),
    ("home", "listing"),
    ("archive", "listing"),
)
# The form a password-protected post shows instead of its text: there is nothing of the post to keep.
PASSWORD_FORM = "form.post-password-form"
# The post's own content, as WordPress's block themes (the post-content block) and classic themes print it.
# Hello Elementor's is the third, Hueman's the fourth, ColorMag's the fifth, Anders Norén's Hemingway's (in the
# div.post its post_class() marks) the last.
POST_CONTENT = (
    ".wp-block-post-content, .entry-content, .hentry > .page-content, .entry.themeform > .entry-inner"
    ", .cm-entry-summary, .hentry > .post-content"
)
# The wrapper of every page a block theme renders (WordPress's template canvas).
BLOCK_THEME_CANVAS = "div.wp-site-blocks"
# A translation plugin's notice that the post has no text in the page's language (selectors.TRANSLATION_NOTICES):
# qTranslate-XT serves each post at every language's address (/en/…, /ko/…, its feeds of each language list it there)
# and prints the notice in its content, alone or above the text of another language, which that language's address
# serves: no post of this language, nothing of a post to keep. In the post's content only.
TRANSLATION_NOTICE = ", ".join(
    f"{content} {notice}" for content in POST_CONTENT.split(", ") for notice in TRANSLATION_NOTICES
)
# post_class() names the post's terms on its entry by their slugs: `post-12 type-post … category-notes tag-life`.
_POST_ID = re.compile(r"(?:^|\s)postid-(\d+)(?=\s|$)")
_TERM_CLASS = re.compile(r"^(category|tag)-(.+)$")
# A term's archive under WordPress's default bases: /category/notes/, /category/parent/child/, /tag/life/.
_TERM_ARCHIVE = re.compile(r"/(category|tag)/(?:[^/]+/)*([^/]+)/?$")
_LINKS = etree.XPath("//a[@href]")
MAX_LINKS_READ = 1000


def wordpress_kind(page: Page) -> str | None:
    """The page's kind as its WordPress body classes name it; None for a page WordPress did not render."""
    body = page.tree.find("body")
    classes = body.get("class") or "" if body is not None else ""
    if not _WORDPRESS_BODY.search(classes):
        return None
    names = set(classes.split())
    kind = next((kind for name, kind in BODY_KINDS if name in names), None)
    if kind == "article" and page.select(PASSWORD_FORM):
        return "protected"
    if kind == "article" and page.select(TRANSLATION_NOTICE):
        return "untranslated"
    return kind


def post_class_terms(page: Page) -> tuple[list[str], list[str]]:
    """(categories, tags) that post_class() names on a single post's entry — Astra prints no tags, Hello Elementor
    no categories, but every theme prints post_class() — each by the name of the page's link to its archive
    (/category/notes/ "Notes": a widget or menu lists them), else by its slug; ([], []) off a WordPress post. A slug
    of other letters only that sanitize_html_class() leaves empty is named by the term's ID instead (`category-25`
    for 여행): a number is no name — the term is the one a widget lists by that ID, else none."""
    body = page.tree.find("body")
    post = _POST_ID.search(body.get("class") or "") if body is not None else None
    if post is None:
        return [], []
    entry = f"post-{post.group(1)}"
    classes = next((e.get("class").split() for e in page.select(f".{entry}") if "type-post" in e.get("class")), [])
    slugs = [match.groups() for name in classes if (match := _TERM_CLASS.match(name))]
    if not slugs:
        return [], []
    archives, texts = _link_names(page)
    terms: dict[str, list[str]] = {"category": [], "tag": []}
    for kind, slug in slugs:
        if slug.isdigit():  # the term's ID, not its name
            if name := _listed_term(page, kind, slug):
                terms[kind].append(name)
            continue
        terms[kind].append(archives.get((kind, slug)) or texts.get(fold(slug)) or _unslugged(slug))
    return terms["category"], terms["tag"]


def _listed_term(page: Page, kind: str, term_id: str) -> str | None:
    """The name of the term of ID `term_id` where a list of terms on the page names it by its ID: the Categories
    widget's (wp_list_categories: `li.cat-item-25`), the Tag Cloud's (`a.tag-link-29`)."""
    found = page.select(f".cat-item-{term_id} > a" if kind == "category" else f"a.tag-link-{term_id}")
    return text_of(found[0]) or None if found else None


def _link_names(page: Page) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """(kind, slug as post_class() prints it) → the text of the page's first link to that term's archive (a slug
    of other letters is percent-encoded, /category/%ec%84%9c%ec%9a%b8/, and sanitize_html_class() drops its %s);
    and any link's text by its letters and digits (a menu's "Einheit der Woche" for einheit-der-woche)."""
    archives: dict[tuple[str, str], str] = {}
    texts: dict[str, str] = {}
    for link in _LINKS(page.tree)[:MAX_LINKS_READ]:
        if not (text := text_of(link)):
            continue
        address = re.split(r"[?#]", link.get("href"), maxsplit=1)[0]  # no urlsplit: "http://[x]/" raises
        if match := _TERM_ARCHIVE.search(address):
            archives.setdefault((match.group(1), match.group(2).lower().replace("%", "")), text)
        texts.setdefault(fold(text), text)
    return archives, texts


def _unslugged(slug: str) -> str:
    """The slug, or the words a percent-encoded slug of other letters spells (ec849cec9ab8: 서울)."""
    if re.fullmatch(r"(?:[0-9a-f]{2}){3,}", slug):
        try:
            words = bytes.fromhex(slug).decode("utf-8")
        except UnicodeDecodeError:
            return slug
        return words if not words.isascii() else slug
    return slug


def post_content(page: Page, selector: str = POST_CONTENT) -> HtmlElement | None:
    """The post's content element (`selector`: WordPress's, or any platform's, most specific first), when the most
    specific selector the page matches outside its chrome matches exactly one (a single post's): Hexo's Fluid
    prints its post body, `.markdown-body`, in an `<article class="post-content">` with the title, meta and
    licence box."""
    for one in narrowed(selector, page.names):
        found = [e for e in compiled((one,))(page.tree) if not page.in_chrome(e)]
        if found:
            outermost = [e for e in found if not any(a in found for a in e.iterancestors())]
            return outermost[0] if len(outermost) == 1 else None
    return None


def content_alone(content: HtmlElement, url: str) -> Page:
    """The post's content as a page of its own, without the links to its other pages nor the tag line Hello
    Elementor prints in it: for a post too short for trafilatura, which then takes the whole page's text (menus,
    the post's meta) for its body. (The page's tags are read from the page itself.)"""
    alone = Page(_document(content), url)
    for links in alone.select(f"{WORDPRESS_PAGE_LINKS}, {HELLO_ELEMENTOR_TAGS}"):
        links.drop_tree()
    return alone


def contentless_block_post(page: Page) -> bool:
    """A block theme's single post with no post-content block: WordPress prints none when the post's content is
    empty, and the page's other text (menus, the post's meta, widgets) is not the post's."""
    return bool(page.select(BLOCK_THEME_CANVAS)) and not page.select(POST_CONTENT)


def _document(element: HtmlElement) -> HtmlElement:
    """A document of the element alone, as its <article>: trafilatura reads the subheadings of a body it finds in
    one, and keeps only the paragraphs of a <div> it finds on its own. The element is the <article> itself, not a
    <div> in one: trafilatura takes a <div> of its body with three blocks or more, under 100 characters and a link
    among them, for a links widget and drops it whole (its backtracking link-density test) — a short post's text
    was lost whole where a theme's admonition or callout stood before its heading and paragraph (Hugo FixIt)."""
    document = lxml_html.document_fromstring("<html><body></body></html>")
    alone = lxml_html.fromstring(lxml_html.tostring(element, with_tail=False))
    alone.tag = "article"
    document.find("body").append(alone)
    return document
