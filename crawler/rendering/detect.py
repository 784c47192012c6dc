"""Does a page need a browser? `needs_browser(body)` says why, or None — the decision of `--render auto`.

It runs on every HTML page of every crawl, on the crawl's main thread, and a static blog must crawl as fast with
`--render auto` as without: so it never parses the page. Every marker it knows sits in one of a few places — an
`id` attribute, a `class` attribute, a `<script>` tag, a `<button>`, an `<img>` — and each place is read with one
regular expression that starts with a literal (`id=`, `class=`, `<script`, …), which the regex engine finds with
its fast substring search: six passes over the bytes, whatever the number of markers. The visible text is counted
only on a page with few paragraphs, and only until there is enough of it. Markers are matched as the platforms
write them. Each rule names a markup convention or a platform, never a site (docs/rendering.md lists them):

- a shell: SvelteKit's start script with no data of a page its server rendered (`kit.start(app, element)`);
- a shell: an empty application root (`<div id="app">`, `root`, `__next`, `__nuxt`, `___gatsby`, `svelte`;
  Angular's `<app-root>`) or a `<noscript>` asking for JavaScript (not one saying only that the page works best
  with it: Hugo's FixIt), on a page with little text; or little text beside much script, unless WordPress's body
  classes or a static site generator's `<meta name="generator">` (Quarto, Hugo, Jekyll, Hexo, Gatsby …) say its
  template rendered the page, or an earlier page of its site said so (Hugo names itself in the home page alone);
- a platform that builds its pages with scripts (Wix, Substack, Medium, Docsify) or holds the post in a frame
  (Naver Blog's `mainFrame`);
- a listing that grows by script: a "load more" button, or an infinite-scroll / load-more element, and no
  pagination link;
- images whose address no attribute holds (a script sets it): extraction reads `src`, `srcset` and the usual
  lazy-loading attributes (`data-src` …) itself, so those alone need no browser;
- comments a script loads: an embed (Disqus, Isso, Commento, utterances, giscus, Remark42, Cusdis, Hyvor Talk,
  Facebook); Ghost's comments-ui only where its script names no post (the crawl reads a named post's comments from
  Ghost's comments API itself: crawler/discovery/ghost.py).
"""

from __future__ import annotations

import re

from crawler.discovery.ghost import loads_unreadable_comments
from crawler.extraction.images import LAZY_SRC_ATTRIBUTES, SRCSET_ATTRIBUTES
from crawler.extraction.wordpress import WORDPRESS_BODY_CLASSES

LITTLE_TEXT = 300  # characters of visible text below which a page may be a shell
MUCH_SCRIPT = 20  # inline script this many times the text (and over 2 KB) makes a page with little text a shell
FEW_PARAGRAPHS = 3  # a page with this many closed paragraphs has its text in the HTML: it is no shell

