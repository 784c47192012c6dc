"""Blogs served by Django: Wagtail's blog app Puput, with django-contrib-comments — its post body in Wagtail's
rich-text element, the comment form beside it in the post's <article>, a sidebar with every tag of the site."""

from __future__ import annotations

from crawler.extraction.extract import extract

URL = "https://blog.example/blog/2023/03/01/hello/"
SENTENCE = "Hello world, this blog is open."
TAG_CLOUD = [
    "ireland",
    "limestone",
    "bread",
    "rye",
    "harz",
    "rust",
    "python",
    "csv",
    "seoul",
    "jeju",
    "photo",
    "market",
    "shell",
    "linux",
    "walking",
]


def _puput_page(body: str, terms: str = "") -> str:
    tag_cloud = "".join(f'<li class="tag"><a href="/blog/tag/{tag}/">{tag}</a></li>' for tag in TAG_CLOUD)
    return (
        '<html><head><title>Hello | Feldnotizen</title></head><body><div class="container container-blog"><div '
        'class="row"><div class="col-sm-8 col-md-9"><article class="box page-content"><header><h2 class="post_title">'
        '<a href="/blog/2023/03/01/hello/">Hello</a></h2></header><section><ul class="links"><li><i class="fa '
        'fa-user"></i><a href="/blog/author/daniel/">daniel</a></li><li><i class="fa fa-calendar"></i> March 1, '
        f'2023</li>{terms}</ul></section><section>{body}</section><div><h3>Comments:</h3><dl id="comments"></dl>'
        '<form action="/comments/post/" method="post"><p><label for="id_name">Name:</label> <input type="text" '
        'name="name"></p><p><label for="id_email">Email address:</label> <input type="email" name="email"></p><p>'
        '<label for="id_comment">Comment:</label> <textarea name="comment"></textarea></p><p style="display:none;">'
        "<label>If you enter anything in this field your comment will be treated as spam:</label></p><p "
        'class="submit"><input type="submit" name="post" value="Post"></p></form></div></article></div><div '
        'class="col-sm-4 col-md-3"><div class="blog_sidebar"><ul class="sidebar"><h4>Tags</h4><ul>'
        f"{tag_cloud}</ul></ul></div></div></div></div></body></html>"
    )


def test_a_one_sentence_post_in_wagtails_rich_text_is_its_text_not_the_comment_form():
    """The comment form's labels were the whole text of every short post ("Name: Email address: URL: Comment:
    …"): django-contrib-comments' form, in the post's <article> beside Wagtail's rich-text element, was no chrome."""
    article = extract(_puput_page(f'<div class="rich-text"><p data-block-key="h1">{SENTENCE}</p></div>'), URL)
    assert article.text == SENTENCE
    assert article.markdown == SENTENCE


def test_a_sidebars_tag_cloud_is_not_the_tags_of_a_post_that_has_none():
    """trafilatura's search for tags takes the first block of tag links anywhere: a post without tags got every
    tag of the site from the sidebar's cloud (its 15 tags). The post's own tags, where it has them, are read as
    before."""
    body = f'<div class="rich-text"><p>{SENTENCE}</p></div>'
    assert extract(_puput_page(body), URL).tags == []
    own = '<li><i class="fa fa-tag"></i><ul><li class="tag"><a href="/blog/tag/csv/">csv</a></li></ul></li>'
    assert extract(_puput_page(body, own), URL).tags == ["csv"]


def test_the_meta_list_over_a_puput_post_is_no_line_of_its_text():
    """Puput prints the author, the date, the categories and the comment count as a list above the post, each
    behind an icon: the text and the Markdown began "- daniel / - July 8, 2023 / - 0"."""
    prose = "Reading a large CSV file at once fills memory. The csv module can stream it row by row instead. " * 4
    meta = '<li><i class="fa fa-comments"></i> 0</li>'
    html = _puput_page(f'<div class="rich-text"><p>{prose}</p><p>{prose}</p></div>', meta)
    article = extract(html, URL)
    assert article.author == "daniel"
    assert article.text.startswith("Reading a large CSV") and article.markdown.startswith("Reading a large CSV")


MEZZANINE_URL = "https://blog.example/blog/walking-the-burren/"


