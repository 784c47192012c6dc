"""What Medium says about its own story pages: a member-only story cut short by its paywall.

Medium serves a story page (medium.com/@writer/slug, a publication's subdomain or its own domain) with its app's
links in the head (`<meta property="al:android:package" content="com.medium.reader">`, on every Medium page, the
custom domains' too). A story its writer made for members only is marked so three ways, each Medium's own:
"Member-only story" printed over the story beside its star; the Article of its JSON-LD `isAccessibleForFree: false`
(Google's convention for paywalled content, its `hasPart` naming the `.meteredContent` element around the story:
that element alone says nothing, as it may wrap a free story too);
and, for a reader who is no member, the paywall where the story stops after its first paragraphs ("Create an
account to read the full story", "The author made this story available to Medium members only"). What the page
holds is the public preview, never the story: the page is a post behind a wall (kind "protected", as WordPress's
password-protected post and Substack's paid one are), not a complete short post; the preview is its text.
"""

from __future__ import annotations

from typing import Any

from crawler.extraction.page import Page
from crawler.extraction.pagekind import ARTICLE_TYPES
from crawler.extraction.structured import by_type

# Medium's app links, in the head of every page Medium serves (custom domains included).
_MEDIUM_APP = "com.medium.reader"
# The words Medium prints over a member-only story, and in the paywall that ends its preview for anyone else.
_MEMBER_ONLY = "Member-only story"
_PAYWALL_WORDS = ("Create an account to read the full story", "story available to Medium members only")


def rendered_by_medium(page: Page) -> bool:
    """Whether Medium served the page: its head names Medium's Android app."""
    return _MEDIUM_APP in page.meta.get("al:android:package", [])


def medium_kind(page: Page, jsonld: list[dict[str, Any]]) -> str | None:
    """Kind "protected" for a Medium story page of a member-only story; None for any other page."""
    if not rendered_by_medium(page):
        return None
    free = [post.get("isAccessibleForFree") for post in by_type(jsonld, *ARTICLE_TYPES)]
    locked = any(str(value).strip().lower() == "false" for value in free)
    text = page.text
    if locked or _marked_member_only(page) or any(words in text for words in _PAYWALL_WORDS):
        return "protected"
    return None


def _marked_member_only(page: Page) -> bool:
    """Whether the page prints "Member-only story" before the story's title (its <h1>): the cards of other stories
    under it (More from the writer, Recommended) may be marked so too."""
    for element in page.tree.iter():
        if element.tag == "h1":
            return False
        if isinstance(element.tag, str) and " ".join((element.text or "").split()) == _MEMBER_ONLY:
            return True
    return False
