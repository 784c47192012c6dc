"""Blog platforms whose page templates are public source, their pages written after those templates: Bear Blog's
(HermanMartinus/bearblog's templates/post.html, home.html, posts.html) and WriteFreely's
(writefreely/writefreely's templates/collection-post.tmpl, collection.tmpl) and Forem's (forem/forem's
app/views/comments partials, its Rouge-rendered code) and Rhymix's (rhymix/rhymix's board skin
modules/board/skins/xedition: _read.html, _list.html)."""

from __future__ import annotations

from crawler.extraction.extract import extract
from crawler.extraction.pagekind import url_kind

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


WRITEFREELY_HEAD = (
    "<head><meta charset='utf-8'><title>{title} &mdash; Flour Diaries</title><meta name='generator'"
    " content='WriteFreely'><meta property='og:title' content='{title}'><meta property='og:type' content='article'>"
    "<meta property='article:published_time' content='2024-03-05T14:20:00Z'></head>"
)
WRITEFREELY_HEADER = (
    "<header><h1 dir='ltr' id='blog-title'><a rel='author' href='/' class='h-card p-author'>Flour Diaries</a></h1>"
    "</header>"
)


def _hashtag(tag: str) -> str:
    return (
        f"<a href='https://flour.example.org/tag:{tag}' class='hashtag'><span>#</span>"
        f"<span class='p-category'>{tag}</span></a>"
    )


def test_a_writefreely_posts_hashtags_are_its_tags():
    """A WriteFreely post had no tags: WriteFreely makes each #hashtag of the post's text a link to the blog's page
    of the tag (a.hashtag, its name in a span.p-category, /tag:baking), no rel nor meta to any."""
    html = (
        f"<html lang='en'>{WRITEFREELY_HEAD.replace('{title}', 'Tending a starter')}<body id='post'>"
        f"{WRITEFREELY_HEADER}<article id='post-body' class='norm h-entry '>"
        "<h2 id='title' class='p-name dated'>Tending a starter</h2>"
        "<time class='dt-published' datetime='2024-03-05T14:20:00Z'>March 5, 2024</time><div class='e-content'>"
        "<p>A starter is a small pet that lives in a jar on the counter, and like any pet it wants feeding at"
        f" regular hours, more so when the kitchen is warm. {_hashtag('baking')}</p>"
        "<p>Rye flour makes it livelier than white flour, and a warm spot near the oven speeds everything up on"
        f" cold winter mornings.</p><p>{_hashtag('sourdough')}</p></div></article>"
        "<footer dir='ltr'><hr><nav><p>published with <a href='https://writefreely.org'>writefreely</a></p></nav>"
        "</footer></body></html>"
    )
    post = extract(html, "https://flour.example.org/tending-a-starter")
    assert post.kind == "article"
    assert post.tags == ["baking", "sourdough"]


def _writefreely_post(last: str) -> str:
    """A WriteFreely post page as collection-post.tmpl prints it, its head naming the blog as the author."""
    head = WRITEFREELY_HEAD.replace("{title}", "Tending a starter").replace(
        "<meta property='og:title'",
        "<meta name='author' content='Flour Diaries'><meta property='og:site_name' content='Flour Diaries'>"
        "<meta property='og:title'",
    )
    return (
        f"<html lang='en'>{head}<body id='post'>{WRITEFREELY_HEADER}<article id='post-body' class='norm h-entry'>"
        "<h2 id='title' class='p-name'>Tending a starter</h2><div class='e-content'>"
        "<p>A starter is a small pet that lives in a jar on the counter, and like any pet it wants feeding at"
        " regular hours, more so when the kitchen is warm.</p><p>Rye flour makes it livelier than white flour,"
        f" and a warm spot near the oven speeds everything up on cold winter mornings.</p>{last}</div></article>"
        "<footer dir='ltr'><hr><nav><p>published with <a href='https://writefreely.org'>writefreely</a></p></nav>"
        "</footer></body></html>"
    )


