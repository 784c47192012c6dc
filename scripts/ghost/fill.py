"""Fills a fresh Ghost (scripts/ghost.sh start) through its Admin API, as its owner does in Ghost Admin: the setup
(the owner's account and the blog's title), a staff session, the import of content.py's file (Settings → Import),
the site's time zone and, with `comments`, Ghost's native comments on for everyone (Settings → Membership).

    python3 fill.py URL IMPORT_JSON [comments]
    python3 fill.py URL --slug OLD NEW        change a post's slug, as an editor does in the post's settings
    python3 fill.py URL --theme NAME          activate a theme Ghost has (casper, source), as in Settings → Design
"""

from __future__ import annotations

import json
import sys
import uuid
from http.cookiejar import CookieJar
from urllib.error import HTTPError, URLError
from urllib.request import HTTPCookieProcessor, Request, build_opener

OWNER = {
    "name": "Ada Owner",
    "email": "owner@example.org",
    "password": "Quiet-Heron-Weir-4821",
    "blogTitle": "River Notes",
}
TIMEZONE = "Europe/Berlin"


class Admin:
    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/") + "/"
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()))

    def call(
        self, method: str, path: str, body: dict | None = None, form: tuple[str, str, bytes] | None = None
    ) -> dict:
        headers = {"Origin": self.url.rstrip("/"), "Accept-Version": "v5.0"}
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        elif form is not None:
            boundary = uuid.uuid4().hex
            field, name, content = form
            data = (
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
                    f"Content-Type: application/json\r\n\r\n"
                ).encode()
                + content
                + f"\r\n--{boundary}--\r\n".encode()
            )
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        request = Request(self.url + "ghost/api/admin/" + path, data=data, headers=headers, method=method)
        with self.opener.open(request, timeout=120) as answer:
            raw = answer.read()
        return json.loads(raw) if raw.startswith(b"{") else {}  # a session's answer is "Created"

    def sign_in(self) -> None:
        self.call("POST", "session/", {"username": OWNER["email"], "password": OWNER["password"]})


def fill(url: str, import_json: str, comments: bool) -> None:
    admin = Admin(url)
    admin.call("POST", "authentication/setup/", {"setup": [OWNER]})
    admin.sign_in()
    with open(import_json, "rb") as file:
        admin.call("POST", "db/", form=("importfile", "import.json", file.read()))
    settings = [{"key": "timezone", "value": TIMEZONE}]
    if comments:
        settings.append({"key": "comments_enabled", "value": "all"})
    admin.call("PUT", "settings/", {"settings": settings})


def change_slug(url: str, old: str, new: str) -> None:
    admin = Admin(url)
    admin.sign_in()
    post = admin.call("GET", f"posts/slug/{old}/")["posts"][0]
    admin.call("PUT", f"posts/{post['id']}/", {"posts": [{"slug": new, "updated_at": post["updated_at"]}]})


def activate_theme(url: str, name: str) -> None:
    admin = Admin(url)
    admin.sign_in()
    admin.call("PUT", f"themes/{name}/activate/")


def main(arguments: list[str]) -> None:
    if arguments[1] == "--slug":
        change_slug(arguments[0], arguments[2], arguments[3])
    elif arguments[1] == "--theme":
        activate_theme(arguments[0], arguments[2])
    else:
        fill(arguments[0], arguments[1], arguments[2:3] == ["comments"])


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except HTTPError as exc:
        sys.exit(f"Ghost's Admin API answered {exc.code} to {exc.url}: {exc.read()[:300].decode(errors='replace')}")
    except URLError as exc:
        sys.exit(f"Ghost does not answer at {sys.argv[1]}: {exc.reason}")
