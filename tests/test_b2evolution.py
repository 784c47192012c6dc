"""b2evolution's pages, written after the markup its bootstrap skins print (`<meta name="generator" content="b2evolution
7.2.5-stable">`): every <body> classed by what the page displays (skin_body_attrs(): `coll_2 disp_single
detail_single item_129`), a post in article.evo_post with its text in div.evo_post__full_text, its info line (author,
day, categories) in div.widget_core_item_info_line, its comments each an article.evo_comment."""

from __future__ import annotations

from crawler.discovery.calendars import empty_months_links
from crawler.extraction.extract import extract
from crawler.extraction.pagekind import SiteFacts, decide

BLOG = "http://evo.example.org/a/"
HEAD = '<meta name="generator" content="b2evolution 7.2.5-stable" />'
TEXT = "<p>" + "The chalk track shone like a ribbon across the downs as the cloud lifted at noon. " * 5 + "</p>"


def _post(number: int, title: str, *, link: bool = False) -> str:
    """One post as the skin prints it, on its own page or, its title linked, on a listing."""
    heading = f'<h2><a href="{BLOG}travel/post-{number}">{title}</a></h2>' if link else f"<h1>{title}</h1>"
    return (
        f'<article id="item_{number}" class="evo_post evo_content_block evo_post__ptyp_1 evo_post__published"'
        f' lang="en-US"><header><div class="evo_post_title">{heading}</div><div class="evo_widget'
        ' widget_core_item_info_line"><span class="small text-muted"> Posted by <span class="login user nowrap">'
        f'<span class="identity_link_username">admin</span></span> on Oct 12, 2024 in <a href="{BLOG}travel/"'
        ' title="Browse category">Travel</a></span></div></header><section class="evo_post__full">'
        f'<div class="evo_post__full_text clearfix">{TEXT}</div></section></article>'
    )


def _page(disp: str, detail: str, item: str, content: str, title: str) -> str:
    sidebar = (
        '<aside class="col-md-3"><div class="evo_container evo_container__sidebar"><div class="panel panel-default'
        ' evo_widget widget_core_coll_category_list"><div class="panel-heading"><h4 class="panel-title">Categories'
        f'</h4></div><div class="panel-body"><ul><li><a href="{BLOG}travel/">Travel</a></li><li>'
        f'<a href="{BLOG}outdoors/">Outdoors</a></li></ul></div></div></div></aside>'
    )
    return (
        f'<html><head>{HEAD}<title>{title}</title></head><body class="unknown_device page_cached instance_b2evo'
        f' coll_2 disp_{disp} detail_{detail} item_{item} anonymous evo_toolbar_hidden usergroup_none">'
        f'<div class="container"><div class="row"><div class="col-md-9"><main>{content}</main></div>{sidebar}'
        "</div></div></body></html>"
    )


def test_a_b2evolution_post_is_a_post():
    html = _page("single", "single", "129", _post(129, "Walking the Ridgeway"), "Walking the Ridgeway - Blog A")
    article = extract(html, f"{BLOG}travel/walking-the-ridgeway")
    assert (article.kind, article.title) == ("article", "Walking the Ridgeway")


def test_a_b2evolution_category_page_of_one_post_is_a_listing():
    """A category's page (disp_posts, at the category's folder: /a/travel/) prints its posts as on their own pages,
    each an article.evo_post with its text in full: a category of one post was stored as a post, titled
    'Category: "Travel"', however a feed dated it."""
    listing = '<h1 class="page_title">Category: "Travel"</h1>' + _post(129, "Walking the Ridgeway", link=True)
    article = extract(_page("posts", "posts-topcat-nointro", "none", listing, "Travel - Blog A"), f"{BLOG}travel/")
    assert article.kind == "listing"
    assert decide(article.evidence, SiteFacts(site_known=True, feed_dated=True))[0] == "listing"


def test_b2evolution_pages_that_display_no_post_are_no_posts():
    """A collection open to its members alone answers every address of it with its notice (disp_access_requires_login,
    at index.php?disp=access_requires_login&redirect_to=…), which was stored as a post titled as the site's home; its
    static pages (About: disp_page) are pages of the site."""
    notice = (
        '<div class="evo_panel__login"><h2>Login Required</h2><p>'
        + "You need to log in before you can access this section. Members of this collection only. " * 4
        + "</p></div>"
    )
    html = _page("access_requires_login", "access_requires_login", "none", notice, "Homepage Title")
    url = "http://evo.example.org/index.php?disp=access_requires_login&redirect_to=%2Fb%2F"
    assert extract(html, url).kind == "other"
    about = _post(133, "About this blog").replace("evo_post__ptyp_1", "evo_post__ptyp_10")
    article = extract(_page("page", "page", "133", about, "About this blog - Blog A"), f"{BLOG}welcome/about")
    assert article.kind == "other"


def _comment(number: int, who: str, printed: str, text: str) -> str:
    """A comment as b2evolution's skins print it (_item_comment.inc.php)."""
    return (
        f'<a id="c{number}"></a><article class="evo_comment panel panel-default vs_published" id="comment_{number}">'
        f'<div class="panel-heading"><h4 class="evo_comment_title panel-title"><a href="#c{number}" title="Permanent'
        f' link to this comment" class="evo_comment_type" rel="nofollow">Comment</a> from: {who}</h4></div>'
        '<div class="panel-body"><span class="evo_comment_avatar"><img src="/htsrv/getfile.php/avatar.jpg" alt="">'
        f'</span><div class="evo_comment_text"><p>{text}</p></div><footer class="evo_comment_footer clear'
        f' text-muted"><small><span class="pull-left">{printed}</span><div class="action_btn_group"></div></small>'
        "</footer></div></article>"
    )


