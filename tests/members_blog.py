"""A members-only blog on 127.0.0.1, as a WordPress with a membership plugin serves one: public posts, and posts
that only a signed-in member sees whole. Signed in (a valid `wordpress_logged_in_…` session cookie), every page
has WordPress's signed-in marks (body class `logged-in`, the toolbar `#wpadminbar` with its log-out link).
Signed out, a members-only post is, by its number: a redirect to wp-login.php (the plugin's "redirect to login"
setting), the post's teaser with MemberPress's members-only notice, or a 404 (WordPress hides a private post so).

`expire_after` page requests carrying the session, the server forgets the session: it expires partway through a
crawl. Every request's path and headers are recorded in `seen`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SESSION_COOKIE = "wordpress_logged_in_5f2c"
SESSION_VALUE = "member%7C1700000000%7CsessiontokenQ7Z9"  # what the members' cookies.txt holds
HEADER = ("X-Members-Token", "header-secret-K4P2")  # an extra header the crawl sends
PARAGRAPH = "The garden in winter asks for patience, compost and a good spade, and the kitchen for soup. " * 3
MEMBERS_LINE = "Only members read this part: the seed list for next spring, bed by bed."


@dataclass
class MembersBlog:
    public: int = 3
    members: int = 6
    expire_after: int | None = None  # page requests with the session before it expires; None: never
    image_host: str = ""  # another origin (127.0.0.1, another port) the posts take an image from
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    signed_out_posts: set[str] = field(default_factory=set)  # posts (slugs) answered to a signed-out reader
    base: str = ""
    _session_uses: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def posts(self) -> list[str]:
        return [f"public-{n}" for n in range(1, self.public + 1)] + [f"members-{n}" for n in range(1, self.members + 1)]

    def expire_after_next(self, requests: int) -> None:
        """From now, the session expires after `requests` more page requests carrying it."""
        with self._lock:
            self.expire_after, self._session_uses = requests, 0
            self.signed_out_posts.clear()

    def signed_in(self, headers: dict[str, str]) -> bool:
        cookie = SimpleCookie(headers.get("Cookie", ""))
        if SESSION_COOKIE not in cookie or cookie[SESSION_COOKIE].value != SESSION_VALUE:
            return False
        with self._lock:
            if self.expire_after is not None and self._session_uses >= self.expire_after:
                return False
            self._session_uses += 1
            return True

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if path == "/wp-login.php" or path.startswith("/wp-login.php?"):
            return 200, {}, _login_page().encode()
        if path == "/":
            links = "".join(f'<li><a href="/{slug}/">{slug}</a></li>' for slug in self.posts())
            return 200, {}, _page("Members' garden", f"<ul>{links}</ul>", self.signed_in(headers)).encode()
        slug = path.strip("/")
        if slug not in self.posts():  # robots.txt, the usual sitemap and feed paths
            return 404, {}, b"not here"
        signed_in = self.signed_in(headers)
        if not signed_in:
            self.signed_out_posts.add(slug)
        number = int(slug.rsplit("-", 1)[1])
        if slug.startswith("public-") or signed_in:
            return 200, {}, self._post(slug, whole=True, signed_in=signed_in).encode()
        if number % 3 == 1:
            return 302, {"Location": f"/wp-login.php?redirect_to=%2F{slug}%2F"}, b""
        if number % 3 == 2:
            return 200, {}, self._post(slug, whole=False, signed_in=False).encode()
        return 404, {}, _page("Page not found", "<p>It looks like nothing was found here.</p>", False).encode()

    def _post(self, slug: str, whole: bool, signed_in: bool) -> str:
        paragraphs = "".join(f"<p>{PARAGRAPH} ({slug}, paragraph {n})</p>" for n in range(1, 5))
        image = f'<figure><img src="{self.image_host}photo-{slug}.png" alt="a bed of leeks"></figure>'
        if whole:
            rest = f"<p>{MEMBERS_LINE} ({slug})</p>" if slug.startswith("members-") else ""
        else:
            rest = (
                '<div class="mp_wrapper"><div class="mepr-unauthorized-message"><p>You are unauthorized to view this'
                ' page.</p></div><div class="mepr-login-form-wrap"><form name="mepr_loginform" id="mepr_loginform"'
                ' class="mepr-form" method="post"><input type="text" name="log"><input type="password" name="pwd">'
                "</form></div></div>"
            )
        content = f'<div class="entry-content">{paragraphs}{image}{rest}</div>'
        return _page(slug, f'<article class="post"><h1 class="entry-title">{slug}</h1>{content}</article>', signed_in)


def _page(title: str, main: str, signed_in: bool) -> str:
    classes = "single single-post" + (" logged-in admin-bar" if signed_in else "")
    toolbar = (
        '<div id="wpadminbar" class="nojq"><ul><li><a href="/wp-admin/">Dashboard</a></li>'
        '<li><a href="/wp-login.php?action=logout&amp;_wpnonce=4b1c">Log Out</a></li></ul></div>'
        if signed_in
        else ""
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
        f'<body class="{classes}">{toolbar}<header><a href="/">Members\' garden</a></header><main>{main}</main>'
        '<footer><a href="/wp-login.php">Log in</a></footer></body></html>'
    )


def _login_page() -> str:
    return (
        '<!doctype html><html><head><title>Log In</title></head><body class="login wp-core-ui"><div id="login">'
        '<form name="loginform" id="loginform" action="/wp-login.php" method="post">'
        '<p><label for="user_login">Username or Email Address</label><input type="text" name="log" id="user_login">'
        '</p><div class="user-pass-wrap"><label for="user_pass">Password</label>'
        '<input type="password" name="pwd" id="user_pass"></div></form></div></body></html>'
    )


def cookies_txt(host: str = "127.0.0.1") -> str:
    """The members' cookies as a browser extension exports them: the session cookie HttpOnly, a session-only
    preference cookie (expiry 0), and another site's cookie."""
    return (
        "# Netscape HTTP Cookie File\n# https://curl.se/docs/http-cookies.html\n\n"
        f"#HttpOnly_{host}\tFALSE\t/\tFALSE\t4102444800\t{SESSION_COOKIE}\t{SESSION_VALUE}\n"
        f"{host}\tFALSE\t/\tFALSE\t0\twp-settings-time-1\t1700000000\n"
        ".other.example\tTRUE\t/\tTRUE\t4102444800\tsid\tnot-for-this-blog\n"
    )


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True


@contextmanager
def serve_members(blog: MembersBlog) -> Iterator[MembersBlog]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            headers = dict(self.headers.items())
            blog.seen.append((self.path, headers))
            status, extra, body = blog.answer(self.path, headers)
            self.send_response(status)
            for name, value in {"Content-Type": "text/html; charset=utf-8", **extra}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = _Quiet(("127.0.0.1", 0), Handler)
    blog.base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield blog
    finally:
        httpd.shutdown()
        httpd.server_close()
