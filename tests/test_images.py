"""Post images (crawler/extraction/images.py): share buttons' icons left out, lazy-loaded images resolved once."""

from crawler.extraction.content import body_holder, find_content_root
from crawler.extraction.extract import extract
from crawler.extraction.images import best_source, find_images, parse_srcset, placed_images
from crawler.extraction.page import Page

PROSE = "<p>" + "A paragraph of the post, long enough to make its container the post's body. " * 4 + "</p>"


def _srcs(body: str) -> list[str]:
    html = f"<html><body><article><div class='entry-content'>{PROSE}{body}</div></article></body></html>"
    page = Page.from_html(html, "https://blog.example/2024/post/")
    return [image.src for image in find_images(page, find_content_root(page))]


def test_share_icons_are_not_post_images():
    body = """
      <img src="/uploads/photo.jpg" width="800" height="600">
      <a href="https://www.facebook.com/sharer/sharer.php?u=x"><img src="/theme/fb.png"></a>
      <a href="https://twitter.com/intent/tweet?url=x"><img src="/theme/t.svg"></a>
      <div class="social"><a href="#" onclick="share()"><img src="/theme/s1.png"></a></div>
      <ul class="share-links"><li><a href="/print"><img src="/theme/print.png"></a></li></ul>
      <a href="/follow"><img class="pinterest-follow-button" src="/theme/p.png"></a>
      <a href="/x"><img src="https://assets.pinterest.com/images/pidgets/pinit_fg_en_rect_red_28.png"></a>
      <img src="/theme/images/twitter_62.png"><img src="/theme/images/facebook-white.svg">
    """
    assert _srcs(body) == ["https://blog.example/uploads/photo.jpg"]


def test_a_post_picture_named_after_a_network_or_marked_shareable_is_kept():
    body = """<img src="/uploads/facebook-1024.jpg" width="1024" height="770">
              <img class="img-share" src="/uploads/market.jpg">"""
    assert _srcs(body) == ["https://blog.example/uploads/facebook-1024.jpg", "https://blog.example/uploads/market.jpg"]


def test_a_photo_whose_name_begins_like_a_trackers_is_kept_and_its_credit_line_its_caption():
    """A Jekyll club blog's `![…](/media/pixelplatten.jpg)` with `*Foto: Chaospott*` under it was dropped as a
    tracking pixel by a word its name begins with: a tracker's or spacer's address names it as a word of its own, or
    its size (its attributes', its style's) gives it away. An author's portrait whose wrapper alone is classed as
    an avatar was kept only because its file was named "…2000Pixel…": it is no picture of the post."""
    body = """<p><img src="/media/2018/pixelplatten.jpg" alt="Quelle: Club"><br><em>Foto: Club</em></p>
              <p><img src="/media/2018/spacers-and-bolts.jpg"></p>
              <img src="https://pixel.wp.com/g.gif?blog=1"><img src="/track/tracking_pixel.gif"><img src="/spacer.gif">
              <img src="/t/renderTiming.png" style="width: 1px; height: 1px">
              <div class="prk_author_avatar"><a href="/author/jane/"><img src="/up/portrait-200x134.jpg"></a></div>"""
    html = f"<html><body><article><div class='entry-content'>{PROSE}{body}</div></article></body></html>"
    images = extract(html, "https://blog.example/2018/07/13/post.html").images
    assert [(image.src, image.caption) for image in images] == [
        ("https://blog.example/media/2018/pixelplatten.jpg", "Foto: Club"),
        ("https://blog.example/media/2018/spacers-and-bolts.jpg", None),
    ]


def test_a_small_picture_with_its_caption_is_the_posts_and_a_small_one_without_is_an_icon():
    """Eleventy's image plugin writes each picture's true size: a 64 x 40 chart in a captioned <figure> was taken
    for an icon and lost, with its caption."""
    body = """<figure><picture><source type="image/webp" srcset="/img/chart-64.webp 64w">
              <img src="/img/chart-64.png" alt="Chart" width="64" height="40"></picture>
              <figcaption>Visits a day, 2024</figcaption></figure>
              <img src="/theme/badge.png" width="80" height="15">"""
    assert _srcs(body) == ["https://blog.example/img/chart-64.png"]


def test_a_lazy_loaded_image_yields_its_real_source_once():
    body = """
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/uploads/a.jpg" width="640" height="480">
      <noscript><img src="/uploads/a.jpg" width="640" height="480"></noscript>
      <img src="/plugins/lazy/placeholder.gif" data-lazy-src="/uploads/b.jpg" width="640" height="480">
      <noscript><img src="/uploads/b.jpg"></noscript>
      <img src="data:image/png;base64,iVBORw0KGgo=" data-srcset="/media/c.jpg?width=738 1x, /media/c.jpg?width=1476 2x">
      <noscript><img src="/media/c.jpg?quality=100&amp;width=2280"></noscript>
    """
    assert _srcs(body) == [
        "https://blog.example/uploads/a.jpg",
        "https://blog.example/uploads/b.jpg",
        "https://blog.example/media/c.jpg?width=1476",
    ]


def test_blocksys_lazy_image_is_read_from_its_data_lazy_attributes():
    """Blocksy's own lazy loader (its `.ct-image-container.ct-lazy`: featured images, related posts, avatars)
    prints the <img> with no src, its address in `data-lazy` and its sizes in `data-lazy-set`, a <noscript> copy
    after it: the picture was read from the copy alone, without its larger sizes."""
    uploads = "/wp-content/uploads/2023/01"
    body = f"""<figure class="ct-image-container ct-lazy"><img width="640" height="427" class="attachment-medium_large"
      alt="Cliffs" data-lazy="{uploads}/aran-768x512.jpg" data-lazy-set="{uploads}/aran-768x512.jpg 768w,
      {uploads}/aran.jpg 1200w"><noscript><img width="640" height="427" src="{uploads}/aran-768x512.jpg"
      alt="Cliffs"></noscript></figure>"""
    assert _srcs(body) == ["https://blog.example/wp-content/uploads/2023/01/aran.jpg"]


