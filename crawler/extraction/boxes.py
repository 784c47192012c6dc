"""Finding the author boxes of a page by what they hold, with theme selectors as hints.

A theme's author box is wherever its markup puts it, under whatever class name. What every box shares is its
content: the post's author — whom the byline, JSON-LD, meta tags, rel=author or an h-card name — beside a picture,
a link to the author's page, a short text about them or a count of their posts. So for each author the page names,
every place that names them (an element whose text is the name, a picture whose alt is the name, a link to their
page) is a seed; the regions around a seed, up to the size of a box, are scored by what they hold (crawler/
extraction/authorbox.py reads them), and the best is the person's box. A region matching the theme selectors
(AUTHOR_BOXES) scores higher, and such a region naming someone the byline does not is kept as a box of its own.
Comments, navigation and lists of other posts are never searched: a commenter's card is no author box.

The same search on an author page (/author/x/), seeded by the page's heading, gives the person the page is about.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from crawler.extraction.article import AuthorBox, Person
from crawler.extraction.authorbox import box_from_person, clean_name, names_a_profile, persons, read_box, split_names
from crawler.extraction.ghost import rendered_by_ghost
from crawler.extraction.page import HtmlElement, Page, text_of
from crawler.extraction.selectors import AUTHOR_BOXES, AUTHOR_PAGE_TITLES
from crawler.extraction.sitename import fold
from crawler.urls import joined

MAX_BOX_CHARS = 1500  # a region with more text than this is the post or a page section, not a box
MAX_CLIMB = 6  # levels above a seed
MAX_SEEDS = 20  # places naming one person
_TEXT_NAMING = etree.XPath(
    "//text()[contains(., $name)][not(parent::script or parent::style or parent::title or parent::noscript)]"
)
_IMAGE_NAMING = etree.XPath("//img[@alt = $name]")
_LINK_TO = etree.XPath("//a[@href = $href]")
_RELME = etree.XPath("//a[@href][contains(concat(' ', normalize-space(@rel), ' '), ' me ')]")
# A heading holding a link, or held by one: a card made one link (Ghost Source's a.gh-card-link)
_LINKED_HEADINGS = etree.XPath("(.//h1 | .//h2 | .//h3)[.//a[@href]] | .//a[@href][.//h1 or .//h2 or .//h3]")
_H_CARDS = etree.XPath("//*[contains(concat(' ', normalize-space(@class), ' '), ' h-card ')]")
# Regions whose names are not the post's author: comments, menus, other posts' cards, a post's licence box (its
# author named under "Author", the licence's links).
_NOT_SEARCHED = re.compile(
    r"comment|related|recent|popular|menu|respond|navigation|site-footer|colophon|licens", re.IGNORECASE
)
_COMMENTS = re.compile(r"comment", re.IGNORECASE)
# The entry's body as Serendipity's themes mark it (div.serendipity_entry_body, in each theme it bundles): a region
# around the byline's name that holds it is the entry (Timeline's section#entry, no <article>), its pictures the
# post's, not the author's
_HOLDS_ENTRY_BODY = etree.XPath(
    "boolean(.//*[contains(concat(' ', normalize-space(@class), ' '), ' serendipity_entry_body ')])"
)
# Hexo Icarus's profile widget (layout/widget/profile.jsx: div.card.widget[data-type=profile]), the site owner's card
# in the sidebar: its name, title ("Baker and Python developer"), location and avatar in a Bulma `nav.level`, a
# layout and no menu. Read like any region around the post's author's name: theirs only where it names them.
_IN_PROFILE_WIDGET = etree.XPath(
    "boolean(ancestor-or-self::*[@data-type = 'profile']"
    "[contains(concat(' ', normalize-space(@class), ' '), ' widget ')])"
)
_SIDEBAR = re.compile(r"sidebar|widget", re.IGNORECASE)
_NO_RESULTS = etree.XPath("boolean(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' no-results ')])")
_LISTS_OR_FORMS = etree.XPath(
    "boolean(.//form or count(.//h2[.//a] | .//h3[.//a]) > 1 or .//*[contains(@class, 'wp-block-post-template')]"
    # a comment thread's element, by a class or id that starts with "comment" — not Blocksy's count of them,
    # `li.meta-comments`, in the meta line under an author page's bio
    " or .//*[contains(concat(' ', normalize-space(@class)), ' comment') or starts-with(@id, 'comment')"
    " or contains(@id, 'respond')])"
)
_STOP_TAGS = {"body", "html", "main"}
_HINT_BONUS = 1.5
_BODY_START = 80  # characters of the post's text that no box holds


def find_author_boxes(
    page: Page, jsonld: list[dict[str, Any]], authors: list[Person], root: HtmlElement | None = None, body: str = ""
) -> list[AuthorBox]:
    """The author boxes of a post page, its authors' first, each name once; JSON-LD Persons complete a box of
    the same name, and stand alone where the markup has none. `root` is the post's body container and `body` its
    text: no box holds either."""
    hinted = _outermost([e for e in page.select(AUTHOR_BOXES) if not _in_comments(e)])
    by_name: dict[str, AuthorBox] = {}
    used: set[HtmlElement] = set()
    for person in authors:
        found = _best_region(page, person, hinted, (root, body[:_BODY_START]), author_page=False)
        if found is not None:
            element, box = found
            used.add(element)
            by_name.setdefault(fold(box.name), _with_sibling_profiles(page, element, box))
    for element in hinted:
        if any(element is u or _holds(element, u) or _holds(u, element) for u in used):
            continue
        if (box := read_box(element, page.base, names=page.names)) is not None:
            if _names_others(box.name, {*by_name, *(fold(person.name) for person in authors)}):
                continue
            box = _with_sibling_profiles(page, element, box)
            key = fold(box.name)
            by_name[key] = _merged(by_name[key], box) if key in by_name else box
    people = persons(jsonld, contributors=rendered_by_ghost(page))
    described = [box for person in people if (box := box_from_person(person, page.base))]
    if not by_name:
        return [box for box in described if box.bio] or _nameless(page, hinted, authors)
    for person_box in described:  # the markup's box, completed by the page's own JSON-LD for that author
        if (key := fold(person_box.name)) in by_name:
            by_name[key] = _merged(by_name[key], person_box)
    return [_with_profiles(page, box) for box in by_name.values()]


def listed_authors(page: Page, boxes: list[AuthorBox]) -> list[Person]:
    """The post's authors where no byline names them (`boxes`: find_author_boxes()'s): the person of its first
    box, and with them those of the boxes listed beside it, one per author — a plugin's list of the post's authors
    (PublishPress Authors' `<li>`s in one `<ul>`), each box a sibling of the first, of its tag. A box elsewhere on
    the page, and a list of boxes in a sidebar or widget (the site's team), name nobody else who wrote the post.
    A first box naming several people names each of them (its_first_author())."""
    if not boxes:
        return []
    first = Person(boxes[0].name, boxes[0].url)
    if len(names := split_names(first.name)) > 1:  # a theme's box over them all: its_first_author()
        return [Person(names[0], first.url), *(Person(name) for name in names[1:])]
    if len(boxes) == 1:
        return [first]
    named = {fold(box.name): box for box in boxes}
    hinted = _outermost([e for e in page.select(AUTHOR_BOXES) if not _in_comments(e)])
    for element in hinted:
        group = [e for e in hinted if e.getparent() is element.getparent() and e.tag == element.tag]
        if len(group) < 2 or _in_a_sidebar(element):
            continue
        listed = [
            named[key]
            for e in group
            if (box := read_box(e, page.base, names=page.names)) and (key := fold(box.name)) in named
        ]
        if listed and fold(listed[0].name) == fold(first.name):
            return [Person(box.name, box.url) for box in listed]
    return [first]


def its_first_author(boxes: list[AuthorBox]) -> list[AuthorBox]:
    """`boxes` with each box that names several people ("By Jane Roe and Lee Guest": Twenty Twenty-One's own box
    under Co-Authors Plus, which prints the first author's bio and picture) named for the first of them — the first
    box, or one under another plugin's (Simple Author Box's, for the post author alone), which named the person at
    the first author's page "Jane Roe and Lee Guest"."""
    named = []
    for box in boxes:
        names = split_names(box.name)
        named.append(replace(box, name=names[0]) if len(names) > 1 else box)
    return named


def with_their_pages(authors: list[Person], boxes: list[AuthorBox], base: str) -> tuple[list[Person], list[AuthorBox]]:
    """`authors` with the author page of their box where their stated URL is another host's, and `boxes` with that
    URL among their links: the person's own website, which JSON-LD states as their `url` (Docusaurus) or a byline
    links (Starbox), is their profile, the page on the site listing their posts their page. A stated URL that is an
    author page itself (another language's subdomain: Global Voices' es. for de.) stays."""
    home = urlsplit(base).netloc.lower()
    by_name = {fold(box.name): box for box in boxes if box.url and urlsplit(box.url).netloc.lower() == home}
    people = []
    for person in authors:
        box = by_name.get(fold(person.name))
        if box is None or not person.url or urlsplit(person.url).netloc.lower() == home or names_a_profile(person.url):
            people.append(person)
            continue
        people.append(Person(person.name, box.url))
        if person.url not in box.links:
            box.links = [person.url, *box.links]
    return people, boxes


def _nameless(page: Page, hinted: list[HtmlElement], authors: list[Person]) -> list[AuthorBox]:
    """Where nothing else gives the post's one author a box: the first theme's box that names nobody, read as
    theirs — PluXml's default theme prints the bio alone in div.author-infos under the post, the name only in its
    byline ("Written by Jane"). Not a box in a sidebar (the blog's "about" widget), nor one that names a person."""
    if len(authors) != 1:
        return []
    for element in hinted:
        if _in_a_sidebar(element) or read_box(element, page.base, names=page.names) is not None:
            continue
        if fold(authors[0].name) not in fold(page.text_in(element)):
            box = read_box(element, page.base, authors[0], page.names)
            return [_with_profiles(page, _with_sibling_profiles(page, element, box))] if box is not None else []
    return []


def _in_a_sidebar(element: HtmlElement) -> bool:
    return any(
        node.tag == "aside" or _SIDEBAR.search(f"{node.get('class') or ''} {node.get('id') or ''}")
        for node in element.iterancestors()
    )


def _names_others(name: str, others: set[str]) -> bool:
    """`name` lists several people each of whom `others` (folded names) holds: a theme's box over all of a
    post's authors (Twenty Twenty-One's "By Jane Roe and Max Muster" under Molongui Authorship), no person."""
    names = split_names(name)
    return len(names) > 1 and all(fold(each) in others for each in names)


def author_page_person(page: Page, jsonld: list[dict[str, Any]]) -> AuthorBox | None:
    """The person an author page (/author/x/, Blogger's and Ghost's profile pages) is about: named by its
    JSON-LD ProfilePage/Person or its heading ("Author: Jane", "Posts by Jane"), read from the region around the
    name, completed by the JSON-LD; the page's own URL is their author page when the region links none (or when
    no region around the name says more of them)."""
    described = [box for person in persons(jsonld) if (box := box_from_person(person, page.base))]
    name = next((box.name for box in described), None) or _heading_name(page) or _addressed_heading(page)
    if not name:
        return None
    person = Person(name, page.url)
    found = _best_region(page, person, [], (None, ""), author_page=True)
    box = found[1] if found is not None else _before_the_listing(page, person)
    for person_box in described:
        if fold(person_box.name) == fold(name):
            box = _merged(box, person_box) if box is not None else person_box
    if box is None:  # their page names them and prints nothing else of them (Twenty Twenty-Two): its address
        box = AuthorBox(name=name)
    box.url = box.url or page.url
    box.links = _page_profiles(page, box)
    return box


def _before_the_listing(page: Page, person: Person) -> AuthorBox | None:
    """The person from what their page prints before its list of posts, where the heading shares one container
    with that list (Hugo's and Jekyll's author layouts: <h1>, bio, then the posts), or the heading's <header> does
    (Hugo's PaperMod and Mainroad: <main>, its <header> with the <h1>, the term's text, then the posts)."""
    first: AuthorBox | None = None
    for seed in _seeds(page, person):
        container = seed.getparent()
        if container is not None and container.tag == "header" and container.getparent() is not None:
            container = container.getparent()
            if container.tag != "main":
                continue
        elif container is None or container.tag in _STOP_TAGS:
            continue
        head = copy.deepcopy(container)
        listing = next((i for i, child in enumerate(head) if _lists_posts(child)), len(head))
        for child in list(head)[listing:]:
            head.remove(child)
        if (box := read_box(head, page.base, person, page.names)) is not None and box.bio:
            return box
        first = first or box  # a breadcrumb's link to the page (Congo's) before the heading: read on
    return first


def _lists_posts(element: HtmlElement) -> bool:
    """An element holding the posts of a listing: <article>s, a list of links, or a heading over them."""
    if not isinstance(element.tag, str):
        return False
    return element.tag in ("article", "ul", "ol", "h2") or element.find(".//article") is not None


def _addressed_heading(page: Page) -> str | None:
    """The name of an <h1> that the page's address spells, on an author page addressed by the person's name: Hugo
    writes a taxonomy term's page at /authors/<the term, urlized>/ and its list layouts head it with the term
    (PaperMod's bare <h1> in header.page-header, Mainroad's h1.main__title, Coder's "Author: Jane", Stack's
    h1.section-term), no class the author-page headings know; a heading other than the address's is none."""
    segments = [part for part in urlsplit(page.url).path.split("/") if part]
    if not segments:
        return None
    wanted = _slug(unquote(segments[-1]))
    for heading in page.tree.iter("h1"):
        if _NO_RESULTS(heading):
            continue
        if (name := clean_name(text_of(heading))) and _slug(name) == wanted:
            return name
    return None


def _slug(text: str) -> str:
    """Words joined by dashes, lower case (Hugo's urlize, Jekyll's slugify)."""
    return "-".join(re.findall(r"\w+", text.casefold()))


def _heading_name(page: Page) -> str | None:
    """The name an author page's heading gives — not the heading of WordPress's template for an empty result
    ("Nothing here" in `section.no-results`: Polylang's /de/author/x/ of a person with no German posts)."""
    for selector in AUTHOR_PAGE_TITLES:
        for heading in page.select(selector):
            if _NO_RESULTS(heading):
                continue
            if name := clean_name(text_of(heading)):
                return name
    return None


def _best_region(
    page: Page, person: Person, hinted: list[HtmlElement], post: tuple[HtmlElement | None, str], author_page: bool
) -> tuple[HtmlElement, AuthorBox] | None:
    """The highest-scoring region around a place naming `person`: smaller wins a tie."""
    best: tuple[float, HtmlElement, AuthorBox] | None = None
    hints = set(hinted)
    seen: set[HtmlElement] = set()
    for seed in _seeds(page, person):
        for region in _regions(page, seed, post, author_page):
            if region in seen:
                continue
            seen.add(region)
            if sum(region is h or _holds(region, h) for h in hinted) > 1:
                break  # the boxes of several people (a plugin's, one per author): none of them alone
            box = read_box(region, page.base, person, page.names)
            if box is None:
                continue
            score = _score(box, page.text_in(region), region in hints)
            if best is None or score > best[0]:
                best = (score, region, box)
    return (best[1], best[2]) if best is not None else None


def _seeds(page: Page, person: Person) -> Iterator[HtmlElement]:
    """Elements naming the person: whose text is their name (labels aside), pictures whose alt is their name,
    links to their page; not in comments, menus or lists of other posts."""
    wanted = fold(person.name)
    found: list[HtmlElement] = []
    for text in _TEXT_NAMING(page.tree, name=person.name)[:MAX_SEEDS]:
        parent = text.getparent().getparent() if text.is_tail else text.getparent()
        if parent is not None and fold(clean_name(text_of(parent)) or "") == wanted:
            found.append(parent)
    found.extend(_IMAGE_NAMING(page.tree, name=person.name)[:MAX_SEEDS])
    if person.url:
        found.extend(_LINK_TO(page.tree, href=person.url)[:MAX_SEEDS])
    for element in found:
        if not _excluded(element):
            yield element


def _regions(
    page: Page, seed: HtmlElement, post: tuple[HtmlElement | None, str], author_page: bool
) -> Iterator[HtmlElement]:
    """The seed's ancestors up to a box's size: not the post's body, its text or what holds them, not a region
    with other posts (<article>), not the post's title on a post page."""
    root, body_start = post
    if _in_teaser(page, seed, post, author_page):
        return  # the byline of a post the page lists (one of the person's, another beside the post), not a box
    for level, element in enumerate(seed.iterancestors()):
        if level >= MAX_CLIMB or element.tag in _STOP_TAGS or element.tag == "article":
            return
        if root is not None and (element is root or _holds(element, root)):
            return
        if element.find(".//article") is not None or (not author_page and element.find(".//h1") is not None):
            return
        if _LISTS_OR_FORMS(element) or _HOLDS_ENTRY_BODY(element):  # other posts (a block theme's query loop), a
            return  # comment form, comments; the entry's body
        text = page.text_in(element)
        if len(text) > MAX_BOX_CHARS or (body_start and body_start in text):
            return
        yield element


def _in_teaser(page: Page, element: HtmlElement, post: tuple[HtmlElement | None, str], author_page: bool) -> bool:
    """Inside an <article> that links its heading elsewhere: a listing's teaser (Pelican Attila's author page names
    the person in each post's meta line, beside the post's excerpt, which was read as their bio), or on a post page
    a card of another post beside it, an <article> that holds neither the post's body container, nor an <h1>, nor
    the start of its text (`post`) — Ghost Source's "Read more" cards, each one link around a post's heading,
    excerpt and feature image with "By Jane" under them, were read as the box of the post's author Jane, another
    post's excerpt her bio. The post's own <article> (its heading may link to itself; a news site's holds related
    articles' cards) is no teaser."""
    article = next(element.iterancestors("article"), None)
    if article is None or not _LINKED_HEADINGS(article):
        return False
    if author_page:
        return True
    root, body_start = post
    if root is not None and (article is root or _holds(article, root)) or article.find(".//h1") is not None:
        return False
    start = " ".join(body_start.split())  # as text_in() spaces it
    return bool(start) and start not in page.text_in(article)


def _holds(element: HtmlElement, other: HtmlElement) -> bool:
    return any(ancestor is element for ancestor in other.iterancestors())


def _score(box: AuthorBox, text: str, hinted: bool) -> float:
    """What the region holds of a box, less its size: a bio and a picture count most."""
    held = 2 * bool(box.bio) + 2 * bool(box.avatar_url) + bool(box.url) + bool(box.article_count is not None)
    return held + 0.5 * bool(box.links) + (_HINT_BONUS if hinted else 0) - len(text) / MAX_BOX_CHARS


def _excluded(element: HtmlElement) -> bool:
    """In comments, menus, lists of other posts, or the site's footer (a <footer> outside any <article>: the
    site's owner and description, not the post's author). A <nav> in Icarus's profile widget is no menu."""
    ancestors = list(element.iterancestors())
    if any(node.tag == "footer" for node in (element, *ancestors)) and not any(a.tag == "article" for a in ancestors):
        return True
    for node in (element, *ancestors):
        if node.tag == "nav" and not _IN_PROFILE_WIDGET(node):
            return True
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag not in ("article", "body", "html") and _NOT_SEARCHED.search(names):
            return True
    return False


def _in_comments(element: HtmlElement) -> bool:
    """A theme's box class in a comment thread is a commenter's card (elsewhere, even in a menu, it is a box:
    MkDocs Material puts the post's authors in its sidebar navigation)."""
    return any(_COMMENTS.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in element.iterancestors())


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    """Matches that are not nested in another match."""
    taken = set(elements)
    return [e for e in elements if not any(a in taken for a in e.iterancestors())]


def _merged(first: AuthorBox, again: AuthorBox) -> AuthorBox:
    """One author shown twice (a compact box after the post, a full one further down; the markup and its
    JSON-LD): the first, its missing parts taken from the second."""
    return AuthorBox(
        name=first.name,
        bio=first.bio or again.bio,
        url=first.url or again.url,
        avatar_url=first.avatar_url or again.avatar_url,
        article_count=first.article_count if first.article_count is not None else again.article_count,
        links=first.links or again.links,
    )


def _with_profiles(page: Page, box: AuthorBox) -> AuthorBox:
    """The box's links and the rel=me links of an h-card naming the same person elsewhere on the page."""
    extra = [
        joined(page.base, link.get("href"))
        for card in _H_CARDS(page.tree)
        if not _excluded(card) and _card_name(card) == fold(box.name)
        for link in _RELME(card)
    ]
    box.links = list(dict.fromkeys([*box.links, *(link for link in extra if link and link != box.url)]))
    return box


def _with_sibling_profiles(page: Page, element: HtmlElement, box: AuthorBox) -> AuthorBox:
    """The rel=me links beside the box, in the element around it (Hexo NexT prints the author's links in a block
    after the author's): rel=me names the person's own profiles, and that element is no larger than a box."""
    around = element.getparent()
    if around is None or around.tag in _STOP_TAGS or around.tag == "article" or _LISTS_OR_FORMS(around):
        return box
    if len(page.text_in(around)) > MAX_BOX_CHARS:
        return box
    extra = [joined(page.base, a.get("href")) for a in _RELME(around)]
    box.links = list(dict.fromkeys([*box.links, *(link for link in extra if link and link != box.url)]))
    return box


def _card_name(card: HtmlElement) -> str:
    """An h-card's p-name ("" without one)."""
    name = next((node for node in card.iter() if "p-name" in (node.get("class") or "").split()), None)
    return fold(text_of(name)) if name is not None else ""


def _page_profiles(page: Page, box: AuthorBox) -> list[str]:
    """On a person's own page every rel=me link is theirs (outside comments)."""
    extra = [joined(page.base, a.get("href")) for a in _RELME(page.tree) if not _excluded(a)]
    return list(dict.fromkeys([*box.links, *(link for link in extra if link and link != box.url)]))
