"""WordPress's core blocks in a post's text, as the block editor saves them (`wp-block-*` markup) and a theme prints
them in its `.entry-content`: each block's words in the text and the Markdown, in their place."""

from __future__ import annotations

from crawler.extraction.extract import extract

URL = "https://blog.example/2024/11/02/ein-beitrag/"
PROSE = "Am Morgen fuhren wir an der Mulde entlang, und der Nebel lag noch über den Wiesen bei Grimma. " * 4
LAST = "Am Abend waren wir müde, aber glücklich."


def _post(content: str) -> str:
    """A post page of a WordPress theme: the post's blocks between two paragraphs, in its .entry-content."""
    return (
        '<html lang="de"><head><title>Ein Beitrag – Stein und Brot</title></head>'
        '<body class="post-template-default single single-post postid-7"><header id="masthead">'
        '<p class="site-title"><a href="/">Stein und Brot</a></p><nav><a href="/">Start</a> '
        '<a href="/about/">Über uns</a></nav></header><main id="main"><article class="post-7 post type-post">'
        '<header class="entry-header"><h1 class="entry-title">Ein Beitrag</h1></header>'
        f'<div class="entry-content"><p>{PROSE}</p>\n{content}\n<p>{LAST}</p></div></article></main>'
        '<footer id="colophon"><p>Stolz präsentiert von WordPress</p></footer></body></html>'
    )


def test_a_pullquote_block_stands_in_the_text_and_markdown_as_a_quote():
    """The pullquote block saves its quote and citation in a <figure>, which trafilatura drops whole: the quote
    was missing from the post."""
    pullquote = (
        '<figure class="wp-block-pullquote"><blockquote><p>Die schönsten Orte liegen zwischen zwei Dörfern.</p>'
        "<cite>Theodor Fontane</cite></blockquote></figure>"
    )
    article = extract(_post(pullquote), URL)
    lines = article.text.split("\n")
    assert lines[-3:] == ["Die schönsten Orte liegen zwischen zwei Dörfern.", "Theodor Fontane", LAST]
    assert "> Die schönsten Orte liegen zwischen zwei Dörfern.\n>\n> Theodor Fontane\n\n" + LAST in article.markdown


def test_a_pullquote_block_that_prints_a_line_of_the_post_again_is_no_line_of_its_text():
    """WordPress describes the pullquote as "a quote from your text": a magazine's pullquote repeats a sentence of
    the article, cut short, and is not read twice."""
    said = "Wer langsam fährt, sieht am Ende mehr vom Fluss als von der Straße, sagte mein Großvater immer."
    pullquote = (
        '<figure class="wp-block-pullquote"><blockquote><p>Wer langsam fährt, sieht mehr vom Fluss als von der '
        "Straße.</p><cite>Anna Schmidt</cite></blockquote></figure>"
    )
    article = extract(_post(f"<p>{said}</p>{pullquote}"), URL)
    assert article.text.split("\n")[-2:] == [said, LAST]


def test_an_embed_block_whose_provider_gave_no_player_keeps_its_url():
    """Where the provider gives no player (offline, Instagram since WordPress 5.5.2), the embed block shows the URL
    it saved as bare text in its <figure>: the URL was missing from the post, its caption alone left."""
    embed = (
        '<figure class="wp-block-embed is-type-rich is-provider-instagram wp-block-embed-instagram">'
        '<div class="wp-block-embed__wrapper">\nhttps://www.instagram.com/p/Cx1abc/\n</div>'
        '<figcaption class="wp-element-caption">Der Markt in Grimma</figcaption></figure>'
    )
    article = extract(_post(embed), URL)
    assert article.text.split("\n")[-3:] == ["https://www.instagram.com/p/Cx1abc/", "Der Markt in Grimma", LAST]
    assert "<https://www.instagram.com/p/Cx1abc/>\n\nDer Markt in Grimma\n\n" + LAST in article.markdown


