"""A post's categories and tags from the links its theme prints to their pages, where no markup names them.

Pelican's themes print "In <a href=/category/notes.html>Notes</a>. tags: <a href=/tag/life.html>life</a>" in the
post's footer, Eleventy's base blog a list of `/tags/x/` links under the title, Jekyll themes and hand-made blogs
the same without `rel="tag"`: the link's address says which it is (pagekind.url_kind). A link counts where it stands
in the post's own container (its <article> and the block right after it, else the content root) outside the chrome
(the <footer>, <header> and <nav> of the post's <article> are not chrome here: that is where themes print them;
after a container that is no <article>, the block right after it without a heading of its own: Hugo Anatole's
`.post__footer` beside a short post's `.post__content`), names a term in a few words, and stands in a block holding
little else ("Tags:", "In", commas): a link in a sentence of the post is the post's text, not its label; nor is a
link in a teaser of another post that the theme prints inside the post's <article> (Hugo Blowfish's related posts,
each with its categories). A group linking more terms of one kind than a post has is the site's menu of them. A card
of the post's own that a theme prints in its sidebar (selectors.POST_CARDS) counts as the post's container, and so
does the post's info that Pelican's simple theme prints in a `footer.post-info` right before the container, and,
where the container is no <article>, the blocks between it and the post's <h1> in the element holding both (Hugo
Terminal's `span.post-tags` in its `div.post`), and the links standing bare there (Zola's codinfox-lanyon: each tag an
`a.post-tag` of its own between the date line and the post's <article>). A link may be no <a>: Hugo Blowfish has
printed each term as a badge a script opens, `<span onclick='window.open("/categories/frontend/","_self")'>`
(_SCRIPTED_HREF).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree

from crawler.extraction.entries import teaser_blocks
from crawler.extraction.page import HtmlElement, Page, text_of, word_count
from crawler.extraction.pagekind import url_kind
from crawler.extraction.selectors import POST_CARDS
from crawler.extraction.textpattern import TERM_QUERY as TEXTPATTERN_TERM_QUERY
from crawler.extraction.textpattern import textpattern_page
from crawler.extraction.zblog import TERM_QUERY as ZBLOG_TERM_QUERY
from crawler.extraction.zblog import generated_by_zblog
from crawler.urls import joined

MAX_TERM_WORDS = 4  # a term's name; a longer link text is a teaser's title
MAX_LABEL_WORDS = 3  # words beside the links in their block: "Tags:", "Posted in", "Filed under"
MAX_LINE_WORDS = 24  # a line of a byline, a date and a term's label; a longer text is a paragraph
MAX_TERMS_IN_BLOCK = 12  # more links to one kind of term in one block: the site's menu of them
BLOCKS_AFTER = 3  # elements after the post's <article> looked at for its terms
BLOCKS_BEFORE = 6  # elements before a container that is no <article> looked at for the post's <h1>
_BLOCKS = {
    "p",
    "li",
    "dd",
    "td",
    "div",
    "span",
    "nav",
    "footer",
    "header",
    "section",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
}
_KINDS = ("category", "tag")
_TAG_CLASSES = {"tag", "tags"}
_TAG_FOLDER = re.compile(r"/tags/", re.IGNORECASE)
_TERM_INDEX = re.compile(r"/(tags?|categories|category)(?:\.html?)?/?$", re.IGNORECASE)
_INDEX_NAMES = ("tag", "tags", "category", "categories")  # a link naming the page of all terms itself
_PUNCTUATION = " ,;·•|"  # a separator the theme put inside the link: "Coronavirus,"
_H1 = etree.XPath("boolean(.//h1)")
_A_SECTION = etree.XPath("boolean(.//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6)")
_LISTS = etree.XPath("//ul[li] | //ol[li]")
_COUNT = re.compile(r"\(?\d+\)?")
# A term link's label in a line of other things (term_links._after_label): English, German, French, Spanish,
# Portuguese, Italian, Dutch.
_LABELS = {
    "in",
    "posted in",
    "filed under",
    "filed in",
    "under",
    "category",
    "categories",
    "tags",
    "tagged",
    "tagged with",
    "topics",
    "kategorie",
    "kategorien",
    "rubrik",
    "schlagwörter",
    "schlagworte",
    "veröffentlicht in",
    "dans",
    "catégorie",
    "catégories",
    "étiquettes",
    "en",
    "categoría",
    "categorías",
    "etiquetas",
    "em",
    "categoria",
    "categorias",
    "categorie",
    "trefwoorden",
}
_LABEL_SEPARATORS = re.compile(r"[,:;·•|/–—-]+")
# The address an element's onclick opens, where that is all it does: `window.open("/tags/x/")`, `location.href='…'`.
_SCRIPTED_HREF = re.compile(
    r"""^\s*(?:window\.)?(?:open\(|location(?:\.href)?\s*=|location\.assign\()\s*(["'])([^"']+)\1"""
)
_LINKS = etree.XPath(".//a | .//*[@onclick][not(.//a)]")
# A list of posts filtered by a term in its query: `?tag=x`, `?category=x` (_term_kind)
_TERM_QUERY = re.compile(r"(?:^|&)(tags?|categor(?:y|ies))=[^&\d][^&]*", re.IGNORECASE)


def linked_terms(page: Page, root: HtmlElement | None) -> tuple[list[str], list[str]]:
    """(categories, tags) the post's container links to, each once, in page order."""
    if root is None:
        return [], []
    scope = next(root.iterancestors("article"), root)
    after = _block_after(scope)
    if after is not None and scope.tag != "article" and _A_SECTION(after):
        after = None  # after a container that is no <article>, a block with a heading of its own: a sidebar's column
    beside = _links(after) if after is not None else []
    header = _post_header_before(scope)
    # term links standing alone between the post's title and its <article>, in page order
    bare = [block for block in reversed(header) if block.tag == "a"]
    beside += [link for block in header for link in _links(block) if scope.tag != "article" or classed_as_tag(link)] + [
        link for link in bare if _href(link)
    ]
    found: dict[str, list[tuple[HtmlElement, str]]] = {kind: [] for kind in _KINDS}
    query = _term_query(page)
    ancestors = set(root.iterancestors())  # a block around the post, or holding its <h1>, is no teaser in it
    teasers = cache(lambda: {b for b in teaser_blocks(page) if b is not root and b not in ancestors and not _H1(b)})
    card = [link for element in page.select(POST_CARDS) for link in _links(element)]
    info = _post_info_before(scope)
    card += _links(info) if info is not None and scope.tag != "article" else []
    in_card = set(card)
    for link in (*_links(scope), *beside, *card):
        href = _href(link)
        if not href or link not in in_card and _in_chrome(link, page, root):
            continue
        url = joined(page.base, href) or ""
        name = _term_name(link)
        kind = _nested_tag(url, name) or _term_kind(url, page.base, query) or _emptied_slug(url, link, name)
        if kind is None and (queried := _queried_term(url, name)):
            kind, name = queried
        rel = (link.get("rel") or "").split()
        if kind == "category" and "tag" in rel and "category" not in rel and classed_as_tag(link):
            kind = "tag"  # Nikola's tags, at /categories/harbour/
        if kind not in found or not name or len(name.split()) > MAX_TERM_WORDS:
            continue
        block = next((element for element in link.iterancestors() if element.tag in _BLOCKS), None)
        labelled = (
            link in bare or block is not None and (_labelled(block) or _after_label(link, block, kind, page.base))
        )
        if labelled and teasers().isdisjoint(link.iterancestors()):
            found[kind].append((link, name))
    categories, tags = (_names(found[kind]) for kind in _KINDS)
    return categories, tags


def _links(element: HtmlElement) -> list[HtmlElement]:
    """The element's links in page order: its <a>s, and the elements a script opens an address from (_href)."""
    return [link for link in _LINKS(element) if link.tag == "a" or _href(link)]


def _href(link: HtmlElement) -> str | None:
    """The address a link opens: its href, or the one its onclick opens and nothing else (_SCRIPTED_HREF)."""
    if link.tag == "a":
        return link.get("href")
    scripted = _SCRIPTED_HREF.match(link.get("onclick") or "")
    return scripted.group(2) if scripted else None


def counted_term_lists(page: Page) -> frozenset[HtmlElement]:
    """The page's lists of links to term pages, each with its count of posts beside it ("Walking (1)"): the site's
    menu of its categories or tags, whatever its class — Mezzanine's default theme prints its "Categories" and
    "Tags" lists so in a plain Bootstrap column, WordPress's Categories widget so with "Show post counts". A post's
    own terms carry no counts."""
    query = _term_query(page)
    return counted_link_lists(page, lambda url: _term_kind(url, page.base, query) in _KINDS)


def counted_link_lists(page: Page, target: Callable[[str], bool]) -> frozenset[HtmlElement]:
    """The page's lists whose every item links one page `target` accepts (by its absolute URL) with a count of posts
    beside the link: a site's menu of its terms (counted_term_lists), or of its authors — Mezzanine's default theme
    prints "Authors" so ("Anna Schmidt (4)"), as WordPress's wp_list_authors() with `optioncount`."""
    found = []
    for items in _LISTS(page.tree):
        entries = [li for li in items if isinstance(li.tag, str)]
        if entries and all(li.tag == "li" and _counted_link(li, page.base, target) for li in entries):
            found.append(items)
    return frozenset(found)


def _counted_link(item: HtmlElement, base: str, target: Callable[[str], bool]) -> bool:
    """The list item holds a link to a page `target` accepts and a count outside it, besides a list of its own
    (WordPress's subcategories)."""
    links = [a for a in item.iter("a") if next(a.iterancestors("ul", "ol")) is item.getparent()]
    if len(links) != 1 or not target(joined(base, links[0].get("href") or "") or ""):
        return False
    rest = text_of(item)
    for inner in (*links, *item.iterchildren("ul", "ol")):
        rest = rest.replace(text_of(inner), " ", 1)
    return bool(_COUNT.fullmatch(" ".join(rest.split())))


def classed_as_tag(link: HtmlElement) -> bool:
    """The link, or the list or block holding it (its parent, or the list around its <li>), is classed `tag` or
    `tags`: Nikola's `<ul class="tags"><li><a class="tag p-category" rel="tag">` — its default TAG_PATH is
    "categories", its tags' pages /categories/harbour/ (its categories' /categories/cat_x/)."""
    holders = [link, *itertools.islice(link.iterancestors(), 2)]
    return any(not _TAG_CLASSES.isdisjoint((element.get("class") or "").split()) for element in holders)


def _block_after(article: HtmlElement) -> HtmlElement | None:
    """The first block after the post's <article> that holds a link, past a rule or an empty element between them
    (Beautiful Jekyll prints "Tags: …" in the <div> right after it; AstroPaper its list of tags after an <hr>) — after
    the wrappers around the <article> that hold nothing else, where it is their only child (Medium's story page:
    the <article> alone in its <div>, the story's topic links in the <div> after that), or beside the post's title
    alone (gatsby-starter-lumen: its `<h1>` and the post's body in one <div>, the date and the list of tags in the
    post's footer after that <div>'s wrapper)."""
    while not any(isinstance(e.tag, str) for e in article.itersiblings()) and (
        _only_child(article) or _beside_its_title(article)
    ):
        article = article.getparent()
    for sibling in itertools.islice(article.itersiblings(), BLOCKS_AFTER):
        if not isinstance(sibling.tag, str) or sibling.find(".//a") is None and not text_of(sibling):
            continue  # a rule, a spacer, a comment
        return sibling if sibling.tag in _BLOCKS and sibling.find(".//a") is not None else None
    return None


def _post_info_before(container: HtmlElement) -> HtmlElement | None:
    """The post's `footer.post-info` right before its container, in the same parent: Pelican's simple theme prints
    the date, the byline, "Category: <a>…</a>" and "Tags: <a>…</a>" so, before its div.entry-content, no <article>
    around them (section#content holds both) — a <footer> outside any <article>, which reads as the page's chrome.
    notmyidea prints its footer.post-info inside the div.entry-content."""
    for sibling in itertools.islice(container.itersiblings(preceding=True), BLOCKS_AFTER):
        if isinstance(sibling.tag, str) and "post-info" in (sibling.get("class") or "").split():
            return sibling
    return None


def _post_header_before(container: HtmlElement) -> list[HtmlElement]:
    """The blocks from the post's <h1> to its container, in the parent holding both: Hugo's Terminal theme (before
    3.0) prints `h1.post-title`, `div.post-meta` and `span.post-tags` ("#<a href=/tags/rust/>rust</a>") in its
    `div.post` before `div.post-content`, no <article> around them; Quartz its `h1.article-title`, date and
    `ul.tags` in a `div.page-header` before the note's <article> (of those before an <article>, linked_terms takes
    the links classed as tags only). None in the <body> itself, whose blocks before the content are the site's
    header. Links standing bare among those blocks count as none of them: Zola's codinfox-lanyon prints each of the
    post's tags as an `a.post-tag` of its own between the <h1>'s date line and the post's <article>."""
    parent = container.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return []
    blocks, counted = [], 0
    for sibling in container.itersiblings(preceding=True):
        if sibling.tag != "a" and (counted := counted + 1) > BLOCKS_BEFORE:
            break
        if isinstance(sibling.tag, str):
            blocks.append(sibling)
            if sibling.tag == "h1" or _H1(sibling):
                return blocks
    return []


def _only_child(element: HtmlElement) -> bool:
    """The element is the only element in its parent, the parent no <body> and no text of its own beside it."""
    parent = element.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return False
    return sum(isinstance(e.tag, str) for e in parent) == 1 and not (parent.text or "").strip()


def _beside_its_title(element: HtmlElement) -> bool:
    """The element's parent holds the post's <h1> and the element, nothing else: the post's title and its body."""
    parent = element.getparent()
    if parent is None or parent.tag in ("body", "html") or (parent.text or "").strip():
        return False
    return [e.tag for e in parent if isinstance(e.tag, str)] == ["h1", element.tag]


def _term_name(link: HtmlElement) -> str:
    """The link's text without a count printed in it (Pelican's Elegant: `python <span class="superscript">1</span>`)
    and the separators a theme put inside it."""
    parts = [link.text or ""]
    for child in link:
        if not isinstance(child.tag, str) or not _COUNT.fullmatch(text_of(child)):
            parts.append("".join(child.itertext()) if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split()).strip(_PUNCTUATION)


def _names(links: list[tuple[HtmlElement, str]]) -> list[str]:
    """The terms' names, each once, without those of a group of more terms than a post has: the links held by the
    nearest element that holds another of them (a list, a menu of one <div> a link)."""
    holding: Counter[HtmlElement] = Counter()
    for link, _ in links:
        holding.update(link.iterancestors())
    names = []
    for link, name in links:
        group = next((element for element in link.iterancestors() if holding[element] > 1), None)
        if group is None or holding[group] <= MAX_TERMS_IN_BLOCK:
            names.append(name)
    return list(dict.fromkeys(names))


def _in_chrome(link: HtmlElement, page: Page, root: HtmlElement | None) -> bool:
    """The link lies in chrome — where the <footer>, <header> and <nav> of the post's own <article> are none:
    themes print the post's terms there (MkDocs Material's `nav.md-tags`), and a sidebar's tag cloud elsewhere —
    also where the post's container is an element around its <article> (a short post's <main>). A container that
    is no <article> may hold the site's menus: there they are chrome."""
    article = None if root is None else next((e for e in (root, *root.iterancestors()) if e.tag == "article"), None)
    if article is None and root is not None:  # a container around the post's <article> (a short post's <main>)
        article = next((a for a in link.iterancestors("article") if root in a.iterancestors()), None)
    if article is None:
        return page.in_chrome(link)
    chrome = page.chrome
    for element in link.iterancestors():
        if element is article:
            return page.in_chrome(article)
        if element in chrome and element.tag not in ("footer", "header", "nav"):
            return True
    return page.in_chrome(link)


def _nested_tag(url: str, name: str) -> str | None:
    """ "tag" for a link to the page of a tag whose name holds a "/", named as the folders below `/tags/` spell it:
    Quartz writes Obsidian's nested tag `stats/hypothesis_tests` at `/tags/stats/hypothesis_tests`, its name's
    spaces made hyphens (Hugo's urlize keeps a tag's "/" too: "CI/CD" at `/tags/ci/cd/`)."""
    below = _TAG_FOLDER.split(unquote(urlsplit(url).path).rstrip("/"), maxsplit=1)
    slug = "-".join(name.split()).casefold()
    return "tag" if "/" in slug and len(below) == 2 and below[1].casefold() == slug else None


def _term_query(page: Page) -> re.Pattern[str]:
    """The query parameters that filter the list of posts of the page's site by a term: an engine's own too on its
    pages (Textpattern's `c`, Z-BlogPHP's `tags` and `cate` numbers) — elsewhere a `c` names anything (a comment, a
    colour), and `?tags=9` a list of nine."""
    if textpattern_page(page):
        return TEXTPATTERN_TERM_QUERY
    return ZBLOG_TERM_QUERY if generated_by_zblog(page) else _TERM_QUERY


def _term_kind(url: str, base: str, query: re.Pattern[str] = _TERM_QUERY) -> str | None:
    """ "tag" or "category" for a link to a term's page (pagekind.url_kind), or to the one page of all tags or
    categories at the term's anchor (MkDocs Material's `/tags/#tag:rye`, Mediumish's `/tags#rye`); else None — and
    for a link to that page itself, which names no term (Hexo's Butterfly links "Categories 4" to `/categories/`); or
    to a list of posts of the site (`base`'s host) filtered by the term in its query (Jekyll TeXt's
    `/archive.html?tag=tools`; a shop's link carries `?tag=` for its affiliate), as `query` names them
    (_term_query: Textpattern's `/articles/?c=reisen` and Z-BlogPHP's `/?tags=9` on their pages)."""
    parts = urlsplit(url)
    if index := _TERM_INDEX.search(parts.path):
        if not parts.fragment:
            return None
        return "category" if index.group(1).lower().startswith("categor") else "tag"
    if (filtered := query.search(parts.query)) and parts.netloc == urlsplit(base).netloc:
        return "category" if filtered.group(1).lower().startswith("c") else "tag"
    return url_kind(url)


def _emptied_slug(url: str, link: HtmlElement, name: str) -> str | None:
    """ "tag" or "category" for a link to the page of all terms that names one term by its text and its title alike:
    the term's own address with its slug emptied — PluXml makes a slug of a name's Latin letters only, and links a
    Korean tag as `<a href="/tag/" title="경주">경주</a>`. A link naming the page of all terms itself ("Tags",
    Hexo's "Categories 4") has no such title."""
    parts = urlsplit(url)
    index = _TERM_INDEX.search(parts.path)
    title = " ".join((link.get("title") or "").split())
    if index is None or parts.query or parts.fragment or title != name or name.casefold() in _INDEX_NAMES:
        return None
    return "category" if index.group(1).lower().startswith("categor") else "tag"


def _queried_term(url: str, name: str) -> tuple[str, str] | None:
    """("tag" or "category", the term) for a link to the page of all terms whose query names the term the link
    names: the term's page is that one page filtered by a script — gatsby-starter-hoodie links a post's tag "Java"
    as `/tags/?q=Java`, and its posts had no tags. It prints a name's spaces as hyphens ("Effective-Java" for
    `?q=Effective Java`): the term is the query's, as the writer spelt it. A link to a later page of all terms
    (`/tags/?page=2`) names none."""
    parts = urlsplit(url)
    index = _TERM_INDEX.search(parts.path)
    if index is None or not name:
        return None
    wanted = name.casefold()
    term = next(
        (v for _, v in parse_qsl(parts.query) if wanted in (v.casefold(), "-".join(v.split()).casefold())), None
    )
    if term is None:
        return None
    return ("category" if index.group(1).lower().startswith("categor") else "tag"), " ".join(term.split())


def _after_label(link: HtmlElement, block: HtmlElement, kind: str, base: str) -> bool:
    """The link follows its own label in a line of a few other things: a hand-made byline "<time>26 February 2023
    </time> · by <a>Bob</a> · in <a>Küche</a> · 1 min read", "by <a>Ann</a> in <a>Notes</a>". The label is the text
    right before the link, after a separator, the line's start, a <time> or a link to an author's page (in a
    sentence, "<em>later</em> in <a>…</a>", it follows words); or the element right before the link ("<strong>Filed
    under:</strong>"); or another link to a term of the same kind so labelled, a comma between them."""
    if word_count(text_of(block)) > MAX_LINE_WORDS:
        return False
    before = link.getprevious()
    text = (before.tail if before is not None else link.getparent().text) or ""
    if label := _label(text):
        opens = before is None or _LABEL_SEPARATORS.match(text.strip()) or before.tag == "time"
        by_author = (
            before is not None
            and before.tag == "a"
            and url_kind(joined(base, before.get("href") or "") or "") == "author"
        )
        return label in _LABELS and bool(opens or by_author)
    if before is None or not isinstance(before.tag, str):
        return False
    if before.tag == "a":
        same = _term_kind(joined(base, before.get("href") or "") or "", base) == kind
        return same and "," in text and _after_label(before, block, kind, base)
    return _label(text_of(before)) in _LABELS


def _label(text: str) -> str:
    """The words of a text without separators, case folded: "· in " is "in", "Filed under:" "filed under"."""
    return " ".join(_LABEL_SEPARATORS.sub(" ", text).split()).casefold()


def _labelled(block: HtmlElement) -> bool:
    """The block holds its links and a few words besides: a label, not a sentence. The separators between the links
    are no words (PluXml's "Tags : a, b, c" has three commas)."""
    rest = text_of(block)
    for link in _links(block):
        rest = rest.replace(text_of(link), " ", 1)
    # a Chinese sentence around a link ("…具体请移步<a>架构篇</a>。") is many words, its spaces make it two or three
    return word_count(" ".join(word for word in rest.split() if any(c.isalnum() for c in word))) <= MAX_LABEL_WORDS