def test_a_picture_shown_twice_is_one_image_with_the_caption_one_showing_gives_it():
    body = """<p><img src="/uploads/align.jpg" width="580" height="300"></p>
      <figure class="wp-caption"><img src="/uploads/align.jpg"><figcaption>Centred, captioned.</figcaption></figure>"""
    html = f"<html><body><article><div class='entry-content'>{PROSE}{body}</div></article></body></html>"
    page = Page.from_html(html, "https://blog.example/2024/post/")
    (image,) = find_images(page, find_content_root(page))
    assert (image.src, image.caption, image.width) == (
        "https://blog.example/uploads/align.jpg",
        "Centred, captioned.",
        580,
    )


def test_a_picture_shown_again_under_a_caption_of_its_own_is_a_second_image_with_that_caption():
    """WordPress's image block shows the same photo twice in a post, each under its own caption: the second
    showing was folded into the first, its caption lost from the post's images."""
    body = """<figure class="wp-block-image size-large"><img src="/uploads/harbour.jpg" alt="">
      <figcaption class="wp-element-caption">The harbour at dawn.</figcaption></figure>
      <p>Later the same day the boats went out to sea.</p>
      <figure class="wp-block-image size-large"><img src="/uploads/harbour.jpg" alt="">
      <figcaption class="wp-element-caption">The same harbour at noon, the boats gone.</figcaption></figure>
      <figure class="wp-block-image"><img src="/uploads/harbour.jpg" alt=""></figure>"""
    html = f"<html><body><article><div class='entry-content'>{PROSE}{body}</div></article></body></html>"
    page = Page.from_html(html, "https://blog.example/2024/post/")
    images = find_images(page, find_content_root(page))
    assert [(image.src, image.caption, image.position) for image in images] == [
        ("https://blog.example/uploads/harbour.jpg", "The harbour at dawn.", 1),
        ("https://blog.example/uploads/harbour.jpg", "The same harbour at noon, the boats gone.", 2),
    ]


def test_best_source_is_the_largest_srcset_candidate_resolved_against_the_base():
    page = Page.from_html("<img src='/s.jpg' srcset='/m.jpg 600w, /l.jpg 1200w'>", "https://blog.example/p/")
    assert best_source(next(page.tree.iter("img")), "https://cdn.example/") == ("https://cdn.example/l.jpg", 1200)
    assert parse_srcset("a.jpg, b.jpg 2x, data:x 3x") == [("a.jpg", 1.0), ("b.jpg", 2.0)]


def _captions(body: str) -> list[tuple[str, str | None]]:
    html = f"<html><body><article><div class='post-content'>{PROSE}{body}</div></article></body></html>"
    page = Page.from_html(html, "https://blog.example/2024/post/")
    return [(image.src.rsplit("/", 1)[1], image.caption) for image in find_images(page, find_content_root(page))]


def test_markdowns_emphasised_line_under_a_picture_is_its_caption():
    """`![Two beds](/beds.jpg)` then `*The new beds - image 1*`: one paragraph (kramdown, Hugo's Goldmark) or two."""
    body = """
      <p><img src="/a.jpg" alt="Two beds"><br><em>The new beds - image 1</em></p>
      <p><a href="/b-large.jpg"><img src="/b.jpg"></a></p><p><em>The old beds - image 2</em></p>
      <p><img src="/c.jpg"> <em>not a caption</em> but a sentence around a picture.</p>
      <p><img src="/d.jpg"></p><p><em>An aside</em> and the prose after it.</p>
    """
    assert _captions(body) == [
        ("a.jpg", "The new beds - image 1"),
        ("b.jpg", "The old beds - image 2"),
        ("c.jpg", None),
        ("d.jpg", None),
    ]


def test_tistorys_old_editor_captions_are_the_pictures_captions():
    """Tistory's old editor (posts before its 2019 editor, still served so) wraps a picture in `span.imageblock`
    with its caption in `span.cap1`, and two or three pictures side by side in `div.imageblock dual` (`triple`), a
    table of one cell each, each caption a `p.cap1` under its picture: the pictures had no caption."""
    body = """
      <p style="text-align: center;"><span class="imageblock" style="display:inline-block;width:600px;"><span
        dir="/cfile/a.jpg" rel="lightbox"><img src="/cfile/a.jpg" width="600" height="400"></span><span
        class="cap1" style="display:block;width:600px;">Senbon torii at Fushimi Inari</span></span></p>
      <div class="imageblock dual" style="text-align: center;"><table style="margin: 0 auto;"><tr>
        <td><img src="/cfile/b.jpg" width="300" height="200"><p class="cap1">Kiyomizu-dera</p></td>
        <td><img src="/cfile/c.jpg" width="300" height="200"><p class="cap1">Ninenzaka</p></td>
        <td><img src="/cfile/d.jpg" width="300" height="200"></td></tr></table></div>
    """
    assert _captions(body) == [
        ("a.jpg", "Senbon torii at Fushimi Inari"),
        ("b.jpg", "Kiyomizu-dera"),
        ("c.jpg", "Ninenzaka"),
        ("d.jpg", None),
    ]


def test_naver_smarteditor_ones_caption_module_is_the_pictures_caption():
    """Naver Blog's SmartEditor ONE puts a picture and its caption in one image section, the caption a text module
    `div.se-module-text.se-caption` beside the picture's `div.se-module-image`: the picture had no caption, and
    trafilatura dropped the caption's words (its class names a caption) from the text."""
    body = """
      <div class="se-component se-image"><div class="se-component-content">
        <div class="se-section se-section-image se-l-default">
          <div class="se-module se-module-image"><img src="/naver/radish.jpg" data-width="693" data-height="520"></div>
          <div class="se-module se-module-text se-caption"><p class="se-text-paragraph">Radish cut into strips</p></div>
        </div></div></div>
      <div class="se-component se-image"><div class="se-component-content">
        <div class="se-section se-section-image se-l-default">
          <div class="se-module se-module-image"><img src="/naver/pan.jpg" data-width="693" data-height="520"></div>
        </div></div></div>
    """
    assert _captions(body) == [("radish.jpg", "Radish cut into strips"), ("pan.jpg", None)]
    html = f"<html><body><article><div class='post-content'>{PROSE}{body}</div></article></body></html>"
    assert "Radish cut into strips" in extract(html, "https://blog.example/2024/post/").text


