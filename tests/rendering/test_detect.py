"""`--render auto` decides from the raw HTML: each class of page that needs a browser is told why, and a page that
holds its content — the sample blog, a server-rendered Next.js page, a lazy image extraction can read — is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.browser_blogs import Blogs
from bench.static import write_static_site
from bench.synthetic import synthetic_site
from crawler.rendering.detect import needs_browser

TEXT = "<p>" + "Notes from the garden, the soil and the rows of beans we planted along the fence. " * 3 + "</p>"


# The inline script SvelteKit prints into each page to start its client; {args} is the page it rendered, if any.
SVELTEKIT_START = """<script>{{ __sveltekit_1x2y3z = {{ base: "" }};
const element = document.currentScript.parentElement;
Promise.all([import("/_app/immutable/entry/start.js"), import("/_app/immutable/entry/app.js")])
.then(([kit, app]) => {{ kit.start(app, element{args}); }}); }}</script>"""


def page(body: str, head: str = "") -> bytes:
    return f"<!doctype html><html><head><title>t</title>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        (page('<div id="app"></div><script src="/app.js"></script>'), 'empty <div id="app">'),
        (page('<div id="__next"></div><script src="/_next/main.js"></script>'), 'empty <div id="__next">'),
        # Angular's root component as its CLI writes index.html, code in files only: no id, no inline script
        (page('<app-root></app-root><script src="main.js" type="module"></script>'), "empty <app-root>"),
        (page('<blog-root>\n<!-- app -->\n</blog-root><script src="main.js"></script>'), "empty <blog-root>"),
        (page("<noscript>Please enable JavaScript.</noscript><script src=/a.js></script>"), "<noscript> asks"),
        (page("<h1>Hi</h1><script>" + "var x = 1;" * 400 + "</script>"), "bytes of script"),
        (page(TEXT * 3 + '<script src="https://static.parastorage.com/x.js"></script>'), "a Wix page"),
        (page(TEXT * 3 + '<script src="https://substackcdn.com/bundle.js"></script>'), "a Substack page"),
        # Docsify's one page, its app root holding the writer's own loading line, not empty
        (
            page(
                '<div id="app">Loading the notes…</div><script>window.$docsify = {loadSidebar: true}</script>'
                '<script src="//cdn.jsdelivr.net/npm/docsify@4/lib/docsify.min.js"></script>'
            ),
            "a Docsify site",
        ),
        (page('<div id="app">…</div><script src="./lib/docsify.min.js"></script>'), "a Docsify site"),
        (page('<iframe id="mainFrame" src="/PostView"></iframe><script>var a;</script>'), "Naver Blog's mainFrame"),
        (page(TEXT * 3 + '<div id="disqus_thread"></div><script>var d;</script>'), "(Disqus)"),
        (
            page(TEXT * 3 + '<section id="isso-thread"></section><script data-isso="//c/" src="//c/e.js"></script>'),
            "(Isso)",
        ),
        (page(TEXT * 3 + '<button class="btn">Load more</button><script>var l;</script>'), "loads more posts"),
        (page(TEXT * 3 + '<button type="button">더보기</button><script>var l;</script>'), "loads more posts"),
        (page(TEXT * 3 + '<div class="infinite-scroll-sentinel"></div><script>var l;</script>'), "infinite scroll"),
        (page(TEXT + '<img class="x"><img class="y"><img class="z"><script>var i;</script>'), "3 of 3 images"),
        # SvelteKit's page that its server did not render (`ssr = false`, the static adapter's SPA fallback): the
        # root holds the start script alone, which hands the app no page to hydrate
        (page(f'<div id="svelte">{SVELTEKIT_START.format(args="")}</div>'), "SvelteKit starts its app"),
        (page(f'<div style="display: contents">{SVELTEKIT_START.format(args="")}</div>'), "SvelteKit starts"),
    ],
)
def test_pages_that_need_a_browser_are_told_why(html: bytes, reason: str) -> None:
    assert reason in (needs_browser(html) or "")


@pytest.mark.parametrize(
    "html",
    [
        page(TEXT * 3 + "<script>var analytics = 1;</script>"),
        page('<div id="__next"><article>' + TEXT * 3 + "</article></div><script src=/_next/main.js></script>"),
        page(TEXT * 3 + '<img data-src="/a.jpg" class="lazy"><img data-lazy-src="/b.jpg"><script>lazy()</script>'),
        # Blocksy's lazy loader: the address in data-lazy, the sizes in data-lazy-set
        page(TEXT * 3 + '<img data-lazy="/a.jpg"><img data-lazy="/b.jpg" data-lazy-set="/b.jpg 1x"><script>l()'),
        page(TEXT * 3 + '<a href="/page/2/">Older posts</a><div class="load-more"></div><script>var a;</script>'),
        page(TEXT * 3 + '<a href="/archive/">See more</a><script>var a;</script>'),
        page('<div id="app"></div>'),  # no script could fill it
        # Angular prerendered (its root holds the page), and a page whose custom element merely ends in -root
        page("<app-root><article>" + TEXT * 3 + '</article></app-root><script src="main.js"></script>'),
        page(TEXT * 3 + '<tree-root></tree-root><script src="tree.js"></script>'),
        # SvelteKit's prerendered page of little text: its start script hands the app the page to hydrate
        page(
            '<div style="display: contents"><!--[--><h1>Tags</h1><a href="/tags/go">go</a><!--]-->'
            + SVELTEKIT_START.format(args=", { node_ids: [0, 4], data: [null, null], form: null, error: null }")
            + "</div>"
        ),
        # Vue's server rendering (VuePress): a short post inside <div id="app">, its parts in <!--[-->…<!--]-->
        page(
            '<div id="app"><!--[--><!--[--><header>Notes</header><p>Coffee needs twenty-five seconds.</p><!--]-->'
            "<!--]--></div><script src=/assets/app.js></script>"
        ),
        # a WordPress tag page listing one post that is an image alone, beside WordPress's inline scripts
        page(
            '<h1>Tag: Walking</h1><a href="/cliffs/"><img src="/c.jpg"></a><script>' + "wp.emoji();" * 300 + "</script>"
        ).replace(b"<body>", b'<body class="archive tag tag-walking tag-12 wp-embed-responsive">'),
        # a short post of a static Next.js export (App Router): the server's payload for hydration beside it, and
        # its data as JSON; no code builds the page
        page(
            "<article><h1>Coffee</h1><p>Coffee needs twenty-five seconds.</p></article>"
            + "".join(f'<script>self.__next_f.push([1,"{"x" * 1000}"])</script>' for _ in range(7))
            + '<script type="application/ld+json">{"@type": "BlogPosting"}</script>'
        ),
    ],
)
def test_pages_whose_html_holds_them_need_no_browser(html: bytes) -> None:
    assert needs_browser(html) is None


def test_a_noscript_that_only_says_the_page_works_best_with_javascript_asks_for_no_browser() -> None:
    """Hugo's FixIt prints `<noscript><div class="noscript-warning">Theme FixIt works best with JavaScript
    enabled.</div></noscript>` on every page of a static site: its tag pages, a few links and little text, were
    rendered in Chromium (41 of them). A page with little text beside much script, or an empty application root,
    is a shell whatever its <noscript> says."""
    warning = '<noscript><div class="noscript-warning">Theme FixIt works best with JavaScript enabled.</div></noscript>'
    tag_page = '<main><h2>Tag - life</h2><article><a href="/posts/a-quiet-week/">A quiet week</a></article></main>'
    assert needs_browser(page(tag_page + warning + "<script>var t = 1;</script>")) is None
    assert needs_browser(page("<h1>Hi</h1>" + warning + "<script>" + "var x = 1;" * 400 + "</script>")) is not None
    assert needs_browser(page('<div id="app"></div>' + warning + "<script src=/a.js></script>")) is not None


def test_a_static_generators_short_page_beside_its_themes_inline_script_needs_no_browser() -> None:
    """Quarto writes every page with pandoc and adds its theme's code inline (`<script id="quarto-html-after-body">`:
    anchors, copy buttons, tooltips; about 9 KB): a blog's About page of one line was called a shell — 73
    characters of text beside 8,940 bytes of script — and every crawl of a Quarto blog exited incomplete. The same
    page without a generator's mark is judged by its text and script as before."""
    about = (
        '<div class="quarto-about-jolla"><main class="content" id="quarto-document-content"><p>About this blog</p>'
        '</main></div><script id="quarto-html-after-body" type="application/javascript">'
        + "window.document.addEventListener('DOMContentLoaded', function (event) { anchor(); });" * 110
        + "</script>"
    )
    for generator in ("quarto-1.7.32", "Hugo 0.131.0"):
        assert needs_browser(page(about, f'<meta name="generator" content="{generator}">')) is None
    assert needs_browser(page(about, "<meta content='quarto-1.3.433' name=\"generator\">")) is None
    assert "bytes of script" in (needs_browser(page(about)) or "")
    assert "bytes of script" in (needs_browser(page(about, '<meta name="generator" content="Wix.com">')) or "")


def test_a_ghost_listing_without_a_next_page_needs_no_browser() -> None:
    """Ghost's themes load more posts from the `<link rel="next">` that `{{ghost_head}}` prints, and Dawn prints its
    "Load more" button on a tag's one page too: each tag page of a Ghost blog on Dawn was a crawl error under
    `--render never` ("a listing that grows by script … with no pagination link"), and rendered under `auto`. The
    same page off Ghost still needs a browser."""
    feed = '<article class="feed post"><h2 class="feed-title">Coffee</h2><a href="/coffee/">Coffee</a></article>'
    tag_page = (
        TEXT + feed + '<nav class="load-more"><button class="button gh-loadmore">Load more</button></nav>'
        "<script src=/assets/built/main.min.js></script>"
    )
    assert needs_browser(page(tag_page, '<meta name="generator" content="Ghost 5.130">')) is None
    assert "with no pagination link" in (needs_browser(page(tag_page)) or "")


def test_a_gatsby_tag_page_beside_its_chunk_map_needs_no_browser() -> None:
    """Gatsby renders every page at build time and writes its loader inline after it (`window.___chunkMapping`, the
    webpack compilation hash: some 2.5 KB): the starter blog's tag page of one post, 124 characters of text, was
    called a shell — rendered in Chromium, and with `--render never` a crawl error. Its `<meta name="generator"
    content="Gatsby 5.16.1">` says the page's HTML holds it; without the mark it is judged as before."""
    chunks = ",".join(
        f'\\"component---src-pages-p{n}-js\\":[\\"/component---src-pages-p{n}-js-3ff9b0741e52f4cbd0a8.js\\"]'
        for n in range(20)
    )
    tag_page = (
        '<div id="___gatsby"><div style="outline:none" tabindex="-1" id="gatsby-focus-wrapper">'
        '<div class="global-wrapper"><header class="global-header"><a href="/">Field Notes</a></header><main>'
        '<h1>1 post tagged with "notes"</h1><ul><li><a href="/morning-fog/">Morning fog</a></li></ul></main>'
        '<footer>© 2024, Built with <a href="https://www.gatsbyjs.com">Gatsby</a></footer></div></div></div>'
        f'<script id="gatsby-chunk-mapping">window.___chunkMapping="{{{chunks}}}";</script>'
        '<script>window.___webpackCompilationHash="b052f8582d5d18e193e0";</script>'
        '<script src="/app-1f959cd8e3b9349bcc99.js" async></script>'
    )
    assert needs_browser(page(tag_page, '<meta name="generator" content="Gatsby 5.16.1"/>')) is None
    assert "bytes of script" in (needs_browser(page(tag_page)) or "")


def test_a_nuxt_page_beside_the_state_its_server_rendered_it_from_needs_no_browser() -> None:
    """`nuxi generate` renders every page of a Nuxt Content blog and writes after it the state the page was rendered
    from, for the client to hydrate (`window.__NUXT__=…`, Nuxt 3 after importing the route's `_payload.js`; Nuxt 2
    without): its home and its list of articles, one post each, were called shells — 107 characters of text beside
    9,634 bytes of script, most of it that state — and the crawl exited incomplete. Nuxt's SPA fallback, an empty
    `<div id="__nuxt">` beside the same state, still is one."""
    state = "{state:{" + ",".join(f'"$s{n}":{{_path:"/articles/p{n}",title:"Post {n}"}}' for n in range(60)) + "}}"
    listing = (
        '<div id="__nuxt"><div class="app-layout"><!--[--><header><nav><a href="/">Home</a>'
        '<a href="/articles">Articles</a></nav></header><main><article class="featured"><a href="/articles/first">'
        "<h1>A first post</h1></a><time>January 8, 2023</time></article></main><!--]--></div></div>"
        + "<script>const w=window,de=document.documentElement;de.classList.add('light');</script>"
    )
    for payload in (f'import p from "/_payload.js";window.__NUXT__={{...p,...{state}}}', f"window.__NUXT__={state}"):
        script = f'<script type="module">{payload}</script><script type="module" src="/_nuxt/entry.js"></script>'
        assert needs_browser(page(listing + script)) is None
        assert "bytes of script" in (needs_browser(page(listing + script.replace("__NUXT__", "__APP__"))) or "")
        shell = '<div id="__nuxt"></div>' + script
        assert 'empty <div id="__nuxt">' in (needs_browser(page(shell)) or "")


def test_no_page_of_the_benchmark_blog_needs_a_browser(tmp_path: Path) -> None:
    """The sample blog's posts with a WordPress theme's inline styles and scripts: a static blog stays unrendered."""
    write_static_site(synthetic_site(30), tmp_path)
    pages = [path.read_bytes() for path in tmp_path.rglob("*.html")]
    assert len(pages) > 30
    assert [needs_browser(body) for body in pages] == [None] * len(pages)


def test_every_page_of_the_test_blogs_that_needs_a_browser_is_found() -> None:
    blogs = Blogs()
    blogs.comments.base = "http://127.0.0.1:1/"
    assert needs_browser(blogs.spa_answer("/posts/post-1/", {})[2]) is not None
    assert needs_browser(blogs.scroll_answer("/", {})[2]) is not None
    assert needs_browser(blogs.scroll_answer("/2024/post-1/", {})[2]) is not None
    assert needs_browser(blogs.frames_answer("/garden/post-1", {})[2]) is not None


def test_a_page_of_a_site_whose_home_names_a_static_generator_is_no_shell_for_its_inline_script() -> None:
    """Hugo writes its `<meta name="generator">` into the home page alone: a Hugo theme's section list of two posts
    (Stack's /post/, 196 characters of text beside some 4 KB of the theme's inline code) names no generator, and
    was a shell. A page of a site whose home named one (`site_generated`) is judged as that home would be; an
    empty application root is a shell whatever the site."""
    listing = (
        '<section class="article-list--compact"><article><a href="/p/rye/"><h2>Rye</h2><time>Feb 03, 2026</time>'
        "</a></article></section><script>" + "document.body.classList.add('animated');" * 60 + "</script>"
    )
    assert "bytes of script" in (needs_browser(page(listing)) or "")
    assert needs_browser(page(listing), site_generated=True) is None
    shell = '<div id="app"></div><script src="/app.js"></script>'
    assert 'empty <div id="app">' in (needs_browser(page(shell), site_generated=True) or "")


def test_commenters_avatars_a_script_draws_call_for_no_browser() -> None:
    """A Jekyll blog prints its archived comments and webmentions under a post, each with the commenter's avatar,
    `<img class="avatar" data-username="…">`, whose picture a script draws from the name (no src): a post of many
    comments and few pictures of its own had half its images without an address, "needs a browser", and was no
    post of the archive (a crawl error, exit status 3). A person's picture — an avatar, an h-card's `u-photo` — is
    none of the page's content; the same images without that class still are."""
    comment = (
        '<article class="reply static-item"><img class="avatar" data-username="{name}" loading="lazy">'
        "<header><h4>{name}</h4></header><p>Thanks, the wiring diagram helped.</p></article>"
    )
    comments = "".join(comment.format(name=name) for name in ("ann", "bo", "cy", "di", "ed"))
    post = TEXT * 3 + '<img src="/images/rack.jpg" alt="">' + comments + "<script>drawAvatars();</script>"
    assert needs_browser(page(post)) is None
    webmention = '<a class="p-author h-card" href="https://x.example/"><img class="u-photo"></a><p>Nice.</p>'
    assert needs_browser(page(TEXT * 3 + webmention * 4 + "<script>drawAvatars();</script>")) is None
    assert "5 of 6 images" in (needs_browser(page(post.replace(' class="avatar"', ""))) or "")


def test_an_img_tag_a_posts_prose_names_calls_for_no_browser() -> None:
    """An Eleventy post about browsers wrote "<img srcset> is now also supported" in its Markdown, which passes a tag
    in a sentence through as markup: two `<img srcset>` without a value, the page's only images, made a complete post
    "needs a browser" and its crawl exit 3. An <img> none of whose attributes has a value is no placeholder a script
    fills; one with a class or a lazy-loading attribute still is."""
    prose = "<h3><img srcset></h3><p>After Opera and Firefox <img srcset> is now supported, as is <img>.</p>"
    assert needs_browser(page(TEXT * 3 + prose + "<script>track();</script>")) is None
    placeholders = '<p><img class="lazy"><img class="lazy" srcset></p>'
    assert "2 of 2 images" in (needs_browser(page(TEXT * 3 + placeholders + "<script>lazy();</script>")) or "")
