"""Blogs that need a browser, served on 127.0.0.1, each of a class the issue names; the rendering tests
(tests/rendering/) crawl them, and so does the comparison with scrapy-playwright (bench/render_compare.py):

- `spa`: a client-rendered blog — every path answers the same shell (an empty `<div id="app">`, a `<noscript>`),
  a script fetches JSON and builds the listing and the posts, its links routed with the History API; no sitemap,
  no feed. Its script also does what a hostile page's does: it asks the cloud metadata address and another port
  of the machine (the `probe` server), which the crawl must refuse.
- `scroll`: a server-rendered blog whose listing grows by infinite scroll (an IntersectionObserver on an
  `infinite-scroll` sentinel, pages of posts fetched as HTML fragments, no pagination link), images lazy-loaded
  from `data-src`, and comments an Isso embed loads from a second origin (the `comments` server) as JSON.
- `frames`: a Naver-Blog-like blog: each page is a frame set whose `<iframe id="mainFrame">` holds the listing or
  the post, on the same site, with relative image addresses.
- `disqus`: a server-rendered blog whose comments come as Disqus's do: the post has `<div id="disqus_thread">` and
  Disqus's universal code, which loads `embed.js` from the comment service (the `discussions` server, another
  origin); that script puts an `<iframe>` of the service in the thread's place, and the frame's own script builds
  the threaded comments, in the markup of Disqus's embed app, from the service's JSON, beside its sign-in, sorting
  and reply form.

The posts' text, titles and images are ours; the markup follows each convention's documentation.
"""

from __future__ import annotations

import json
import struct
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PARAGRAPH = (
    "We planted the beans along the south fence this spring, and kept notes on what the slugs left us. "
    "The soil held the water better after the compost, and the rows stayed straight for once. "
)


def png(seed: int) -> bytes:
    """A small PNG of one colour, distinct per seed."""
    colour = bytes(((seed * 70) % 256, (seed * 130) % 256, (seed * 40) % 256))
    raw = b"".join(b"\x00" + colour * 40 for _ in range(30))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 40, 30, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@dataclass(frozen=True)
class Post:
    slug: str
    title: str
    date: str
    author: str

    def paragraphs(self) -> list[str]:
        return [f"{PARAGRAPH} ({self.title}, part {n})" for n in range(1, 4)]


POSTS = [
    Post(f"post-{n}", title, f"2024-0{1 + n % 9}-1{n % 10}", author)
    for n, (title, author) in enumerate(
        [
            ("Beans along the fence", "Mira Holt"),
            ("A slug census", "Mira Holt"),
            ("Compost, second year", "Jon Ek"),
            ("Straight rows at last", "Jon Ek"),
            ("Seed swap notes", "Mira Holt"),
            ("The rain barrel", "Jon Ek"),
            ("Autumn garlic", "Mira Holt"),
        ],
        start=1,
    )
]
COMMENTS = {
    post.slug: [("Ana", f"Lovely notes on {post.title.lower()}."), ("Ben", "Same slugs here.")] for post in POSTS
}
DISQUS_POSTS = POSTS[:3]


@dataclass(frozen=True)
class ThreadComment:
    """A comment as Disqus's API gives it: `created` in UTC, `parent` the id of the comment it answers."""

    id: int
    parent: int | None
    author: str
    created: str
    message: str


THREADS = {
    post.slug: [
        ThreadComment(5_100_000_001 + 10 * n, None, "Ana", f"2024-03-0{n}T09:15:00", f"Lovely notes on {post.title}."),
        ThreadComment(5_100_000_002 + 10 * n, 5_100_000_001 + 10 * n, "Ben", f"2024-03-0{n}T14:40:00", "Same here."),
        ThreadComment(5_100_000_003 + 10 * n, 5_100_000_002 + 10 * n, "Dara", f"2024-03-1{n}T08:05:00", "Copper tape!"),
        ThreadComment(5_100_000_004 + 10 * n, None, "Cleo", f"2024-03-2{n}T21:30:00", "Bookmarked for spring."),
    ]
    for n, post in enumerate(DISQUS_POSTS, start=1)
}