def test_naver_smarteditor_ones_caption_stands_in_the_text_where_the_picture_is_in_its_image_link():
    """SmartEditor ONE puts the picture in its image link (`a.se-module-image-link`, which opens its photo viewer):
    the caption, put after the image section for trafilatura's run, stood in the component's content beside one
    empty link, which trafilatura dropped whole as a block of links — the caption was the picture's but no line of
    the text."""
    body = """
      <div class="se-component se-image se-l-default"><div class="se-component-content">
        <div class="se-section se-section-image se-l-default se-section-align-justify">
          <div class="se-module se-module-image"><a href="#" class="se-module-image-link __se_image_link __se_link"
            onclick="return false;" data-linktype="img"><img src="/naver/radish.jpg" data-width="693"
            data-height="520"></a></div>
          <div class="se-module se-module-text se-caption"><p class="se-text-paragraph">Radish cut into strips</p></div>
        </div></div></div>
      <div class="se-component se-text se-l-default"><div class="se-component-content"><div class="se-section
        se-section-text"><div class="se-module se-module-text"><p class="se-text-paragraph">Then the pan went on.</p>
        </div></div></div></div>
    """
    assert _captions(body) == [("radish.jpg", "Radish cut into strips")]
    html = f"<html><body><article><div class='se-main-container'>{PROSE}{body}</div></article></body></html>"
    assert "\nRadish cut into strips\nThen the pan went on." in extract(html, "https://blog.example/2024/post/").text


def test_brunchs_image_item_caption_is_the_pictures_caption():
    """Kakao Brunch's editor puts an image item's picture and its caption in one `div.wrap_img_float`, the caption a
    `span.text_caption` after the <img>: the picture had no caption, and trafilatura dropped the caption's words (its
    class names a caption) from the text."""
    body = """
      <div class="wrap_item item_type_img"><div class="wrap_content mobile_align_content_full">
        <div class="wrap_img_inner_float"><div class="wrap_img_float" style="width: 700px">
          <img src="/brunch/teapot.jpg" alt="" width="700"><span class="text_caption">A teapot on the sill</span>
        </div></div></div></div>
      <div class="wrap_item item_type_img"><div class="wrap_content">
        <div class="wrap_img_inner_float"><div class="wrap_img_float"><img src="/brunch/door.jpg" alt=""></div></div>
      </div></div>
    """
    assert _captions(body) == [("teapot.jpg", "A teapot on the sill"), ("door.jpg", None)]
    html = f"<html><body><article><div class='post-content'>{PROSE}{body}</div></article></body></html>"
    assert "A teapot on the sill" in extract(html, "https://blog.example/2024/post/").text


def test_a_lazy_loaders_stand_in_is_never_the_image_where_the_image_is_named_too():
    """Hexo's Fluid puts its spinner in srcset and the image in src; a lazy plugin its blank in src, the image in
    data-src. A picture whose own name only looks like a stand-in's is still the image."""
    cases = {
        '<img src="/images/road.png" srcset="/img/loading.gif" lazyload>': "https://x.example/images/road.png",
        '<img src="/p/lazy_placeholder.gif" data-src="/a/x.jpg">': "https://x.example/a/x.jpg",
        '<img src="/photos/pixel-art.png">': "https://x.example/photos/pixel-art.png",
    }
    for html, src in cases.items():
        img = next(Page.from_html(html, "https://x.example/p/").tree.iter("img"))
        assert best_source(img, "https://x.example/p/")[0] == src, html


def test_an_image_no_reader_sees_or_the_authors_h_card_photo_is_no_post_image():
    """Eleventy Excellent prints a hidden h-entry for microformats parsers, the author's h-card photo in it; Ghost's
    Source prints the byline's avatar as an author-profile-image."""
    html = (
        "<html><body><article><div class='post-content'>"
        f"{PROSE}<figure><img src='/road.jpg' width='640' height='400'><figcaption>The road</figcaption></figure>"
        "</div><div hidden class='h-entry'><a rel='author' class='p-name u-url' href='/'>Jane</a>"
        "<img src='/icon-512x512.png' alt='Jane' class='u-author h-card' width='512' height='512'></div>"
        "<img class='author-profile-image' src='/size/w160/avatar.png' alt='Jane'></article></body></html>"
    )
    page = Page.from_html(html, "https://blog.example/2024/post/")
    assert [image.src for image in find_images(page, page.tree.find(".//article"))] == ["https://blog.example/road.jpg"]


def test_the_authors_picture_in_a_microdata_byline_is_no_post_image():
    """Hexo's Volantis prints the author's avatar beside the name in the post's header, inside the schema.org
    Person it marks itemprop=author (a lazy <img>, no size, no avatar class): it was every post's first image."""
    html = (
        "<html><body><article itemscope itemtype='http://schema.org/Article' class='article post'>"
        "<div class='article-meta'><h1 itemprop='name headline'>A new host</h1><div class='new-meta-box'>"
        "<div class='new-meta-item author' itemprop='author' itemscope itemtype='http://schema.org/Person'>"
        "<a itemprop='url' class='author' href='/'><img itemprop='image' src='/img/avatar/me.png' class='lazyload'>"
        "<p itemprop='name'>Wolf</p></a></div></div></div>"
        f"<div id='post-body' itemprop='articleBody'>{PROSE}<p><img src='/img/post/road.jpg' alt='The road'></p>"
        "</div></article></body></html>"
    )
    page = Page.from_html(html, "https://blog.example/posts/1508771690.html")
    found = find_images(page, page.tree.find(".//div[@id='post-body']"))
    assert [image.src for image in found] == ["https://blog.example/img/post/road.jpg"]


