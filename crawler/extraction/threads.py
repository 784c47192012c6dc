"""Comment threads from a platform's list of comments, each naming the comment it answers: the order a page shows
them in and each one's depth. Shared by the comments read apart from the page (WordPress's REST API, Blogger's
comment feeds), which list comments by date, not by thread."""

from __future__ import annotations

from crawler.extraction.article import Comment


def threaded(comments: list[Comment]) -> list[Comment]:
    """Each top-level comment followed by its replies, depth first, each level in the given order; a comment whose
    parent is not among them is at the top level. Each comment's depth is set: 1 at the top, its parent's + 1."""
    children: dict[str | None, list[Comment]] = {}
    known = {c.id for c in comments}
    for comment in comments:
        children.setdefault(comment.parent if comment.parent in known else None, []).append(comment)
    ordered: list[Comment] = []
    stack = [(comment, 1) for comment in reversed(children.get(None, []))]
    while stack:
        comment, depth = stack.pop()
        comment.depth = depth
        ordered.append(comment)
        stack.extend((reply, depth + 1) for reply in reversed(children.get(comment.id, [])))
    return ordered


def completed(shown: list[Comment], served: list[Comment]) -> list[Comment]:
    """The page's comments completed by those its platform serves apart from it: the ones the page does not show
    added, and each shown one answering the comment the platform names (past WordPress's depth limit a page shows
    a reply beside its parent); threaded again."""
    parents = {comment.id: comment.parent for comment in served}
    for comment in shown:
        comment.parent = parents.get(comment.id, comment.parent)
    ids = {comment.id for comment in shown}
    return threaded(shown + [comment for comment in served if comment.id not in ids])
