"""Static-site themes of East Asian personal blogs, their pages written after the themes' public layouts: Hugo's
Even (olOwOlo/hugo-theme-even's layouts/post/single.html) and Hexo's Redefine (EvanNotFound/hexo-theme-redefine's
layout/components/post and its use of Hexo's open_graph helper) and Astro's Fuwari (saicaca/fuwari's
src/pages/posts/[...slug].astro)."""

from __future__ import annotations

from crawler.extraction.extract import extract

EVEN_TEXT = (
    "<h2 id='起因'>起因</h2>"
    "<p>在几天前折腾了爬虫以后，我发现我折腾似乎上瘾了，于是就决定动手开始构建咕咕已久的个人网站，记下每一步。</p>"
    "<p>Hugo 生成静态页面，主题选了 Even，部署在 GitHub Pages 上，每次推送以后由 Actions 构建发布。</p>"
    "<p><img src='/images/001/1.png' alt='build'></p>"
    "<p>最后把评论区换成了 utterances，它把每篇文章的评论存在一个 GitHub 仓库的 issue 里。</p>"
)


def _even_post() -> str:
    """A post of Hugo's Even: its header's meta line holds busuanzi's page-view counter, a spinner image as the
    placeholder the service's script replaces by the count, and "times read"."""
    return (
        "<html lang='zh-cn'><head><meta charset='utf-8'><title>博客搭建小记 - tom's blog</title>"
        "<meta name='generator' content='Hugo 0.80.0'><meta name='author' content='tom0727'>"
        "<meta property='og:type' content='article'>"
        "<meta property='og:title' content='博客搭建小记'>"
        "<meta property='article:published_time' content='2021-02-01T21:21:41+08:00'></head>"
        "<body><div id='mobile-navbar' class='mobile-navbar'><div class='mobile-header-logo'>"
        "<a href='/' class='logo'>tom's blog</a></div></div>"
        "<header id='header' class='header container'><div class='logo-wrapper'><a href='/' class='logo'>tom's blog</a>"
        "</div><nav class='site-navbar'><ul id='menu' class='menu'><li class='menu-item'><a href='/'>Home</a></li>"
        "<li class='menu-item'><a href='/post/'>Archives</a></li></ul></nav></header>"
        "<main id='main' class='main'><div class='content-wrapper'><div id='content' class='content'>"
        "<article class='post'><header class='post-header'><h1 class='post-title'>博客搭建小记</h1>"
        "<div class='post-meta'><span class='post-time'> 2021-02-01 </span>"
        "<div class='post-category'><a href='/categories/工程/'> 工程 </a></div>"
        "<span id='busuanzi_container_page_pv' class='more-meta'> <span id='busuanzi_value_page_pv'>"
        "<img src='/img/spinner.svg' alt='spinner.svg'/></span> times read </span></div></header>"
        f"<div class='post-content'>{EVEN_TEXT}</div>"
        "<footer class='post-footer'><div class='post-tags'><a href='/tags/hugo/'>hugo</a></div></footer>"
        "</article></div></div></main>"
        "<footer id='footer' class='footer'><div class='busuanzi-footer'>"
        "<span id='busuanzi_container_site_pv'> site pv: <span id='busuanzi_value_site_pv'>"
        "<img src='/img/spinner.svg' alt='spinner.svg'/></span></span></div></footer></body></html>"
    )


def test_a_busuanzi_counters_placeholder_is_no_image_or_line_of_the_post():
    """Every post of a Hugo Even blog had busuanzi's spinner (/img/spinner.svg) as its first image and its
    markdown's first line: the page-view counter in the post's meta line is a placeholder the service's script
    fills, chrome like a share bar."""
    post = extract(_even_post(), "https://tom.example.io/post/001-hugo-tutorial/")
    assert post.kind == "article"
    assert [image.src for image in post.images] == ["https://tom.example.io/images/001/1.png"]
    assert "spinner" not in post.markdown
    assert "times read" not in post.text
    assert post.text.startswith("起因")


def test_an_account_name_of_letters_and_digits_is_the_posts_author():
    """A Hugo Even blog's posts had no author: the theme names the site's `author` setting in <meta name="author">
    only, here an account's name, "tom0727" — more digits than letters, which was taken for a number, not a name."""
    post = extract(_even_post(), "https://tom.example.io/post/001-hugo-tutorial/")
    assert [person.name for person in post.authors] == ["tom0727"]


def _redefine_post(created: str) -> str:
    """A post of Hexo's Redefine: Hexo's open_graph helper states its date in UTC; the theme prints it in the
    post's meta line (and its copyright box) on the site's clock, with no zone."""
    return (
        "<html lang='zh-CN'><head><meta charset='utf-8'><title>Macmini4 - Roryn blog</title>"
        "<meta name='generator' content='Hexo 7.3.0'><meta property='og:type' content='article'>"
        "<meta property='og:title' content='Macmini4'><meta property='og:site_name' content='Roryn blog'>"
        "<meta property='article:published_time' content='2025-12-21T18:48:31.000Z'>"
        "<meta property='article:modified_time' content='2025-12-21T19:11:21.830Z'></head>"
        "<body><main class='main-content-container'><div class='post-page-container'>"
        "<div class='article-content-container'><div class='article-title'>"
        "<h1 class='article-title-regular'>Macmini4</h1></div>"
        "<div class='article-header'><div class='info'><div class='author'><span class='name'>The Roryn</span></div>"
        "<div class='meta-info'><div class='article-meta-info'><span class='article-date article-meta-item'>"
        f"<i class='fa-regular fa-pen-fancy'></i>&nbsp;<span class='desktop'>{created}</span>"
        f"<span class='mobile'>{created}</span><span class='hover-info'>创建</span></span>"
        "<span class='article-date article-meta-item'><i class='fa-regular fa-wrench'></i>&nbsp;"
        "<span class='desktop'>2025-12-22 03:11:21</span><span class='hover-info'>更新</span></span>"
        "</div></div></div></div>"
        "<div class='article-content markdown-body'>"
        "<p>新买的 Mac mini 放在书架上当家里的小服务器，平时用 iPad 随航连上去写代码，出门也能远程登录。</p>"
        "<p>它安静、省电，装好 Homebrew 以后跑几个常用的服务，一整天的负载也几乎听不到风扇的声音。</p>"
        "</div></div></div></main></body></html>"
    )


def test_a_hexo_post_is_dated_on_the_clock_its_theme_prints():
    """A Hexo Redefine post published at 02:48 in UTC+8 was dated "2025-12-22" (the day its URL and meta line
    name, the UTC timestamp of og's article:published_time being the 21st): the theme prints the same moment on
    the site's clock, "2025-12-22 02:48:31" — now that moment, its zone the difference, to the second."""
    post = extract(_redefine_post("2025-12-22 02:48:31"), "https://roryn.example/2025/12/22/Macmini4/")
    assert post.kind == "article"
    assert post.published == "2025-12-22T02:48:31+08:00"
    minutes = extract(_redefine_post("2025-12-22 02:48"), "https://roryn.example/2025/12/22/Macmini4/")
    assert minutes.published == "2025-12-22T02:48:31+08:00"


def test_a_printed_time_that_is_not_the_moment_leaves_the_utc_date():
    """A printed time that is no whole number of quarter hours from the stated moment (another moment: a
    comment's, an edit's) gives it no zone."""
    post = extract(_redefine_post("2025-12-22 02:41:07"), "https://roryn.example/2025/12/22/Macmini4/")
    assert not (post.published or "").endswith("+08:00")


def _fuwari_post(title: str) -> str:
    """A post of Astro's Fuwari (src/pages/posts/[...slug].astro): its title in a <div> Pagefind's attribute marks
    as the page's title, no <h1>, no og:title; the document's <title> is "Title - Site"."""
    return (
        "<html lang='en' class='transition'><head><title>{title} - 瞻思笔记</title><meta charset='UTF-8'>"
        "<meta content='Astro v4.15.6' name='generator'></head><body><div id='top-row'><div id='navbar'>"
        "<a href='/technote' class='btn-plain'><div class='flex items-center'> 瞻思笔记</div></a>"
        "<a href='/technote/' aria-label='主页'><div>主页</div></a><a href='/technote/archive'><div>归档</div></a>"
        "</div></div>"
        "<main id='swup-container'><div class='card-base'><div class='relative'>"
        "<div class='flex flex-row'><div class='meta-icon'></div><div>2023-09-08</div></div>"
        "<div class='block w-full mb-3 text-3xl' data-pagefind-body data-pagefind-meta='title'"
        " data-pagefind-weight='10'>{title}</div></div>"
        "<div class='markdown-content prose' data-pagefind-body>"
        "<h2 id='intro'>Intro</h2><p>Two pointers walk the array from both ends toward each other, and each step"
        " discards the candidates that can no longer be part of an answer, so the whole pass is linear.</p>"
        "<p>A sliding window keeps both pointers moving the same way instead, and grows or shrinks the window as"
        " the running sum passes or falls short of the target.</p></div>"
        "<div class='license-container'><div>{title}</div><a href='/technote/posts/algo/x/'>link</a></div>"
        "</div></main></body></html>"
    ).replace("{title}", title)


def test_a_fuwari_posts_title_is_the_one_pagefind_marks_not_the_document_title():
    """An Astro Fuwari blog's posts were titled "核心方法 - 瞻思笔记", the document's <title> with the site's name
    (34 of its 212 posts): Fuwari prints the post's title in no heading but a <div data-pagefind-meta="title">,
    the title Pagefind's search index files the page under."""
    for title in ("核心方法", "css-properties-and-values"):
        post = extract(_fuwari_post(title), "https://jw.example.io/technote/posts/algo/x/")
        assert post.title == title


def _blowfish_post(author_box: str) -> str:
    """A post of Hugo's Blowfish: its JSON-LD and author meta name the site's owner by the site's name, and under
    the post its author box (layouts/partials/author.html): the avatar, then the label, the name and the headline,
    each a <div> of utility classes."""
    return (
        "<html lang='zh-cn'><head><meta charset='utf-8'><title>test · 小橘子</title>"
        "<meta property='og:site_name' content='小橘子'><meta property='og:type' content='article'>"
        '<script type=\'application/ld+json\'>[{"@context":"https://schema.org","@type":"Article",'
        '"headline":"test","author":{"@type":"Person","name":"小橘子"},'
        '"datePublished":"2024-03-26T00:13:00+08:00"}]</script>'
        "<meta name='author' content='小橘子'></head><body><main><article><header><h1>test</h1></header>"
        "<section class='prose'><p>这是一篇测试文章，写下几句话，看看这个主题把作者的信息放在哪里，又是怎样排版的。</p>"
        "<p>短代码、评论和统计都在这里试了一遍，效果都还不错，以后的文章就照这个样子来写吧。</p></section>"
        f"{author_box}</article></main></body></html>"
    )


def test_a_blowfish_author_box_is_a_box_and_its_name_alone_the_author():
    """The byline search took the whole box for a byline, "小橘子 人生如戏，全靠演技": the name and the headline."""
    box = (
        "<div class='flex author'><img class='!mt-0 !mb-0 h-24 w-24 rounded-full' width='96' height='96' alt='小橘子'"
        " src='/img/avatar.png'><div class='place-self-center'><div class='text-[0.6rem] uppercase'>作者</div>"
        "<div class='font-semibold leading-6'>小橘子</div>"
        "<div class='text-sm text-neutral-700'>人生如戏，全靠演技</div>"
        "<div class='text-2xl sm:text-lg'><div class='flex flex-wrap'><a href='https://github.com/xiaojuzi' "
        "aria-label='Github' rel='me noopener noreferrer'></a></div></div></div></div>"
    )
    article = extract(_blowfish_post(box), "https://blog.example/shcode/test/")
    assert [p.name for p in article.authors] == ["小橘子"]
    assert [(b.name, b.avatar_url) for b in article.author_boxes] == [("小橘子", "https://blog.example/img/avatar.png")]
    # a byline whose label and name are two blocks is still a byline
    byline = "<div class='author'><div>By</div><div>Ana Lima</div></div>"
    assert [p.name for p in extract(_blowfish_post(byline), "https://blog.example/shcode/test/").authors] == [
        "Ana Lima"
    ]


def test_a_by_word_heading_a_list_item_of_the_post_names_nobody():
    """A Fuwari notebook's posts are outlines of nested lists: "by default" under a CSS property's value, a line that
    starts with "by", was read as the byline of an author named "default"."""
    outline = (
        "<h3 id='css-overflowing-content'>CSS Overflowing Content</h3><ul><li>What is overflow?<ul><li>Overflow"
        " happens when there is too much content to fit in a box</li></ul></li><li>The overflow property<ul><li>"
        "<code>overflow</code><ul><li><code>visible</code><ul><li>by default</li></ul></li><li><code>hidden</code>"
        "</li><li><code>scroll</code><ul><li>browsers with visible scrollbars will always display them, even if"
        " there is not enough content to overflow</li></ul></li></ul></li></ul></li></ul>"
    )
    page = _fuwari_post("css-overflowing-content").replace("<h2 id='intro'>", f"{outline}<h2 id='intro'>")
    assert extract(page, "https://jw.example.io/technote/posts/css/layout/css-overflowing-content/").authors == []
    # the same line heading the post's text is its byline
    byline = _fuwari_post("css-overflowing-content").replace("<h2 id='intro'>", "<p>by Jane Roe</p><h2 id='intro'>")
    assert [p.name for p in extract(byline, "https://jw.example.io/technote/posts/x/").authors] == ["Jane Roe"]
    # and so is a theme's meta line, its list classed, in the post's container
    meta = "<ul class='post-meta'><li class='meta-author'>by Jane Roe</li></ul>"
    listed = _fuwari_post("x").replace("<h2 id='intro'>", f"{outline}{meta}<h2 id='intro'>")
    assert [p.name for p in extract(listed, "https://jw.example.io/technote/posts/x/").authors] == ["Jane Roe"]