def test_b2evolution_comments_are_read_with_their_commenter_and_time():
    """Each comment is an article.evo_comment#comment_N, the commenter in its title (a visitor's name, linked to the
    site they gave; a member's login), the time in its footer in the locale's numeric format ("11/04/24 @ 09:30 pm"
    in en-US, "22.09.2024 @ 10:45" in de-DE): none of them was archived."""
    visitor = '<a rel="nofollow ugc" class="linebreak" href="http://peter.example.org/"><span class="user anonymous">'
    member = '<span class="login user nowrap"><span class="identity_link_username">jay</span></span>'
    thread = (
        '<section id="feedbacks"><h3 class="evo_comment__list_title">3 comments</h3>'
        + _comment(201, f"{visitor}Peter Gast</span></a>", "11/04/24 @ 08:12 am", "My starter is called Herbert.")
        + _comment(202, member, "11/04/24 @ 09:30 pm", "Doubled is the rule, I learned it the hard way.")
        + _comment(203, '<span class="user anonymous">Anna Berg</span>', "22.09.2024 @ 10:45", "Wunderbar!")
        + "</section>"
    )
    post = _post(130, "A short note on sourdough").replace("</article>", thread + "</article>")
    html = _page("single", "single", "130", post, "A short note on sourdough - Blog A")
    comments = extract(html, f"{BLOG}recipes/a-short-note-on-sourdough").comments
    assert [(c.author, c.published, c.author_url, c.text, c.id) for c in comments] == [
        ("Peter Gast", "2024-11-04T08:12:00", "http://peter.example.org/", "My starter is called Herbert.", "201"),
        ("jay", "2024-11-04T21:30:00", None, "Doubled is the rule, I learned it the hard way.", "202"),
        ("Anna Berg", "2024-09-22T10:45:00", None, "Wunderbar!", "203"),
    ]


def _calendar(month: str, day: str) -> bytes:
    """b2evolution's calendar widget for `month` (2001/01), its second day as `day` prints it."""
    year, number = month.split("/")
    foot = (
        f'<tfoot><tr><td colspan="2" id="prev">&nbsp;<a title="Previous year" href="/b/{int(year) - 1}/{number}/">'
        f'&lt;&lt;</a>&nbsp;<a title="Previous month" href="/b/{int(year) - 1}/12/">&lt;</a></td><td colspan="3"'
        ' class="center"><a href="/b/2026/12/">Current</a></td><td colspan="2" id="next"><a title="Next month"'
        f' href="/b/{year}/02/">&gt;</a></td></tr></tfoot>'
    )
    return (
        '<html><body><div class="evo_widget widget_core_coll_calendar"><table class="bCalendarTable" title="Monthly'
        f' calendar"><caption><a href="/b/{month}/">January {year}</a></caption><thead><tr class="bCalendarRow">'
        '<th class="bCalendarHeaderCell">Mo</th></tr></thead><tbody><tr class="bCalendarRow"><td class="bCalendarCell">'
        f"1</td>{day}</tr></tbody>{foot}</table></div></body></html>"
    ).encode()


def test_a_b2evolution_calendar_of_an_empty_month_leads_to_no_other_month():
    """The calendar widget's <tfoot> links the year and the month before and after on every month's page, posts or
    none: a crawl walked 336 empty months, 2000 to 2027, of a blog whose posts are of 2024 and 2026."""
    empty = empty_months_links(_calendar("2001/01", '<td class="bCalendarCell">2</td>'), "http://evo.example.org/b/")
    assert empty == {f"http://evo.example.org/b/{m}/" for m in ("2000/01", "2000/12", "2026/12", "2001/02")}
    day = '<td class="bCalendarLinkPost"><a title="1 post" href="/b/2024/01/02/">2</a></td>'
    assert empty_months_links(_calendar("2024/01", day), "http://evo.example.org/b/") == set()


def test_a_short_b2evolution_posts_text_is_its_own_not_its_comments_info_line_or_authors_bio():
    """A short post's text was its comments ("2 comments", "Comment from: jay Member", their texts) where it had some,
    else began with its info line ("Posted by paul on Nov 23, 2026 in Background") and ended with its small print
    ("This entry was posted by …") or the author's bio from the "about the author" widget under it."""
    short = "<p>This is an extended post. You only see this small teaser by default.</p>"
    about = (
        '<div class="evo_widget widget_core_item_about_author clearfix"><div class="evo_avatar"><img alt=""'
        ' src="/htsrv/getfile.php/paul.jpg" class="avatar"></div><div class="evo_author_display_field">'
        "I'm a demo author.<br>I like to think before I write ;)</div></div>"
    )
    hi = "Hi! This is a sample comment that has been approved by default, and admins can approve or reject it."
    thread = (
        '<section id="feedbacks"><h3 class="evo_comment__list_title">2 comments</h3>'
        + _comment(
            11,
            '<span class="login user nowrap">jay</span> <span class="label">Member</span>',
            "11/30/26 @ 03:25 pm",
            hi,
        )
        + _comment(12, '<span class="login user nowrap">admin</span>', "12/01/26 @ 09:00 am", hi)
        + "</section>"
    )
    small_print = (
        '<div class="evo_widget widget_core_item_small_print clearfix"> This entry was posted by <span class="user">'
        f'Paul Jones</span> and filed under <a href="{BLOG}recipes/">Recipes</a>. Tags: <a rel="tag"'
        f' href="{BLOG}tag/demo">demo</a>.</div>'
    )
    for extra in (about, small_print, thread):
        post = _post(18, "Extended post").replace(TEXT, short).replace("</section>", f"</section>{extra}", 1)
        article = extract(_page("single", "single", "18", post, "Extended post - Blog B"), f"{BLOG}extended-post")
        assert article.text == "This is an extended post. You only see this small teaser by default."