def test_a_writefreely_posts_line_of_hashtags_is_a_line_of_its_text():
    """A WriteFreely post's line of hashtags alone ("#baking #bread" under the text) was missing from its text:
    WriteFreely makes each hashtag a link, and trafilatura dropped the line as all link."""
    for last, line in (
        (f"<p>{_hashtag('sourdough')}</p>", "#sourdough"),
        (f"<p>{_hashtag('baking')} {_hashtag('bread')}</p><p>More soon, with pictures.</p>", "#baking #bread"),
    ):
        post = extract(_writefreely_post(last), "https://flour.example.org/tending-a-starter")
        assert line in post.text.splitlines()
        assert post.text.splitlines()[1].startswith("Rye flour")


def test_a_writefreely_posts_author_the_blog_links_the_blogs_home():
    """A WriteFreely post's author, the blog (its head's meta author), had no address, though the header's title
    links the blog's home as the author (`<a rel="author" href="/" class="h-card p-author">`), as a Tumblr
    post's blog's address is its author's."""
    post = extract(_writefreely_post(""), "https://flour.example.org/tending-a-starter")
    assert [(p.name, p.url) for p in post.authors] == [("Flour Diaries", "https://flour.example.org/")]


def test_a_writefreely_tag_page_is_the_tags_hub():
    """A WriteFreely blog's page of a tag (/tag:baking, its later pages /tag:baking/page/2) was a listing of no
    term: its address is no /tag/baking/."""
    assert url_kind("https://flour.example.org/tag:baking") == "tag"
    assert url_kind("https://write.as/flour/tag:baking/page/2") == "tag"
    assert url_kind("https://flour.example.org/tending-a-starter") is None


def _marfa(title: str, url: str) -> str:
    heading = f"<h1 class='p-name'>{title}</h1>" if title else ""
    document = f"Dana Reyes - {title}" if title else "Dana Reyes"
    return (
        f"<html lang='en'><head><meta content='Dana Reyes' name='author'><title>{document}</title>"
        "<link rel='me' href='https://micro.blog/danareyes'></head><body><header><div id='header'>"
        "<a href='/'>Dana Reyes</a></div></header><section id='wrapper'><article class='h-entry post'><header>"
        f"{heading}<h2 class='headline'><time class='dt-published' datetime='2024-05-18 16:45:00 -0500'>"
        f"<a class='u-url dates' href='{url}'>May 18, 2024</a></time></h2></header>"
        "<section class='e-content post-body'><p>Finally rehung the garden gate on a new post set in gravel, with"
        " longer screws. It swings shut on its own now, which the dog finds very suspicious.</p></section>"
        "<section id='post-meta' class='clearfix p-author h-card'><a href='/' class='u-url'><div><span"
        " class='p-name dark'>Dana Reyes</span></div></a></section></article></section></body></html>"
    )


def test_a_microblog_posts_date_heading_is_no_title():
    """A micro.blog post without a title (a micropost, the platform's staple) was titled by its date, "May 18,
    2024": the Marfa theme prints the date as a permalink in the header's h2.headline, and that heading linking to
    the page itself (or, linking elsewhere, trafilatura's guess) was read as the title. A titled post keeps its
    <h1>."""
    url = "https://dana.micro.blog/2024/05/18/181234.html"
    for linked in (url, "https://dana.micro.blog/2024/05/18/garden-gate.html"):
        micropost = extract(_marfa("", linked), url)
        assert micropost.title is None
        assert micropost.published == "2024-05-18T16:45:00-05:00"
    titled = "https://dana.micro.blog/2024/05/18/garden-gate.html"
    assert extract(_marfa("Fixing the garden gate", titled), titled).title == "Fixing the garden gate"


