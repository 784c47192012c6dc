"""Publication dates: in the order the page's locale writes them, the page's own date over its URL's, never a
comment's time, and none guessed from numbers in the text."""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract
from tests.material_blog import material_post

BODY = "<p>" + "A paragraph of the post with words enough to be prose. " * 20 + "</p>"


def _published(body: str, head: str = "", lang: str = "en", url: str = "https://blog.example/hello-world/") -> str:
    html = f'<html lang="{lang}"><head><title>Hello</title>{head}</head><body><article><h1>Hello</h1>{body}'
    return extract(html + f"{BODY}</article></body></html>", url).published


@pytest.mark.parametrize(
    ("lang", "printed", "day"),
    [
        ("en", "08/12/2013", "2013-08-12"),
        ("en-US", "08/12/2013", "2013-08-12"),
        ("en-GB", "08/12/2013", "2013-12-08"),
        ("de", "08/12/2013", "2013-12-08"),
        ("de", "08.12.2013", "2013-12-08"),
        ("en", "08.12.2013", "2013-12-08"),
        ("en", "2013-08-12", "2013-08-12"),
        ("en", "24/12/2013", "2013-12-24"),
    ],
)
def test_a_numeric_date_is_read_in_the_order_of_the_pages_locale(lang, printed, day):
    assert _published(f'<p class="publish-date">Published on {printed}</p>', lang=lang) == day


def test_the_urls_year_and_month_settle_the_order_of_a_numeric_date():
    byline = '<p class="publish-date">Published on 08/12/2013</p>'
    assert _published(byline, lang="fr", url="https://blog.example/2013/08/hello-world/") == "2013-08-12"
    assert _published(byline, lang="en", url="https://blog.example/2013/12/hello-world/") == "2013-12-08"


def test_a_month_first_date_the_page_states_in_iso_is_not_swapped_by_its_printed_form():
    """R's distill prints the front matter's date as written under the title ("05-10-2020", month first) and
    states it in `<meta itemprop="datePublished" content="2020-05-10">`: on an en_US page the reading, already month
    first, was swapped as if htmldate had read the print day first, and the post was dated 5 October."""
    head = '<meta property="article:published" itemprop="datePublished" content="2020-05-10"/>'
    byline = '<div class="d-byline">Jo Rivers<br/>05-10-2020</div>'
    assert _published(byline, head, "en-US") == "2020-05-10"


def test_the_time_vuepress_prints_as_a_pages_last_update_is_not_its_publication():
    """VuePress 1's default theme and vuepress-theme-reco print under a page, in footer.page-edit, the time git last
    changed its file ("上次更新: 2/18/2020, 10:15:44 AM"): a reco page whose front matter gives no date was dated so,
    and one whose text says "update: 2019-12-11" was dated by the later commit."""
    footer = (
        '<footer class="page-edit"><div class="edit-link"><a href="https://github.com/x/blog/edit/master/a.md">'
        'Edit</a></div><div class="last-updated"><span class="prefix">上次更新: </span> <span class="time">'
        "2/18/2020, 10:15:44 AM</span></div></footer>"
    )
    assert _published(footer, lang="zh-CN") is None
    noted = "<blockquote><p>Fiber是React16中新的协调引擎。</p><p>update: 2019-12-11</p></blockquote>"
    assert _published(noted + footer, lang="zh-CN") == "2019-12-11"


def test_the_pages_own_date_beats_the_date_in_its_url():
    head = '<script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "2022-05-02"}</script>'
    byline = '<p class="date">2022年5月2日</p>'
    assert _published(byline, head, "ja", "https://blog.example/2022-04-30/diary/") == "2022-05-02"


def test_a_utc_timestamp_a_day_off_the_url_keeps_the_urls_local_day():
    head = '<meta property="article:published_time" content="2020-02-25T02:25:54+00:00">'
    assert _published("", head, url="https://news.example/2020/02/24/story/")[:10] == "2020-02-24"


@pytest.mark.parametrize("printed", ["14 August 2023", "15 August 2023"])
def test_a_time_stated_with_its_offset_stands_whatever_day_the_page_printed_for_it_in_another_zone(printed):
    """A script-built page formats <time datetime="…+09:00"> in its reader's zone (the crawl's browser runs in
    UTC), a static site's build in its server's: the printed day may be the day before; the moment is the author's."""
    time = f'<p class="meta"><time datetime="2023-08-15T07:20:00+09:00">{printed}</time></p>'
    assert _published(time, lang="ko") == "2023-08-15T07:20:00+09:00"
    two_days_off = '<p class="meta"><time datetime="2023-08-15T07:20:00+09:00">13 August 2023</time></p>'
    assert _published(two_days_off, lang="ko")[:10] == "2023-08-13"


