"""Blog platforms whose page templates are public source, their pages written after those templates: Bear Blog's
(HermanMartinus/bearblog's templates/post.html, home.html, posts.html) and WriteFreely's
(writefreely/writefreely's templates/collection-post.tmpl, collection.tmpl)."""

from __future__ import annotations

from crawler.extraction.extract import extract

BEAR_HEAD = (
    "<head><meta charset='utf-8'><title>{title} – Slow Miles</title>"
    "<meta name='slowmiles' content='look-for-the-bear-necessities'>"
    "<meta property='og:site_name' content='Slow Miles'><meta property='og:title' content='{title}'>"
    "<meta property='og:type' content='article'></head>"
)
BEAR_HEADER = (
    "<header><a class='title' href='/'><h1>Slow Miles</h1></a>"
    "<nav><p><a href='/'>Home</a> <a href='/now/'>Now</a> <a href='/blog/'>Blog</a></p></nav></header>"
)
BEAR_TEXT = (
    "<p>The towpath leaves town behind the brewery and follows the water for twelve miles, past nine locks and a"
    " swing bridge that nobody has swung in years.</p>"
    "<p>Herons stood at every lock like keepers, and the family on a narrowboat let me work the paddles while"
    " they made tea in the cabin below.</p>"
)
BEAR_FOOTER = "<footer><span>Powered by <a href='https://bearblog.dev'>Bear ʕ•ᴥ•ʔ</a></span></footer>"


def _bear(body_class: str, title: str, main: str) -> str:
    head = BEAR_HEAD.replace("{title}", title)
    return (
        f"<html lang='en'>{head}<body class='{body_class} '>{BEAR_HEADER}<main>{main}</main>{BEAR_FOOTER}</body></html>"
    )


def _bear_post() -> str:
    return _bear(
        "post",
        "Walking the towpath",
        "<h1>Walking the towpath</h1><p><i><time datetime='2024-04-14T09:30Z'>14 Apr, 2024</time></i></p>"
        + BEAR_TEXT
        + "<p class='tags'><a rel='nofollow' href='/blog/?q=walking'>#walking</a>"
        " <a rel='nofollow' href='/blog/?q=canals'>#canals</a></p>"
        "<form id='upvote-form' action='/upvote/' method='post'><small><button class='upvote-button'"
        " title='Toast this post'><small class='upvote-count'>&nbsp;</small></button></small></form>",
    )


def test_a_bear_blog_post_is_dated_to_the_minute_its_time_states():
    """A Bear Blog post's date was its day alone ("2024-04-14"): Bear prints the moment under the post's title as
    <time datetime="2024-04-14T09:30Z">, outside any <article>, and only htmldate's day was read."""
    post = extract(_bear_post(), "https://slowmiles.bearblog.dev/walking-the-towpath/")
    assert post.kind == "article"
    assert post.published == "2024-04-14T09:30:00+00:00"


def test_a_bear_blog_posts_hashtags_are_its_tags():
    """A Bear Blog post had no tags: Bear prints them after the text in p.tags, each "#walking" linking to a search
    of the blog by it (/blog/?q=walking), no rel nor term path to tell them by."""
    post = extract(_bear_post(), "https://slowmiles.bearblog.dev/walking-the-towpath/")
    assert post.tags == ["walking", "canals"]
    assert "Toast" not in post.text and "#walking" not in post.text


def test_a_bear_blog_page_is_a_page_not_a_post():
    """A Bear Blog page (Now, About) was a post: Bear renders it with the post's template, og:type article, only
    without the title, date and tags; the body's class, `page` instead of `post`, tells them apart."""
    page = extract(_bear("page", "Now", BEAR_TEXT), "https://slowmiles.bearblog.dev/now/")
    assert page.kind == "page"
    assert page.tags == []