Answer = tuple[int, str, bytes]  # status, content type, body


@dataclass
class Origin:
    """One HTTP server on 127.0.0.1; `seen` holds the path of every request it answered."""

    name: str
    base: str = ""
    seen: list[str] = field(default_factory=list)


class Blogs:
    def __init__(self) -> None:
        self.spa = Origin("spa")
        self.scroll = Origin("scroll")
        self.frames = Origin("frames")
        self.disqus = Origin("disqus")
        self.comments = Origin("comments")
        self.discussions = Origin("discussions")
        self.probe = Origin("probe")

    # -- spa ------------------------------------------------------------------------------------------------

    def spa_answer(self, path: str, query: dict[str, list[str]]) -> Answer:
        if path == "/api/posts.json":
            listing = [{"slug": p.slug, "title": p.title, "date": p.date} for p in POSTS]
            return 200, "application/json", json.dumps(listing).encode()
        if path.startswith("/api/posts/") and path.endswith(".json"):
            post = _post(path.removeprefix("/api/posts/").removesuffix(".json"))
            if post is None:
                return 404, "application/json", b"{}"
            body = "".join(f"<p>{text}</p>" for text in post.paragraphs())
            figure = f'<figure><img src="/media/{post.slug}.png" alt="{post.title}"><figcaption>{post.title}'
            data = {"title": post.title, "date": post.date, "author": post.author, "html": body + figure + "</figure>"}
            return 200, "application/json", json.dumps(data).encode()
        if path.startswith("/media/"):
            return 200, "image/png", png(len(path))
        if path == "/app.js":
            return 200, "text/javascript", self.spa_script().encode()
        if path in ("/robots.txt",):
            return 200, "text/plain", b"User-agent: *\nAllow: /\n"
        shell = (
            "<!doctype html><html><head><meta charset=utf-8><title>Garden notes</title>"
            '<script src="/app.js" defer></script></head><body><div id="app"></div>'
            "<noscript>This blog needs JavaScript: please enable JavaScript to read it.</noscript></body></html>"
        )
        return 200, "text/html; charset=utf-8", shell.encode()  # every other path: the app's routes

    def spa_script(self) -> str:
        return (
            """
const app = document.getElementById("app");
async function show(path) {
  if (path.startsWith("/posts/")) {
    const slug = path.split("/")[2];
    const post = await (await fetch(`/api/posts/${slug}.json`)).json();
    document.title = post.title;
    app.innerHTML = `<article><h1>${post.title}</h1><p class="byline">by <span class="author">${post.author}</span>
      <time datetime="${post.date}">${post.date}</time></p><div class="entry-content">${post.html}</div></article>
      <nav><a href="/">All posts</a></nav>`;
  } else {
    const posts = await (await fetch("/api/posts.json")).json();
    app.innerHTML = "<h1>Garden notes</h1><ul>" +
      posts.map((p) => `<li><a href="/posts/${p.slug}/">${p.title}</a></li>`).join("") + "</ul>";
  }
}
document.addEventListener("click", (event) => {
  const link = event.target.closest("a");
  if (link && link.origin === location.origin) {
    event.preventDefault();
    history.pushState(null, "", link.pathname);
    show(link.pathname);
  }
});
show(location.pathname);
// What a hostile page's script does: the cloud metadata address, and another port of this machine.
fetch("http://169.254.169.254/latest/meta-data/").catch(() => {});
new Image().src = "PROBE/pixel.png";
"""
        ).replace("PROBE/", self.probe.base)

    # -- scroll ---------------------------------------------------------------------------------------------

    def scroll_answer(self, path: str, query: dict[str, list[str]]) -> Answer:
        if path == "/":
            return 200, "text/html; charset=utf-8", self.scroll_listing().encode()
        if path == "/more":
            page = int(query.get("n", ["2"])[0])
            chunk = POSTS[3 * (page - 1) : 3 * page]
            return 200, "text/html; charset=utf-8", "".join(_teaser(p) for p in chunk).encode()
        if path.startswith("/img/"):
            return 200, "image/png", png(len(path) + 7)
        if path == "/lazy.js":
            return 200, "text/javascript", LAZY_JS.encode()
        post = _post(path.strip("/").split("/")[-1]) if path.startswith("/20") else None
        if post is None:
            return 404, "text/html", b"<!doctype html><title>Not found</title><p>Not found</p>"
        return 200, "text/html; charset=utf-8", self.scroll_post(post).encode()

    def scroll_listing(self) -> str:
        teasers = "".join(_teaser(p) for p in POSTS[:3])
        return (
            "<!doctype html><html><head><meta charset=utf-8><title>Slow garden</title></head><body>"
            f'<h1>Slow garden</h1><main id="posts">{teasers}</main>'
            '<div class="infinite-scroll-sentinel" style="height:20px"></div>'
            "<script>"
            "let next = 2; const more = document.querySelector('.infinite-scroll-sentinel');"
            "new IntersectionObserver(async (entries) => {"
            f" if (!entries[0].isIntersecting || next > {1 + (len(POSTS) - 1) // 3}) return;"
            " const html = await (await fetch('/more?n=' + next++)).text();"
            " document.getElementById('posts').insertAdjacentHTML('beforeend', html); lazy();"
            "}).observe(more);"
            '</script><script src="/lazy.js"></script></body></html>'
        )

    def scroll_post(self, post: Post) -> str:
        paragraphs = "".join(f"<p>{text}</p>" for text in post.paragraphs())
        spacer = '<div style="height:1400px"></div>'  # the image and comments are below the first screen
        return (
            f"<!doctype html><html><head><meta charset=utf-8><title>{post.title}</title></head><body>"
            f'<article class="post"><h1>{post.title}</h1><p>by <span class="author">{post.author}</span> '
            f'<time datetime="{post.date}">{post.date}</time></p><div class="entry-content">{paragraphs}{spacer}'
            f'<figure><img class="lazy" data-src="/img/{post.slug}.png" alt="{post.title}" width="800" height="600">'
            f"<figcaption>{post.title}, in the garden</figcaption></figure></div></article>"
            f'<section id="isso-thread" data-isso-id="/{post.date[:4]}/{post.slug}/"></section>'
            f'<script data-isso="{self.comments.base}" src="{self.comments.base}js/embed.min.js"></script>'
            '<script src="/lazy.js"></script></body></html>'
        )

    # -- comments (a second origin) ------------------------------------------------------------------------

    def comments_answer(self, path: str, query: dict[str, list[str]]) -> Answer:
        if path == "/js/embed.min.js":
            return 200, "text/javascript", ISSO_EMBED_JS.encode()
        if path == "/":
            uri = query.get("uri", [""])[0]
            slug = uri.strip("/").split("/")[-1]
            replies = [
                {"id": n, "author": author, "text": f"<p>{text}</p>", "created": 1704100000 + n}
                for n, (author, text) in enumerate(COMMENTS.get(slug, []), start=1)
            ]
            return 200, "application/json", json.dumps({"total_replies": len(replies), "replies": replies}).encode()
        return 404, "text/plain", b"not here"

    # -- frames ---------------------------------------------------------------------------------------------

    def frames_answer(self, path: str, query: dict[str, list[str]]) -> Answer:
        if path == "/":
            return 200, "text/html; charset=utf-8", _frameset("Garden by frames", "/PostList?blogId=garden").encode()
        if path.startswith("/garden/"):
            post = _post(path.removeprefix("/garden/"))
            if post is None:
                return 404, "text/html", b"<!doctype html><title>Not found</title><p>Not found</p>"
            return 200, "text/html; charset=utf-8", _frameset(post.title, f"/PostView?logNo={post.slug}").encode()
        if path == "/PostList":
            links = "".join(f'<li><a href="/garden/{p.slug}" target="_top">{p.title}</a></li>' for p in POSTS)
            return 200, "text/html; charset=utf-8", f"<!doctype html><body><ul>{links}</ul></body>".encode()
        if path == "/PostView":
            post = _post(query.get("logNo", [""])[0])
            if post is None:
                return 404, "text/html", b"<!doctype html><title>Not found</title><p>Not found</p>"
            paragraphs = "".join(f"<p>{text}</p>" for text in post.paragraphs())
            comments = "".join(
                f'<li class="comment"><div class="comment-author"><span class="fn">{author}</span></div>'
                f'<div class="comment-content"><p>{text}</p></div></li>'
                for author, text in COMMENTS[post.slug]
            )
            html = (
                f'<!doctype html><html><head><meta charset=utf-8><meta name="robots" content="noindex">'
                f'<title>{post.title}</title></head><body><div class="se-main-container"><h3>{post.title}</h3>'
                f'<p class="date">{post.date}</p>{paragraphs}<figure><img src="pics/{post.slug}.png"'
                f' alt="{post.title}"><figcaption>{post.title}, from the frame</figcaption></figure></div>'
                f'<ol class="comment-list">{comments}</ol></body></html>'
            )
            return 200, "text/html; charset=utf-8", html.encode()
        if path.startswith("/pics/"):
            return 200, "image/png", png(len(path) + 3)
        return 404, "text/html", b"<!doctype html><title>Not found</title><p>Not found</p>"

    # -- disqus ---------------------------------------------------------------------------------------------

    def disqus_answer(self, path: str, query: dict[str, list[str]]) -> Answer:
        if path == "/":
            links = "".join(f'<li><a href="/posts/{p.slug}/">{p.title}</a></li>' for p in DISQUS_POSTS)
            listing = f"<!doctype html><html><head><title>Talking garden</title></head><body><ul>{links}</ul></body>"
            return 200, "text/html; charset=utf-8", listing.encode()
        if path.startswith("/img/"):
            return 200, "image/png", png(len(path) + 11)
        post = _post(path.removeprefix("/posts/").strip("/")) if path.startswith("/posts/") else None
        if post is None or post not in DISQUS_POSTS:
            return 404, "text/html", b"<!doctype html><title>Not found</title><p>Not found</p>"
        paragraphs = "".join(f"<p>{text}</p>" for text in post.paragraphs())
        html = (
            f"<!doctype html><html><head><meta charset=utf-8><title>{post.title}</title></head><body>"
            f'<article class="post"><h1>{post.title}</h1><p>by <span class="author">{post.author}</span> '
            f'<time datetime="{post.date}">{post.date}</time></p><div class="entry-content">{paragraphs}'
            f'<figure><img src="/img/{post.slug}.png" alt="{post.title}"><figcaption>{post.title}, talked over'
            '</figcaption></figure></div></article><div id="disqus_thread"></div>'
            # Disqus's universal embed code, its shortname's embed.js served by the comment service.
            "<script>var disqus_config = function () {"
            f' this.page.url = location.href; this.page.identifier = "{post.slug}"; }};'
            "(function () { var d = document, s = d.createElement('script');"
            f" s.src = '{self.discussions.base}embed.js'; s.setAttribute('data-timestamp', +new Date());"
            " (d.head || d.body).appendChild(s); })();</script>"
            "<noscript>Please enable JavaScript to view the comments.</noscript></body></html>"
        )
        return 200, "text/html; charset=utf-8", html.encode()

    # -- discussions (the comment service of the disqus blog, another origin) --------------------------------

    def discussions_answer(self, path: str, query: dict[str, list[str]]) -> Answer:
        if path == "/embed.js":
            return 200, "text/javascript", DISQUS_EMBED_JS.encode()
        if path == "/embed/comments/":
            return 200, "text/html; charset=utf-8", DISQUS_APP_HTML.encode()
        if path == "/embed/app.js":
            return 200, "text/javascript", DISQUS_APP_JS.encode()
        if path == "/api/3.0/threads/listPostsThreaded":
            thread = THREADS.get(query.get("thread", [""])[0], [])
            response = [
                {
                    "id": str(c.id),
                    "parent": c.parent,
                    "createdAt": c.created,
                    "message": f"<p>{c.message}</p>",
                    "author": {"name": c.author, "profileUrl": f"https://disqus.com/by/{c.author.lower()}/"},
                }
                for c in thread
            ]
            return 200, "application/json", json.dumps({"code": 0, "response": response}).encode()
        if path.startswith("/avatars/"):
            return 200, "image/png", png(len(path) + 5)
        return 404, "text/plain", b"not here"

    def probe_answer(self, path: str, query: dict[str, list[str]]) -> Answer:
        return 200, "image/png", png(1)