# id="…" values: what each means.
IDS = {
    b"app": "shell",
    b"root": "shell",
    b"__next": "shell",
    b"__nuxt": "shell",
    b"___gatsby": "shell",
    b"svelte": "shell",
    b"mainFrame": "a post in Naver Blog's mainFrame",
    b"disqus_thread": "comments loaded by script (Disqus)",
    b"isso-thread": "comments loaded by script (Isso)",
    b"commento": "comments loaded by script (Commento)",
    b"cusdis_thread": "comments loaded by script (Cusdis)",
    b"remark42": "comments loaded by script (Remark42)",
    b"hyvor-talk-view": "comments loaded by script (Hyvor Talk)",
}
# Angular's root component, the element its index.html holds for the app to fill: `<app-root></app-root>` as the CLI
# writes it, `<PREFIX-root>` with a project's own prefix. Read only on a page that has "-root>" (its end tag) in it.
_ANGULAR_ROOT_NAME = b"-root>"
_ANGULAR_ROOT = re.compile(
    rb"<([a-z][a-z0-9]*(?:-[a-z0-9]+)*-root)(?:\s[^>]*)?>\s*(?:<!--(?:(?!-->).)*-->\s*)*</\1>", re.DOTALL
)
# Words in a class attribute: what each means.
CLASSES = {
    b"fb-comments": "comments loaded by script (Facebook comments)",
    b"infinite-scroll": "grows",
    b"infinite_scroll": "grows",
    b"load-more": "grows",
    b"loadmore": "grows",
    b"load_more": "grows",
}
# Hosts (and paths) a <script> loads from, or attributes on it: what each means.
SCRIPTS = {
    b"static.parastorage.com/": "a Wix page, built by scripts",
    b"substackcdn.com/": "a Substack page, built by scripts",
    b"cdn-client.medium.com/": "a Medium page, built by scripts",
    # Docsify's index.html is the one page of the site: its script fetches the Markdown and renders it into
    # `<div id="app">`, which the writer may fill with a "Loading…" line of their own (no longer empty)
    b"docsify": "a Docsify site, built by scripts",
    b".disqus.com/embed.js": "comments loaded by script (Disqus)",
    b"data-isso": "comments loaded by script (Isso)",
    b"utteranc.es/": "comments loaded by script (utterances)",
    b"giscus.app/": "comments loaded by script (giscus)",
    b"cdn.commento.io/": "comments loaded by script (Commento)",
    b"cusdis.com/": "comments loaded by script (Cusdis)",
    b"talk.hyvor.com/": "comments loaded by script (Hyvor Talk)",
}
# Controls that load more posts, in the languages of the blogs we know: their visible text, lower-cased.
LOAD_MORE_WORDS = (
    "load more",
    "show more posts",
    "more posts",
    "older posts",
    "load older",
    "see more",
    "view more",
    "weitere beiträge",
    "mehr laden",
    "mehr anzeigen",
    "ältere beiträge",
    "voir plus",
    "charger plus",
    "plus d'articles",
    "cargar más",
    "ver más",
    "carica altri",
    "mostra altri",
    "meer laden",
    "carregar mais",
    "더보기",
    "더 보기",
    "もっと見る",
    "さらに表示",
    "加载更多",
    "查看更多",
    "載入更多",
)