def test_a_forem_posts_tags_are_its_tags():
    """A Forem post (dev.to) had no tags: Forem prints them under the title in the article's header, each an
    a.crayons-tag to the tag's page, /t/bash, with its "#" in a span, no rel and no term path; its meta keywords add
    the site's own words ("software, coding")."""
    html = (
        "<html lang='en'><head><title>Parsing logs with awk - DEV Community</title>"
        "<meta name='keywords' content='bash, linux, software, coding, development'>"
        "<meta property='og:type' content='article'><meta property='og:title' content='Parsing logs with awk'>"
        "<meta property='og:site_name' content='DEV Community'></head><body><main><div class='article-wrapper'>"
        "<article class='crayons-card crayons-article' id='article-show-container'>"
        "<header class='crayons-article__header' id='main-title'><div class='crayons-article__header__meta'>"
        "<h1 class='fs-3xl fw-bold'>Parsing logs with awk</h1><div class='mb-4 spec__tags'>"
        "<a class='crayons-tag mr-1' href='/t/bash'><span class='crayons-tag__prefix'>#</span>bash</a>"
        "<a class='crayons-tag mr-1' href='/t/linux'><span class='crayons-tag__prefix'>#</span>linux</a></div>"
        "<div class='crayons-article__subheader'><a href='/mira' class='crayons-link'>Mira Holt</a>"
        "<time datetime='2024-02-11T08:12:45Z'>Feb 11</time></div></div></header><div class='crayons-article__main'>"
        "<div class='crayons-article__body text-styles' id='article-body'><p>Every week I end up grepping the same"
        " access logs, and every week awk turns out to be the shorter answer than any script.</p><p>The ninth"
        " field is the status code in the combined log format, which is usually enough to spot a bad deploy.</p>"
        "</div></div></article></div></main></body></html>"
    )
    post = extract(html, "https://dev.to/mira/parsing-logs-with-awk-3kfa")
    assert post.tags == ["bash", "linux"]


def _forem_comment(number: int, username: str, name: str, body: str, replies: str = "") -> str:
    """A comment as Forem's comments/_comment, _comment_proper and _comment_header partials print it."""
    return (
        f"<details class='comment-wrapper js-comment-wrapper' open><summary><span></span></summary>"
        f"<div id='comment-node-{number}' class='comment single-comment-node root comment--deep-0'"
        f" data-comment-id='{number}'><div class='comment__inner'><a href='/{username}' class='crayons-avatar'>"
        f"<img class='crayons-avatar__image' src='https://media2.dev.to/{username}.png' alt='{name} profile image'>"
        "</a><div class='inner-comment comment__details'><div class='comment__content crayons-card'>"
        f"<header class='comment__header'><a href='/{username}' class='crayons-link crayons-link--secondary'>"
        f"<span class='js-comment-username'>{name}</span></a><span role='presentation'>&bull;</span>"
        f"<a href='/{username}/comment/{number}' class='comment-date crayons-link'>"
        "<time datetime='2024-02-12T09:15:02Z'>Feb 12</time></a><div class='comment__dropdown'><ul>"
        f"<li><a href='/{username}/comment/{number}' class='permalink-copybtn'>Copy link</a></li></ul></div></header>"
        f"<div class='comment__body text-styles text-styles--secondary body'>{body}</div></div>"
        "<footer class='comment__footer'><button class='reaction-like'><span>Like</span></button></footer></div></div>"
        f"{replies}</div></details>"
    )


def _forem_post(article_body: str, comments: str = "") -> str:
    return (
        "<html lang='en'><head><title>Parsing logs with awk - DEV Community</title>"
        "<meta property='og:type' content='article'><meta property='og:title' content='Parsing logs with awk'>"
        "<meta property='og:site_name' content='DEV Community'></head><body><main><div class='article-wrapper'>"
        "<article class='crayons-card crayons-article' id='article-show-container'>"
        "<header class='crayons-article__header' id='main-title'><div class='crayons-article__header__meta'>"
        "<h1 class='fs-3xl fw-bold'>Parsing logs with awk</h1><div class='crayons-article__subheader'>"
        "<a href='/mira' class='crayons-link'>Mira Holt</a><time datetime='2024-02-11T08:12:45Z'>Feb 11</time>"
        "</div></div></header><div class='crayons-article__main'>"
        f"<div class='crayons-article__body text-styles' id='article-body'>{article_body}</div></div>"
        "<section id='comments' class='crayons-card comments'><header><h2>Top comments (3)</h2></header>"
        f"<div class='comments' id='comment-trees-container'>{comments}</div></section></article></div></main>"
        "</body></html>"
    )