def _post(slug: str) -> Post | None:
    return next((post for post in POSTS if post.slug == slug), None)


def _teaser(post: Post) -> str:
    return (
        f'<article class="teaser"><h2><a href="/{post.date[:4]}/{post.slug}/">{post.title}</a></h2>'
        f'<img class="lazy" data-src="/img/{post.slug}-thumb.png" alt="" width="800" height="450"><p>{PARAGRAPH}</p>'
        "</article>"
    )


def _frameset(title: str, src: str) -> str:
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>{title}</title>"
        "<script>window.blogId = 'garden';</script></head><body>"
        f'<iframe id="mainFrame" name="mainFrame" src="{src}" style="width:100%;height:2000px;border:0"></iframe>'
        "</body></html>"
    )


# Lazy images as a theme loads them: the address in data-src until the image comes near the screen.
LAZY_JS = """
function lazy() {
  const watch = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) { entry.target.src = entry.target.dataset.src; watch.unobserve(entry.target); }
    }
  });
  document.querySelectorAll("img.lazy:not([src])").forEach((image) => watch.observe(image));
}
lazy();
"""

# What Isso's embed does, in short: the thread's comments as JSON from the comment server, shown in Isso's markup.
ISSO_EMBED_JS = """
(async () => {
  const script = document.querySelector("script[data-isso]");
  const thread = document.getElementById("isso-thread");
  const uri = thread.dataset.issoId || location.pathname;
  const data = await (await fetch(script.dataset.isso + "?uri=" + encodeURIComponent(uri))).json();
  thread.innerHTML = `<h4 class="isso-thread-heading">${data.total_replies} Comments</h4><div id="isso-root">` +
    data.replies.map((c) => `<div class="isso-comment" id="isso-${c.id}"><div class="isso-text-wrapper">
      <div class="isso-comment-header" role="meta"><span class="isso-author">${c.author}</span>
      <a class="isso-permalink" href="#isso-${c.id}"><time datetime="${new Date(c.created * 1000).toISOString()}">
      </time></a></div><div class="isso-text">${c.text}</div></div></div>`).join("") + "</div>";
})();
"""


