"""Gnuboard 5's board pages, written after its basic board skin (gnuboard/gnuboard5's skin/board/basic/
view.skin.php, view_comment.skin.php): a post's page, `article#bo_v`, its title and category in h2#bo_v_title, its
author, views, comments and time in #bo_v_info, its attachments and text in section#bo_v_atc, the links to the
previous and next posts and the comments after it."""

from __future__ import annotations

from crawler.extraction.extract import extract

URL = "http://board.example.kr/bbs/board.php?bo_table=free&wr_id=1"
TEXT = (
    "<p>지난주에 제주도에 다녀왔습니다. 날씨가 좋아서 바다가 정말 예뻤어요.</p>"
    "<h3>첫째 날: 동쪽 해안</h3>"
    "<p>성산일출봉에 올라가서 해돋이를 봤습니다. 아침 공기가 차가웠지만 풍경은 최고였습니다.</p>"
    "<ul><li>성산일출봉</li><li>섭지코지</li></ul>"
    "<p>다음에는 가을에 다시 가 보고 싶습니다.</p>"
)
LINES = [
    "지난주에 제주도에 다녀왔습니다. 날씨가 좋아서 바다가 정말 예뻤어요.",
    "첫째 날: 동쪽 해안",
    "성산일출봉에 올라가서 해돋이를 봤습니다. 아침 공기가 차가웠지만 풍경은 최고였습니다.",
    "- 성산일출봉",
    "- 섭지코지",
    "다음에는 가을에 다시 가 보고 싶습니다.",
]


def _comment(number: int, style: str, kind: str, name: str, time: str, text: str) -> str:
    indent = f" style='{style}'" if style else ""
    return (
        f"<article id='c_{number}'{indent}><div class='pf_img'><img src='/img/no_profile.gif' alt='profile_image'>"
        f"</div><div class='cm_wrap'><header><h2>{name}님의 댓글</h2><span class='{kind}'>{name}</span>"
        f"<span class='sound_only'>작성일</span><span class='bo_vc_hdinfo'><time datetime='2026-12-07T{time}:00+09:00'>"
        f"26-12-07 {time}</time></span></header><div class='cmt_contents'><p>{text}</p></div>"
        f"<span id='edit_{number}' class='bo_vc_w'></span></div><div class='bo_vl_opt'><ul class='bo_vc_act'><li>"
        f"<a href='/bbs/board.php?bo_table=free&wr_id=1&c_id={number}&w=c#bo_vc_w'>답변</a></li></ul></div></article>"
    )