def test_a_date_in_a_script_is_the_programs_not_the_posts():
    """Hydejack writes the build's time into its search index's key in an inline script: an undated About page was
    taken for a post published the day the site was built. JSON-LD still dates a post."""
    script = "<script>w._search = {INDEX_KEY: 'index--2026-12-05T13:36:27+01:00'};</script>"
    html = f"<html><head><title>About</title>{script}</head><body><article><h1>About</h1>{BODY}</article></body></html>"
    assert extract(html, "https://blog.example/about/").published is None
    jsonld = '<script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "2024-03-01"}</script>'
    assert _published("", head=jsonld + script).startswith("2024-03-01")
    data = '<script id="__NEXT_DATA__" type="application/json">{"post": {"createdAt": "2024-03-01T10:00:00"}}</script>'
    assert _published("", head=data + script).startswith("2024-03-01")  # a script of data states the post's


def test_velogs_apollo_state_dates_the_post_it_shows():
    """Velog prints a recent post's date as "3일 전" and states it nowhere else for readers: its server render hands
    its scripts the Apollo cache, `window.__APOLLO_STATE__={…}`, whose ROOT_QUERY's post(…) refers to the post the
    page shows and its `released_at`; the post had no date. The cache's other objects (a comment's created_at)
    and a cache without the post's query date nothing."""
    post = '"Post:p1":{"id":"p1","title":"Hello","released_at":"2024-03-01T11:42:10.553Z","__typename":"Post"}'
    comment = '"Comment:c1":{"id":"c1","created_at":"2024-03-04T09:00:00.000Z","__typename":"Comment"}'
    query = '"ROOT_QUERY":{"post({\\"url_slug\\":\\"hello\\",\\"username\\":\\"kim\\"})":'
    ref = '{"type":"id","generated":false,"id":"Post:p1","typename":"Post"}'
    byline = (
        '<div class="information"><span class="username"><a href="/@kim/posts">kim</a></span><span>3일 전</span></div>'
    )
    url = "https://velog.io/@kim/hello"
    state = f"<script>window.__APOLLO_STATE__={{{comment},{post},{query}{ref}}}}};</script>"
    assert _published(byline, head=state, lang="ko", url=url).startswith("2024-03-01")
    ref3 = '{"__ref":"Post:p1"}'  # Apollo 3's reference
    state = f"<script>window.__APOLLO_STATE__={{{comment},{post},{query}{ref3}}}}};</script>"
    assert _published(byline, head=state, lang="ko", url=url).startswith("2024-03-01")
    state = f"<script>window.__APOLLO_STATE__={{{comment},{post}}};</script>"
    assert _published(byline, head=state, lang="ko", url=url) is None


def test_a_page_without_any_date_gets_none_not_a_year_from_its_text():
    prose = "<p>The club was founded in 1995 and has 2013 members; 1 in 12 of them drive.</p>" * 5
    footer = "<footer><p>© 1995 Example Club</p></footer>"
    html = f'<html lang="en"><head><title>About the club</title></head><body><main>{prose}{BODY}</main>{footer}'
    assert extract(html + "</body></html>", "https://club.example/about-the-club/").published is None


def test_numbers_inside_an_id_or_a_hash_make_no_date():
    """A year and a day are read where they stand on their own: a link to /shop/?view=c3ef1996dc…b1b…1ff0 prints
    no 1 January 1996, while a byline's "March 1st, 2021" and an ISO timestamp print their day."""
    hashes = ("c3ef1996dc6948c0a2aab1b967fe1ff0", "660f7e97452a47fb9f2645a1987357f9")
    links = "".join(f'<li><a href="/shop/?view={h}">/shop/?view={h}</a></li>' for h in hashes)
    html = f"<!doctype html><html><head><title>t</title></head><body><ul>{links}</ul></body></html>"
    assert extract(html, "https://shop.example/shop/?view=32d1c41c4f4f45cda422675c8c25facf").published is None
    assert _published('<p class="byline">Posted on March 1st, 2021</p>') == "2021-03-01"
    assert _published('<p class="byline">2021-03-01T10:00:00</p>') == "2021-03-01"