FOREM_TEXT = (
    "<p>Every week I end up grepping the same access logs, and every week awk turns out to be the shorter answer"
    " than any script.</p><p>The ninth field is the status code in the combined log format, which is usually"
    " enough to spot a bad deploy.</p>"
)


def test_a_forem_comments_commenter_and_replies_are_read():
    """A Forem post's comments (dev.to) had no commenter, only a comment's first paragraph and no reply: Forem's
    comment partial names the commenter in a span.js-comment-username in the header's link to their profile, holds
    the text in div.comment__body and prints each reply inside its parent's div#comment-node-N."""
    reply = _forem_comment(102, "mira", "Mira Holt", "<p>It does, and -F changes that.</p>")
    comments = _forem_comment(
        101,
        "jopark",
        "Jo Park",
        "<p>Nice one, I always forget awk splits on whitespace.</p><p>Does it handle tabs too?</p>",
        reply,
    ) + _forem_comment(103, "samlee", "Sam Lee", "<p>uniq -c needs sort first, good call.</p>")
    post = extract(_forem_post(FOREM_TEXT, comments), "https://dev.to/mira/parsing-logs-with-awk-3kfa")
    assert [(c.author, c.author_url, c.text, c.id, c.parent) for c in post.comments] == [
        (
            "Jo Park",
            "https://dev.to/jopark",
            "Nice one, I always forget awk splits on whitespace.\nDoes it handle tabs too?",
            "101",
            None,
        ),
        ("Mira Holt", "https://dev.to/mira", "It does, and -F changes that.", "102", "101"),
        ("Sam Lee", "https://dev.to/samlee", "uniq -c needs sort first, good call.", "103", None),
    ]


def test_a_forem_code_blocks_language_is_its_fences():
    """A Forem post's code (dev.to) was fenced without its language: Forem renders Markdown with Rouge's Redcarpet
    plugin, which names the lexer in the <pre>'s classes (`<pre class="highlight shell">`), in a div.highlight."""
    code = (
        "<div class='highlight js-code-highlight'><pre class='highlight shell'><code><span class='nb'>awk</span>"
        " <span class='s1'>'{print $9}'</span> access.log | <span class='nb'>sort</span></code></pre>"
        "<div class='highlight__panel js-actions-panel'><div class='highlight__panel-action'>Enter fullscreen mode"
        "</div></div></div>"
    )
    plain = "<div class='highlight'><pre class='highlight plaintext'><code>404 12\n200 9000</code></pre></div>"
    html = _forem_post(FOREM_TEXT.replace("</p>", f"</p>{code}", 1) + plain)
    markdown = extract(html, "https://dev.to/mira/parsing-logs-with-awk-3kfa").markdown
    assert "```shell\nawk '{print $9}' access.log | sort\n```" in markdown
    assert "```\n404 12\n200 9000\n```" in markdown