def _view(category: str = "여행", printed: str = "26-12-07 21:57") -> str:
    cate = f"<span class='bo_v_cate'>{category}</span> " if category else ""
    return (
        "<html lang='ko'><head><meta charset='utf-8'><title>제주도 여행 후기 &gt; 하루 기록 | 마을 게시판</title>"
        "<script>var g5_url = 'http://board.example.kr'; var g5_bbs_url = 'http://board.example.kr/bbs';</script>"
        "</head><body><div id='hd'><h1 id='hd_h1'>하루 기록</h1><ul class='hd_login'><li>"
        "<a href='/bbs/login.php'>로그인</a></li></ul></div><div id='container'>"
        f"<article id='bo_v'><header><h2 id='bo_v_title'>{cate}<span class='bo_v_tit'>제주도 여행 후기</span></h2>"
        "</header><section id='bo_v_info'><h2>페이지 정보</h2><div class='profile_info'><div class='pf_img'>"
        "<img src='/img/no_profile.gif' alt='profile_image'></div><div class='profile_info_ct'>"
        "<span class='sound_only'>작성자</span> <strong><span class='sv_member'>민지씨</span></strong><br>"
        "<span class='sound_only'>댓글</span><strong><a href='#bo_vc'>2건</a></strong>"
        "<span class='sound_only'>조회</span><strong>31회</strong>"
        f"<strong class='if_date'><span class='sound_only'>작성일</span> {printed}</strong></div></div>"
        "<div id='bo_v_top'><ul class='btn_bo_user bo_v_com'><li><a href='/bbs/board.php?bo_table=free' "
        "title='목록'><span class='sound_only'>목록</span></a></li><li><a href='/bbs/write.php?w=r&bo_table=free"
        "&wr_id=1' title='답변'><span class='sound_only'>답변</span></a></li></ul></div></section>"
        "<section id='bo_v_atc'><h2 id='bo_v_atc_title'>본문</h2><div id='bo_v_share'>"
        "<a class='btn btn_b03' href='/bbs/scrap_popin.php?bo_table=free&wr_id=1'>스크랩</a></div>"
        "<div id='bo_v_img'><a href='/bbs/view_image.php?bo_table=free&fn=a.jpg' class='view_image'>"
        "<img src='/data/file/free/a.jpg' alt='협재 해변의 노을' width='640' height='420'></a></div>"
        f"<div id='bo_v_con'>{TEXT}</div>"
        "<div id='bo_v_act'><span class='bo_v_act_gng'><a href='/bbs/good.php?bo_table=free&wr_id=1&good=good'"
        " id='good_button'><span class='sound_only'>추천</span><strong>3</strong></a></span></div></section>"
        "<ul class='bo_v_nb'><li class='btn_prv'><span class='nb_tit'>이전글</span>"
        "<a href='/bbs/board.php?bo_table=free&wr_id=2'>된장찌개 맛있게 끓이는 법</a>"
        "<span class='nb_date'>26.12.07</span></li></ul>"
        "<section id='bo_vc'><h2>댓글목록</h2>"
        + _comment(9, "", "member", "민지씨", "21:58", "사진이 정말 멋지네요! 저도 가 보고 싶어요.")
        + _comment(12, "margin-left:50px;border-top-color:#e0e0e0", "member", "하루", "22:05", "감사합니다.")
        + _comment(14, "", "guest", "지나가던손님", "23:10", "좋은 정보 고맙습니다.")
        + "</section>"
        "</article></div><div id='ft'><p>Copyright © 마을 게시판. All rights reserved.</p></div></body></html>"
    )


def test_a_gnuboard_post_is_dated_to_the_minute_its_skin_prints_not_read_day_first():
    """A Gnuboard post was dated 2007-12-26 for 7 December 2026: its skins print the time as PHP's
    date("y-m-d H:i"), "26-12-07 21:57", the board's clock, and state it nowhere else; a date reader takes it day
    first."""
    assert extract(_view(), URL).published == "2026-12-07T21:57"
    assert extract(_view(printed="24-05-06 07:45"), URL).published == "2024-05-06T07:45"


def test_a_gnuboard_posts_title_and_category_are_its_skins_not_the_documents_title():
    """A Gnuboard post's title was the document's, "Subject > Board" (the board's name after it), and it had no
    category: the skin prints the subject in h2#bo_v_title > span.bo_v_tit, its category (ca_name) before it in a
    span.bo_v_cate, no link nor meta to either."""
    post = extract(_view(), URL)
    assert post.title == "제주도 여행 후기"
    assert post.categories == ["여행"]
    assert extract(_view(category=""), URL).categories == []


def test_a_gnuboard_posts_text_is_its_own_not_the_skins_headings_buttons_neighbours_and_comments():
    """A Gnuboard post's text began with its category, title and the skin's hidden headings ("페이지 정보", "본문")
    and ended with the link to the previous post and every comment ("댓글목록", "민지씨님의 댓글" …): its text is
    the post's section, section#bo_v_atc, without the skin's heading, share and recommend buttons in it."""
    post = extract(_view(), URL)
    assert post.kind == "article"
    assert post.text.splitlines() == LINES
    assert "/data/file/free/a.jpg" in [image.src.removeprefix("http://board.example.kr") for image in post.images]


