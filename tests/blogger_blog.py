"""A Blogger blog on 127.0.0.1, served as Blogger serves one, written from Blogger's documented formats: post pages
of a layout (v2) template — `<meta name="generator" content="blogger">`, the head's feed links (the blog's posts
feed, and on a post page the post's comment feed `/feeds/POSTID/comments/default`), `div.post.hentry` with its
`itemprop="postId"` — whose comments a script loads (no `li.comment` on the page, an empty `#comment-holder`); the
Atom feeds of the Blogger Data API: `/feeds/posts/default`, each post's `/feeds/POSTID/comments/default` (published
comments only, newest first, paged by `start-index` and `max-results`, `openSearch:totalResults`; a reply with a
`related` link to its parent and `thr:in-reply-to`; a removed comment kept as a notice marked
`blogger.contentRemoved`) and `/feeds/comments/default`. Every request's path is recorded in `seen`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

BLOG_ID = "7390412865502281756"
TEXT = (
    "Winter squash keeps for months in a cool cellar, and a slow oven turns it sweet. We roast it whole, scoop it "
    "out and fold it into a soup with brown butter, sage and a little cream. "
)


@dataclass
class Comment:
    id: str
    author: str
    published: str  # ISO 8601, the blog's time zone
    html: str
    parent: str | None = None
    removed: bool = False


@dataclass
class Post:
    id: str
    slug: str
    title: str
    published: str
    comments: list[Comment] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/{self.published[:4]}/{self.published[5:7]}/{self.slug}.html"


def _thread(post_id: str, count: int) -> list[Comment]:
    """`count` comments on a post: every third a reply to the one before it, one removed by its author."""
    comments = []
    for n in range(1, count + 1):
        parent = comments[-1].id if n % 3 == 0 else None
        comments.append(
            Comment(
                id=f"{post_id[-6:]}{n:04d}",
                author=f"Reader {n}",
                published=f"2024-03-{1 + n // 24:02d}T{n % 24:02d}:15:00.000+01:00",
                html=f"Comment number {n} on this post.<br /><br />Its second line, with <b>bold</b> words.",
                parent=parent,
                removed=n == 5,
            )
        )
    return comments


@dataclass
class BloggerBlog:
    title: str = "Cellar and Oven"
    posts: list[Post] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    base: str = ""
    # False: the post page is of a custom theme that prints none of the post's ids (its feed still names each post)
    post_ids: bool = True

    def __post_init__(self) -> None:
        if not self.posts:
            self.posts = [
                Post(
                    "4412093340921730001",
                    "winter-squash-soup",
                    "Winter squash soup",
                    "2024-03-01T09:30:00+01:00",
                    _thread("4412093340921730001", 7),
                ),
                Post(
                    "4412093340921730002",
                    "cellar-notes",
                    "Notes from the cellar",
                    "2024-02-12T18:00:00+01:00",
                    _thread("4412093340921730002", 450),
                ),
                Post("4412093340921730003", "quiet-post", "A post without comments", "2024-01-20T08:00:00+01:00"),
            ]

    def answer(self, target: str) -> tuple[int, str, bytes]:
        parts = urlsplit(target)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        if parts.path == "/":
            return 200, "text/html; charset=UTF-8", self._home().encode()
        if parts.path == "/feeds/posts/default":
            return 200, "application/atom+xml; charset=UTF-8", self._posts_feed().encode()
        if parts.path == "/feeds/comments/default":
            every = [c for post in self.posts for c in post.comments]
            return 200, "application/atom+xml; charset=UTF-8", self._comment_feed(None, every, query).encode()
        for post in self.posts:
            if parts.path == post.path:
                return 200, "text/html; charset=UTF-8", self._post_page(post).encode()
            if parts.path == f"/feeds/{post.id}/comments/default":
                feed = self._comment_feed(post, post.comments, query)
                return 200, "application/atom+xml; charset=UTF-8", feed.encode()
        return 404, "text/html; charset=UTF-8", b"<h1>Sorry, the page you were looking for does not exist.</h1>"

    def _head(self, title: str, extra: str = "") -> str:
        return (
            "<!DOCTYPE html>\n<html class='v2' dir='ltr' lang='en' xmlns='http://www.w3.org/1999/xhtml'"
            " xmlns:b='http://www.google.com/2005/gml/b' xmlns:data='http://www.google.com/2005/gml/data'"
            " xmlns:expr='http://www.google.com/2005/gml/expr'>\n<head>\n"
            "<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>\n"
            "<meta content='blogger' name='generator'/>\n"
            f'<link rel="alternate" type="application/atom+xml" title="{self.title} - Atom"'
            f' href="{self.base}feeds/posts/default" />\n'
            f'<link rel="alternate" type="application/rss+xml" title="{self.title} - RSS"'
            f' href="{self.base}feeds/posts/default?alt=rss" />\n'
            f'<link rel="service.post" type="application/atom+xml" title="{self.title} - Atom"'
            f' href="https://www.blogger.com/feeds/{BLOG_ID}/posts/default" />\n'
            f"{extra}<title>{escape(title)}</title>\n</head>\n"
        )

    def _home(self) -> str:
        items = "".join(
            f"<div class='post-outer'><div class='post hentry'><h3 class='post-title entry-title'>"
            f"<a href='{self.base.rstrip('/')}{post.path}'>{escape(post.title)}</a></h3></div></div>\n"
            for post in self.posts
        )
        return self._head(self.title) + f"<body><div class='blog-posts hfeed'>{items}</div></body></html>"

    def _post_page(self, post: Post) -> str:
        url = self.base.rstrip("/") + post.path
        feed_link = (
            f'<link rel="alternate" type="application/atom+xml" title="{self.title} - Atom"'
            f' href="{self.base}feeds/{post.id}/comments/default" />\n'
            f"<link href='{url}' rel='canonical'/>\n"
        )
        body = "".join(f"<p>{TEXT}</p>" for _ in range(4))
        shown = len([c for c in post.comments if not c.removed])
        ids = f"<meta content='{BLOG_ID}' itemprop='blogId'/>\n<meta content='{post.id}' itemprop='postId'/>\n"
        ids, body_id = (
            (ids + f"<a name='{post.id}'></a>\n", f" id='post-body-{post.id}'") if self.post_ids else ("", "")
        )
        return self._head(f"{self.title}: {post.title}", feed_link) + (
            "<body class='loading'>\n<div class='blog-posts hfeed'>\n<div class='date-outer'>\n"
            f"<h2 class='date-header'><span>{post.published[:10]}</span></h2>\n<div class='date-posts'>\n"
            "<div class='post-outer'>\n<div class='post hentry uncustomized-post-template' itemprop='blogPost'"
            " itemscope='itemscope' itemtype='http://schema.org/BlogPosting'>\n"
            f"{ids}<h3 class='post-title entry-title' itemprop='name'>{escape(post.title)}</h3>\n"
            f"<div class='post-body entry-content'{body_id} itemprop='description articleBody'>"
            f"{body}<div style='clear: both;'></div></div>\n"
            "<div class='post-footer'><div class='post-footer-line post-footer-line-1'>"
            "<span class='post-author vcard'>Posted by <span class='fn' itemprop='author' itemscope='itemscope'"
            " itemtype='http://schema.org/Person'><a class='g-profile' href='https://www.blogger.com/profile/0815'"
            " rel='author' title='author profile'><span itemprop='name'>Mara Quill</span></a></span></span>"
            f" <span class='post-timestamp'>at <a class='timestamp-link' href='{url}' rel='bookmark'"
            f" title='permanent link'><abbr class='published' itemprop='datePublished'"
            f" title='{post.published}'>{post.published[11:16]}</abbr></a></span></div></div>\n"
            "</div>\n"
            f"<div class='comments' id='comments'>\n<a name='comments'></a>\n<h4>{shown} comments:</h4>\n"
            "<div id='comment-holder'></div>\n"  # filled by Blogger's script from the post's comment feed
            f"<p class='comment-footer'><a href='https://www.blogger.com/comment/fullpage/post/{BLOG_ID}/{post.id}'>"
            "Post a Comment</a></p>\n</div>\n"
            "</div></div></div></div>\n"
            "<script type='text/javascript'>window['__wavt'] = 'AOuZoY4'; (function() { /* BLOG_CMT_createIframe"
            " and the threaded comments' loader */ })();</script>\n</body></html>"
        )

    def _posts_feed(self) -> str:
        entries = "".join(
            f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{post.id}</id><published>{post.published}"
            f"</published><updated>{post.published}</updated><title type='text'>{escape(post.title)}</title>"
            f"<content type='html'>{escape('<p>' + TEXT + '</p>')}</content>"
            f"<link rel='alternate' type='text/html' href='{self.base.rstrip('/')}{post.path}'"
            f" title='{escape(post.title)}'/><author><name>Mara Quill</name></author>"
            f"<thr:total>{len(post.comments)}</thr:total></entry>"
            for post in self.posts
        )
        return (
            "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'"
            " xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'"
            " xmlns:thr='http://purl.org/syndication/thread/1.0'>"
            f"<id>tag:blogger.com,1999:blog-{BLOG_ID}</id><updated>{self.posts[0].published}</updated>"
            f"<title type='text'>{self.title}</title>"
            "<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>"
            f"<link rel='alternate' type='text/html' href='{self.base}'/>"
            f"<openSearch:totalResults>{len(self.posts)}</openSearch:totalResults>{entries}</feed>"
        )

    def _comment_feed(self, post: Post | None, comments: list[Comment], query: dict[str, str]) -> str:
        """Newest first, `max-results` (default 25, at most 500) from `start-index` (from 1)."""
        ordered = sorted(comments, key=lambda c: c.published, reverse=True)
        start, size = int(query.get("start-index", "1")), min(int(query.get("max-results", "25")), 500)
        page = ordered[start - 1 : start - 1 + size]
        return (
            "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'"
            " xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'"
            " xmlns:gd='http://schemas.google.com/g/2005' xmlns:thr='http://purl.org/syndication/thread/1.0'>"
            f"<id>tag:blogger.com,1999:blog-{BLOG_ID}.{'post-' + post.id if post else ''}comments</id>"
            f"<title type='text'>{self.title}</title>"
            f"<openSearch:totalResults>{len(ordered)}</openSearch:totalResults>"
            f"<openSearch:startIndex>{start}</openSearch:startIndex><openSearch:itemsPerPage>{size}"
            f"</openSearch:itemsPerPage>{''.join(self._comment_entry(c, post) for c in page)}</feed>"
        )

    def _comment_entry(self, comment: Comment, post: Post | None) -> str:
        post = post or next(p for p in self.posts if comment in p.comments)
        url = self.base.rstrip("/") + post.path
        feed = f"https://www.blogger.com/feeds/{BLOG_ID}/{post.id}/comments/default"
        related = f"<link rel='related' type='application/atom+xml' href='{feed}/{comment.parent}'/>"
        html = "This comment has been removed by the author." if comment.removed else comment.html
        return (
            f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{comment.id}</id>"
            f"<published>{comment.published}</published><updated>{comment.published}</updated>"
            f"<title type='text'>{escape(html[:30])}</title><content type='html'>{escape(html)}</content>"
            f"<link rel='edit' type='application/atom+xml' href='{feed}/{comment.id}'/>"
            f"<link rel='self' type='application/atom+xml' href='{feed}/{comment.id}'/>"
            f"<link rel='alternate' type='text/html' href='{url}?showComment=1#c{comment.id}' title=''/>"
            + (related if comment.parent else "")
            + f"<author><name>{comment.author}</name><uri>https://www.blogger.com/profile/{comment.id}</uri>"
            "<email>noreply@blogger.com</email></author>"
            f"<thr:in-reply-to href='{url}' ref='tag:blogger.com,1999:blog-{BLOG_ID}.post-{post.id}'"
            f" source='https://www.blogger.com/feeds/{BLOG_ID}/posts/default/{post.id}' type='text/html'/>"
            + ("<gd:extendedProperty name='blogger.contentRemoved' value='true'/>" if comment.removed else "")
            + f"<gd:extendedProperty name='blogger.itemClass' value='pid-{comment.id[-4:]}'/></entry>"
        )


@contextmanager
def serve_blogger(blog: BloggerBlog) -> Iterator[BloggerBlog]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            blog.seen.append(self.path)
            status, content_type, body = blog.answer(self.path)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    blog.base = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield blog
    finally:
        server.shutdown()
        server.server_close()