def test_a_file_blocks_file_name_stands_in_the_text_without_its_download_button():
    """The file block is a link named as the file and a "Download" button: trafilatura dropped the block as a
    block of links, and the post lost the file it offers."""
    file_block = (
        '<div class="wp-block-file"><a id="wp-block-file--media-4d2" href="/wp-content/uploads/2024/11/route.pdf">'
        'Karte der Route (PDF)</a><a href="/wp-content/uploads/2024/11/route.pdf" class="wp-block-file__button '
        'wp-element-button" download aria-describedby="wp-block-file--media-4d2">Download</a></div>'
    )
    article = extract(_post(file_block), URL)
    assert article.text.split("\n")[-2:] == ["Karte der Route (PDF)", LAST]
    assert "Download" not in article.text and "Download" not in article.markdown


def test_a_buttons_blocks_buttons_to_other_sites_stand_in_the_text_and_link_in_the_markdown():
    """Each button of the buttons block is a link in a <div class="wp-block-button">, a class trafilatura drops as
    a page's button chrome: the buttons the author wrote were missing. A button to the site's own donation page
    is its call to action, not read."""
    buttons = (
        '<div class="wp-block-buttons is-layout-flex"><div class="wp-block-button"><a class="wp-block-button__link '
        'wp-element-button" href="https://faehre.example/fahrplan">Fahrplan der Fähre</a></div>'
        '<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" '
        'href="https://rad.example/">Ein Rad leihen</a></div></div>'
    )
    donate = (
        '<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link" '
        'href="/spenden/">Unterstütze uns!</a></div></div>'
    )
    article = extract(_post(buttons + donate), URL)
    assert article.text.split("\n")[-3:] == ["Fahrplan der Fähre", "Ein Rad leihen", LAST]
    assert (
        "[Fahrplan der Fähre](https://faehre.example/fahrplan)\n\n[Ein Rad leihen](https://rad.example/)\n\n" + LAST
        in article.markdown
    )


def test_a_button_without_a_link_and_a_button_saved_before_the_buttons_block_stand_in_the_text():
    """A button the author left without a link (the editor saves its `<a>` without href) and a button block saved
    alone, as WordPress before 5.4 did (a `div.wp-block-button` with no `div.wp-block-buttons` around it), were
    dropped as a button's chrome: the words were missing from the post."""
    unlinked = (
        '<div class="wp-block-buttons is-layout-flex"><div class="wp-block-button"><a class="wp-block-button__link '
        'wp-element-button">Die Karte kommt bald</a></div></div>'
    )
    alone = (
        '<div class="wp-block-button aligncenter"><a class="wp-block-button__link" '
        'href="https://faehre.example/fahrplan">Fahrplan der Fähre</a></div>'
        '<div class="wp-block-button"><a class="wp-block-button__link">Noch ohne Ziel</a></div>'
    )
    article = extract(_post(unlinked + alone), URL)
    assert article.text.split("\n")[-5:] == [
        PROSE.strip(),
        "Die Karte kommt bald",
        "Fahrplan der Fähre",
        "Noch ohne Ziel",
        LAST,
    ]


def test_a_quote_and_a_cover_whose_text_is_a_link_stand_in_the_text_and_link_in_the_markdown():
    """A quote block of one linked sentence and a cover block whose text is a link (its words over a picture) were
    dropped as navigation, the link most of their words: the quote and the cover's words were missing."""
    quote = (
        '<blockquote class="wp-block-quote is-layout-flow"><p><a href="https://zitate.example/brot">Brot ist das '
        "wärmste aller Worte.</a></p><cite>Ein Bäcker</cite></blockquote>"
    )
    cover = (
        '<div class="wp-block-cover"><span aria-hidden="true" class="wp-block-cover__background has-background-dim">'
        '</span><img class="wp-block-cover__image-background" alt="" src="/wp-content/uploads/2024/11/tal.jpg" '
        'data-object-fit="cover"/><div class="wp-block-cover__inner-container is-layout-flow"><p class="has-text-'
        'align-center has-large-font-size"><a href="https://fest.example/">Erntefest im Tal der Lahn</a></p></div>'
        "</div>"
    )
    article = extract(_post(quote + cover), URL)
    assert article.text.split("\n")[-4:] == [
        "Brot ist das wärmste aller Worte.",
        "Ein Bäcker",
        "Erntefest im Tal der Lahn",
        LAST,
    ]
    assert "> [Brot ist das wärmste aller Worte.](https://zitate.example/brot)" in article.markdown
    assert "[Erntefest im Tal der Lahn](https://fest.example/)\n\n" + LAST in article.markdown


def test_an_accordion_blocks_headings_stand_before_their_panels():
    """WordPress's accordion block prints each panel's heading as the <button aria-expanded> that opens it, inside
    the heading (the WAI-ARIA accordion pattern): trafilatura dropped the button, and every question of a FAQ was
    missing, its answers left without them."""

    def item(question: str, answer: str) -> str:
        return (
            '<div class="wp-block-accordion-item is-layout-flow"><h3 class="wp-block-accordion-heading"><button '
            'aria-expanded="false" aria-controls="accordion-item-2-panel" id="accordion-item-2" type="button" '
            f'class="wp-block-accordion-heading__toggle"><span class="wp-block-accordion-heading__toggle-title">'
            f'{question}</span><span class="wp-block-accordion-heading__toggle-icon" aria-hidden="true">+</span>'
            '</button></h3><div aria-labelledby="accordion-item-2" id="accordion-item-2-panel" role="region" '
            f'class="wp-block-accordion-panel is-layout-flow"><p>{answer}</p></div></div>'
        )

    accordion = (
        '<div role="group" class="wp-block-accordion is-layout-flow">'
        + item("Wie lange ruht der Roggen?", "Zwölf Stunden mindestens, in einem kühlen Raum.")
        + item("Welcher Ofen?", "Ein Steinofen hält die Hitze am längsten.")
        + "</div>"
    )
    article = extract(_post(accordion), URL)
    assert article.text.split("\n")[-5:] == [
        "Wie lange ruht der Roggen?",
        "Zwölf Stunden mindestens, in einem kühlen Raum.",
        "Welcher Ofen?",
        "Ein Steinofen hält die Hitze am längsten.",
        LAST,
    ]
    assert "### Welcher Ofen?\n\nEin Steinofen" in article.markdown


def test_a_tabs_blocks_labels_stand_each_before_its_panel():
    """WordPress's tabs block prints its labels together, a <button role="tab"> each, above the panels, all but
    the first hidden: each panel was read without the label that says what it is about."""

    def panel(number: int, words: str) -> str:
        hidden = " hidden" if number else ""
        return (
            f'<section{hidden} aria-labelledby="tab__tabs_2-tab-{number}" id="tabs_2-tab-{number}" role="tabpanel" '
            f'tabindex="0" class="wp-block-tab-panel is-layout-flow"><p>{words}</p></section>'
        )

    labels = "".join(
        f'<button aria-controls="tabs_2-tab-{number}" id="tab__tabs_2-tab-{number}" type="button" role="tab">'
        f"{label}</button>"
        for number, label in enumerate(["Roggen", "Dinkel"])
    )
    tabs = (
        '<div data-wp-interactive="core/tabs" class="wp-block-tabs is-layout-flow"><div aria-label="Tabbed content" '
        f'role="tablist" class="wp-block-tab-list is-layout-flex">{labels}</div><div class="wp-block-tab-panels">'
        + panel(0, "Roggen braucht Säure und eine lange Ruhe.")
        + panel(1, "Dinkel will sanft geknetet werden.")
        + "</div></div>"
    )
    article = extract(_post(tabs), URL)
    assert article.text.split("\n")[-5:] == [
        "Roggen",
        "Roggen braucht Säure und eine lange Ruhe.",
        "Dinkel",
        "Dinkel will sanft geknetet werden.",
        LAST,
    ]


