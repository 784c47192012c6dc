"""Engines that print a post's comments in its page alone, as a recrawl sees them: no comment feed by default, and a
feed that dates each post by its last edit — a comment posted since the last crawl changes the page and nothing that
lists it, so the page of a post that takes comments is asked for again (a conditional GET) whatever its date says.

- Movable Type (Classic Blog and Classic Website, MT 4 to 6: comments.mtml) dates an entry in its Atom feed by its
  modified_on and prints its comment form where the post takes comments: `<form method="post"
  action="…/mt-comments.cgi" name="comments_form" id="comments-form" onsubmit="return mtCommentOnSubmit(this)">`,
  mtCommentOnSubmit being a function of MT's own mt.js.
- Textpattern (its `comments_form` tag, every theme: publish's Comment.php) dates an article in its Atom feed by
  its last modification and prints `<form id="txpCommentInputForm" method="post" action="…#cpreview">` while the
  article takes comments (a closed one prints `p#comments_closed` instead).
"""

from __future__ import annotations

import re

_COMMENT_FORMS = re.compile(
    rb"""<form\b[^>]*\b(?:onsubmit\s*=\s*["']\s*return\s+mtCommentOnSubmit\(|id\s*=\s*["']?txpCommentInputForm\b)""",
    re.IGNORECASE,
)


def takes_comments(body: bytes) -> bool:
    """The page of a post that takes comments, which it prints itself (the module's docstring): a comment posted since
    the page was fetched is seen only by asking for the page again."""
    return _COMMENT_FORMS.search(body) is not None