def _wordpress_post(before: str, after: str = "") -> str:
    return (
        f"<html><body class='single single-post postid-5'><header class='site-header'>{before}</header>"
        f"<main><article class='post-5 post has-post-thumbnail'><h1 class='entry-title'>The Burren</h1>"
        f"<div class='entry-content'>{PROSE}</div></article></main>{after}</body></html>"
    )


def test_wordpress_featured_image_printed_above_the_article_is_the_posts_first():
    """Twenty Seventeen prints the featured image in `.single-featured-image-header`, Twenty Nineteen in the site's
    header (`.site-featured-image figure.post-thumbnail`), both outside the post's <article>: it was lost. Every
    featured image WordPress prints carries `wp-post-image`."""
    thumbnail = (
        '<img width="1200" height="800" src="/wp-content/uploads/2023/01/burren.jpg" class="attachment-{0}'
        ' size-{0} wp-post-image" alt="Limestone pavement">'
    )
    seventeen = f'<div class="single-featured-image-header">{thumbnail.format("twentyseventeen-featured-image")}</div>'
    nineteen = '<div class="site-featured-image"><figure class="post-thumbnail">{}</figure></div>'
    for header in (seventeen, nineteen.format(thumbnail.format("post-thumbnail"))):
        page = Page.from_html(_wordpress_post(header), "https://blog.example/2023/04/12/the-burren/")
        images = find_images(page, find_content_root(page))
        assert [(i.src, i.alt) for i in images] == [
            ("https://blog.example/wp-content/uploads/2023/01/burren.jpg", "Limestone pavement")
        ]


def test_other_posts_featured_images_outside_the_article_are_not_the_posts():
    """A widget's and a teaser's thumbnails carry `wp-post-image` too: linked to their posts, or in a widget."""
    teaser = (
        '<div class="featured-posts"><a href="/2023/05/01/aran/"><img width="600" height="400" class="wp-post-image"'
        ' src="/wp-content/uploads/2023/01/aran.jpg"></a></div>'
    )
    widget = (
        '<aside class="widget widget_recent_posts"><img width="600" height="400" class="wp-post-image"'
        ' src="/wp-content/uploads/2023/01/harz.jpg"></aside>'
    )
    page = Page.from_html(_wordpress_post(teaser, widget), "https://blog.example/2023/04/12/the-burren/")
    assert find_images(page, find_content_root(page)) == []


def test_hemingways_featured_image_above_the_title_is_the_posts_first():
    """Anders Norén's Hemingway prints a post as a div.post (no <article>), its featured image in the
    div.featured-media of its header, above the title and linked to the post, the text in div.post-content: the
    picture was lost (the block themes' and .post-thumbnail's classes were the only ones known)."""
    featured = (
        '<div class="featured-media"><a href="https://blog.example/2023/04/12/the-burren/" rel="bookmark"><img '
        'width="676" height="451" src="/wp-content/uploads/2023/01/burren.jpg" class="attachment-post-image '
        'size-post-image wp-post-image" alt="Limestone pavement"></a></div>'
    )
    html = (
        "<html><head><title>The Burren</title></head><body class='post-template-default single single-post postid-14'>"
        "<div class='wrapper'><div class='content left'><div class='posts'><div id='post-14' class='post-14 post "
        f"type-post hentry category-walking'><div class='post-header'>{featured}<h1 class='post-title'><a href="
        "'https://blog.example/2023/04/12/the-burren/'>The Burren</a></h1><div class='post-meta'><span class="
        "'post-date'>April 12, 2023</span></div></div><div class='post-content'>"
        f"{PROSE}</div></div></div></div><div class='sidebar right'><div class='widget widget_recent_entries'><ul><li>"
        "<a href='/2023/05/01/aran/'>Aran</a></li></ul></div></div></div></body></html>"
    )
    article = extract(html, "https://blog.example/2023/04/12/the-burren/")
    assert [(i.src, i.alt) for i in article.images] == [
        ("https://blog.example/wp-content/uploads/2023/01/burren.jpg", "Limestone pavement")
    ]


def test_a_picture_laid_out_in_a_captioned_table_is_a_figure_in_the_text_and_its_caption_the_images():
    """ikiwiki's img directive with a caption prints `<table class="img"><caption>…</caption><tr><td><a><img>`:
    the post's text had an empty table row for the picture ("|  |") after the caption, and the picture no
    caption."""
    from crawler.extraction.extract import extract

    picture = (
        '<table class="img"><caption>Boats returning at dawn</caption><tr><td><a href="/pics/harbour.png"><img src'
        '="./400x300-harbour.png" width="400" height="300" alt="Boats" class="img" /></a></td></tr></table>'
    )
    html = (
        "<html><head><title>Harbour</title></head><body><div id='content'><h1>Morning at the harbour</h1>"
        f"<p>We got up before sunrise to watch the boats come back to the harbour, a long walk.</p>{picture}"
        "<p>The fish market opened at six, and by seven most of the catch was sold to the town.</p></div>"
    )
    article = extract(html, "https://blog.example/post/")
    assert article.text.splitlines() == [
        "We got up before sunrise to watch the boats come back to the harbour, a long walk.",
        "Boats returning at dawn",
        "The fish market opened at six, and by seven most of the catch was sold to the town.",
    ]
    assert [image.caption for image in article.images] == ["Boats returning at dawn"]