def _mezzanine_page(body: str) -> str:
    """Mezzanine's default templates (base.html, blog_post_detail.html, its filter panel) around a post's `body`,
    which `{{ blog_post.content|richtext_filters }}` prints with no element of its own."""
    tag_cloud = "".join(f'<li><a href="/blog/tag/{t}/" class="tag-weight-1">{t}</a> (1)</li>' for t in TAG_CLOUD)
    recent = "".join(f'<li><a href="/blog/post-{n}/">Post number {n}</a></li>' for n in range(5))
    comment_form = "".join(
        f'<div class="form-group"><label for="id_{n}">{n.title()}</label><input name="{n}"><p class="help-block">'
        f"required</p></div>"
        for n in ("name", "email", "comment")
    )
    return (
        '<html lang="en"><head><title>Walking the Burren | Drei Freunde Blog</title></head><body><div class="navbar">'
        '<a class="navbar-brand" href="/">Drei Freunde Blog</a><ul class="nav navbar-nav"><li><a href="/">Home</a></li>'
        '<li><a href="/blog/">Blog</a></li></ul></div><div class="container"><h1>Walking the Burren</h1><ul class='
        '"breadcrumb"><li><a href="/">Home</a></li><li class="active">Walking the Burren</li></ul></div><div class='
        '"container"><div class="row"><div class="col-md-2 left"><ul class="nav nav-list"><li><a href="/">Home</a>'
        '</li></ul></div><div class="col-md-7 middle"><h6 class="post-meta">Posted by: <a href="/blog/author/daniel/">'
        'Daniel O\'Connor</a> 3 years, 7 months ago</h6><p>(<a href="#comments">1 comment</a>)</p>'
        f'{body}<ul class="list-inline tags"><li>Tags:</li><li><a href="/blog/tag/ireland/">ireland</a></li></ul>'
        '<div class="panel panel-default rating"><div class="panel-body"><span id="rating-1">Currently unrated</span>'
        '</div></div><a class="btn btn-sm share-twitter" href="https://twitter.com/intent/tweet?url=x">Share on '
        'Twitter</a> <a class="btn btn-sm share-facebook" href="https://www.facebook.com/sharer/sharer.php?u=x">'
        'Share on Facebook</a><ul class="pager"><li class="previous"><a href="/blog/hello/">&larr; Hello</a></li></ul>'
        '<div id="comments"><h3>Comments</h3><div class="comment"><p>Lovely write-up, we will try that route.</p>'
        f'</div><h3>New Comment</h3><form method="post" action="/comment/">{comment_form}</form></div></div><div '
        f'class="col-md-3 right"><h3>Recent Posts</h3><ul class="list-unstyled recent-posts">{recent}</ul>'
        f'<h3>Tags</h3><ul class="list-inline tag-cloud">{tag_cloud}</ul><h3>Authors</h3><ul class="list-unstyled">'
        '<li><a href="/blog/author/anna/">Anna Schmidt</a> (4)</li></ul></div></div></div><footer><p class="site-info">'
        'Powered by <a href="http://mezzanine.jupo.org">Mezzanine</a></p></footer></body></html>'
    )


BURREN = (
    "<p>The Burren is a strange country of bare limestone, and in April it is at its best. The gentians come out"
    " between the grey slabs.</p><p>We started at Ballyvaughan early in the morning, with a flask of tea and a map"
    " that had seen better days.</p>"
)
FANORE = "<p>By the afternoon the clouds had come in, and we walked down to Fanore with rain in our faces.</p>"


def test_a_mezzanine_posts_headings_and_lists_printed_without_a_wrapper_are_kept():
    """Mezzanine prints the post's body as bare siblings in the page's column, beside the byline, the share links,
    the pager and the comments: trafilatura kept its paragraphs and lost every heading between them, and a list
    with them (or kept the list and lost the heading). The column, read alone without its chrome, has them."""
    route = "<ul><li>Ballyvaughan to the green road</li><li>the green road to Formoyle</li></ul>"
    lost_list = f"{BURREN}<h2>Where the path goes</h2><p>The route follows old droving roads:</p>{route}{FANORE}"
    markdown = extract(_mezzanine_page(lost_list), MEZZANINE_URL).markdown
    assert "\n\n## Where the path goes\n\n" in markdown and "- the green road to Formoyle" in markdown
    books = "<ol><li>The Old Ways, for the paths.</li><li>Bread Matters, for the bread.</li></ol>"
    kept_list = f"{BURREN}<h2>The three</h2>{books}{FANORE}"
    markdown = extract(_mezzanine_page(kept_list), MEZZANINE_URL).markdown
    assert "\n\n## The three\n\n1. The Old Ways, for the paths." in markdown
    assert markdown.endswith("rain in our faces.")


def test_mezzanines_byline_share_links_and_tag_cloud_are_not_the_posts_text():
    """Mezzanine's post page prints the byline as `h6.post-meta` ("Posted by: Name 3 years ago"), "Share on Twitter
    Share on Facebook" as two links under the post, and the sidebar's keyword cloud with each keyword's count:
    every post's text had them, a short post's all three."""
    hello = "This blog has moved to a new engine and says hello again."
    for body, last in ((BURREN + FANORE, "rain in our faces."), (f"<p>{hello}</p>", hello)):
        text = extract(_mezzanine_page(body), MEZZANINE_URL).text
        assert "Share on" not in text and "Posted by" not in text and "limestone (1)" not in text
        assert text.endswith(last)


def test_mezzanines_posted_by_link_is_the_author_beside_its_sidebars_list_of_authors():
    """Mezzanine's byline is `<h6 class="post-meta">Posted by: <a href="/blog/author/daniel/">NAME</a> 3 years ago`,
    and its sidebar lists every author of the site with a count of posts ("Anna Schmidt (4)"): the post's one link to
    an author page was one of several, and the post had no author (a crawl took the feed's, a single page none)."""
    authors = extract(_mezzanine_page(BURREN + FANORE), MEZZANINE_URL).authors
    assert [(a.name, a.url) for a in authors] == [("Daniel O'Connor", "https://blog.example/blog/author/daniel/")]