def test_a_date_inside_the_posts_prose_is_not_its_publication_date():
    prose = "<p>" + "We met again on 3 March 2019, years after the first trip, and walked the old road. " * 4 + "</p>"
    assert _published(prose) is None


def test_a_comments_time_is_never_the_posts_date():
    comments = (
        '<div id="comments" class="comments-area"><ol class="comment-list"><li class="comment">'
        '<footer class="comment-meta"><b class="fn">Anna</b> <time datetime="2021-06-02T10:00:00+00:00">'
        'June 2, 2021 at 10:00 am</time></footer><div class="comment-content"><p>Thanks!</p></div></li></ol></div>'
    )
    html = f'<html lang="en"><head><title>Hello</title></head><body><article><h1>Hello</h1>{BODY}{comments}'
    assert extract(html + "</article></body></html>", "https://blog.example/hello-world/").published is None
    dated = html.replace("<h1>Hello</h1>", '<h1>Hello</h1><p class="posted-on">Posted on March 3, 2020</p>')
    assert extract(dated + "</article></body></html>", "https://blog.example/hello-world/").published == "2020-03-03"


@pytest.mark.parametrize(
    "printed",
    [
        '<p class="publish-date">01/1/0001 | Reading time: 1 minute</p>',
        '<p class="post-meta">Posted on Jan 01, 0001</p>',
        '<time datetime="0001-01-01T00:00:00Z">January 1, 0001</time>',
        '<p class="date">0001-01-01</p>',
    ],
)
def test_gos_zero_time_a_hugo_theme_prints_on_an_undated_page_is_no_date(printed):
    assert _published(printed) is None


def test_a_post_of_2001_keeps_its_date():
    assert _published('<p class="publish-date">Posted on Jan 01, 2001</p>') == "2001-01-01"


@pytest.mark.parametrize(
    "times",
    [
        # hAtom: an edited post's `updated` time printed first (WordPress's GeneratePress)
        '<time class="updated" datetime="2026-06-01T12:00:00+02:00">June 1, 2026</time>'
        '<time class="entry-date published" datetime="2024-11-05T09:30:00+01:00">November 5, 2024</time>',
        # microdata: dateModified first
        '<time itemprop="dateModified" datetime="2026-06-01T12:00:00+02:00">June 1, 2026</time>'
        '<time itemprop="datePublished" datetime="2024-11-05T09:30:00+01:00">November 5, 2024</time>',
    ],
)
def test_the_time_of_the_last_change_is_the_updated_date_never_the_published_one(times):
    html = (
        '<html lang="en"><head><title>Hello</title></head><body><article><h1>Hello</h1>'
        f'<div class="entry-meta"><span class="posted-on">{times}</span></div>{BODY}</article></body></html>'
    )
    article = extract(html, "https://blog.example/2024/11/05/hello-world/")
    assert (article.published, article.updated) == ("2024-11-05T09:30:00+01:00", "2026-06-01T12:00:00+02:00")


@pytest.mark.parametrize(
    "times",
    [
        # Pelican's simple theme (its default)
        '<time class="published" datetime="2024-04-02T19:10:00+02:00">Tue 02 April 2024</time>'
        '<time class="modified" datetime="2024-05-06T08:00:00+02:00">Mon 06 May 2024</time>',
        # Pelican's notmyidea theme
        '<abbr class="published" title="2024-04-02T19:10:00+02:00">Published: Tue 02 April 2024</abbr><br>'
        '<abbr class="modified" title="2024-05-06T08:00:00+02:00">Updated: Mon 06 May 2024</abbr>',
    ],
)
def test_a_pelican_articles_modified_time_is_its_updated_date(times):
    """Pelican's themes print an edited article's Modified time after its publication as a time.modified (simple)
    or an abbr.modified (notmyidea) in its footer.post-info: the post had no updated date."""
    html = (
        '<html lang="en"><head><title>Notes - Hello</title></head><body><section id="content" class="body">'
        '<header><h2 class="entry-title"><a href="/p/hello/" rel="bookmark">Hello</a></h2></header>'
        f'<footer class="post-info">{times}<address class="vcard author">By <a class="url fn" href="/author/anna/">'
        f'Anna</a></address></footer><div class="entry-content">{BODY}</div></section></body></html>'
    )
    article = extract(html, "https://blog.example/p/hello/")
    assert (article.published, article.updated) == ("2024-04-02T19:10:00+02:00", "2024-05-06T08:00:00+02:00")