def test_a_docutils_figure_caption_is_a_paragraph_in_the_text_and_its_caption_the_images():
    """A reST `figure` directive, as docutils' HTML writer renders it for Pelican (its reST posts) and Sphinx's HTML 4
    builder, is `<div class="figure"><img><p class="caption">…</p></div>`: trafilatura dropped the caption from the
    text by its class, and the picture had none (its alt stood for it)."""
    figure = (
        '<div class="figure"><img alt="Fishing boats at the quay" src="/images/harbour.png" /><p class="caption">'
        "The quay at half past eight, from the Long Walk.</p></div>"
    )
    html = (
        '<html><head><title>Harbour</title></head><body><section id="content"><h2 class="entry-title">Harbour at dusk'
        '</h2><div class="entry-content"><p>The fishing boats come in just as the lights go on along the quay, one by'
        f" one.</p>{figure}<p>We waited an hour for the light, and the gulls waited there with us.</p></div></section>"
        "</body></html>"
    )
    article = extract(html, "https://blog.example/posts/2023/09/21/harbour/")
    assert article.text.splitlines() == [
        "The fishing boats come in just as the lights go on along the quay, one by one.",
        "The quay at half past eight, from the Long Walk.",
        "We waited an hour for the light, and the gulls waited there with us.",
    ]
    assert [image.caption for image in article.images] == ["The quay at half past eight, from the Long Walk."]


def test_a_blogger_captioned_picture_is_a_caption_paragraph_in_the_text_and_its_caption_the_images():
    """Blogger's editor lays a captioned image out as `<table class="tr-caption-container">`, the picture in one
    row and the caption in the next (`td.tr-caption`), inside a <div> whose text goes on around it: the post's
    text had a "| caption |" row; the caption is a paragraph of its own now, and the text on either side of the
    table in its <div> stays a paragraph apart in the Markdown."""
    from crawler.extraction.extract import extract

    picture = (
        '<table cellpadding="0" cellspacing="0" class="tr-caption-container" style="float: left;"><tbody><tr><td'
        ' style="text-align: center;"><a href="https://blogger.googleusercontent.com/img/b/a/s1600/sea.jpg"'
        ' imageanchor="1"><img border="0" height="240" width="320"'
        ' src="https://blogger.googleusercontent.com/img/b/a/s320/sea.jpg" /></a></td></tr>'
        '<tr><td class="tr-caption" style="text-align: center;">The lighthouse at dawn</td></tr></tbody></table>'
    )
    paragraphs = [
        "We walked along the shore for most of the morning, past the old harbour, and the wind was cold.",
        "Before the picture we had coffee in the little cafe by the harbour, which opens at seven.",
        "The lighthouse at dawn",
        "After lunch the sun came out, and we sat on the rocks to watch the fishing boats come back.",
        "In the evening we ate fish and chips on the pier, and the gulls waited for every chip that fell.",
    ]
    html = (
        "<html><head><title>A walk</title></head><body><div class='post hentry'><h3 class='post-title'>A walk</h3>"
        f"<div class='post-body entry-content'><div>{paragraphs[0]}</div><div><br /></div><div>{paragraphs[1]}\n"
        f"{picture}\n<i>{paragraphs[3]}</i></div><div><br /></div><div>{paragraphs[4]}</div></div></div></body></html>"
    )
    article = extract(html, "https://walks.blogspot.com/2024/05/a-walk.html")
    assert article.text.splitlines() == paragraphs
    italic = [*paragraphs[:3], f"*{paragraphs[3]}*", paragraphs[4]]  # the paragraph after the picture, in <i>
    assert [p for p in article.markdown.split("\n\n") if not p.startswith("![")] == italic
    assert [image.caption for image in article.images] == ["The lighthouse at dawn"]


def test_a_posts_pictures_are_found_where_its_text_is_when_a_header_repeats_its_lead():
    """A Jekyll theme's cover repeats a post's lines as a standfirst under the title, in one <p>; the post
    itself (imported from Tistory) is short lines, each its own <p>, between slides. The cover's paragraph is the
    page's densest, so the container the pictures were looked for in was the cover: the post's slides were lost
    where the text extraction read the post's own lines. The pictures are also looked for in the element that
    holds the extracted text (content.body_holder), in page order; the cover's picture stays the post's."""
    lines = [
        "These slides compare containers with virtual machines.",
        "The deck is split into two parts for the upload.",
        "The original is one document on the slide service.",
    ]
    slides = "".join(f"<p><span class='imageblock'><img src='/assets/slide{n}.png'></span></p>" for n in (1, 2))
    html = (
        "<html><body><div id='navbar'><a href='/'>Back to Posts</a></div>"
        "<div id='cover'><div><h1>Containers and VMs</h1>"
        f"<p>{' '.join(lines)}</p><img src='/assets/cover.jpg' width='1200' height='400'></div></div>"
        "<div id='content'><div id='post-content'><div class='area_view'>"
        + "".join(f"<p>{line}</p><p><br></p>" for line in lines)
        + slides
        + "</div></div></div></body></html>"
    )
    page = Page.from_html(html, "https://blog.example/docker/2015/05/09/containers/")
    root = find_content_root(page)
    holder = body_holder(page, "\n".join(lines), root)
    assert holder.get("class") == "area_view"
    assert [image.src for _, image in placed_images(page, root, holder)] == [
        "https://blog.example/assets/cover.jpg",
        "https://blog.example/assets/slide1.png",
        "https://blog.example/assets/slide2.png",
    ]
    assert body_holder(page, " ".join(lines), root) is root  # the cover's own paragraph read as the post