# What Disqus's embed.js does, in short: the comment service's app in an <iframe>, in the thread's place.
DISQUS_EMBED_JS = """
(() => {
  const config = { page: {} };
  if (typeof window.disqus_config === "function") window.disqus_config.call(config);
  const service = new URL("/", document.currentScript.src);
  const frame = document.createElement("iframe");
  frame.id = frame.name = "dsq-app1";
  frame.title = "Disqus";
  frame.setAttribute("scrolling", "no");
  frame.style.cssText = "width: 100%; height: 900px; border: none;";
  frame.src = new URL("/embed/comments/?f=garden&t_i=" + encodeURIComponent(config.page.identifier) +
    "&t_u=" + encodeURIComponent(config.page.url), service).href;
  document.getElementById("disqus_thread").appendChild(frame);
})();
"""

# The embed app's page: its chrome around an empty post list, which its script fills.
DISQUS_APP_HTML = """<!doctype html><html><head><meta charset=utf-8><title>Disqus Comments</title></head><body>
<div id="layout" data-role="layout"><section id="conversation" data-role="main">
<nav class="nav nav-primary"><ul><li class="nav-tab"><span class="comment-count">Comments</span></li>
<li class="user-menu"><a href="/profile/login/">Log in</a></li></ul></nav>
<div id="form"><form class="reply"><textarea placeholder="Start the discussion…"></textarea></form></div>
<div id="posts"><div class="nav nav-secondary"><span class="sort">Sort by Best</span></div>
<div class="post-list-container" data-role="post-list-container"><ul id="post-list" class="post-list"></ul></div>
</div><div id="footer"><p>Powered by Disqus</p></div></section></div>
<script src="/embed/app.js"></script></body></html>"""

