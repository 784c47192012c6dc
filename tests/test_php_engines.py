"""PHP blog engines whose themes are public source, their pages written after those themes: Textpattern's
(textpattern/textpattern's setup theme four-point-nine: forms/article/default.txp, pages/default.txp) and
Z-BlogPHP's (zblogcn/zblogphp's zb_users/theme/default: template/single.php, index.php, post-multi.php)."""

from __future__ import annotations

import pytest

from crawler.discovery.page_comments import takes_comments
from crawler.extraction.extract import extract

TXP_TEXT = (
    "<p>Drei Tage lang sind wir im Spätsommer über die Höhenwege gewandert, von Hütte zu Hütte, und das Wetter"
    " hielt bis zum letzten Abstieg.</p>"
    "<p>Am zweiten Tag führte der Weg über einen langen Grat mit Drahtseilen; Trittsicherheit ist dort nötig, und"
    " der Blick reicht bis zu den Gletschern im Süden.</p>"
)


def _textpattern_post(categories: str, generator: str = "Textpattern CMS", keywords: str = "") -> str:
    return (
        "<html lang='de'><head><meta charset='utf-8'><title>Über den Grat | Bergnotizen</title>"
        f"<meta name='generator' content='{generator}'>"
        + (f"<meta name='keywords' content='{keywords}'>" if keywords else "")
        + "<link rel='canonical' href='https://berg.example/articles/ueber-den-grat'></head><body>"
        "<header><h1><a href='https://berg.example/'>Bergnotizen</a></h1></header>"
        "<main><article class='article' itemprop='blogPost' itemscope itemtype='https://schema.org/BlogPosting'>"
        "<h1 itemprop='headline'>Über den Grat</h1>"
        "<p><strong>Posted</strong> <time datetime='2024-05-07T10:17:00+0000' itemprop='datePublished'>"
        "May 07, 12:17 PM</time></p>"
        f"<div itemprop='articleBody'>{TXP_TEXT}</div>"
        "<p><strong>Author</strong> <span itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        "<span itemprop='name'><a rel='author' href='https://berg.example/articles/?author=Bea+Huber'>Bea Huber</a>"
        "</span></span><br><strong>Categories</strong>"
        f"<span itemprop='keywords'>{categories}</span></p>"
        "</article></main>"
        "<aside><h4>Links</h4><ul><li><a href='https://textpattern.com/'>Textpattern</a></li></ul></aside>"
        "</body></html>"
    )


def test_a_textpattern_posts_categories_are_its_links_to_its_section_filtered_by_them():
    links = (
        "<a href='https://berg.example/articles/?c=reisen'>Reisen</a>, "
        "<a href='https://berg.example/articles/?c=alpen-und-voralpen'>Alpen und Voralpen</a>"
    )
    article = extract(_textpattern_post(links), "https://berg.example/articles/ueber-den-grat")
    assert article.categories == ["Reisen", "Alpen und Voralpen"]
    messy = "<a href='https://berg.example/index.php?s=articles&amp;c=reisen'>Reisen</a>"
    article = extract(_textpattern_post(messy), "https://berg.example/index.php?id=6")
    assert article.categories == ["Reisen"]


def test_a_textpattern_articles_keywords_are_its_tags():
    """Textpattern's Keywords field holds an article's tags (its keywords tags, tru_tags), which four-point-nine
    prints only in the keywords meta of the article's own page; another engine's keywords meta is no post's tags."""
    category = "<a href='https://berg.example/articles/?c=reisen'>Reisen</a>"
    article = extract(_textpattern_post(category, keywords="Wandern, Alpen,Grat"), "https://berg.example/articles/x")
    assert (article.categories, article.tags) == (["Reisen"], ["Wandern", "Alpen", "Grat"])
    other = extract(_textpattern_post(category, "Other CMS", "Wandern, Alpen"), "https://berg.example/articles/x")
    assert other.tags == []


def test_a_c_in_the_query_of_a_link_on_another_engines_page_names_no_category():
    links = "<a href='https://berg.example/articles/?c=reisen'>Reisen</a>"
    article = extract(_textpattern_post(links, generator="Other CMS"), "https://berg.example/articles/ueber-den-grat")
    assert "Reisen" not in article.categories


ZBLOG_TEXT = (
    "<p>上个月去成都待了三天，几乎每一顿都在吃。火锅、担担面、钟水饺，每样都让人难忘，街边的小店也各有各的拿手菜。</p>"
    "<p>最推荐的是一家藏在小巷里的小馆子，老板做的回锅肉香而不腻，米饭也是自家蒸的，排队的人从中午一直到傍晚。</p>"
)


def _zblog_page(body_class: str) -> str:
    """A page of Z-BlogPHP's default theme: the view's type on the <body>, one post printed whole (a day's list
    holding one post prints it as its page does, its title a link to it), the author and category in its footer."""
    return (
        "<html lang='zh-Hans'><head><meta charset='utf-8'><meta name='generator' content='Z-BlogPHP 1.7.5'>"
        "<title>成都三日美食记-林间笔记</title></head>"
        f"<body class='{body_class}'><div id='divAll'><div id='divTop'><h1 id='BlogTitle'>"
        "<a href='https://lin.example/'>林间笔记</a></h1></div><div id='divMain'><div class='post single'>"
        "<h2 class='post-title'><a href='https://lin.example/?id=5'>成都三日美食记</a>"
        "<span class='post-date'>2024-03-05 10:11:00</span></h2>"
        f"<div class='post-body'>{ZBLOG_TEXT}</div>"
        "<p class='post-footer'>作者:王小波 <small>|</small> 分类:旅行 <small>|</small> 浏览:3</p></div></div>"
        "<div id='divSidebar'><ul><li><a href='https://lin.example/?id=2'>留言本</a></li></ul></div></div>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("body_class", "kind"),
    [
        ("single article", "article"),
        ("single page", "page"),
        ("multi date", "archive"),
        ("multi tag", "tag"),
        ("multi category", "category"),
        ("author", "author"),
    ],
)
def test_zblogs_view_type_on_the_body_says_what_the_page_is(body_class, kind):
    """Z-BlogPHP's themes print the view's type on the <body>: a day's or a tag's list printing its one post whole
    is no post, the guestbook page no post either."""
    article = extract(_zblog_page(body_class), "https://lin.example/?date=2024-3-5")
    assert (article.kind, article.kind_reason) == (kind, f"Z-BlogPHP's body classes mark it as {kind}")


def _zblog_comment(number: int, name: str, when: str, text: str, replies: str = "") -> str:
    """A comment as Z-BlogPHP's default theme prints it (template/comment.php): ul.msg#cmtN, the name and "发布于
    <time>" with the reply link in li.msgname, the text in li.msgarticle, each reply's ul.msg after it in there."""
    return (
        f"<ul class='msg' id='cmt{number}'><li class='msgname'><img class='avatar' src='/zb_users/avatar/0.png'>"
        f"&nbsp;<span class='commentname'><a href='' rel='nofollow'>{name}</a></span><br><small>&nbsp;发布于&nbsp;"
        f"{when}&nbsp;&nbsp;<span class='revertcomment'><a href='#comment' onclick=\"zbp.comment.reply('{number}')\">"
        f"回复该评论</a></span></small></li><li class='msgarticle'>{text}<label id='AjaxComment{number}'></label>"
        f"{replies}</li></ul>"
    )


def test_zblogs_comments_are_read_each_once_with_their_replies_names_and_times():
    reply = _zblog_comment(9, "阿明", "2024-03-06 21:05:10", "同意，那家的担担面也很好吃。")
    thread = _zblog_comment(7, "小红", "2024-03-06 20:15:00", "看得我都饿了！", reply) + _zblog_comment(
        8, "Dave", "2024-03-07 08:00:00", "Great write-up, thanks."
    )
    html = _zblog_page("single article").replace("<div id='divSidebar'>", f"{thread}<div id='divSidebar'>")
    comments = extract(html, "https://lin.example/?id=5").comments
    assert [(c.id, c.parent, c.author, c.published, c.text) for c in comments] == [
        ("7", None, "小红", "2024-03-06T20:15:00", "看得我都饿了！"),
        ("9", "7", "阿明", "2024-03-06T21:05:10", "同意，那家的担担面也很好吃。"),
        ("8", None, "Dave", "2024-03-07T08:00:00", "Great write-up, thanks."),
    ]


def test_a_zblog_default_theme_posts_title_time_author_category_and_tags_are_read():
    """Z-BlogPHP's default theme prints the post's time inside its title's heading, its author and category as
    plain "label:value" text in its footer, its tags as links to `/?tags=N` (post-single.php)."""
    html = (
        "<html lang='zh-Hans'><head><meta charset='utf-8'><meta name='generator' content='Z-BlogPHP 1.7.5'>"
        "<title>林间笔记-成都三日美食记</title></head><body class='single article'><div id='divAll'>"
        "<div id='divTop'><h1 id='BlogTitle'><a href='https://lin.example/'>林间笔记</a></h1></div>"
        "<div id='divMain'><div class='post single'>"
        "<h2 class='post-title'>成都三日美食记<span class='post-date'>2024-03-05 10:11:00</span></h2>"
        f"<div class='post-body'>{ZBLOG_TEXT}</div>"
        "<p class='post-tags'>标签:&nbsp;<a href='https://lin.example/?tags=5' title='成都'>成都</a>&nbsp;<small>,"
        "</small>&nbsp;<a href='https://lin.example/?tags=6' title='美食'>美食</a>&nbsp;</p>"
        "<p class='post-footer'>作者:王小波 <small>|</small> 分类:旅行 <small>|</small> 浏览:3 <small>|</small> 评论:0"
        "</p></div></div><div id='divSidebar'><h3>标签列表</h3><ul><li><a href='https://lin.example/?tags=1'>"
        "树莓派</a></li></ul></div></div></body></html>"
    )
    article = extract(html, "https://lin.example/?id=5")
    assert (article.title, article.published) == ("成都三日美食记", "2024-03-05T10:11:00")
    assert [author.name for author in article.authors] == ["王小波"]
    assert (article.categories, article.tags) == (["旅行"], ["成都", "美食"])


def test_a_textpattern_article_that_takes_comments_is_asked_for_again_on_a_recrawl():
    """Textpattern prints an article's comments in its page alone (no comment feed) and dates it in its Atom feed by
    its last change: a comment posted since the last crawl was lost, the feed declaring the article unchanged. Its
    comment form, printed while the article takes comments, marks a page to ask for again; a closed one's notice
    does not."""
    form = (
        '<div id="comments"><ol class="comments-list"><li class="comment"><a id="c000003"></a><p>Schön!</p></li></ol>'
        '<form id="txpCommentInputForm" method="post" action="/articles/wandern-alpen#cpreview"><fieldset>'
        '<textarea id="message" name="message"></textarea></fieldset></form></div>'
    )
    closed = '<div id="comments"><p id="comments_closed">Comments are turned off for this article.</p></div>'
    page = (
        '<html><head><meta name="generator" content="Textpattern CMS"></head><body><article>{}</article></body></html>'
    )
    assert takes_comments(page.format(form).encode())
    assert not takes_comments(page.format(closed).encode())


def _zit_post(tag_url: str, category_url: str, author_url: str) -> str:
    """A post of Z-BlogPHP's Zit theme (template/post-single.php): the category in the breadcrumb, the tags in a
    heading above the title, the author and the time ("发表于" in a <dfn>) after it, the body apart in <main>; the
    sidebar's modules link other terms, the navbar a category."""
    return (
        "<html lang='zh-Hans'><head><meta charset='utf-8'><meta name='generator' content='Z-BlogPHP 1.7.5'>"
        "<title>成都三日美食记 - 林间笔记</title></head><body class='article'><header id='face'><nav id='menu'><ul>"
        f"<li id='navbar-category-2'><a href='https://lin.example/{category_url.format(2)}'>技术</a></li></ul></nav>"
        "</header><section id='wrap'><div class='inner'><div id='topic'><nav id='path' class='kico-guide'>"
        f"<a href='https://lin.example/'>首页</a> | <a href='https://lin.example/{category_url.format(4)}'>旅行</a>"
        " | <a href='https://lin.example/?date=2024-03-05'>2024-03-05</a></nav><h4>"
        f"<a href='https://lin.example/{tag_url.format(5)}' class='tag kico-hash'>成都</a> "
        f"<a href='https://lin.example/{tag_url.format(6)}' class='tag kico-hash'>美食</a></h4>"
        "<h1>成都三日美食记</h1><h5><img src='https://lin.example/zb_users/avatar/0.png' class='avatar' alt='王小波'>"
        f" <a href='https://lin.example/{author_url.format(2)}' title='查看 王小波 的所有文章'>王小波</a>"
        " <span class='kico-time'><dfn>发表于</dfn>2024-03-05 10:11:00</span>"
        " <span class='kico-eye'><dfn>浏览</dfn>10</span></h5></div>"
        f"<main id='main'><article id='cont'>{ZBLOG_TEXT}</article></main><aside id='side'>"
        "<div class='pane' id='divTags'><h4 class='zit'>标签列表</h4><ul>"
        f"<li><a href='https://lin.example/{tag_url.format(1)}'>树莓派</a></li></ul></div>"
        "<div class='pane' id='divAuthors'><ul>"
        f"<li><a href='https://lin.example/{author_url.format(1)}'>林小雨</a></li></ul></div></aside></div>"
        "</section></body></html>"
    )


@pytest.mark.parametrize(
    ("tag_url", "category_url", "author_url"),
    [
        ("?tags={}", "?cate={}", "?auth={}"),  # URL rewriting off, Z-BlogPHP's default
        ("tags-{}.html", "category-{}.html", "author-{}.html"),  # ZC_STATIC_MODE "REWRITE"
    ],
)
def test_a_zblog_zit_posts_time_author_category_and_tags_are_its_links_to_the_engines_views(
    tag_url, category_url, author_url
):
    """Zit links the post's category, tags and author to their views (`?cate=4`, `?tags=5`, `?auth=2`, or with URL
    rewriting `category-4.html`, `tags-5.html`, `author-2.html`) above and below the title, outside the post's body,
    and prints its time after a <dfn> label; the sidebar's modules and the navbar link other terms and people."""
    article = extract(_zit_post(tag_url, category_url, author_url), "https://lin.example/?id=5")
    assert (article.title, article.published) == ("成都三日美食记", "2024-03-05T10:11:00")
    assert [author.name for author in article.authors] == ["王小波"]
    assert (article.categories, article.tags) == (["旅行"], ["成都", "美食"])