def test_a_post_a_script_decrypts_is_a_protected_post():
    """Mizuki (an Astro theme) writes a post marked `encrypted: true` into its page encrypted and shows in the post's
    card a password field and an unlock button (`div#password-protection`): the post was stored as a post, its text
    the share line the card prints under it. A post behind a password is `protected`, as WordPress's is; a login
    form, in a sidebar or for commenters in the post's content (a name and a password), locks nothing."""
    head = "<head><title>Locked notes - Field Notes</title><meta name='generator' content='Astro v5.16.14'></head>"
    nav = "<nav><a href='/'>Home</a> <a href='/archive/'>Archive</a> <a href='/about/'>About</a></nav>"
    card = (
        "<main id='swup-container'><div id='post-container' class='card-base'><h1>Locked notes</h1>"
        "<time datetime='2024-01-15'>2024-01-15</time>"
        "<div id='password-protection' class='password-protection'><div class='password-container'>"
        "<h2>此内容受密码保护</h2><p>请输入密码以查看受保护的内容</p><div class='password-input-group'>"
        "<input type='password' id='password-input' placeholder='请输入密码'><button id='unlock-btn'>解锁</button>"
        "</div></div></div><div id='decrypted-content' style='display: none;'></div>"
        "<p>如果这篇文章对你有帮助，欢迎分享给更多人！</p></div></main>"
    )
    url = "https://notes.example/posts/locked-notes/"
    locked = extract(f"<html lang='zh-CN'>{head}<body>{nav}{card}</body></html>", url)
    assert locked.kind == "protected" and "password field" in (locked.kind_reason or "")
    text = "<p>" + "The towpath follows the water for twelve miles, past nine locks and a swing bridge. " * 4 + "</p>"
    open_post = card.replace(card[card.index("<div id='password-protection'") : card.index("<p>如果")], text)
    login = "<aside class='widget'><form action='/login'><input type='password' name='pwd'></form></aside>"
    assert extract(f"<html>{head}<body>{nav}{open_post}{login}</body></html>", url).kind == "article"
    commenters = "<form id='user-login-form'><input type='text' name='name'><input type='password' name='pass'></form>"
    with_login = open_post.replace("<p>如果", commenters + "<p>如果")
    assert extract(f"<html>{head}<body>{nav}{with_login}</body></html>", url).kind == "article"


RHYMIX_PARAGRAPHS = (
    "올봄에 동네 뒷산을 따라 걷는 새 산책로가 열렸다. 입구는 도서관 옆 작은 공원이고,"
    " 정상까지는 천천히 걸어도 한 시간이면 충분하다.",
    "길은 대부분 나무 데크로 되어 있어서 비가 온 다음 날에도 신발이 젖지 않는다."
    " 중간에 쉼터가 세 곳 있고, 두 번째 쉼터에서는 시내가 한눈에 내려다보인다.",
    "아침 일곱 시쯤 가면 사람이 거의 없다. 새소리를 들으며 걷다 보면 하루를 시작할 힘이 생긴다.",
    "내려오는 길에는 시장에 들러 떡을 샀다. 다음 주말에는 친구들과 함께 다시 갈 생각이다.",
)

RHYMIX_OTHER_TITLES = ("부산 여행 첫째 날", "여름 김치 담그기", "자전거로 한강 한 바퀴", "새 노트북 후기")


