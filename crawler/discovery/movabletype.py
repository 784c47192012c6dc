"""Movable Type's published pages as a recrawl sees them: MT prints a post's comments in its page, and publishes no
comment feed by default, while its Atom feed dates each post by its last edit (`<updated>`, the entry's
modified_on): a comment posted since the last crawl changes the page and nothing that lists it.
"""

from __future__ import annotations

import re

# The comment form of MT's templates (Classic Blog and Classic Website, MT 4 to 6: comments.mtml), printed where the
# post takes comments: `<form method="post" action="…/mt-comments.cgi" name="comments_form" id="comments-form"
# onsubmit="return mtCommentOnSubmit(this)">`, mtCommentOnSubmit being a function of MT's own mt.js.
_COMMENT_FORM = re.compile(rb"""<form\b[^>]*\bonsubmit\s*=\s*["']\s*return\s+mtCommentOnSubmit\(""", re.IGNORECASE)


def takes_comments(body: bytes) -> bool:
    """The page of a post that takes comments, which it prints itself: a comment posted since the page was fetched
    is seen only by asking for the page again (a conditional GET), whatever the feed's date of the post says."""
    return _COMMENT_FORM.search(body) is not None