_ID = re.compile(rb"id=[\"']?(" + b"|".join(map(re.escape, IDS)) + rb")[\"'\s>]")
_CLASS = re.compile(rb"class=[\"']?[^\"'>]*?\b(" + b"|".join(map(re.escape, CLASSES)) + rb")\b")
_SCRIPT_TAG = re.compile(rb"<script\b[^>]*>")
_SCRIPT_MARKER = re.compile(b"|".join(map(re.escape, SCRIPTS)))
_BUTTON = re.compile(rb"<button\b[^>]*>(.{0,200}?)</button", re.DOTALL)
_LOAD_MORE = re.compile(b"|".join(re.escape(word.encode()) for word in LOAD_MORE_WORDS))
_PAGINATION = re.compile(rb"\brel\s*=\s*[\"']?next\b|/page/\d+/?[\"']|[?&](?:page|paged)=\d+[\"'&]", re.IGNORECASE)
# A page WordPress rendered: its template printed the content, and its inline scripts are WordPress's own (emoji,
# skip link, navigation), however much they outweigh a short tag page's text.
_WORDPRESS_RENDERED = re.compile(
    rb"<body\b[^>]*\bclass=[\"'][^\"']*?(?<![\w-])(?:" + WORDPRESS_BODY_CLASSES.encode() + rb")(?![\w-])"
)
# A <meta name="generator"> naming a generator that writes each page's text into its HTML at build time: a page of
# little text beside its theme's inline code (Quarto's anchors, copy buttons and tooltips on every page: a blog's
# About of one line was called a shell) is that page, not a script that builds it.
_GENERATOR_META = re.compile(rb"<meta\b[^>]*\bname\s*=\s*[\"']?generator\b[^>]*>", re.IGNORECASE)
_STATIC_GENERATOR = re.compile(
    rb"\bcontent\s*=\s*[\"']?\s*(?:quarto|hugo|jekyll|hexo|nikola|mkdocs|eleventy|pelican|ikiwiki|docutils|gatsby)\b",
    re.IGNORECASE,
)
# Ghost's generator tag: its themes' "load more" and infinite scroll (Casper's, Source's, Dawn's) fetch the next page
# from the `<link rel="next">` its `{{ghost_head}}` prints, and a listing without one has nothing more to show.
_GHOST_GENERATOR = re.compile(rb"\bcontent\s*=\s*[\"']?\s*Ghost\b", re.IGNORECASE)
_IMG = re.compile(rb"<img\b[^>]*>")
# An <img> none of whose attributes has a value — `<img>`, `<img srcset>` — is HTML a post's prose names: Markdown
# passes a tag written in a sentence ("<img srcset> is now supported") through as markup. A placeholder that a
# lazy-loading script fills carries what the script finds it or its picture by (a class, data-src, a size).
_VALUELESS_IMG = re.compile(rb"<img(?:\s+[\w:-]+)*\s*/?>", re.IGNORECASE)
# A person's picture by its class: WordPress's get_avatar() (`avatar avatar-96 photo`) and the comment and webmention
# templates of other engines (`avatar`, `comment-avatar`), microformats2's h-card photo (`u-photo`)
_AVATAR = re.compile(
    rb"\sclass\s*=\s*(?:\"[^\"]*|'[^']*|)(?<![\w-])(?:[\w-]*avatar[\w-]*|u-photo)(?![\w-])", re.IGNORECASE
)
_DATA_SCRIPT = re.compile(rb"\stype\s*=\s*[\"']?[^\"'>\s]*json", re.IGNORECASE)
_SPACE_RUN = re.compile(rb"\s*")
_HYDRATION_PAYLOADS = (b"self.__next_f.push(", b"(self.__next_f=self.__next_f||[]).push(")
# Nuxt's copy of the state its server rendered the page from, for the client to hydrate: `window.__NUXT__=…` (Nuxt 2,
# and Nuxt 3 after importing the route's `_payload.js`, as `nuxi generate` writes a static page); an unrendered
# Nuxt shell has its empty `<div id="__nuxt">`, found by that.
_NUXT_STATE = re.compile(rb'(?:import\s*\w+\s*from\s*"[^"]*_payload\.js";?\s*)?window\.__NUXT__\s*=')
# SvelteKit's start call, in the one inline script it prints into every page: `kit.start(app, element, {…})` hands
# the client the data of the page its server rendered, to hydrate; `kit.start(app, element)` (or `app.start(element)`
# of an inline or single-bundle build) hands it nothing, because nothing was rendered (`ssr = false`, adapter-static's
# SPA fallback page): the app builds the page from scratch. That page is a shell whatever its root, `<div
# id="svelte">` or SvelteKit's `<div style="display: contents">`, which its start script keeps from looking empty.
_SVELTEKIT_GLOBAL = b"__sveltekit_"
_SVELTEKIT_BARE_START = re.compile(rb"\.start\(\s*(?:app\s*,\s*)?element\s*\)")
# Where extraction finds an image's address itself (crawler/extraction/images.py reads these).
_IMAGE_ADDRESS = re.compile(
    rb"\s(?:" + "|".join(LAZY_SRC_ATTRIBUTES + SRCSET_ATTRIBUTES).encode() + rb")\s*=\s*[\"']?(?!data:)",
    re.IGNORECASE,
)