def test_a_tistory_skins_related_articles_thumbnails_are_not_the_posts_pictures():
    """Tistory skins print the category's other posts under the post (<s_article_related>) in
    `div.related-articles`, inside the <article> around the post, each with its thumbnail: the thumbnails were among
    a short post's pictures."""
    prose = "<p>환경을 지우려면 .venv 폴더를 통째로 삭제하면 끝입니다.</p>"
    picture = '<figure class="imageblock alignCenter"><span><img src="https://blog.kakaocdn.net/dn/b1/img.jpg"></span></figure>'
    html = (
        "<html><head><title>venv</title></head><body><article><main><h1>venv</h1><section>"
        f'<div class="post-content" id="article-view"><div class="tt_article_useless_p_margin">{prose}{picture}'
        f"{prose}</div></div></section><section><div class=\"related-articles\"><h2><strong>'Python'</strong></h2><ul>"
        '<li><a href="/209?category=8811"><span>f-string</span><span class="thum"><img src="//i1.daumcdn.net/thumb/'
        'C50x50.fwebp.q85/?fname=https://blog.kakaocdn.net/dn/x/t1/img.png" alt=""></span></a></li>'
        '<li><a href="/198?category=8811"><span>pip</span><span class="thum"><img src="//i1.daumcdn.net/thumb/'
        'C50x50.fwebp.q85/?fname=https://blog.kakaocdn.net/dn/x/t2/img.png" alt=""></span></a></li>'
        "</ul></div></section></main></article></body></html>"
    )
    images = extract(html, "https://codezaram.tistory.com/214").images
    assert [image.src for image in images] == ["https://blog.kakaocdn.net/dn/b1/img.jpg"]


def test_a_caption_that_is_only_the_pictures_credit_is_the_images_caption_and_no_line_of_the_text():
    """A figure whose caption is only its credit ("Foto: Jane Roe", "(Photo: AP)", "Photo by … on Unsplash") —
    news sites and blogs print one under every picture — put the credit between the post's paragraphs as a line
    of its text; it is the picture's attribution: the image's caption, out of the text and the Markdown. A caption
    that says something and names the photographer too stays the post's line."""
    from crawler.extraction.extract import extract

    def figure(name: str, caption: str) -> str:
        picture = f'<img src="/img/{name}.jpg" alt="{name}" width="800">'
        return f"<figure>{picture}<figcaption>{caption}</figcaption></figure>"

    html = (
        '<html><head><title>Am Deich</title></head><body><article><h1>Am Deich</h1><div class="entry-content">'
        "<p>Am Sonntag sind wir früh los, der Wind kam von Westen und die Schafe standen dicht am Zaun.</p>"
        f"{figure('deich', 'Foto: Jana Hinrichs')}"
        "<p>Hinter dem Siel führt der Weg zwei Kilometer am Wasser entlang bis zum alten Leuchtturm.</p>"
        f"{figure('siel', '(Photo: A. B. Meyer/dpa)')}"
        "<p>Am Leuchtturm gab es Tee aus der Thermoskanne und Kekse, bevor der Regen kam.</p>"
        f"{figure('turm', 'Photo by Jane Roe on Unsplash')}"
        "<p>Zurück ging es mit dem Bus, der nur zweimal am Tag fährt, aber pünktlich war.</p>"
        f"{figure('bus', 'Der Bus an der Haltestelle am Deich. Foto: Jana Hinrichs')}"
        "</div></article></body></html>"
    )
    article = extract(html, "https://blog.example/2024/03/am-deich/")
    assert article.text.splitlines() == [
        "Am Sonntag sind wir früh los, der Wind kam von Westen und die Schafe standen dicht am Zaun.",
        "Hinter dem Siel führt der Weg zwei Kilometer am Wasser entlang bis zum alten Leuchtturm.",
        "Am Leuchtturm gab es Tee aus der Thermoskanne und Kekse, bevor der Regen kam.",
        "Zurück ging es mit dem Bus, der nur zweimal am Tag fährt, aber pünktlich war.",
        "Der Bus an der Haltestelle am Deich. Foto: Jana Hinrichs",
    ]
    assert "Hinrichs" not in article.markdown.split("Der Bus")[0] and "Unsplash" not in article.markdown
    assert [image.caption for image in article.images] == [
        "Foto: Jana Hinrichs",
        "(Photo: A. B. Meyer/dpa)",
        "Photo by Jane Roe on Unsplash",
        "Der Bus an der Haltestelle am Deich. Foto: Jana Hinrichs",
    ]


def test_a_credit_in_its_own_element_after_a_captions_words_is_the_images_and_no_words_of_the_text():
    """News sites and blog themes print the photographer after the caption in an element of its own
    (`<figcaption><span>Caption.</span> <span class="credit">Kuva: Jane Roe</span></figcaption>`): the credit ran on
    as words of the post's text after the caption; the caption's words stay, the image keeps the whole caption."""
    from crawler.extraction.extract import extract

    caption = "<span>Die Fähre legt am Morgen im alten Hafen an.</span> <span class='credit'>Foto: Jana Hinrichs</span>"
    html = (
        '<html><head><title>Hafen</title></head><body><article><h1>Hafen</h1><div class="entry-content">'
        "<p>Am Sonntag sind wir früh los, der Wind kam von Westen und die Schafe standen dicht am Zaun.</p>"
        f'<figure><img src="/img/hafen.jpg" alt="Hafen" width="800"><figcaption>{caption}</figcaption></figure>'
        "<p>Hinter dem Siel führt der Weg zwei Kilometer am Wasser entlang bis zum alten Leuchtturm.</p>"
        "</div></article></body></html>"
    )
    article = extract(html, "https://blog.example/2024/03/hafen/")
    assert "Die Fähre legt am Morgen im alten Hafen an." in article.text.splitlines()
    assert "Hinrichs" not in article.text and "Hinrichs" not in article.markdown
    assert [image.caption for image in article.images] == [
        "Die Fähre legt am Morgen im alten Hafen an. Foto: Jana Hinrichs"
    ]


def test_a_picture_sized_in_percent_is_no_icon():
    """HTML's width and height may be a percentage of the space the picture stands in (`width="50%"`, as a
    Pelican post's hand-written `<img>` sizes its figures): read as 50 pixels each, the post's two figures were
    taken for icons and left out."""
    body = (
        '<div class="text-center"><img src="/assets/tweets/cr.png" width="50%" height="50%" title="Geotagged tweets">'
        "<p><strong>Figure:</strong> Tweets matched against a bounding box.</p></div>"
        '<img src="/theme/badge.png" width="40" height="40">'
    )
    assert _srcs(body) == ["https://blog.example/assets/tweets/cr.png"]