def test_an_astro_starters_last_updated_on_time_is_the_updated_date():
    """Astro's blog starter prints an edited post's `updatedDate` after its `pubDate`, inside the same div.date above
    the title: "Last updated on <time>" in a div.last-updated-on. The post had no updated date."""
    html = (
        '<html lang="en"><head><title>Streaming a CSV file</title></head><body><main><article>'
        '<div class="hero-image"></div><div class="prose"><div class="title"><div class="date">'
        '<time datetime="2024-02-03T00:00:00.000Z"> Feb 3, 2024 </time> <div class="last-updated-on">\n'
        'Last updated on <time datetime="2024-02-10T00:00:00.000Z"> Feb 10, 2024 </time> </div> </div>'
        f"<h1>Streaming a CSV file</h1><hr></div>{BODY}</div></article></main></body></html>"
    )
    article = extract(html, "https://blog.example/blog/python-csv-streaming/")
    assert (article.published, article.updated) == ("2024-02-03T00:00:00+00:00", "2024-02-10T00:00:00+00:00")


@pytest.mark.parametrize("microdata", ["", ' itemprop="dateModified"'])
def test_a_time_both_published_and_updated_is_the_published_date_and_no_change(microdata):
    """WordPress's classic themes mark a post never edited `entry-date published updated`; Kadence marks that one
    time itemprop=dateModified too (its published date was the feed's UTC time, and the post's own time its last
    change)."""
    time = f'<time class="entry-date published updated" datetime="2024-11-05T09:30:00+01:00"{microdata}>Nov 5</time>'
    html = f'<html lang="en"><head><title>Hello</title></head><body><article><h1>Hello</h1>{time}{BODY}</article>'
    article = extract(html + "</body></html>", "https://blog.example/hello-world/")
    assert (article.published, article.updated) == ("2024-11-05T09:30:00+01:00", None)


def test_a_date_in_other_digits_or_marked_pubdate_is_read_as_what_it_is():
    """HTML5's pubdate attribute marks the publication date, whatever its class; a date written in Bengali digits
    is no ISO date."""
    assert _published('<time class="updated" datetime="2021-03-16T08:00:48+00:00" pubdate>16 marca 2021</time>') == (
        "2021-03-16T08:00:48+00:00"
    )
    from crawler.extraction.dates import first_date

    assert first_date("২০২০-০৮-২৯", "2020-08-29") == "2020-08-29"


def test_a_sidebar_of_archive_months_beside_a_short_page_dates_nothing():
    """Chyrp Lite prints its sidebar (categories, recent posts, an archive list of `<time>`d months) on every page:
    beside a short About page it holds most of the page's text, and "April 2023" dated the page, which was stored
    as a post. A sidebar that does not hold the post's container is no part of it, however much text it has."""
    months = "".join(
        f'<li><a href="/archive/2023/{m:02}/"><time datetime="2023-{m:02}-01T00:00:00+02:00">{name} 2023</time>'
        "</a></li>"
        for m, name in ((4, "April"), (5, "May"), (6, "June"), (9, "September"), (11, "November"))
    )
    recent = "".join(
        f'<li><a href="/2023/0{n}/0{n}/post-{n}/">A longer title of recent post {n}</a></li>' for n in range(1, 8)
    )
    html = (
        '<html lang="en"><head><title>About</title></head><body><div id="sidebar" role="banner"><h1>Stone and Bread'
        f'</h1><ul class="navigation sidebar recent_posts">{recent}</ul><ul class="navigation sidebar archive_list">'
        f'{months}</ul></div><div id="main"><article id="page_1" class="page"><h2><a href="/about/">About</a></h2>'
        "<section><p>This blog is written by Daniel and Anna. We write about walks and bread.</p></section></article>"
        "</div></body></html>"
    )
    article = extract(html, "https://blog.example/about/")
    assert article.published is None
    assert article.kind != "article"


def _ikiwiki_page(html5: bool, edited: str, created: str) -> str:
    """A post as ikiwiki's page.tmpl prints it (3.2020): its text in #content, then the footer's page info with
    "Last edited <date>" and the creation date only in an HTML comment after it; the time a `span.date` in the
    setup's timeformat, a <time datetime> with the html5 option (whose <article class="page"> holds the page)."""

    def printed(when: str, pubdate: bool = False) -> str:
        shown = f"{when[:10]} {when[11:16]}"
        if not html5:
            return f'<span class="date">{shown}</span>'
        marked = ' pubdate="pubdate"' if pubdate else ""
        return f'<time datetime="{when}"{marked}>{shown}</time>'

    page, info = ("article", "nav") if html5 else ("div", "div")
    return (
        f'<html><head><title>Frühlingsmarkt in Freiburg</title></head><body><{page} class="page"><div id="content" '
        f'role="main"><p>Auf dem Münsterplatz in Freiburg findet jeden Morgen ein Markt statt. Im Mai gibt es dort '
        f"Spargel, Erdbeeren und Bärlauch.</p>{BODY}</div>"
        f'<div id="footer" class="pagefooter" role="contentinfo"><{info} id="pageinfo"><div class="tags">Tags: <a '
        f'href="../../tags/Reisen/" rel="tag">Reisen</a></div>\n<div class="pagedate">\nLast edited {printed(edited)}'
        f"\n<!-- Created {printed(created, True)} -->\n</div>\n</{info}></div></{page}></body></html>"
    )


@pytest.mark.parametrize("html5", [False, True])
def test_an_ikiwiki_post_is_dated_when_created_not_when_last_edited(html5):
    """ikiwiki prints a page's last edit in its footer and its creation only in an HTML comment: an edited post was
    dated by its last edit, and a post never edited lost its time of day, or its day — htmldate read "Last edited
    2024-05-20 08:30" after the tags as 2024-05-02."""
    edited = extract(_ikiwiki_page(html5, "2024-06-01T08:00:00Z", "2024-04-18T14:45:00Z"), "https://b.example/p/")
    assert edited.published == ("2024-04-18T14:45:00+00:00" if html5 else "2024-04-18T14:45:00")
    assert edited.updated == ("2024-06-01T08:00:00+00:00" if html5 else None)
    once = extract(_ikiwiki_page(html5, "2024-05-20T08:30:00Z", "2024-05-20T08:30:00Z"), "https://b.example/p/")
    assert once.published == ("2024-05-20T08:30:00+00:00" if html5 else "2024-05-20T08:30:00")


def test_a_chronicle_comments_submission_day_is_not_the_posts_date():
    """chronicle's blocky theme prints the entry's day in a bare table cell and each comment's in a div.date
    ("Submitted at 08:00:00 on 13 March 2024", comment-loop.inc of its stock themes): the post was dated by its
    first comment, its comments unmarked as comments (div.entry in the <blockquote> after their heading)."""
    comments = "".join(
        f'<div class="entry"><div class="title">{who}</div><div class="date">Submitted at {at} on 13 March 2024'
        f'</div><div class="body">Nice start, looking forward to more.</div></div>'
        for who, at in (("Jonas", "08:00:00"), ("Mara", "09:30:00"))
    )
    html = (
        '<html><head><title>Blog: Hello</title></head><body><div class="title"><h1><a href="/">Field Notes</a>'
        '</h1></div><table width="100%"><tr><td valign="top"><fieldset><legend>Hello</legend>'
        f'<div class="body">{BODY}</div><table width="100%"><tr><td><div class="tags">Tags: <a href="/tags/notes">'
        'notes</a>.</div></td><td align="right">12th March 2024</td></tr></table></fieldset>'
        f"<h3>Comments On This Entry</h3><blockquote>{comments}</blockquote></td></tr></table></body></html>"
    )
    assert extract(html, "https://blog.example/Hello.html").published == "2024-03-12"


def _elementor_post_info(day: str, time: str) -> str:
    """Elementor Pro's Post Info widget as its single-post templates print it: the date and the time items, each a
    <time> without datetime."""
    return (
        "<div class='elementor-element elementor-widget elementor-widget-post-info' data-widget_type="
        "'post-info.default'><div class='elementor-widget-container'><ul class='elementor-inline-items"
        " elementor-icon-list-items elementor-post-info'>"
        "<li class='elementor-icon-list-item elementor-inline-item' itemprop='author'><a href='/author/jo/'>"
        "<span class='elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-author'>"
        "Jo Park</span></a></li><li class='elementor-icon-list-item elementor-inline-item' itemprop='datePublished'>"
        "<a href='/2024/03/05/'><span class='elementor-icon-list-text elementor-post-info__item"
        f" elementor-post-info__item--type-date'><time>{day}</time></span></a></li>"
        "<li class='elementor-icon-list-item elementor-inline-item' itemprop='datePublished'>"
        "<span class='elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-time'>"
        f"<time>{time}</time></span></li></ul></div></div>"
    )