_I = re.IGNORECASE | re.DOTALL
_TEXT_OR_HIDDEN = re.compile(rb"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|>(?P<text>[^<]+)", _I)
_SPACE = re.compile(rb"\s+")
_NOSCRIPT = re.compile(rb"<noscript\b[^>]*>(.*?)</noscript\s*>", _I)
# A <noscript> that only says the page is better with JavaScript, printed on every page of a theme whose pages hold
# their content: "Theme FixIt works best with JavaScript enabled." (Hugo's LoveIt, DoIt, FixIt; Hexo's NexT),
# Gatsby's "This app works best with JavaScript enabled.", Hexo Fluid's "…浏览效果更佳". Not a request to enable it.
_ONLY_WARNS = re.compile(
    "works best with|best viewed with|(?:better|best) experience|am besten mit|效果更佳|效果最佳".encode(),
    re.IGNORECASE,
)
# Comments and white space alone inside: one comment ends at its first "-->" (Vue's server rendering fills
# <div id="app"> with `<!--[-->…<!--]-->` around the page: a comment that ran on to the last "-->" made it empty).
_EMPTY_ELEMENT = re.compile(rb"[^<>]*>\s*(?:<!--(?:(?!-->).)*-->\s*)*</(?:div|main|section)>", re.DOTALL)


def needs_browser(body: bytes, site_generated: bool = False) -> str | None:
    """Why the page needs a browser to show its content, or None when its HTML holds it. `site_generated`: another
    page of the site names a static site generator (`names_static_generator`), as Hugo writes its `<meta
    name="generator">` into the home page alone: this page's little text beside much script is its template's too."""
    if b"<script" not in body:
        return None  # nothing could build or change the page
    shell_roots = []
    for match in _ID.finditer(body):
        meaning = IDS[match.group(1)]
        if meaning != "shell":
            return meaning
        if _EMPTY_ELEMENT.match(body, match.end() - 1):
            shell_roots.append(f'<div id="{match.group(1).decode()}">')
    if _ANGULAR_ROOT_NAME in body:
        shell_roots += (f"<{name.decode()}>" for name in _ANGULAR_ROOT.findall(body))
    for tag in _SCRIPT_TAG.findall(body):
        if (marker := _SCRIPT_MARKER.search(tag)) is not None:
            return SCRIPTS[marker.group()]
    if loads_unreadable_comments(body):
        return "comments loaded by script (Ghost), for no post the page names"
    if _SVELTEKIT_GLOBAL in body and _SVELTEKIT_BARE_START.search(body):
        return "a shell: SvelteKit starts its app with no page its server rendered"
    for check in (_growing_listing, _scripted_images):
        if (reason := check(body)) is not None:
            return reason
    return _shell(body, shell_roots, site_generated)


def loads_docsify(body: bytes) -> bool:
    """A <script> of the page is Docsify's (the SCRIPTS marker): its routes' `?id=` is a heading's anchor
    (crawler/discovery/app_routes.py)."""
    return any(b"docsify" in tag for tag in _SCRIPT_TAG.findall(body))


def _growing_listing(body: bytes) -> str | None:
    grows = None
    for match in _CLASS.finditer(body):
        meaning = CLASSES[match.group(1)]
        if meaning != "grows":
            return meaning
        grows = grows or "a listing that grows by script (infinite scroll, load more)"
    if grows is None and any(_LOAD_MORE.search(m.group(1).lower()) for m in _BUTTON.finditer(body)):
        grows = "a listing that loads more posts by script"
    if grows is None or _PAGINATION.search(body) or _rendered_by_ghost(body):
        return None  # nothing grows; or the crawl follows the pages of the listing; or Ghost's listing is whole
    return f"{grows}, with no pagination link"


def _rendered_by_ghost(body: bytes) -> bool:
    """Ghost's generator tag names it (_GHOST_GENERATOR): a listing's "load more" loads `rel=next` or nothing — Dawn
    prints its button on a tag's one page too."""
    return any(_GHOST_GENERATOR.search(tag) for tag in _GENERATOR_META.findall(body))