def _rhymix_document(
    paragraphs: tuple[str, ...] = RHYMIX_PARAGRAPHS, generator: str = "Rhymix", category: str | None = None
) -> str:
    """A board document as Rhymix's xedition board skin prints it (modules/board/skins/xedition: _read.html, then
    the comments, then _list.html's category tabs and table of the board's documents), its text in the core's
    document element."""
    rows = "".join(
        f'<tr><td class="no">{n}</td><td class="title"><a href="/board/{40 + n}">{title}</a>'
        f' <img src="/modules/document/tpl/icons/default/new.gif" alt="new" title="new"></td>'
        f'<td class="author"><a href="#popup_menu_area" class="member_4">김민지</a></td>'
        f'<td class="time">2024.05.0{n}</td><td class="m_no">{n * 3}</td></tr>'
        for n, title in enumerate(
            ("부산 여행 첫째 날", "여름 김치 담그기", "자전거로 한강 한 바퀴", "새 노트북 후기"), 1
        )
    )
    text = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    linked = f'<a href="/board/category/61" class="category">{category}</a>\n' if category else ""
    tabs = (
        '<ul class="cTab"><li class="on"><a href="/board/52">전체</a></li><li><a href="/board/category/61">나들이</a>'
        '</li><li><a href="/board/category/62">요리</a></li></ul>'
        if category is not None
        else ""
    )
    return (
        f'<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><meta name="generator" content="{generator}">'
        "<title>동네 뒷산 산책로</title></head><body><header><ul><li><a href='/board'>자유게시판</a></li>"
        "<li><a href='/notice'>공지사항</a></li></ul></header>"
        "<div class='visual sub'><div class='sub_title'><h1>자유게시판</h1></div></div>"
        "<div class='body fixed-width sub right'><div class='content' id='content'>"
        f'<div class="board"><div class="board_read"><div class="read_header"><h1>{linked}'
        '<a href="http://example.kr/board/52">동네 뒷산 산책로</a></h1><p class="meta"><span class="author">'
        '<i class="xi-user"></i> <a href="#popup_menu_area" class="member_4 author">김민지</a></span>'
        '<span class="time"><i class="xi-time"></i> 2024.05.06 07:45</span><span class="read_count">'
        '<i class="xi-eye"></i> 조회 수 : 12</span></p></div><div class="read_body"><!--BeforeDocument(52,4)-->'
        f'<div class="document_52_4 rhymix_content xe_content">{text}</div><!--AfterDocument(52,4)--></div>'
        '<div class="read_footer"><div class="tns"><span class="tags"><i class="xi-tags"></i>'
        '<a href="/board?search_target=tag&amp;search_keyword=산책" class="tag" rel="tag">산책</a></span></div>'
        '<div class="btnArea"><span class="etc"><a href="/board" class="btn">목록</a></span></div></div></div>'
        '<div class="feedback" id="comment"><div class="fbHeader"><h2>댓글 <em>0</em></h2></div></div>'
        f'{tabs}<div class="board_list" id="board_list"><table width="100%" border="1" cellspacing="0"'
        ' summary="List of Articles"><thead><tr><th scope="col"><span>번호</span></th><th scope="col"'
        ' class="title"><span>제목</span></th><th scope="col"><span>글쓴이</span></th><th scope="col">'
        '<span>날짜</span></th><th scope="col"><span>조회 수</span></th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></div></div></div></div>"
        "<footer><p>Powered by Rhymix</p></footer></body></html>"
    )


def test_a_rhymix_documents_text_is_its_own_not_the_board_list_under_it():
    """Every Rhymix document's text ended with the board's list of documents (numbers, titles, authors, dates and
    views, and the list's "new" icons for its pictures): the board skin prints that list under the document and
    its comments. The core prints the document's text in its own element, `document_{id}_{member} xe_content`,
    whatever the skin; on a page Rhymix or XpressEngine generated, the post's text is that element's."""
    for paragraphs in (RHYMIX_PARAGRAPHS, RHYMIX_PARAGRAPHS * 3):
        post = extract(_rhymix_document(paragraphs), "http://example.kr/board/52")
        assert post.kind == "article"
        assert post.text.splitlines() == list(paragraphs)
        assert post.images == []
        assert post.tags == ["산책"]


def test_a_rhymix_document_is_dated_to_the_minute_its_board_skin_prints():
    """A Rhymix document's date was its day alone: Rhymix states the moment nowhere but in the board skin's header
    of the document, "2024.05.06 07:45" ('Y.m.d H:i', the default skin's p.time, xedition's span.time)."""
    for generator in ("Rhymix", "XpressEngine"):
        post = extract(_rhymix_document(generator=generator), "http://example.kr/board/52")
        assert post.published == "2024-05-06T07:45:00"


def test_a_rhymix_documents_category_is_the_one_its_board_skin_prints_before_its_title():
    """A Rhymix document had no category: the board skin prints it before the title, in the h1 of the document's
    header, a.category linking the board's page of it (/board/category/61), no rel nor meta to it."""
    post = extract(_rhymix_document(category="나들이"), "http://example.kr/board/52")
    assert post.categories == ["나들이"]
    assert post.title == "동네 뒷산 산책로"


def test_a_rhymix_document_of_no_category_has_none_not_the_boards_category_tabs():
    """The board skin prints the board's category tabs above its list of documents, under the document (xedition's
    ul.cTab, each a link to /board/category/N): a document of no category had every category of the board."""
    post = extract(_rhymix_document(category=""), "http://example.kr/board/52")
    assert post.categories == []
