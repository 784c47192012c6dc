"""Hosted blog platforms' own post pages, written after their markup: Substack's (h1.post-title,
div.available-content, the paywall after the free part of a paid post), Medium's and Tumblr themes'."""

from __future__ import annotations

from crawler.extraction.extract import extract

SUBSTACK_HEAD = (
    "<head><meta charset='utf-8'><title>March numbers - by Tom Farrow</title>"
    "<meta property='og:type' content='article'>"
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"headline":"March numbers","datePublished":"2024-04-02T10:00:00+00:00",'
    '"author":[{"@type":"Person","name":"Tom Farrow","url":"https://substack.com/@tomfarrow"}]}</script></head>'
)
SUBSTACK_POST = (
    "<article class='typography newsletter-post post'><div class='post-header'>"
    "<h1 class='post-title published'>March numbers</h1><h3 class='subtitle'>Where the money went</h3>"
    "<div class='post-meta'><a href='https://substack.com/@tomfarrow'>Tom Farrow</a><div>Apr 02, 2024</div></div>"
    "</div><div class='available-content'><div dir='auto' class='body markup'>"
    "<p>March was the first month the budget office published its spending in full, and the numbers are"
    " stranger than anyone expected.</p>"
    "<p>Below, I go through the three largest lines and what they tell us about the next quarter.</p>"
    "</div></div>{after}</article>"
)
PAYWALL = (
    "<div class='paywall'><div class='paywall-content'><h2 class='paywall-title'>This post is for paid"
    " subscribers</h2><a class='button primary' href='/subscribe?simple=true'>Subscribe</a>"
    "<a href='/account/login'>Already a paid subscriber? Sign in</a></div></div>"
)


def _substack(after: str) -> str:
    return f"<html>{SUBSTACK_HEAD}<body>{SUBSTACK_POST.replace('{after}', after)}</body></html>"


def test_a_substack_post_cut_short_by_its_paywall_is_a_protected_post_not_a_short_one():
    """A paid subscribers' Substack post seen without a subscription was stored as a complete two-paragraph post:
    the free part Substack shows before its paywall ("This post is for paid subscribers") stood for the post."""
    paid = extract(_substack(PAYWALL), "https://theledger.substack.com/p/march-numbers")
    assert paid.kind == "protected"
    assert "Substack" in paid.kind_reason and "paywall" in paid.kind_reason
    whole = extract(_substack(""), "https://theledger.substack.com/p/march-numbers")
    assert whole.kind == "article"  # the free post, or the paid one seen by a subscriber: no paywall
    assert whole.text.endswith("what they tell us about the next quarter.")