# The embed app's script: the thread as JSON from the service's API, shown in the app's markup — each comment an
# `li.post`, its replies in its `ul.children`, its time in a relative-time link whose title is moment.js's "LLLL"
# of the reader's zone.
DISQUS_APP_JS = """
const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];
function llll(date) {
  const hours = date.getHours() % 12 || 12, minutes = String(date.getMinutes()).padStart(2, "0");
  return `${days[date.getDay()]}, ${months[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()} ` +
    `${hours}:${minutes} ${date.getHours() < 12 ? "AM" : "PM"}`;
}
function item(post, children) {
  const when = new Date(post.createdAt + "Z");
  const name = post.author.name;
  return `<li class="post" id="post-${post.id}"><div class="post-content" data-role="post-content">
    <div class="avatar hovercard"><a href="${post.author.profileUrl}" class="user"><img data-role="user-avatar"
      src="/avatars/${name.toLowerCase()}.png" alt="Avatar"></a></div>
    <div class="post-body"><header class="comment__header"><span class="post-byline"><span
      class="author publisher-anchor-color"><a href="${post.author.profileUrl}" data-role="username">${name}</a></span>
      </span><span class="post-meta"><span class="bullet time-ago-bullet" aria-hidden="true">•</span><a
      href="#comment-${post.id}" data-role="relative-time" class="time-ago" title="${llll(when)}">a while ago</a>
      </span></header><div class="post-body-inner"><div class="post-message-container"><div
      class="publisher-anchor-color"><div class="post-message " data-role="message" dir="auto"><div>${post.message}
      </div></div></div></div></div><footer class="comment__footer"><a class="reply" href="#">Reply</a></footer>
    </div></div><ul data-role="children" class="children">${children}</ul></li>`;
}
(async () => {
  const thread = new URLSearchParams(location.search).get("t_i");
  const data = await (await fetch("/api/3.0/threads/listPostsThreaded?thread=" + encodeURIComponent(thread))).json();
  const replies = (parent) => data.response.filter((post) => post.parent === parent);
  const tree = (parent) => replies(parent).map((post) => item(post, tree(Number(post.id)))).join("");
  document.querySelector(".comment-count").textContent = `${data.response.length} Comments`;
  document.getElementById("post-list").innerHTML = tree(null);
})();
"""


@contextmanager
def serve_blogs() -> Iterator[Blogs]:
    """All seven origins on 127.0.0.1, each on a port of its own; stopped when the block ends."""
    blogs = Blogs()
    servers = []
    answers = {
        "spa": blogs.spa_answer,
        "scroll": blogs.scroll_answer,
        "frames": blogs.frames_answer,
        "disqus": blogs.disqus_answer,
        "comments": blogs.comments_answer,
        "discussions": blogs.discussions_answer,
        "probe": blogs.probe_answer,
    }
    try:
        for name, respond in answers.items():
            origin = getattr(blogs, name)
            httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(origin, respond))
            httpd.daemon_threads = True
            origin.base = f"http://127.0.0.1:{httpd.server_address[1]}/"
            threading.Thread(target=httpd.serve_forever, daemon=True).start()
            servers.append(httpd)
        yield blogs
    finally:
        for httpd in servers:
            httpd.shutdown()
            httpd.server_close()


def _handler(origin: Origin, respond: object) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            parts = urlsplit(self.path)
            origin.seen.append(self.path)
            status, content_type, body = respond(parts.path, parse_qs(parts.query))  # type: ignore[operator]
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler
