"""CSS selector tables for theme markup. Adding a theme is adding a selector here, not code."""

from typing import NamedTuple

# The element the renderer puts in place of a frame that holds comments (crawler/rendering/page.py): a comment
# thread, whichever service's, never the post's text. It is chrome, and a comment thread, below.
FRAME_COMMENTS = "data-blogarchive-comments"

# The post's body container, most specific first (WordPress, Gutenberg, Genesis, Astra, GeneratePress,
# Elementor, Ghost, Blogger, Medium, Substack, Hugo, Jekyll, Tumblr, Squarespace, Wix, microdata, Docusaurus,
# VuePress, VitePress).
CONTENT_ROOTS = (
    "[itemprop=articleBody]",
    ".entry-content",
    ".hentry > .page-content",  # WordPress's Hello Elementor
    # WordPress's Hueman: the post's content in its div.entry-inner, inside the div.entry.themeform of its
    # <article>; its tags, author box, related posts and comments after the article, in its main.content
    ".entry.themeform > .entry-inner",
    ".markdown-body",  # GitHub's class for rendered Markdown: Hexo's Fluid, inside its article.post-content
    ".post-content",
    ".gh-content",
    ".post-body",
    ".article-content",
    ".available-content",
    ".body.markup",
    ".elementor-widget-theme-post-content",
    ".e-content",
    ".post-entry",
    ".blog-item-content",
    ".sqs-layout",
    "[data-hook=post-description]",
    ".single-post-content",
    ".page__content",  # Jekyll's Minimal Mistakes
    "article.post > .entry",  # Jekyll Now: the post's <div class="entry">, its "Written on" date after it
    # Beautiful Jekyll: the post's body under its header, its tags and comments after it (LizardByte's fork prints a
    # <div>, daattali's an <article role=main>); not any .blog-post: WordPress themes give <body> that class
    "div.blog-post",
    "article.blog-post",
    "#__blog-post-container",  # Docusaurus's blog
    "#markdown-content",  # VuePress's theme-hope
    ".theme-default-content",  # VuePress's default theme
    ".vp-doc",  # VitePress
    "main > content",  # Bear Blog (and Hugo's hugo-bearblog)
    # Hexo's Stellar: the post's body, between its banner (breadcrumbs, dates, title) and its tags and footer
    "article.md-text",
    # Naver Blog: the post's body as each of its editors prints it — SmartEditor ONE's div.se-main-container, SE3's
    # div.se_component_wrap.__se_component_area (the areas the page's own image loader is given), the oldest
    # editor's (SE2) div#postViewArea on the desktop page and, on the mobile page, div.post_ct (#viewTypeSelector),
    # which around the newer editors' containers holds the post's header as well
    ".se-main-container",
    ".__se_component_area",
    "#postViewArea",
    "div.post_ct",
    # Hugo's LoveIt and its forks (DoIt, FixIt): the post's body, div#content.content in the page's .page.single,
    # after its title and meta, before its related posts, reward box and footer
    ".page.single > #content",
    # Tailwind CSS Typography's class for HTML the page's author does not control (rendered Markdown): the post's
    # body in timlrx's tailwind-nextjs-starter-blog layouts and in HTMLy's default theme (tailwind, their port),
    # whose <article> also holds the date line, the author's card and the related posts
    "div.prose",
    # b2evolution's skins: the post's images and text (teaser, "more" anchor and the rest) in section.evo_post__full,
    # after its header (title, info line) and before its small print and its comments' section#feedbacks
    "section.evo_post__full",
    ".content",
    "article",
    "main",
)

# The element that holds a post's body and nothing else, as platforms and themes mark it: the specific ones of
# CONTENT_ROOTS, not the <article> or <main> around the title, date and byline (WordPress, schema.org microdata,
# h-entry, Jekyll's minima and most Hugo themes, Ghost, Blogger, Substack, Squarespace, Wix, Elementor).
POST_BODIES = CONTENT_ROOTS[: CONTENT_ROOTS.index(".content")]
POST_BODY_SELECTOR = ", ".join(POST_BODIES)  # the same, as one selector group

# Regions inside or around the post whose images and text are not the post's.
# WordPress's wp_link_pages(), the links to the pages of a split post: core's class, and the one its default
# themes and Underscores-based ones ask for; Twenty Ten's; Hueman's nav.pagination in its div.entry-inner, around
# wp_link_pages() (or WP-PageNavi's multipart links).
WORDPRESS_PAGE_LINKS = ".post-nav-links, .page-links, div.page-link, .entry-inner > nav.pagination"
# b2evolution's skins' links to the pages of a split post, "Pages: 1 · 2 · 3" under its text
SPLIT_POST_LINKS = (WORDPRESS_PAGE_LINKS, "p.evo_post_pagination")
# Hello Elementor's tag line, "Tagged <a rel=tag>…</a>", which its single template prints inside the post's
# content element (`div.page-content`), after the_content() and wp_link_pages(): the post's tags, not its text.
HELLO_ELEMENTOR_TAGS = ".page-content > div.post-tags"

# Serendipity's themes: the trackbacks' section after the entry ("Trackbacks", the trackback URL, each trackback
# an article.serendipity_comment, its excerpt in a <details> "Show preview"), apart from the comments' #comments:
# .serendipity_section_trackbacks in 2k11, Timeline, Clean Blog and default, section#trackbacks in Bootstrap 4,
# Skeleton and Next
SERENDIPITY_TRACKBACKS = (".serendipity_section_trackbacks", "section#trackbacks")
# Serendipity's Timeline theme: an entry's byline line above its body, the `p.post-info` of its section#entry, each
# part a span of its own — the words (POSTED_BY, ON: "Geschrieben von", " am"; "Posted by", " on") in span.sr-only,
# the name's link, the <time>, the comments' link: trafilatura dropped the name and the <time> and kept the rest,
# "Geschrieben von am 3 Kommentare", as the entry's first line, which no block of the page's chrome printed whole.
SERENDIPITY_CHROME = ("section#entry > p.post-info",)
# Comment threads and their forms, whichever platform printed them (the post's comments are read apart:
# crawler/extraction/comments.py), and the ones blogarchive put in the page from a comments source
# (FRAME_COMMENTS).
COMMENT_LISTS = (
    ".comment-list",
    ".commentlist",
    # Blocksy's ol.ct-comment-list, each comment's text in a .ct-comment-content.entry-content: a second
    # .entry-content beside the post's
    ".ct-comment-list",
    "ol.comments",
    ".comments-list",
    ".wp-block-comments",
    ".wp-block-comments-query-loop",
    ".wp-block-post-comments-form",
    "#pcs-comments",
    # Typepad's templates: the comment list (div#all-comments.comments, its "Comments" heading over the
    # .comments-content) and, apart from it, the comment form with its preview and captcha boxes (div#atp-comments:
    # "Post a comment", "The letters and numbers you entered did not match the image"), which no class above names
    "#all-comments",
    "#atp-comments",
    # b2evolution's skins: the comments' section#feedbacks ("2 comments", each an article.evo_comment) after the post
    "section#feedbacks",
    *SERENDIPITY_TRACKBACKS,
    f"[{FRAME_COMMENTS}]",
    # a response printed inside the post's h-entry as its microformats2 `comment` property (MF2_RESPONSES)
    ".h-entry.p-comment",
    ".h-cite.p-comment",
)

# A post's table of contents, generated from its headings (Hugo's .TableOfContents in PaperMod's and Congo's `.toc`
# <details>, kramdown's, WordPress's TOC plugins): navigation, not the post's text — its "Table of Contents"
# summary and its headings' names would stand in the text twice.
TABLES_OF_CONTENTS = (
    "#TableOfContents",
    ".post-toc",
    ".toc",
    "#toc",
    ".table-of-contents",
    "#markdown-toc",
    "#ez-toc-container",
    "#toc_container",
    ".wp-block-rank-math-toc-block",
    ".yoast-table-of-contents",
    ".lwptoc",
)
# WordPress's author-box plugins, which print their boxes inside the post's content: chrome to the text (NOT_POST,
# PLUGIN_CHROME), and read as author boxes (AUTHOR_BOXES names the box in each).
AUTHOR_BOX_PLUGINS = (
    ".pp-multiple-authors-boxes-wrapper",  # PublishPress Authors
    ".saboxplugin-wrap",  # Simple Author Box
    ".m-a-box",  # Molongui Authorship
    ".abh_box",  # Starbox, with a hidden tab of the author's latest posts
    ".wp-post-author-wrap",  # WP Post Author
    ".about-author-box",  # About Author Box
    "#author-bio-box",  # Author Bio Box
)
# WordPress's share-button and ad plugins, which print inside the post's content (before and after it, between its
# paragraphs): their labels ("Tweet Share Pin Share 0 Shares", "Advertisement: …") are no part of the post.
PLUGIN_SHARE_AND_ADS = (
    ".swp_social_panel",  # Social Warfare
    ".shared-counts-wrap",  # Shared Counts
    "div.code-block[class*='code-block-']",  # Ad Inserter's numbered blocks ("code-block code-block-2")
)
# Translation plugins' notice, printed in a post's `.entry-content` where the post has no text in the page's language:
# qTranslate-XT's "Sorry, this entry is only available in <a>Deutsch</a>." (`p.qtranxs-available-languages-message`,
# empty for a language it has no message for), alone or above the post's text in another language.
TRANSLATION_NOTICES = (".qtranxs-available-languages-message",)
# WordPress plugins' blocks in a post's `.entry-content`: Related Posts by Taxonomy's shortcode and block ("Related
# Posts" and links to other posts), kk Star Ratings' widget (its stars and legend, "4.2 / 5 ( 10 votes )") and
# WP-PostRatings' (`div.post-ratings`, its stars and "(3 votes, average: 4.33 out of 5)", then the "Loading…" it
# shows while a vote is sent, `div.post-ratings-loading`); Shortcodes Ultimate's controls, [su_expand]'s "Show
# more" and "Show less" links (`div.su-expand-link`) and [su_divider]'s "Go to top" (`div.su-divider`).
PLUGIN_POST_EXTRAS = (
    ".rpbt_shortcode",
    ".kk-star-ratings",
    ".post-ratings",
    ".post-ratings-loading",
    ".su-expand-link",
    ".su-divider",
    *TRANSLATION_NOTICES,
)
# What WordPress themes print into a post's `.entry-content` after the post: ThemeGrill's themes (Spacious, Ample,
# Accelerate …) append to the_content on a single post a hidden hAtom title, `div.extra-hatom-entry-title`, for
# rich snippets — the post's title as the last line of its text —, and Spacious prints the post's tags there too,
# "Tagged on: <a rel=tag>…</a>" in a `div.tags`.
THEME_POST_EXTRAS = (".extra-hatom-entry-title", ".entry-content > div.tags")
# Tumblr themes' {block:PostNotes}: the post's notes under it on its permalink page, an li.note for each like and
# reblog ("x liked this", "y reblogged this from z"), in an ol.notes — not a footnote list of that class.
TUMBLR_NOTES = ("ol.notes:has(> li.note.like)", "ol.notes:has(> li.note.reblog)")
# Medium's clap and response counts ("1.2K", "14"), the buttons' labels over and under the story: the bar's only
# words, which its icons and atomic classes leave as a line of the post's text.
MEDIUM_COUNTS = (".pw-multi-vote-count", ".pw-responses-count")
# Mezzanine's blog (Django): its post page prints the post's body with no element around it, beside the byline
# (`<h6 class="post-meta">Posted by: NAME 3 years ago</h6>`), its share links and, in the sidebar, the keyword
# cloud with each keyword's count — on every post, in its text.
MEZZANINE_CHROME = ("h6.post-meta", "a.btn.share-twitter", "a.btn.share-facebook", "ul.tag-cloud")
# Poole's Hyde and Lanyon (Jekyll's, ported to Hugo and Zola) print the post's date line as a bare span right after
# its title, `<h1 class="post-title">…</h1><span class="post-date">…</span>`, the post's first paragraph beside it
# with no element around the two: where a theme adds to the date a reading time and a link to the post's
# translation ("2021-04-10 | 5 min read | <a>Leer en español</a>"), trafilatura ran that into the first paragraph.
# Lanyon's sidebar is a drawer a checkbox opens, `<input class="sidebar-checkbox" id="sidebar-checkbox">` and then
# `<div class="sidebar" id="sidebar">` (the blog's bio, "Follow me", menu, copyright, "Powered by"), before the page's
# div.wrap, in each of its ports (Jekyll's, Hugo's, Zola's codinfox-lanyon): trafilatura added it to a short post's
# text, and a two-line Korean post came out English.
HYDE_CHROME = ("h1.post-title + span.post-date", "#sidebar-checkbox ~ .sidebar")
# Page builders' modules listing other posts, which a single post's layout puts under the post as its related posts
# (or its author puts in the post's own layout): on a single post (WordPress's body class `single`) only, for on a
# home page or an archive built with them they are the listing. Beaver Builder's Posts (grid, columns, feed,
# gallery), Posts Slider and Posts Carousel modules (a Beaver Themer singular layout's); Divi's Blog module, its list
# layout (.et_pb_posts) and its grid (.et_pb_blog_grid_wrapper), each post an article.et_pb_post; Elementor Pro's
# Posts widget (classic, cards, full content skins) and its Loop Grid and Loop Carousel widgets, each post an
# article.elementor-post or a div.e-loop-item. Content plugins' shortcodes for a list of posts alike: WP Show Posts'
# (`section.wp-show-posts`, each post an article.wp-show-posts-single) and Shortcodes Ultimate's [su_posts]
# (`div.su-posts`, each post a div.su-post).
BUILDER_POSTS_ON_A_POST = (
    "body.single .fl-module-post-grid",
    "body.single .fl-module-post-slider",
    "body.single .fl-module-post-carousel",
    "body.single .et_pb_posts",
    "body.single .et_pb_blog_grid_wrapper",
    "body.single .elementor-widget-posts",
    "body.single .elementor-widget-loop-grid",
    "body.single .elementor-widget-loop-carousel",
    "body.single .wp-show-posts",
    "body.single .su-posts",
)
# Jekyll's Chirpy up to its 6.x prints beside each post a bare `div#panel-wrapper` holding its "Recently Updated"
# (`#access-lastmod`) and "Trending Tags" (`#access-tags`, links to tag pages that are none of the post's), and under
# the post a `div#related-posts` ("Further Reading": three cards, each another post's title, date and excerpt);
# from 7.0 on the panel and the cards are <aside>s. The panel's blocks, not `#panel-wrapper`: other pages name
# their whole layout so.
CHIRPY_CHROME = ("#access-lastmod", "#access-tags", "#related-posts")
# Hexo's Stellar prints under a post its div.article-footer — the licence (`section#license`), share buttons with a
# WeChat QR code (`section#share`), the contributors of a wiki page (`section#contributors`) — and its previous and
# next posts in a `div.related-wrap#read-next` ("Newer" / "Older", each a title). Not the footer's
# `section#references`: the post's own list of sources, from its front matter.
# R's distill prints a post's front-matter `description` in its title block, under the <h1> and the categories
# (`div.d-title > p`), a summary that is no line of the post, and after the post its appendix (`div.appendix-bottom`:
# "Updates and corrections", "Reuse", "Citation" with a BibTeX entry): the post's text began with the one and ended
# with the other — and, its title block out, with the heading of the table of contents its `toc: true` prints at the
# top of the post's div.d-article (`h3.d-toc-header` over `nav.d-toc#TOC`).
DISTILL_CHROME = ("div.d-title > p", "div.appendix-bottom", "h3.d-toc-header", "nav.d-toc")
# vuepress-theme-reco 1.x prints a page's title block, div.page-title, above its content: the <h1>, a rule, and the
# page info — the author (i.reco-account), the date (i.reco-date), the tags (i.reco-tag), each an icon's <i> around
# its words: the page's text began with the author's name. The page info alone, its <i>s' own <div> (not the <h1>).
RECO_CHROME = tuple(f"div.page-title > div:has(> i.{name})" for name in ("reco-account", "reco-date", "reco-tag"))
STELLAR_CHROME = (
    ".article-footer > #license",
    ".article-footer > #share",
    ".article-footer > #contributors",
    ".related-wrap#read-next",
)
# AMP's components of a page's chrome, its own elements whatever the site: the push-notification subscription box
# (`amp-web-push-widget`: "Want More? … Would Like To Send You Push Notifications. Allow Notifications" ended an
# AMP story's text), the consent and cookie notices, the menu drawer.
# The page-view counters of busuanzi (不蒜子), the visit-count service Chinese blog themes build in (Hexo's NexT,
# Butterfly and Redefine, Hugo's Even and Jane …): its script fills `#busuanzi_value_page_pv` and shows
# `#busuanzi_container_page_pv` (site_pv, site_uv the same), where the page has a placeholder till then — Even's
# spinner image and "times read" in the post's meta line, which stood as the post's first image and line.
BUSUANZI_COUNTERS = ("[id^=busuanzi_]",)
AMP_CHROME = ("amp-web-push-widget", "amp-consent", "amp-user-notification", "amp-sidebar")
# b2evolution's widgets around a post's text in its skins' item containers: the info line under the title ("Posted
# by jay on Nov 30, 2026 in Background"), which a short post's text began with; the small print under it ("This
# entry was posted by Jay Parker and filed under Recipes. Tags: …") and the author's bio (AUTHOR_BOXES), which it
# ended with
B2EVO_CHROME = (".widget_core_item_info_line", ".widget_core_item_small_print", ".widget_core_item_about_author")
# The attribution a quote carries in a <footer> of its own <blockquote> (Kirby's quote block prints its citation so,
# as Bootstrap 3's blockquotes do): the quote's, not a footer of the page's chrome (NOT_POST's `footer`).
QUOTE_ATTRIBUTIONS = "blockquote > footer"
NOT_POST = ", ".join(
    (
        *AMP_CHROME,
        *BUSUANZI_COUNTERS,
        *B2EVO_CHROME,
        *TABLES_OF_CONTENTS,
        *MEZZANINE_CHROME,
        *SERENDIPITY_CHROME,
        *HYDE_CHROME,
        ".sharedaddy",
        *TUMBLR_NOTES,
        *MEDIUM_COUNTS,
        ".jp-relatedposts",
        ".related-posts",
        ".related",
        ".page__related",  # Jekyll's Minimal Mistakes: "You may also enjoy"
        *CHIRPY_CHROME,
        ".relatedPosts",  # Hexo's Butterfly: "Related Articles"
        ".related-articles",  # Tistory skins' <s_article_related> (the category's other posts), and other themes'
        "#aside-content",  # Hexo's Butterfly: its sidebar (author card, announcement, recent posts)
        ".yarpp-related",
        ".crp_related",
        ".post-related-articles",  # WordPress's Customizr: "You may also like", cards of other posts
        ".entry-related",  # WordPress's Kadence: "Similar Posts", a carousel of other posts' cards, their terms too
        ".wp-block-jetpack-related-posts",
        *BUILDER_POSTS_ON_A_POST,
        *PLUGIN_POST_EXTRAS,
        *THEME_POST_EXTRAS,
        ".share",
        ".sharing",
        ".social-share",
        ".share-buttons",
        ".addtoany_share_save_container",
        *PLUGIN_SHARE_AND_ADS,
        ".author-box",
        ".authorbox",  # Hugo's Mainroad: the site author's box under the post (partials/authorbox.html)
        ".about-author",
        ".author-bio",
        ".author-info",
        "#entry-author-info",  # WordPress's Twenty Ten
        "#author-info",  # WordPress's Twenty Eleven
        ".entry-author",
        ".ast-author-box",
        ".elementor-author-box",
        ".author-card",
        ".gh-author",
        ".author-profile",
        ".author-list",
        ".article-byline",
        ".byline",
        # Quarto's title block: the post's authors, affiliations, dates and DOI under its title (title-block.html's
        # div.quarto-title-meta), which trafilatura adds to a short post's text (a banner title block stands
        # outside the post's <main>)
        ".quarto-title-meta",
        ".post-author-box",
        ".comments-area",
        "#comments",
        "#respond",
        ".comment-respond",
        # Chyrp Lite's comments and comment form, an <article> (beside a short post taken for the post's container)
        "article.commentary",
        "form[action$='/comments/post/']",  # django-contrib-comments' form (comments/form.html), under its list
        # Minimal Mistakes' comments (Staticman's list and its form, "Leave a Comment", "Your email address will
        # not be published"), which Beautiful Jekyll and many Jekyll themes copy
        ".page__comments",
        ".newsletter",
        ".subscribe",
        ".subscription-widget",
        ".cookie",
        ".cookie-banner",
        "#cookie-notice",
        ".widget:not(.Blog)",
        "aside",
        "nav",
        "footer",
        ".footer",
        ".ad",
        ".ads",
        ".advert",
        ".advertisement",
        ".adsbygoogle",
        ".post-navigation",
        ".links-nextprev",  # Eleventy's base blog: the previous and next posts under the post
        ".ablog__prev-next",  # Sphinx's ABlog: the same
        # ABlog's sidebar widgets (recent posts, tags, archives), whatever the Sphinx theme — not its postcard, which
        # holds the post's own date, author, categories and tags
        ".ablog-sidebar-item:not(.ablog__postcard):not(.ablog__postcard2)",
        ".article__section-navigator",  # Jekyll's TeXt: the same
        ".license-wrapper",  # Jekyll's Chirpy: "This post is licensed under CC BY 4.0 by the author."
        # GitHub Pages themes' post layout (pages-themes/minimal, hacker): "tags: <em>a</em> - <em>b</em>" in a
        # <small> after the post, the last child of the page's content element
        ".wrapper > section > small:last-child",
        "#main_content > small:last-child",
        ".post-copyright",  # Hexo's NexT and Butterfly: the post's author, address and licence under it
        ".post-copyright-info",  # Hexo's Redefine: the same
        ".license-box",  # Hexo's Fluid: the same
        ".article-licensing",  # Hexo's Icarus: the same, the post's title in it
        "#reprint-statement",  # Hexo's Matery: the same ("reprint policy")
        ".license-container",  # Astro's Fuwari: the same
        # Astro's Mizuki: the card under the post saying when it was last modified (a script fills #modifiedtime) and
        # that "部分信息可能已经过时" (some of it may be out of date)
        ".card-base:has(#modifiedtime)",
        # Franklin.jl's page footer ("© Name. Last modified: June 22, 2023. Website built with Franklin.jl."), which
        # its templates print at the end of every page's div.franklin-content, the post's own element
        ".franklin-content > .page-foot",
        "#prenext-posts",  # Hexo's Matery: the previous and next posts' cards, with their terms and covers
        "#reward",  # Hexo's Matery: the donation QR codes
        ".post-reward",  # Hugo's FixIt: the same ("赞赏": Alipay's and WeChat's), in the post's div#content
        *STELLAR_CHROME,
        *DISTILL_CHROME,
        *RECO_CHROME,
        *SPLIT_POST_LINKS,
        ".nav-links",
        ".another_category",
        ".container_postbtn",
        ".item-pagination",
        ".pagination",  # a list's page links, or under a post its neighbours (Hugo Terminal's "Read other posts")
        "a[rel~=sponsored]",
        ".revenue_unit_wrap",
        ".adfit",
        *AUTHOR_BOX_PLUGINS,
        *COMMENT_LISTS,
    )
)

# A WordPress sidebar's widgets as dynamic_sidebar() prints them, `class="widget widget_<type>"` (widget_block,
# widget_search, widget_recent_entries …; not Blogger's `widget Blog`, which holds the posts): no part of a post, and
# a classic theme may print its sidebar inside the <main> that holds the post (Hemingway).
WORDPRESS_WIDGETS = ".widget[class*=' widget_']"

# Chrome that plugins and themes mark unambiguously (a subset of NOT_POST), comment threads among it: taken out
# of the page before trafilatura reads it, because trafilatura merges such a region's text into the post's last
# paragraph (Jetpack's "Teilen mit: Facebook …"), where no filter of its output can cut it. Generic names
# (`.share`, `aside`, `footer`, `.related`) are not here: themes use them around the post itself;
# crawler/extraction/body.py judges those after trafilatura has run.
PLUGIN_CHROME = ", ".join(
    (
        *AMP_CHROME,
        *BUSUANZI_COUNTERS,
        *TABLES_OF_CONTENTS,
        *MEZZANINE_CHROME,
        *SERENDIPITY_CHROME,
        *HYDE_CHROME,
        ".sharedaddy",
        *TUMBLR_NOTES,
        *MEDIUM_COUNTS,
        ".jp-relatedposts",
        ".yarpp-related",
        ".crp_related",
        ".post-related-articles",  # WordPress's Customizr: "You may also like", cards of other posts
        ".entry-related",  # WordPress's Kadence: "Similar Posts", a carousel of other posts' cards, their terms too
        ".wp-block-jetpack-related-posts",
        *BUILDER_POSTS_ON_A_POST,
        *PLUGIN_POST_EXTRAS,
        *THEME_POST_EXTRAS,
        ".addtoany_share_save_container",
        *PLUGIN_SHARE_AND_ADS,
        ".social-share",
        ".share-buttons",
        ".related-posts",
        ".page__related",
        "#related-posts",
        ".author-box",
        ".about-author",
        ".author-bio",  # WordPress's Twenty Twenty-One and many themes: the author's box under the post
        ".ast-author-box",
        ".elementor-author-box",
        ".gh-author",
        ".post-author-box",
        *AUTHOR_BOX_PLUGINS,
        ".comments-area",
        "#comments",
        "#respond",
        ".comment-respond",
        ".page__comments",
        ".subscription-widget",
        "#cookie-notice",
        ".cookie-banner",
        ".adsbygoogle",
        ".post-navigation",
        ".links-nextprev",
        ".ablog__prev-next",
        ".article__section-navigator",
        ".wrapper > section > small:last-child",  # trafilatura keeps this <small>'s text as bare text, no block
        "#main_content > small:last-child",
        ".post-copyright",
        ".license-box",
        ".article-licensing",
        "#reprint-statement",
        ".license-container",
        ".card-base:has(#modifiedtime)",
        ".franklin-content > .page-foot",
        "#prenext-posts",
        "#reward",
        ".post-reward",
        *STELLAR_CHROME,
        *DISTILL_CHROME,
        *RECO_CHROME,
        *SPLIT_POST_LINKS,
        ".another_category",
        ".container_postbtn",
        ".revenue_unit_wrap",
        ".adfit",
        *COMMENT_LISTS,
    )
)


# A class matching this marks an image as chrome: avatars (Ghost's author-profile-image, an h-card's photo of the
# author), emoji, logos, icons, ads ("download-button" is fine).
IMAGE_EXCLUDED_CLASS = (
    r"avatar|emoji|logo|icon|gravatar|wp-smiley|sponsor|advert|^ads?(?:[-_]|$)|[-_]ads?(?:[-_]|$)"
    r"|profile-image|author-image|^h-card$|^u-author$"
)
# The post's author as schema.org microdata (a Person, itemprop=author): a picture inside is the author's (Hexo's
# Volantis prints the author's avatar beside the name in the post's header), as an h-card's photo is.
AUTHOR_PICTURE_HOLDERS = "[itemprop~=author]"
IMAGE_EXCLUDED_SRC = ("gravatar.com", "/emoji/", "s.w.org/images/core/emoji", "/ads/", "doubleclick")
# A tracking pixel's or a layout spacer's address: the word alone in a host's, folder's or file's name
# (pixel.wp.com, /lazyload-pixel/, tracking_pixel.gif, /spacer.gif) — not inside a longer word of a photo's name
# (pixelplatten.jpg, a Hackerspace's LED ceiling, was dropped as a tracker; pixelio, shortpixel, gigapixel)
IMAGE_EXCLUDED_NAME = r"(?<![a-z0-9])(?:pixel|spacer)(?![a-z0-9])"

# Share buttons (images only: their icons are never the post's, but these regions are not NOT_POST chrome, whose
# text the body keeps out too). With a link to a share endpoint (crawler/extraction/images.py), these cover icons
# whose link is a script or a profile.
SHARE_BUTTONS = ", ".join(
    (
        ".social",
        ".social-icons",
        ".social-buttons",
        ".social-links",
        ".share-links",
        ".sharing-buttons",
        ".share-bar",
        ".post-share",
        ".entry-share",
        ".addthis_toolbox",
        ".a2a_kit",
        ".shariff",
        ".heateor_sss_sharing_container",
        ".ssba",
        ".essb_links",
        ".swp_social_panel",
        ".pin-it-btn-wrapper",
    )
)
# An image class naming a network's share or follow button ("share-facebook", "pinit-button"). Not "share"
# alone: news sites mark their shareable photos "img-share".
SHARE_ICON_CLASS = (
    r"(?=.*(?:facebook|twitter|pinterest|pin-?it|linkedin|whatsapp|reddit|tumblr|xing|telegram))"
    r"(?=.*(?:share|sharing|social|button|btn|follow))"
)
# A share icon's file: in a share widget's asset folder, or named after a network (facebook_62.png, pin-it.svg,
# twitter-white.png, dummy_facebook.png). Tested only on images not sized larger than an icon: a post's own
# picture of Facebook (facebook-1024.jpg, width 1024) is not a button.
SHARE_ICON_SRC = (
    r"/(?:pidgets|share-?buttons?|social-?icons?|socials?|socialmedia|sharing)/"
    r"|/(?:dummy[-_]|icon[-_](?:logo[-_])?)?"
    r"(?:facebook|fb|twitter|pinterest|pin[-_]?it\w*|linkedin|whatsapp|reddit|tumblr|xing|telegram|e?-?mail|share)"
    r"(?:[-_](?:\d+|icon|btn|button|share|colou?r|col|white|black|gr[ae]y|dark|light|hover|round|circle|square"
    r"|small|large|red|blue))*\.(?:png|svg|gif|webp|jpe?g)(?:$|\?)"
)

# The post's featured image where a theme prints it outside the post's body and outside any <article> (WordPress's
# block themes: the post-featured-image block; classic themes' .post-thumbnail; Anders Norén's Hemingway, a
# div.post with no <article>, in the .featured-media of the post's .post-header above the title — not any
# .featured-media: a news theme's post_class() names the whole entry so), and the lists of other posts whose
# featured images are not the post's (the query loop's post template).
FEATURED_IMAGES = ".wp-block-post-featured-image img, .post-thumbnail img, .post-header > .featured-media img"
# WordPress core's class of every featured image it prints (the_post_thumbnail()), which classic themes may put
# outside the post's <article> too: Twenty Seventeen's .single-featured-image-header, Twenty Nineteen's
# .site-featured-image in the site's header.
POST_THUMBNAILS = "img.wp-post-image"
OTHER_POSTS = ".wp-block-post-template, .wp-block-query"

# Where a caption sits relative to an image: (container selector, caption selector inside it).
CAPTION_CONTAINERS = (
    ("figure", "figcaption"),
    (".wp-caption", ".wp-caption-text"),
    # WordPress's [gallery] where the theme declares no HTML5 galleries: a dl.gallery-item per picture, the picture in
    # its dt.gallery-icon, the caption its dd.wp-caption-text.gallery-caption (HTML5's is a figure and figcaption)
    ("dl.gallery-item", "dd.gallery-caption"),
    # Jetpack's tiled gallery (WordPress.com, and WordPress with Jetpack: `[gallery type="rectangular"]` and its
    # square, circle and columns layouts): a div.tiled-gallery-item per picture, its caption a div.tiled-gallery-caption
    # after the picture's link, laid over the picture
    (".tiled-gallery-item", ".tiled-gallery-caption"),
    ("table.tr-caption-container", ".tr-caption"),
    ("table.img", "caption"),  # ikiwiki's img directive with a caption
    ("div.figure", "p.caption"),  # docutils' figure directive (html4css1): Pelican's reST posts, Sphinx's HTML 4
    # Serendipity's media library, an image inserted with a comment by its default editor (serendipity_editor.js):
    # div.serendipity_imageComment_{left,right,center}, the picture in its div.serendipity_imageComment_img and the
    # comment its div.serendipity_imageComment_txt (2k11's editor writes a <figure> and <figcaption> of those classes)
    (
        ".serendipity_imageComment_left, .serendipity_imageComment_right, .serendipity_imageComment_center",
        ".serendipity_imageComment_txt",
    ),
    (".image-block-wrapper, .sqs-block-image, .image-block", ".image-caption, .image-caption-wrapper"),
    (".captioned-image-container", ".image-caption, figcaption"),
    (".photo-wrapper, .npf_image", ".caption"),
    ("[data-hook=imageViewer], .image-viewer", "[data-hook=imageViewerCaption], .image-caption"),
    # Tistory's old editor: span.imageblock and its span.cap1; in div.imageblock dual/triple a table cell per
    # picture, its caption the cell's p.cap1 (the editor's own class: the cell is tested alone, not the div)
    ("span.imageblock", ".cap1"),
    ("td:has(> p.cap1)", "p.cap1"),
    # Naver Blog's SmartEditor ONE: an image component's section holds the picture's module and its caption's text
    # module, div.se-module-text.se-caption (se- classes are the editor's own)
    (".se-section-image", ".se-caption"),
    # Kakao Brunch's editor: an image item's picture and its caption, span.text_caption, in div.wrap_img_float
    (".wrap_img_float", ".text_caption"),
    # Weebly's image element: div.wsite-image, the picture (in its link) and its caption an unclassed <div> after it
    (".wsite-image", ".wsite-image > div"),
    # Squarespace 7.0's gallery block: a div.slide per picture, its title (div.image-slide-title) the picture's
    # caption (the container is tested alone: its own selector, not the gallery block's)
    (".slide:has(.image-slide-title)", ".image-slide-title"),
)

# A platform's menu of every category of the blog, printed beside each post: never the post's own categories, which
# trafilatura's reading of the page takes where the post names none. Serendipity's Categories sidebar plugin (each
# category a link to /categories/N-Name beside the link to its feed, no count of entries).
CATEGORY_MENUS = ".serendipity_plugin_categories"

# Author boxes of common themes: the box, then its parts inside it.
AUTHOR_BOXES = (
    ".author-box, .about-author, .author-bio, #author-bio, .entry-author, .ast-author-box, .ast-single-author-box,"
    " .elementor-author-box,"
    " .author-card, .gh-author-card, .author-profile, .post-author-box, .author-info, .saboxplugin-wrap,"
    " .profile-hover-card, .author-block, .pp-multiple-authors-boxes-li,"
    # Molongui Authorship: one profile per author of a post with several, else its box's container
    " .m-a-box-profile-multiauthor, .m-a-box[data-multiauthor=false] .m-a-box-container,"
    # Starbox, WP Post Author, About Author Box, Author Bio Box
    " .abh_box, .wp-post-author, .about-author-box, #author-bio-box,"
    " [itemtype$='schema.org/Person'],"
    # Ghost (Source, Casper, Headline …), Blogger and WordPress themes' .post-author, Wix, Medium, Substack.
    # (Not Blogger's sidebar Profile widget: it describes the blog's owner, not the post's author.)
    " .gh-author, .gh-author-box, .gh-article-author, .post-author, .post-author-profile,"
    " [data-hook*=author], .pw-author, .author-bio-card,"
    # WordPress's post-author block; h-card authors (microformats2); MkDocs Material's blog author profile.
    " .wp-block-post-author, .p-author.h-card, .md-post__profile,"
    # WordPress's Twenty Ten and Twenty Eleven: ids, not classes ("About Jane" in an <h2>, then the bio as text)
    " #entry-author-info, #author-info,"
    # PluXml's default theme: the author's bio alone under the post (plxShow::authorInfo), the name in the byline
    " .author-infos,"
    # Hugo's Mainroad: div.authorbox under the post, the bio as bare text in div.authorbox__description
    " .authorbox,"
    # b2evolution's "about the author" widget under the post: the avatar, the bio (.evo_author_display_field)
    " .widget_core_item_about_author,"
    # gatsby-starter-bee (and the Korean blogs forked from it): its Bio under every post, div.bio > div.author,
    # "Written by" then the author's name in a.author-name-content, the introduction in div.author-introduction
    " .bio > .author:has(.author-name-content)"
)
# A card of the post's own beside it, in a sidebar: its date, author, categories and tags (Sphinx's ABlog, whatever
# the theme; `.ablog__postcard2` inside it; MkDocs Material's blog post sidebar, its metadata list: the dates, "in"
# and the post's categories, the reading time)
POST_CARDS = ".ablog__postcard, .md-sidebar--post .md-post__meta"
# Tried in this order (most specific first), each over the whole box.
AUTHOR_NAME = (
    ".author-name-content",  # gatsby-starter-bee's Bio: "@name" after the span "Written by", in div.author-name
    ".author-name",
    ".pp-author-boxes-name",
    ".elementor-author-box__name",
    ".ast-author-name",
    ".saboxplugin-authorname",
    ".author-card-name",
    ".gh-author-name",
    ".profile-name-link",
    ".post-author-name",
    ".g-profile",
    "[data-hook*=author-name]",
    ".pw-author-name",
    "[data-testid=authorName]",
    ".wp-block-post-author__name",
    ".wp-block-post-author-name",
    ".p-name",
    ".md-profile__description strong",
    "[itemprop=name]",
    ".fn",
    ".author-title",
    "a[rel~=author]",
    "h2, h3, h4, h5",
    "strong",
)
AUTHOR_BIO = (
    ".author-description",
    ".evo_author_display_field",  # b2evolution
    "#author-description",  # WordPress's Twenty Ten and Eleven: the bio a bare text after the <h2>
    ".author-bio-description",  # OceanWP
    ".author-bio-text",
    ".elementor-author-box__bio",
    ".ast-author-bio",
    ".author-card-bio",
    ".post-author-desc",
    ".pp-author-boxes-description",
    ".gh-author-bio",
    ".profile-textblock",
    ".post-author-bio",
    "[data-hook*=author-bio]",
    ".pw-author-bio",
    ".wp-block-post-author__bio",
    ".wp-block-post-author-biography",
    ".author-profile-bio",
    ".p-note",
    ".md-profile__description",
    ".archive-description",
    ".taxonomy-description",
    ".page-description",  # the same, as Blocksy prints the_archive_description()
    ".author-info",  # GeneratePress's author page: the bio under the heading, as text of its own
    "[itemprop=description]",
    ".saboxplugin-desc",
    ".authorbox__description",  # Hugo's Mainroad (partials/authorbox.html): the site author's bio as bare text
    ".description",
    ".bio",
    "p",
)
# An author page's heading, which names the person ("Author: Jane", "Posts by Jane"), most specific first: WordPress
# (.page-title, block themes' query-title), Ghost (Casper's .author-profile-name, Source's .gh-author-name), themes'
# .author-title, an h-card's name. Not any <h1>: block themes print the site's title as one.
AUTHOR_PAGE_TITLES = (
    ".author-profile-name",
    ".gh-author-name",
    "h1.page-title",
    ".wp-block-query-title",
    "h1.author-title",
    "h1.p-name",
    ".archive-title",
    ".page-header h1.entry-title",  # WordPress's Hello Elementor
    "article.authorpage h1",  # Nikola's author.tmpl: "Posts by Jane", her AUTHOR_PAGES_DESCRIPTIONS after it
    "h1 .vcard",  # WordPress's own archive title, "Author: <span class="vcard">Jane</span>", in a theme's bare <h1>
)
# Box headings that are not a name ("About the author" and its translations).
BOX_HEADINGS = (
    "about the author",
    "about the authors",
    "about",
    "über den autor",
    "über die autorin",
    "über den autoren",
    "글쓴이 소개",
    "작성자 소개",
    "저자 소개",
    "à propos de l'auteur",
    "sobre el autor",
    "l'autore",
    "over de auteur",
    "著者について",
    "written by",
    "zur person",
)

# microformats2: a response the post received, as IndieWeb sites print the webmentions they collect (Eleventy's,
# Jekyll's and Hugo's webmention templates, WordPress's Semantic Linkbacks) — an h-entry's `comment` property
# (`p-comment h-cite`, `p-comment h-entry`), or an h-cite naming its author (`p-author h-card`) and holding its
# content (`p-content`, `e-content` or `p-summary`); not an h-cite of what the post itself answers, likes, reposts,
# bookmarks or quotes (`u-in-reply-to` …), nor a like or repost received (`p-like`, `p-repost`), which has no
# content of its own (a facepile of h-cards); an h-cite inside the post's text is a quotation (comments.py)
_MF2_CITE = (
    ".h-cite:not(.u-in-reply-to):not(.u-like-of):not(.u-repost-of):not(.u-bookmark-of):not(.u-quotation-of)"
    ":not(.p-like):not(.p-repost):has(.p-author)"
)
MF2_RESPONSES = ", ".join(
    (
        ".h-cite.p-comment",
        ".h-entry.p-comment",
        *(f"{_MF2_CITE}:has({c})" for c in (".p-content", ".e-content", ".p-summary")),
    )
)


class CommentMarkup(NamedTuple):
    """How a theme prints a comment: its element, and in it the commenter's name, the commenter's site where it is
    linked apart from the name, the text, and the date line where no <time datetime> states the time (None: what the
    generic tables find, COMMENT_AUTHOR … below)."""

    item: str
    author: str | None = None
    author_url: str | None = None
    text: str | None = None
    date_line: str | None = None


# Serendipity's bundled themes, a comment and a trackback as their comments.tpl and trackbacks.tpl print them (a theme
# without its own, Competition's and Contest's comments, Bulletproof's trackbacks, prints 2k11's); a reply after its
# parent, its level in a class (`commentlevel-1`, `commentlevel_1`) or in the thread's number its permalink prints
# (default's and Bulletproof's "#2.1": SERENDIPITY_TRACE), Timeline's and Clean Blog's inside its parent's <li>. The
# commenter is named in the heading's words before the <time> where no element holds the name ("Kim am <time>:",
# comments._named_beside_the_time); the default theme links the name to the commenter's e-mail, the site apart.
SERENDIPITY_COMMENTS = (
    # 2k11: "<h4>Name am <time>:</h4>", div.serendipity_commentBody; a trackback's blog in the <cite> of its <h4>
    CommentMarkup("article.serendipity_comment", text=".serendipity_commentBody"),
    # Timeline, Clean Blog: li#comment-N.comment-list-item, the name its span.comment-author-details
    CommentMarkup(
        ".serendipity_comments li.comment-list-item", author=".comment-author-details", text=".comment-content"
    ),
    # Bootstrap 4: li#cN.comment.commentlevel_N, the name and the <time> each a li of its ul.comment_info
    CommentMarkup(
        "li.comment[class*='commentlevel_']",
        author="li.comment[class*='commentlevel_'] > ul.comment_info > li:first-child",
        text="li.comment[class*='commentlevel_'] > .comment_content",
    ),
    # Skeleton: article#cN.comment.commentlevel_N, "<h4>Name am <time>:</h4>", div.comment_content
    CommentMarkup(
        "article.comment[class*='commentlevel_']", text="article.comment[class*='commentlevel_'] > .comment_content"
    ),
    # Next: article#cN.comment.commentlevel-N, "<h4>Name am <time>:</h4>" in its header, the text an unnamed div
    CommentMarkup(
        "article.comment[class*='commentlevel-']", text="article.comment[class*='commentlevel-'] > div.clearfix"
    ),
    # default, Bulletproof: a#cN, then div#serendipity_comment_N.serendipity_comment, its div.serendipity_comment_source
    # "#2.1 <span class=comment_source_author>Name</span> (<a class=comment_source_url>Homepage</a>) am <span
    # class=comment_source_date>07.12.2026 19:09</span>" (DATE_FORMAT_SHORT); a trackback's a#cN inside its div
    CommentMarkup(
        "div.serendipity_comment",
        author=".serendipity_comment_source > .comment_source_author",
        author_url=".serendipity_comment_source > a.comment_source_url",
        text=".serendipity_commentBody",
        date_line=".serendipity_comment_source > .comment_source_date",
    ),
    # Bootstrap 4's and Skeleton's trackbacks: li#cN.trackback, the sending post's linked title and the <time>
    CommentMarkup("section#trackbacks li.trackback", text="li.trackback[id^='c'] > a:first-child"),
    # Next's trackbacks: article#cN.trackback, as 2k11's, the excerpt in a div of its <details>
    CommentMarkup("section#trackbacks article.trackback", text="article.trackback > details > div"),
)
# The thread's number of a comment that default's and Bulletproof's comment permalink prints, "#2.1" the first reply
# to the second comment (Timeline's and Clean Blog's too, beside their nesting)
SERENDIPITY_TRACE = ".serendipity_comment_source > a.comment_source_trace"


# Threaded replies are matched too (WordPress nests them in `ol.children`, its comment block in a plain `ol`):
# crawler/extraction/comments.py tells a reply from its parent by the nesting.
COMMENT_ITEMS = (
    "ol.comment-list > li, ol.commentlist > li, ol.comment-list li.comment, ol.commentlist li.comment,"
    " ol.comment-list li.pingback, ol.comment-list li.trackback, .wp-block-comment-template li.comment,"
    # … and outside the template's list: past the thread's depth limit a block theme closes more <li>s than it
    # opened, and lxml's parser ends the list there, so the comments after it stand in the comments block alone
    " .wp-block-comments li.comment,"
    " .comment-list > .comment, .comments-list > .comment,"
    # WordPress's comment_class() and the ids its comment callbacks give, in whatever list a theme prints them
    # (Astra's ol.ast-comment-list), or as <div>s with wp_list_comments(style=div) (Twenty Twenty)
    " li.comment[id^='comment-'], li.comment[id^='li-comment-'], div.comment[id^='comment-'],"
    # OceanWP's callback (oceanwp_comment): li#comment-N.comment-container, comment_class() on the <article> in it,
    # each reply's <li> in the ol.children of its parent's
    " li.comment-container[id^='comment-'],"
    " .comment-thread li.comment, .tt-item-reply, [itemtype$='schema.org/Comment'], .comment-block, .static-comment,"
    # What comment embeds insert into the page once a browser has run them: Isso, Commento; and the thread of
    # Disqus's embed app, which the renderer takes from Disqus's frame (its replies in `ul.children`).
    " .isso-comment, .commento-card, #post-list li.post,"
    # wpDiscuz, WordPress's comment plugin: a div per comment, each reply inside its parent's
    " div.wpd-comment,"
    # Serendipity's themes (SERENDIPITY_COMMENTS)
    " " + ", ".join(theme.item for theme in SERENDIPITY_COMMENTS) + ","
    # django-contrib-comments' default comments/list.html (Puput, many Django blogs): a <dt id="cN"> with the date
    # and the name, the text in the <dd> after it
    " dl#comments > dt[id^='c'],"
    # Blogger's classic comment list (the Designer templates' non-threaded comments, layout templates before 2011):
    # <dl id="comments-block">, a dt.comment-author "<a>Name</a> said..." per comment, its text the dd.comment-body
    # after it, its permalink the dd.comment-footer's; the classic (pre-layout) templates' dt.comment-poster alike
    " dl#comments-block > dt.comment-author, dl#comments-block > dt.comment-poster,"
    # Chyrp Lite's themes: li#comment_N in ol.comments; FlatPress's (Leggero and the themes built on it):
    # li#commentYYMMDD-HHMMSS in ol#comments; PluXml's: div#cART-N.comment with its thread's level-N
    " ol.comments > li[id^='comment_'], ol#comments > li[id^='comment'], div.comment[id^='c'][class*='level-'],"
    # ikiwiki's comments plugin: div.comment#comment-MD5, with its html5 option an <article> right in its
    # section#comments (Drupal's article.comment#comment-N sits deeper, in its theme's wrappers)
    " #comments > article.comment[id^='comment-'],"
    # chronicle's stock themes (comment-loop.inc): each comment a div.entry like the post's own, all in the
    # <blockquote> after the "Comments On This Entry" heading
    " h3 + blockquote > div.entry,"
    # Tistory's skins (<s_rp_rep>, the skin guide's comment.md): li#[##_rp_rep_id_##] ("comment" and its number)
    # around a div classed [##_rp_rep_class_##] (rp_general, rp_admin …), the replies (<s_rp2_rep>) in a list in it
    " li[id^='comment']:has(> div[class^='rp_']),"
    # Velog (velog-client's PostCommentItem): a div.comment, its other classes styled-components' hashes, whose
    # head holds div.profile with the avatar and div.comment-info (the commenter's .username, the .date)
    " div.comment:has(> div > div.profile > div.comment-info),"
    # Weebly's blog: a div.blogCommentWrap per comment in div#commentArea, its heading's div.blogCommentAuthor (a
    # link a.name where the commenter gave a site) and div.blogCommentDate, its div.blogCommentText; the replies
    # after their parent, each wrap's blogCommentLevelN its depth (comments.py)
    " #commentArea .blogCommentWrap,"
    # Emlog's default theme (blog_comments): a div.comment whose id is the comment's number, its div.comment-infos
    # holding the name in a <b>, the .comment-time and the .comment-content; each reply a div.comment-children
    # inside its parent's
    " div.comment[id]:has(> div.comment-infos > div.comment-content),"
    # Rhymix's board skins (default, xedition): li#comment_N.fbItem, the commenter in its div.fbMeta's h3.author,
    # the time its p.time ("2024.01.11 09:30"), the text the core's div.xe_content (comment_N_M); a reply after
    # its parent, classed `indent indentN` (comments.py)
    " li.fbItem[id^='comment_'],"
    # Z-BlogPHP's themes (template/comment.php): the comment's element is ul.msg#cmtN in its default theme and
    # WhitePage — li.msgname with the name's span.commentname and "发布于 <time as text>" in a <small>, li.msgarticle
    # with the text —, blockquote.cmt#cmtN in Zit (the name in its <cite>, the text its <q>); each reply inside its
    # parent's text
    " ul.msg[id^='cmt'], blockquote.cmt[id^='cmt'],"
    # Movable Type's trackbacks (its templates' trackbacks.mtml, MT 4 to 9): div.trackback#ping-N in
    # div.trackbacks-content, the pinging post's title, blog and time in its .asset-meta, the excerpt in its
    # .trackback-content (crawler/extraction/comments.py: _trackback), as WordPress's li.pingback above
    # Gnuboard's board skins (view_comment.skin.php): article#c_N in section#bo_vc, the commenter in its header's
    # span.member or span.guest (span.sv_member, sv_guest with the site's side view), its <time datetime>, the text
    # div.cmt_contents; a reply after its parent, indented by an inline margin-left (comments.py)
    # b2evolution's skins (_item_comment.inc.php): article.evo_comment#comment_N, the commenter in its
    # h4.evo_comment_title ("Comment from: <a href=site><span class=user>Name</span></a>"), the text its
    # div.evo_comment_text, the time its footer.evo_comment_footer's ("11/04/24 @ 08:12 am": comments.py)
    " div.trackback[id^='ping-'], section#bo_vc > article[id^='c_'], article.evo_comment[id^='comment_'], "
    # Drupal 7 and Backdrop (comment_view's prefix): an empty a#comment-N right before each comment's element
    # (Bartik's div.comment, Basis's article.comment), each reply in the div.indented after its parent's
    " a[id^='comment-']:empty + .comment," + MF2_RESPONSES
)
# The commenter's site where a theme links it apart from the name (Serendipity's default theme: "(<a>Homepage</a>)")
COMMENT_AUTHOR_URLS = tuple(theme.author_url for theme in SERENDIPITY_COMMENTS if theme.author_url)
# Tried in this order inside one comment (most specific first).
COMMENT_AUTHOR = (
    ".comment-author .fn",
    ".wpd-comment-author",
    ".wp-block-comment-author-name",
    ".comment-author-name",
    ".comment-author [itemprop=name]",
    ".tt-link-user",
    "cite.user",
    ".comment-author",
    "[itemprop=author]",
    "[class$='-comment-author']",  # a theme's prefixed name for it (Blocksy's h4.ct-comment-author)
    ".media-heading",  # Bootstrap's media object (Hestia): the name, the date in a <small> beside it
    ".comment-name",
    *(theme.author for theme in SERENDIPITY_COMMENTS if theme.author),
    ".commenter-name",  # Substack: the commenter's link in the comment's table.comment-content, over its .comment-body
    ".isso-author",
    ".commento-name",
    ".post-byline .author",
    # Chyrp Lite: "<a>Name</a> said:" in a heading over the text (Blossom, Sparrow) or first in it (Topaz)
    "li[id^='comment_'] > h3, li[id^='comment_'] > .comment > h4:first-child",
    ".comment-header > .author",  # ikiwiki: "Comment by <span class=author>Name</span> — <time>"
    "div.entry > div.title",  # chronicle: the commenter's name where the post's div.entry has its title
    "li[id^='comment'] > div[class^='rp_'] > .name",  # Tistory's skins: [##_rp_rep_name_##]
    ".profile > .comment-info > .username",  # Velog
    ".blogCommentAuthor",  # Weebly
    "div.comment[id] > .comment-infos > b",  # Emlog's default theme
    "li.fbItem > .fbMeta > .author",  # Rhymix's board skins
    "ul.msg > li.msgname .commentname, blockquote.cmt > cite > b",  # Z-BlogPHP's default theme, WhitePage; Zit
    ".comment__header .js-comment-username",  # Forem (dev.to): in the link to the commenter's profile
    # Gnuboard's board skins (the mobile ones in a div.comment_inner, no div.cm_wrap)
    "article[id^='c_'] header > .member, article[id^='c_'] header > .guest,"
    " article[id^='c_'] header .sv_member, article[id^='c_'] header .sv_guest",
    ".evo_comment_title .user",  # b2evolution: a visitor's name, a member's login
    # Drupal (6, 7) and Backdrop: theme_username()'s element in the comment's submitted line ("par <span
    # class=username>JPA</span> le 7 mai 2020 - 12:38."; Bartik's and Basis's in its p.commenter-name)
    ".submitted .username",
    ".p-author .p-name",  # microformats2: the name in the response's author h-card …
    ".p-author",  # … or the h-card itself, its name its text
    "cite",
)
COMMENT_TEXT = (
    ".comment-content",
    ".field-name-comment-body",  # Drupal 7 and Backdrop: the comment's body field, under its subject and time
    "div.xe_content[class^='comment_']",  # Rhymix and XpressEngine: the core's element for a comment's text
    ".wpd-comment-text",
    *dict.fromkeys(theme.text for theme in SERENDIPITY_COMMENTS if theme.text),
    ".wp-block-comment-content",
    "[itemprop=text]",
    ".tt-wrap-desc",
    ".comment-text",
    ".comment-body > p",
    ".isso-text",
    ".commento-body",
    ".post-message",
    ".content_com",  # PluXml
    "li[id^='comment_'] > section.comment",  # Chyrp Lite, its commenter's heading in it in Topaz
    ".comment > .inlinecontent",  # ikiwiki: a one-paragraph comment's text with no <p>
    "div.entry > div.body",  # chronicle: the text as the visitor typed it, no <p>
    ".atom-one",  # Velog: the comment's Markdown as its MarkdownRender prints it (its code theme's class)
    ".blogCommentText",  # Weebly
    ".comment__body",  # Forem (dev.to): the comment's processed Markdown, its paragraphs, lists and code
    ".evo_comment_text",  # b2evolution
    "ul.msg > li.msgarticle, blockquote.cmt > q",  # Z-BlogPHP's default theme, WhitePage; Zit
    "article[id^='c_'] .cmt_contents",  # Gnuboard's board skins
    ".p-content, .e-content, .p-summary",  # microformats2: a response's content (an h-cite's, an h-entry's)
    "p",
)
# A comment's time where no <time datetime> states it, and the format it is printed in: Disqus's relative-time link
# ("3 years ago") holds it in its title as moment.js's English "LLLL" prints it ("Monday, September 23, 2013 5:49
# AM"), in the reader's time zone (the renderer's browser runs in UTC). A title in another language is kept as
# printed.
COMMENT_TIME_TITLES = (
    ("a.time-ago[title]", "%A, %B %d, %Y %I:%M %p"),
    # wpDiscuz prints "2 years ago" and the time in WordPress's default formats ("F j, Y g:i a") in the title
    (".wpd-comment-date[title]", "%B %d, %Y %I:%M %p"),
    # hAtom's datetime design pattern, `<abbr class="published" title="2024-03-16T09:05:00+09:00">March 16, 2024
    # 9:05 AM</abbr>`: Movable Type's Classic Blog templates (MT 4 to 6) print each comment's time so, in its
    # div.comment-header, the day alone in words
    ("abbr.published[title]", "%Y-%m-%dT%H:%M:%S%z"),
)
# A comment's date printed as words only, no <time>: its date element, else the permalink WordPress's walkers print
# the date in (`<a href="…#comment-4">November 5, 2024 / 4:21 pm</a>`).
COMMENT_DATE_TEXT = (
    ".comment-date",
    ".comment-date-time",  # ColorMag
    ".comment_date",  # Divi's "on <date> at <time>" in the site's language ("am 9. Juni 2017 um 13:22"); other themes'
    *(theme.date_line for theme in SERENDIPITY_COMMENTS if theme.date_line),
    ".comment-time",  # Drupal 7's Bartik and Backdrop's Basis, in the site's medium format: "Sat, 04/05/2024 - 9:12am"
    ".media-heading small",  # Bootstrap's media object, as Hestia prints a comment: the name, then the date
    ".comment-metadata a",
    # WordPress's classic themes (Kubrick's `small.commentmetadata`, many of its children's `div`): the permalink
    # with the date and time, or the bare line where a theme prints no link
    ".commentmetadata",
    ".comment > .submitted",  # Drupal 6's comment.tpl.php: "Submitted by <span class=username>…</span> on <date>"
    ".blogCommentDate",  # Weebly
    "li.fbItem > .fbMeta > .time",  # Rhymix's board skins: "2024.01.11 09:30", read as Tistory's
    ".comment-header > .date",  # ikiwiki, in the setup's timeformat (its subject links the comment, not the date)
    "div.entry > div.date",  # chronicle: "Submitted at 12:00:00 on 03 May 2024"
    "li[id^='comment'] > div[class^='rp_'] > .date",  # Tistory's skins: [##_rp_rep_date_##], "2016.07.25 09:13"
    ".profile > .comment-info > .date",  # Velog: "2023년 5월 4일" (a recent one "3일 전": no date)
    # Z-BlogPHP's default theme, WhitePage ("发布于 2024-01-11 09:30:00", the reply link after it); Zit
    "ul.msg > li.msgname small, blockquote.cmt > cite > small",
    "a[href*='#comment-']",
    ".asset-meta > a[href^='#ping-']",  # Movable Type's trackback: its time, in the blog's date format
)


# The post's own title, as themes mark it: hAtom/WordPress (.entry-title, the block themes' .wp-block-post-title),
# most Hugo, Jekyll, Hexo, Blogger and Substack themes (.post-title), h-entry (.p-name), schema.org microdata
# (itemprop headline), Ghost (.article-title, .post-full-title, .gh-article-title), Wix (data-hook=post-title).
POST_TITLES = ", ".join(
    (
        ".entry-title",
        ".wp-block-post-title",
        ".post-title",
        "h1.p-name",
        ".h-entry .p-name",
        "[itemprop~=headline]",
        ".article-title",
        ".post-full-title",
        ".gh-article-title",
        "[data-hook=post-title]",
        # Typepad's templates: the post's heading in its div.entry, over div.entry-content (an <h3>, under the day's
        # h2.date-header; not WordPress's <header class="entry-header">, which holds the title and the meta)
        "h3.entry-header",
        # Elementor Pro's Post Title widget, the title of a post laid out by its theme builder's single-post template:
        # an .elementor-heading-title like every other Heading widget's (the site's name in the header's among them)
        ".elementor-widget-theme-post-title .elementor-heading-title",
        # Pagefind's mark of the page's title for its search index, on the element that prints it: Astro's Fuwari
        # prints a post's title in no heading, a <div data-pagefind-meta="title"> (and in its <title>, "Title - Site")
        "[data-pagefind-meta=title]",
        # Gnuboard's board skins: the post's subject in its h2#bo_v_title, after the post's category (span.bo_v_cate)
        "#bo_v_title > .bo_v_tit",
    )
)
# The site's name as layouts print it above every page: WordPress (classic and block themes), Jekyll minima,
# Hexo NexT, Bootstrap-based Hugo themes (.navbar-brand), Blogger and Ghost headers, Docusaurus's navbar (Infima's
# .navbar__title in the a.navbar__brand linking home: its themeConfig.navbar.title; no og:site_name on its pages).
SITE_TITLES = ", ".join(
    (
        ".site-title",
        ".wp-block-site-title",
        ".site-name",
        ".blog-title",
        "#site-title",
        ".navbar-brand",
        ".navbar__brand .navbar__title",
        ".gh-head-logo",
        ".Header .title",
        # ikiwiki's page template: the header's parent links ("Wiki/ posts/ ") open with the wiki's root, which it
        # names by its wikiname (the blog's name)
        ".pageheader .parentlinks > a:first-child",
        # Material for MkDocs' header: the first of its two topics is the site's name (site_name), the second the
        # page's title; it writes no og:site_name
        ".md-header__title .md-header__topic:first-child > .md-ellipsis",
    )
)

# Comment threads: WordPress prints each comment's time in a <time> too, and their names are not the post's. Nor is
# their text the post's, however much of a short post's page they fill (crawler/extraction/body.py takes them out of
# trafilatura's sight whatever their share, unless they hold the post).
COMMENT_THREADS = ", ".join(
    (
        ".comments-area",
        ".wp-block-comments",
        "#comments",
        ".comment-list",
        ".commentlist",
        "ol.comments",
        ".comments-list",
        "#respond",
        ".page__comments",
        ".comment",
        "[itemtype$='schema.org/Comment']",
        "#pcs-comments",
        "#all-comments",  # Typepad's comment list (COMMENT_LISTS)
        f"[{FRAME_COMMENTS}]",
        "h3 + blockquote > div.entry",  # chronicle's comments (COMMENT_ITEMS), each dated in its div.date
        "section#feedbacks",  # b2evolution's comments (COMMENT_ITEMS)
    )
)
# Sidebars, widgets and related posts, which list other posts' dates. An <aside> that holds the post's own meta
# (`aside.post-meta`) is not one.
SIDEBARS = ", ".join(
    (
        ".widget:not(.Blog)",
        ".widget-area",
        ".sidebar",
        "#sidebar",
        "#secondary",
        "aside:not([class*=meta]):not([class*=byline]):not([class*=info])",
        ".related",
        ".related-posts",
        ".page__related",
        *CHIRPY_CHROME,
        ".relatedPosts",
        "#aside-content",
        ".jp-relatedposts",
        ".yarpp-related",
        ".crp_related",
        ".post-related-articles",  # WordPress's Customizr: "You may also like", cards of other posts
        ".entry-related",  # WordPress's Kadence: "Similar Posts", a carousel of other posts' cards, their terms too
        ".wp-block-jetpack-related-posts",
    )
)
