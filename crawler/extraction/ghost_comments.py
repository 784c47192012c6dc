"""Comments from Ghost's comments API (`/members/api/comments/post/ID/`, crawler/discovery/ghost.py): pure, JSON in,
Comments out.

Each comment has its id, its `member.name` (none for a member who gave none), its `created_at` (UTC) and its `html`;
a reply also `in_reply_to_id` when it answers another reply of the thread. A post's answer holds each top-level
comment with its first replies; a thread's replies answer (`/members/api/comments/CID/replies/`) holds them all,
oldest first, but names no thread: it is the thread of the comment whose first replies it begins with. A removed
comment stays in the answer, its `html` null, while it has replies: it is no comment, and its replies are at the top
level, as Blogger's are.
"""

from __future__ import annotations

from typing import Any

from crawler.discovery.ghost import answer_comments
from crawler.extraction.article import Comment
from crawler.extraction.comments import inline_text
from crawler.extraction.page import Page
from crawler.extraction.threads import threaded


def ghost_comments(payloads: list[bytes], base_url: str) -> list[Comment]:
    """The comments of every answer about one post, oldest first, each reply after the comment it answers."""
    answers = [answer_comments(payload) for payload in payloads]
    shown_replies = {
        str(reply["id"]): str(comment["id"])
        for answer in answers
        for comment in answer
        for reply in comment.get("replies") or []
        if isinstance(reply, dict) and reply.get("id")
    }
    entries: dict[str, tuple[dict[str, Any], str | None]] = {}
    for answer in answers:
        thread = next((shown_replies[str(c["id"])] for c in answer if str(c["id"]) in shown_replies), None)
        for comment in answer:
            entries.setdefault(str(comment["id"]), (comment, thread))
            for reply in comment.get("replies") or []:
                if isinstance(reply, dict) and reply.get("id"):
                    entries.setdefault(str(reply["id"]), (reply, str(comment["id"])))
    shown = {cid for cid, (entry, _) in entries.items() if entry.get("html")}
    found = [_comment(entry, thread, shown, base_url) for entry, thread in entries.values()]
    return threaded(sorted((c for c in found if c.text), key=lambda comment: comment.published or ""))


def _comment(entry: dict[str, Any], thread: str | None, shown: set[str], base_url: str) -> Comment:
    """The comment of `entry`, answering the reply it names where that one is `shown` (not removed), else its
    `thread`'s comment."""
    page = Page.from_html(f"<html><body>{entry.get('html') or ''}</body></html>", base_url)
    paragraphs = page.tree.findall(".//p") or [page.tree]
    member = entry.get("member") if isinstance(entry.get("member"), dict) else {}
    answered = entry.get("in_reply_to_id")
    return Comment(
        author=(member.get("name") or "").strip() or None,
        published=entry.get("created_at"),
        text="\n".join(inline_text(p) for p in paragraphs).strip(),
        id=str(entry["id"]),
        parent=str(answered) if answered and str(answered) in shown else thread if thread in shown else None,
    )