def _scripted_images(body: bytes) -> str | None:
    """Images that carry no address at all, nor a lazy-loading attribute with one: at least two, and half of the
    page's images (an empty avatar placeholder or two is no reason). A person's picture (_AVATAR) is none of them:
    a comment's avatar that a script draws from the commenter's name leaves the page's content whole; nor is a tag
    the prose names (_VALUELESS_IMG)."""
    tags = [tag for tag in _IMG.findall(body) if not _AVATAR.search(tag) and not _VALUELESS_IMG.fullmatch(tag)]
    missing = sum(1 for tag in tags if not _IMAGE_ADDRESS.search(tag))
    if missing >= 2 and 2 * missing >= len(tags):
        return f"{missing} of {len(tags)} images have an address only a script sets"
    return None


def _shell(body: bytes, empty_roots: list[str], site_generated: bool) -> str | None:
    if body.count(b"</p>") >= FEW_PARAGRAPHS:
        return None
    text = visible_text_length(body, enough=LITTLE_TEXT)
    if text >= LITTLE_TEXT:
        return None
    if empty_roots:
        return f"a shell: an empty {empty_roots[0]} that a script fills"
    if any(_asks_for_javascript(match.group(1)) for match in _NOSCRIPT.finditer(body)):
        return "a shell: <noscript> asks for JavaScript, and the page has little text"
    script = _script_bytes(body)
    if script > MUCH_SCRIPT * max(text, 1) and script > 2000 and not (site_generated or _rendered_by_template(body)):
        return f"a shell: {text} characters of text beside {script} bytes of script"
    return None


def _rendered_by_template(body: bytes) -> bool:
    """WordPress's body classes, or a static site generator's <meta name="generator">, say the page's HTML was
    rendered whole by its template: its script is the theme's, not what builds the page."""
    return _WORDPRESS_RENDERED.search(body) is not None or names_static_generator(body)


def names_static_generator(body: bytes) -> bool:
    """The page's `<meta name="generator">` names a generator that writes each page's text into its HTML at build
    time (_STATIC_GENERATOR)."""
    return any(_STATIC_GENERATOR.search(tag) for tag in _GENERATOR_META.findall(body))


def _asks_for_javascript(noscript: bytes) -> bool:
    """A <noscript> that names JavaScript and does not only say the page works better with it (_ONLY_WARNS): such
    a page is judged by its text and script as any other (its little text beside little script is its content)."""
    return b"javascript" in noscript.lower() and not _ONLY_WARNS.search(noscript)


def visible_text_length(body: bytes, enough: int | None = None) -> int:
    """About how many characters of text a reader sees without scripts (tags and whitespace not counted); the
    count stops once it reaches `enough`, so a page full of text costs little."""
    total = 0
    for match in _TEXT_OR_HIDDEN.finditer(body):
        if (text := match.group("text")) is not None:
            total += len(_SPACE.sub(b" ", text).strip())
            if enough is not None and total >= enough:
                break
    return total


def _script_bytes(body: bytes) -> int:
    """The bytes of the page's code between <script …> and </script>, found with find() alone: not data (JSON-LD,
    `__NEXT_DATA__` and other `type=…json` scripts) nor Next.js's server payload (`self.__next_f.push(…)`, the
    App Router's copy of the page it rendered for the client to hydrate) or Nuxt's (`window.__NUXT__=…`) — they
    build nothing, and a short post of a static Next.js export, a Nuxt Content blog's home and list of articles,
    were called shells for them."""
    total, start = 0, body.find(b"<script")
    while start != -1:
        end = body.find(b"</script", start)
        if end == -1:
            return total + len(body) - start
        tag_end = body.find(b">", start, end) + 1  # 0: no end of the tag before </script>, all of it is code
        code = _SPACE_RUN.match(body, tag_end).end() if tag_end else start  # the code's first byte, no copy of it
        if not tag_end or not (_DATA_SCRIPT.search(body, start, tag_end) or _hydration_payload(body, code)):
            total += end - start
        start = body.find(b"<script", end)
    return total


def _hydration_payload(body: bytes, code: int) -> bool:
    """The script at `code` is a framework's copy of the page its server rendered: Next.js's or Nuxt's."""
    return body.startswith(_HYDRATION_PAYLOADS, code) or _NUXT_STATE.match(body, code) is not None