def test_gnuboards_comments_are_read_with_their_authors_times_and_replies():
    """A Gnuboard post had no comments: its skins print each as article#c_N in section#bo_vc, the commenter in the
    header's span.member (span.guest for a guest), the text in div.cmt_contents, and a reply after its parent,
    indented by an inline margin-left (50px a level)."""
    comments = extract(_view(), URL).comments
    assert [(c.id, c.author, c.text, c.parent, c.depth) for c in comments] == [
        ("9", "민지씨", "사진이 정말 멋지네요! 저도 가 보고 싶어요.", None, 1),
        ("12", "하루", "감사합니다.", "9", 2),
        ("14", "지나가던손님", "좋은 정보 고맙습니다.", None, 1),
    ]
    assert comments[1].published == "2026-12-07T22:05:00+09:00"


def _list(rows: int, with_post: bool = False) -> str:
    items = "".join(
        f"<tr><td class='td_num2'>{10 - n}</td><td class='td_subject'><div class='bo_tit'>"
        f"<a href='/bbs/board.php?bo_table=free&sca=%EC%9D%BC%EC%83%81' class='bo_cate_link'>일상</a>"
        f"<a href='/bbs/board.php?bo_table=free&wr_id={10 - n}'>가을 산책 기록 {10 - n}</a></div></td>"
        f"<td class='td_name sv_use'><span class='sv_member'>민지씨</span></td><td class='td_num'>2</td>"
        f"<td class='td_datetime'>12-07</td></tr>"
        for n in range(rows)
    )
    board = (
        "<div id='bo_list'><nav id='bo_cate'><h2>하루 기록 카테고리</h2><ul id='bo_cate_ul'><li>"
        "<a href='/bbs/board.php?bo_table=free' id='bo_cate_on'>전체</a></li></ul></nav>"
        "<form name='fboardlist' id='fboardlist' action='/bbs/board_list_update.php' method='post'>"
        "<div id='bo_btn_top'><div id='bo_list_total'><span>Total 10건</span> 1 페이지</div></div>"
        "<div class='tbl_head01 tbl_wrap'><table><caption>하루 기록 목록</caption><thead><tr><th>번호</th>"
        f"<th>제목</th><th>글쓴이</th><th>조회</th><th>날짜</th></tr></thead><tbody>{items}</tbody></table></div>"
        "</form></div>"
    )
    page = _view().replace("</article></div><div id='ft'>", f"</article>{board}</div><div id='ft'>")
    if with_post:
        return page
    start, end = page.index("<article id='bo_v'>"), page.index("</article><div id='bo_list'>") + len("</article>")
    return page[:start] + page[end:]


def test_a_gnuboard_boards_list_is_a_listing_not_a_post():
    """A Gnuboard board's list — its first page, a category's, a page of a few posts — was stored as a post of a
    hundred-odd words: its skins print it in a form#fboardlist (a table of numbers, subjects, authors, views and
    times; the gallery skin's cards), which is a board's list. A post's page that prints the list under the post
    (the board's bo_use_list_view) stays a post."""
    for rows in (2, 5):
        post = extract(_list(rows), "http://board.example.kr/bbs/board.php?bo_table=free")
        assert post.kind == "listing", post.kind_reason
    post = extract(_list(5, with_post=True), URL)
    assert post.kind == "article"
    assert post.text.splitlines() == LINES


def test_gnuboards_mobile_skin_comments_are_read_too():
    """The mobile skins print a comment in a div.comment_inner (no div.cm_wrap), a reply indented 15px a level: a
    crawl that followed the footer's "mobile version" link got every later page so, its comments without authors."""
    mobile = (
        _view()
        .replace("class='cm_wrap'", "class='comment_inner'")
        .replace("margin-left:50px;border-top-color:#e0e0e0", "margin-left:15px;border-bottom-color:#f8f8f8")
    )
    comments = extract(mobile, URL).comments
    assert [(c.author, c.parent, c.depth) for c in comments] == [
        ("민지씨", None, 1),
        ("하루", "9", 2),
        ("지나가던손님", None, 1),
    ]