def test_a_paragraph_that_is_one_link_in_a_group_a_column_or_a_media_text_block_stands_in_the_text():
    """A group, a column and the text beside a media-text block's picture are <div>s around the author's blocks;
    one holding a paragraph that is one link was dropped as navigation, the link's words with it."""
    blocks = (
        '<div class="wp-block-media-text is-stacked-on-mobile"><figure class="wp-block-media-text__media"><img '
        'src="/wp-content/uploads/2024/11/ufer.jpg" alt="" class="wp-image-12 size-full"/></figure><div class="wp-'
        'block-media-text__content"><p><a href="https://wandern.example/mulde">Der Weg an der Mulde entlang</a></p>'
        '</div></div><div class="wp-block-group is-layout-constrained"><p><a href="https://faehre.example/">'
        'Fahrzeiten der Fähre</a></p></div><div class="wp-block-columns is-layout-flex"><div class="wp-block-column">'
        '<p>Links das Wetter vom Sonntag.</p></div><div class="wp-block-column"><p><a href="https://wetter.example/">'
        "Die Vorhersage für Grimma</a></p></div></div>"
    )
    article = extract(_post(blocks), URL)
    assert article.text.split("\n")[-5:] == [
        "Der Weg an der Mulde entlang",
        "Fahrzeiten der Fähre",
        "Links das Wetter vom Sonntag.",
        "Die Vorhersage für Grimma",
        LAST,
    ]
    assert "[Fahrzeiten der Fähre](https://faehre.example/)" in article.markdown


def test_a_paragraph_that_is_one_link_in_a_generateblocks_element_or_container_stands_in_the_text():
    """GenerateBlocks' layout blocks, its element (2.x: `gb-element-<id>`, the class of a styled one) and its
    container (1.x: `div.gb-container`), are <div>s around the author's blocks as WordPress's group is; one holding a
    paragraph that is one link lost it as navigation."""
    blocks = (
        '<div class="gb-element-e7a1b2c3"><h2 class="gb-text gb-text-t1a2b3c4">Das Landbrot</h2><p class="gb-text '
        'gb-text-t2a2b3c4">Ein helles Brot mit etwas Vollkorn, im Topf gebacken.</p><p class="wp-block-paragraph">'
        '<a href="https://rezepte.example/landbrot">Das Rezept, mit dem ich anfing</a></p></div>'
        '<div class="gb-container gb-container-c1d2e3f4"><div class="gb-inside-container"><p><a '
        'href="https://rezepte.example/roggen">Das Roggenbrot nach Omas Art</a></p></div></div>'
    )
    article = extract(_post(blocks), URL)
    assert article.text.split("\n")[-4:] == [
        "Ein helles Brot mit etwas Vollkorn, im Topf gebacken.",
        "Das Rezept, mit dem ich anfing",
        "Das Roggenbrot nach Omas Art",
        LAST,
    ]


def test_a_file_blocks_file_name_links_to_the_file_in_the_markdown():
    """The file's name stood in the Markdown unlinked: its link's words around it were read with the "Download"
    button beside it, which the post's text leaves out, so the link landed nowhere."""
    file_block = (
        '<div class="wp-block-file"><a id="wp-block-file--media-9e1" href="/wp-content/uploads/2024/11/fahrplan.pdf">'
        'Fahrplan der Fähren</a><a href="/wp-content/uploads/2024/11/fahrplan.pdf" class="wp-block-file__button '
        'wp-element-button" download aria-describedby="wp-block-file--media-9e1">Herunterladen</a></div>'
    )
    article = extract(_post(file_block), URL)
    assert (
        "[Fahrplan der Fähren](https://blog.example/wp-content/uploads/2024/11/fahrplan.pdf)\n\n" + LAST
        in article.markdown
    )


def test_a_verse_block_is_lines_of_a_poem_not_fenced_code():
    """The verse block ("poetry … song lyrics") saves its lines in a <pre>, and the Markdown fenced the poem as
    code; its lines now end in hard breaks, its stanzas apart, its indentation kept."""
    verse = (
        '<pre class="wp-block-verse">Der Nebel liegt auf den Wiesen,\n  der Fluss trägt ihn fort,\n\n'
        "und wir gehen heim.</pre>"
    )
    article = extract(_post(verse), URL)
    assert "```" not in article.markdown
    stanzas = "Der Nebel liegt auf den Wiesen,\\\n\u00a0\u00a0der Fluss trägt ihn fort,\n\nund wir gehen heim."
    assert stanzas + "\n\n" + LAST in article.markdown
    assert article.text.split("\n")[-5:] == [
        "Der Nebel liegt auf den Wiesen,",
        "  der Fluss trägt ihn fort,",
        "",
        "und wir gehen heim.",
        LAST,
    ]


def test_a_tables_html_caption_is_a_line_before_its_table_not_a_row_of_it():
    """A table's <caption> (the classic editor's tables) was read as the table's first row, a header of one cell
    ("| Die Etappen |  |") above the table's own header: no valid pipe table."""
    table = (
        "<table><caption>Die Etappen der Tour</caption><thead><tr><th>Ort</th><th>Kilometer</th></tr></thead>"
        "<tbody><tr><td>Grimma</td><td>12</td></tr><tr><td>Wurzen</td><td>30</td></tr></tbody></table>"
    )
    article = extract(_post(table), URL)
    rows = "| Ort | Kilometer |\n|---|---|\n| Grimma | 12 |\n| Wurzen | 30 |"
    markdown = "\n".join(line.rstrip() for line in article.markdown.split("\n"))
    assert "Die Etappen der Tour\n\n" + rows + "\n\n" + LAST in markdown
    assert article.text.count("Die Etappen der Tour") == 1 and "|  |" not in article.text


def test_wordpress_footnotes_are_marked_in_brackets_without_their_back_links():
    """WordPress's footnotes block (6.3+) marks a note with a number in a <sup data-fn>, which ran into the word
    before it ("Fluss1"), and ends each note with a "↩︎" back-link."""
    text = (
        '<p>Die Mulde ist ein Fluss<sup data-fn="5f0c2a" class="fn"><a href="#5f0c2a" id="5f0c2a-link">1</a></sup>'
        ' in Sachsen.</p><ol class="wp-block-footnotes"><li id="5f0c2a">Genauer: die Zwickauer und die Freiberger '
        'Mulde. <a href="#5f0c2a-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>'
    )
    article = extract(_post(text), URL)
    assert "Die Mulde ist ein Fluss[1] in Sachsen." in article.text
    assert "Genauer: die Zwickauer und die Freiberger Mulde." in article.text
    assert "↩" not in article.text and "↩" not in article.markdown
    assert "Fluss\\[1\\] in Sachsen." in article.markdown


def test_a_table_block_without_a_header_section_is_a_pipe_table_before_its_caption():
    """The table block saves no header row unless its "Header section" is on: the Markdown's rows had no header
    and delimiter row above them, no pipe table (the caption after it then ran on as a line of no table)."""
    table = (
        '<figure class="wp-block-table is-style-stripes"><table class="has-fixed-layout"><tbody><tr><td>Grimma</td>'
        "<td>12</td></tr><tr><td>Wurzen</td><td>30</td></tr></tbody></table>"
        '<figcaption class="wp-element-caption">Die Etappen der Tour</figcaption></figure>'
    )
    article = extract(_post(table), URL)
    markdown = "\n".join(line.rstrip() for line in article.markdown.split("\n"))
    assert "|  |  |\n|---|---|\n| Grimma | 12 |\n| Wurzen | 30 |\n\nDie Etappen der Tour\n\n" + LAST in markdown
    lines = [line.rstrip() for line in article.text.split("\n")]
    assert lines[-4:] == ["| Grimma | 12 |", "| Wurzen | 30 |", "Die Etappen der Tour", LAST]