@pytest.mark.parametrize(
    ("lang", "day", "time", "published"),
    [
        ("en", "March 5, 2024", "9:30 am", "2024-03-05T09:30:00"),
        ("en", "March 5, 2024", "12:05 pm", "2024-03-05T12:05:00"),
        ("en", "March 5, 2024", "9:30 p.m.", "2024-03-05T21:30:00"),
        ("de", "5. März 2024", "09:30", "2024-03-05T09:30:00"),
        ("de", "05.03.2024", "9:30 Uhr", "2024-03-05T09:30:00"),
    ],
)
def test_an_elementor_post_infos_time_item_is_the_posts_time(lang, day, time, published):
    """An Elementor post was dated by its day alone though its Post Info widget prints the time beside it: Elementor
    Pro's date and time items print them in the site's formats, no datetime; where the page states no time for
    machines, the two are the post's time on the site's clock."""
    assert _published(_elementor_post_info(day, time), lang=lang) == published


def test_an_elementor_post_infos_time_item_gives_way_to_a_stated_time():
    """The time stated in the page's meta is the post's, whatever the Post Info widget prints."""
    head = "<meta property='article:published_time' content='2024-03-05T08:30:00+00:00'>"
    assert _published(_elementor_post_info("March 5, 2024", "9:30 am"), head) == "2024-03-05T08:30:00+00:00"


@pytest.mark.parametrize(
    ("created", "updated", "published", "changed"),
    [
        ("2024-03-05 09:30:00+01:00", None, "2024-03-05T09:30:00+01:00", None),
        (
            "2024-03-05 09:30:00+01:00",
            "2024-03-09 18:05:00+01:00",
            "2024-03-05T09:30:00+01:00",
            "2024-03-09T18:05:00+01:00",
        ),
        ("2024-03-05 00:00:00+00:00", "2024-03-09 00:00:00", "2024-03-05", "2024-03-09"),
    ],
)
def test_a_mkdocs_material_posts_sidebar_times_are_its_created_and_updated_times(created, updated, published, changed):
    """Material's blog plugin prints date.created and date.updated in the post's sidebar, outside its <article>,
    each a <time datetime> in Python's str() of the time ("2024-03-05 09:30:00+01:00"): the post was dated by its
    day alone, its time and offset lost, and never updated. A day alone, which Material makes midnight (in UTC from
    9.x on, naive before), stays a day."""
    record = extract(
        material_post(created=created, updated=updated), "https://b.example/blog/2024/03/05/cold-proofing/"
    )
    assert (record.published, record.updated) == (published, changed)


def test_htmldates_reading_of_a_month_alone_gives_way_to_the_day_the_page_states():
    """Kirby's Starterkit prints a note's tags and then "Published on 2025-05-26 00:00:00" in the note's footer, in
    the <time> whose datetime states the day; htmldate reads that line only as far as its length limit, and with
    four tags before it, its "2025-05" made the note's date the first of May."""
    tags = "\n".join(
        f'<li> <a href="/notes/tag:{tag}">{tag}</a> </li>' for tag in ("island", "nature", "photography", "ocean")
    )
    footer = (
        f'<footer class="note-footer">\n<ul class="note-tags">\n{tags}\n</ul>\n<time class="note-date" '
        'datetime="2025-05-26T00:00:00+00:00">Published on 2025-05-26 00:00:00</time>\n</footer>'
    )
    assert _published(footer)[:10] == "2025-05-26"
    assert _published('<p class="byline">May 1, 2025</p><time datetime="2025-05-26">26 May 2025</time>') == "2025-05-01"


def test_a_docusaurus_posts_midnight_in_utc_is_its_day():
    """Docusaurus makes a post's day (its front matter's `date: 2023-04-14`, or its file's name) midnight in UTC in
    every date it prints, its <time datetime>, article:published_time and JSON-LD: a Korean blog's posts were dated
    09:00 in Seoul. A time of day it prints stays; another generator's midnight is that generator's."""
    head = (
        '<meta name="generator" content="Docusaurus v2.4.1">'
        '<meta property="article:published_time" content="2023-04-14T00:00:00.000Z">'
    )
    line = '<time datetime="2023-04-14T00:00:00.000Z" itemprop="datePublished">2023년 4월 14일</time>'
    assert _published(line, head, lang="ko") == "2023-04-14"
    timed = head.replace("T00:00", "T05:30")
    assert _published(line.replace("T00:00", "T05:30"), timed, lang="ko") == "2023-04-14T05:30:00+00:00"
    hugo = head.replace("Docusaurus v2.4.1", "Hugo 0.120.0")
    assert _published(line, hugo, lang="ko") == "2023-04-14T00:00:00+00:00"