def test_a_footnotes_mark_in_a_figure_caption_is_no_word_of_the_caption():
    """Pandoc (R's distill, Quarto) marks a note's reference `<a class="footnote-ref" role="doc-noteref"><sup>1`, and
    Python-Markdown `<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">2`: in a figure's caption the caption
    read "Our cat wants her favicon. 1". A number that is the caption's own stays."""
    body = """
      <figure><img src="/a.gif" alt="Our cat"><figcaption>Our cat wants her favicon. <a href="#fn1"
        class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></figcaption></figure>
      <figure><img src="/b.png"><figcaption>The cat at rest<sup id="fnref:1"><a class="footnote-ref"
        href="#fn:1">2</a></sup></figcaption></figure>
      <figure><img src="/c.png"><figcaption>Figure 3: the cat at 1</figcaption></figure>
    """
    assert _captions(body) == [
        ("a.gif", "Our cat wants her favicon."),
        ("b.png", "The cat at rest"),
        ("c.png", "Figure 3: the cat at 1"),
    ]


def test_a_butterfly_gallerys_pictures_are_the_posts_images_and_its_json_no_text():
    """Hexo Butterfly's `gallery` tag prints its pictures as JSON in a `span.gallery-data`, which the theme's script
    lays out: a Chinese blog's posts of holiday photos and its collection of loading animations held that JSON as a
    line of their text and none of their pictures (71 in one post). Each is now a picture of the post, with its
    alt, where the gallery stands."""
    data = '[{"url":"https://img.example/snow-1.jpg","alt":"初雪"},{"url":"https://img.example/snow-2.jpg","alt":""}]'
    gallery = (
        '<div class="gallery"><div class="fj-gallery lazyload" data-rowheight="220" data-limit="10">'
        f'<span class="gallery-data">{data}</span></div>'
        '<button class="gallery-load-more"><span>加载更多</span></button></div>'
    )
    prose = "<p>" + "三月的哈尔滨又下了一场春雪，路边的树枝上挂满了白色，走在街上能听到踩雪的声音。" * 3 + "</p>"
    head = '<meta name="generator" content="Hexo 5.4.0"><meta property="og:type" content="article">'
    head += '<meta property="article:published_time" content="2020-03-12T15:52:13.000Z">'
    body = f'<div id="post"><article class="post-content" id="article-container">{prose}{gallery}<p>雪后。</p>'
    html = f"<html><head><title>春雪</title>{head}</head><body>{body}</article></div></body></html>"
    article = extract(html, "https://blog.example/posts/1f068f9e.html")
    assert [(image.src, image.alt) for image in article.images] == [
        ("https://img.example/snow-1.jpg", "初雪"),
        ("https://img.example/snow-2.jpg", None),
    ]
    assert "url" not in article.text and "雪后。" in article.text


def test_a_lazy_featured_images_noscript_copy_is_the_posts_first_image_where_the_post_shows_it_again():
    """Autoptimize prints a lazy image's <noscript> copy before the scripted <img>, a3 Lazy Load and Smush after
    it. A block theme's featured image was found by its <noscript> copy alone (the first match), and that copy was
    dropped as the same picture as any scripted <img> of the same file: where the post shows the picture again
    in its body, the featured image was lost and the post's first image was another."""
    svg = "data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%3E%3C/svg%3E"
    real = "/wp-content/uploads/2023/01/harz.jpg"
    plain = f'<img width="1200" height="800" src="{real}" class="wp-post-image" alt="Beech wood">'
    lazy = (
        f'<img width="1200" height="800" src="{svg}" data-src="{real}" class="lazyload wp-post-image" alt="Beech wood">'
    )
    autoptimize, a3 = f"<noscript>{plain}</noscript>{lazy}", f"{lazy}<noscript>{plain}</noscript>"
    for featured in (autoptimize, a3):
        html = (
            "<html><head><title>Bowls</title></head><body><main><h1 class='wp-block-post-title'>Bowls</h1>"
            f"<figure class='wp-block-post-featured-image'>{featured}</figure>"
            f"<div class='entry-content wp-block-post-content'>{PROSE}<figure class='wp-block-image'>"
            "<img src='/wp-content/uploads/2023/01/aran.jpg' alt='Plate' width='800' height='600'></figure>"
            f"<figure class='wp-block-table'><table><tr><td><img src='{real}' alt='Bowl' width='300' height='200'>"
            "</td></tr></table><figcaption>Bowls by glaze</figcaption></figure></div></main></body></html>"
        )
        article = extract(html, "https://blog.example/2024/10/05/bowls/")
        assert [(i.src.rsplit("/", 1)[1], i.alt) for i in article.images] == [
            ("harz.jpg", "Beech wood"),
            ("aran.jpg", "Plate"),
        ]


def test_a_wordpress_gallerys_thumbnail_linked_to_its_file_is_archived_as_that_file():
    """WordPress's `[gallery link="file"]` (HTML5 themes' figure.gallery-item, the others' dl.gallery-item) prints
    each picture as its 150×150 "thumbnail" crop, no srcset (no other size has a square's shape), linked to the
    uploaded file: the crop was stored, a square of the picture. The linked file is the picture, its caption and
    alt kept; a thumbnail linked to its attachment page (the gallery's default) names no file and stays."""
    items = "".join(
        f'<figure class="gallery-item"><div class="gallery-icon landscape"><a href="{link}"><img width="150" '
        f'height="150" src="/wp-content/uploads/2024/07/{name}-150x150.jpg" class="attachment-thumbnail '
        f'size-thumbnail" alt="{alt}" aria-describedby="gallery-1-{n}"></a></div><figcaption class="wp-caption-text '
        f'gallery-caption" id="gallery-1-{n}">{caption}</figcaption></figure>'
        for n, (name, link, alt, caption) in enumerate(
            [
                ("wall", "/wp-content/uploads/2024/07/wall.jpg", "A dry stone wall", "Built without mortar"),
                ("cliffs", "/wp-content/uploads/2024/07/cliffs-scaled.jpg", "Cliffs", "The cliffs at Moher"),
                ("gate", "/2024/07/stones/gate/", "A gate", "A gap closed with one stone"),
            ],
            10,
        )
    )
    html = (
        "<html><body><article><div class='entry-content'>"
        f"{PROSE}<div id='gallery-1' class='gallery galleryid-7 gallery-columns-3 gallery-size-thumbnail'>{items}</div>"
        "</div></article></body></html>"
    )
    page = Page.from_html(html, "https://blog.example/2024/07/stones/")
    images = find_images(page, find_content_root(page))
    uploads = "https://blog.example/wp-content/uploads/2024/07/"
    assert [(i.src, i.alt, i.caption, i.width) for i in images] == [
        (f"{uploads}wall.jpg", "A dry stone wall", "Built without mortar", None),
        (f"{uploads}cliffs-scaled.jpg", "Cliffs", "The cliffs at Moher", None),
        (
            "https://blog.example/wp-content/uploads/2024/07/gate-150x150.jpg",
            "A gate",
            "A gap closed with one stone",
            150,
        ),
    ]


