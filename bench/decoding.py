"""`python -m bench.decoding`: how well each decoder turns a page's bytes and its Content-Type header into the text
its author wrote, on a corpus built from the classes of issue #28 (never from an evaluation page).

Each case is a short page in one language, encoded one way and declared one way (HTTP header, <meta>, BOM, both,
neither, a header that disagrees with the <meta>, a UTF-8 page with a Windows-1252 fragment). A decoder scores a
case when its text equals the author's exactly. Compared in one run: blogarchive's decode_html() (the one the
crawl, `reextract` and `blogarchive extract` share), w3lib.encoding.html_to_unicode (Scrapy's), and bs4's
UnicodeDammit (the header as a known encoding; with its detwingle() for mixed pages too). Prints a table: cases
right per class and decoder, and microseconds per page.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable
from dataclasses import dataclass

from crawler.extraction.decoding import decode_html, header_charset

# Text each language's pages carry: the characters that break when a decoder guesses wrong.
TEXTS = {
    "de": "Grüße aus Köln: Die Straßenbahn fährt über die Brücke, pünktlich wie immer. Öffnungszeiten ändern sich.",
    "fr": "Ça coûte 5 € — l'été dernier, à Noël, déjà « trop » pour un café crème et une crêpe.",
    "ko": "오늘은 비가 와서 집에서 책을 읽었습니다. 한국어 블로그의 인코딩 시험 문장입니다.",
    "ja": "今日は雨だったので、家で本を読みました。日本語のブログの文字コードの試験です。",
    "zh": "今天下雨了，我在家里看书。这是中文博客的编码测试句子。",
    "ru": "Сегодня шёл дождь, и я читал книгу дома. Это проверка кодировки русского блога.",
}


@dataclass(frozen=True)
class Case:
    name: str  # the class it belongs to
    language: str
    body: bytes
    header: str | None  # the Content-Type header's value
    text: str  # what the author wrote


def _page(text: str, meta: str | None) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


def _header(charset: str | None) -> str:
    return f"text/html; charset={charset}" if charset else "text/html"


def corpus() -> list[Case]:
    legacy = {"de": "iso-8859-1", "fr": "windows-1252", "ko": "euc-kr", "ja": "shift_jis", "zh": "gbk", "ru": "cp1251"}
    cases = []
    for language, text in TEXTS.items():
        encoding = legacy[language]
        native = text.encode(encoding)
        cases += [
            Case("utf-8, header only", language, _page(text, None).encode(), _header("utf-8"), text),
            Case("utf-8, <meta> only", language, _page(text, "utf-8").encode(), _header(None), text),
            Case("utf-8, undeclared", language, _page(text, None).encode(), _header(None), text),
            Case("legacy, header only", language, _page(text, None).encode(encoding), _header(encoding), text),
            Case("legacy, <meta> only", language, _page(text, encoding).encode(encoding), _header(None), text),
            Case("legacy, undeclared", language, _page(text, None).encode(encoding), _header(None), text),
            Case(
                "BOM, <meta> says otherwise",
                language,
                codecs.BOM_UTF8 + _page(text, encoding).encode(),
                _header(None),
                text,
            ),
            Case(
                "header right, stale <meta>", language, _page(text, "utf-8").encode(encoding), _header(encoding), text
            ),
            Case(
                "server's default header, <meta> right",
                language,
                _page(text, "utf-8").encode(),
                _header("iso-8859-1"),
                text,
            ),
        ]
        if language == "fr":  # Windows-1252 bytes (€, —) declared as ISO-8859-1, as browsers read them
            page = _page(text, None).encode(encoding)
            cases.append(Case("cp1252 declared iso-8859-1", language, page, _header("iso-8859-1"), text))
        if language in ("de", "fr"):  # a UTF-8 page with a fragment a plugin wrote in Windows-1252
            page = _page(text + " ####", "utf-8").encode().replace(b"####", native)
            cases.append(Case("utf-8 with a cp1252 fragment", language, page, _header("utf-8"), f"{text} {text}"))
        cases.append(
            Case(
                "header names no known charset",
                language,
                _page(text, None).encode(),
                "text/html; charset=utf8mb4",
                text,
            )
        )
    cases.append(
        Case(
            "UTF-16 with its BOM",
            "de",
            codecs.BOM_UTF16_LE + _page(TEXTS["de"], None).encode("utf-16-le"),
            None,
            TEXTS["de"],
        )
    )
    return cases


def _paragraph(html: str) -> str:
    return html.split("<p>", 1)[-1].split("</p>", 1)[0] if "<p>" in html else html


def _blogarchive(body: bytes, header: str | None) -> str:
    return decode_html(body, header_charset(header))


def _w3lib(body: bytes, header: str | None) -> str:
    from w3lib.encoding import html_to_unicode

    return html_to_unicode(header, body)[1]


def _unicode_dammit(body: bytes, header: str | None, detwingle: bool = False) -> str:
    from bs4 import UnicodeDammit

    if detwingle:
        body = UnicodeDammit.detwingle(body)
    charset = header_charset(header)
    return UnicodeDammit(body, known_definite_encodings=[charset] if charset else [], is_html=True).unicode_markup or ""


DECODERS: dict[str, Callable[[bytes, str | None], str]] = {
    "blogarchive": _blogarchive,
    "w3lib": _w3lib,
    "UnicodeDammit": _unicode_dammit,
    "UnicodeDammit+detwingle": lambda body, header: _unicode_dammit(body, header, detwingle=True),
}


def main() -> None:
    cases = corpus()
    classes = list(dict.fromkeys(case.name for case in cases))
    right = {name: {cls: 0 for cls in classes} for name in DECODERS}
    micros = {}
    for name, decoder in DECODERS.items():
        started = time.perf_counter()
        for _ in range(20):
            for case in cases:
                decoder(case.body, case.header)
        micros[name] = (time.perf_counter() - started) / (20 * len(cases)) * 1e6
        for case in cases:
            right[name][case.name] += _paragraph(decoder(case.body, case.header)) == case.text
    total = {cls: sum(case.name == cls for case in cases) for cls in classes}
    names = list(DECODERS)
    print("| class | cases | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for cls in classes:
        print(f"| {cls} | {total[cls]} | " + " | ".join(str(right[name][cls]) for name in names) + " |")
    print(f"| **all** | {len(cases)} | " + " | ".join(f"**{sum(right[n].values())}**" for n in names) + " |")
    print("| µs per page | | " + " | ".join(f"{micros[name]:.0f}" for name in names) + " |")


if __name__ == "__main__":
    main()
