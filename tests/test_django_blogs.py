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