def test_a_size_named_picture_outside_wordpresss_uploads_is_the_picture_the_page_shows():
    """A blog moved from WordPress to a static generator keeps its posts' markup — each picture a size copy linked
    to its original — but not always the originals: /images/lan_3.png was never copied beside the
    /images/lan_3-300x198.png the page shows. Only WordPress's uploads folder holds an upload beside its sizes."""
    html = (
        '<html><body><article class="post"><h1>Wired LAN</h1><div class="post-content"><p>The cable, crossed over, '
        "joins the two machines; the settings follow in the next picture.</p>"
        '<p><a href="/images/lan_3.png"><img src="/images/lan_3-300x198.png" alt="Settings"></a></p>'
        "</div></article></body></html>"
    )
    page = Page.from_html(html, "https://blog.example/2011/05/wired-lan/")
    images = find_images(page, find_content_root(page))
    assert [i.src for i in images] == ["https://blog.example/images/lan_3-300x198.png"]


def test_an_image_plugins_webp_copy_in_the_imgs_place_is_archived_as_the_upload():
    """WebP Express's "replace image URLs" writes its WebP copy of each upload into the <img> (src and srcset), named
    by appending .webp to the upload's name (kiln-1024x683.jpg.webp), beside the upload or under its own folder of
    copies, which mirrors the site: the copies were stored, .webp files no other visitor's page names. The upload
    is the picture, its alt and caption kept, in the text as in the images."""
    uploads = "/wp-content/uploads/2024/05/"
    folders = (
        uploads,  # beside the upload
        "/wp-content/webp-express/webp-images/uploads/2024/05/",  # its folder of copies, by wp-content's folders
        "/wp-content/webp-express/webp-images/doc-root/wp-content/uploads/2024/05/",  # by the document root
    )
    for folder in folders:
        body = (
            f'<figure class="wp-block-image size-large"><img src="{folder}kiln-1024x683.jpg.webp" alt="Kiln at dusk" '
            f'srcset="{folder}kiln-1024x683.jpg.webp 1024w, {folder}kiln-300x200.jpg.webp 300w, {folder}kiln.jpg.webp '
            '1200w" width="1024" height="683"><figcaption class="wp-element-caption">The kiln after firing</figcaption>'
            f'</figure><p><img src="{folder}bowl.png.avif" alt="A bowl" width="640" height="480"></p>'
        )
        html = f"<html><body><article><div class='entry-content'>{PROSE}{body}</div></article></body></html>"
        article = extract(html, "https://blog.example/2024/05/kiln/")
        assert [(i.src, i.alt, i.caption) for i in article.images] == [
            (f"https://blog.example{uploads}kiln.jpg", "Kiln at dusk", "The kiln after firing"),
            (f"https://blog.example{uploads}bowl.png", "A bowl", None),
        ], folder
        assert f"(https://blog.example{uploads}kiln.jpg)" in article.markdown and ".webp" not in article.markdown
    # a picture uploaded as WebP is that file
    assert _srcs('<img src="/wp-content/uploads/2024/05/shed.webp" width="800" height="600">') == [
        "https://blog.example/wp-content/uploads/2024/05/shed.webp"
    ]


def test_a_picture_in_a_data_tables_cell_stands_in_that_cell_of_the_markdown_table():
    """A WordPress table block with a picture in a cell (Twenty Twenty-Five): each picture was put on a line of its
    own after the row holding the text before it, which ended the Markdown table there and made the rows after it a
    paragraph of pipes. A picture in a cell stands in its cell, before the cell's words when it opens the cell."""
    table = (
        '<figure class="wp-block-table"><table><thead><tr><th>Place</th><th>Picture</th></tr></thead><tbody>'
        '<tr><td>Cliffs</td><td><img src="/wp-content/uploads/2024/05/cliffs.jpg" alt="The cliffs"></td></tr>'
        '<tr><td><img src="/wp-content/uploads/2024/05/harbour.jpg" alt="Boats | nets"> Harbour</td><td>by boat</td>'
        "</tr></tbody></table></figure>"
    )
    html = (
        "<html><body class='single single-post postid-5'><main><article class='post-5 post'>"
        f"<h1 class='entry-title'>The coast</h1><div class='entry-content'>{PROSE}{table}{PROSE}</div>"
        "</article></main></body></html>"
    )
    markdown = extract(html, "https://blog.example/2024/05/12/the-coast/").markdown
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    assert rows == [
        "| Place | Picture | ",
        "|---|---|",
        "| Cliffs | ![The cliffs](https://blog.example/wp-content/uploads/2024/05/cliffs.jpg) | ",
        "| ![Boats &#124; nets](https://blog.example/wp-content/uploads/2024/05/harbour.jpg) Harbour | by boat | ",
    ]
    assert markdown.count("![") == 2
