"""The post's language as ISO 639-1: the language its text is written in.

What the page declares (`<html lang>`, og:locale, Content-Language) is usually the site's setting, not the post's:
WordPress prints the site's locale on every page, so a German or Korean post on a site set to English declares
`en`. The declaration stands when the text is short or py3langid is unsure; a text long enough that py3langid reads
as another language with near certainty overrules it, and so does a text of any length written mostly in a script
that one language alone writes (Hangul, Kana, Thai, Greek, Georgian, Armenian); a text in Han with next to no Kana
is Chinese, whatever its length and any declaration but Japanese (_chinese). On the 990 real pages of
../shared/realpages, 23 of the 25 pages where the two disagree are such posts (German, French, Spanish, Bengali text
declared `en`), read by eye.
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from crawler.extraction.page import Page

_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
# A text overrules the page's declaration from this many characters (about 35 English words, or a paragraph of a
# script written without spaces) and this probability of py3langid's, normalised over its 97 languages.
OVERRULE_CHARS = 200
OVERRULE_PROBABILITY = 0.99
# py3langid walks the text byte by byte in Python, so its cost is in proportion to the sample: on the benchmark's
# posts 0.33 ms at 500 characters, 0.87 ms at 1,500 (6 % of a post's extraction). Most posts are in the language
# their page declares; the text's first 500 characters confirm that, and only a text whose opening reads as another
# language is read to 1,500 before it may overrule the declaration.
_CONFIRM_CHARS = 500
_SAMPLE_CHARS = 1500


# Scripts that one language alone writes: a text mostly in one is in that language however short it is (a
# one-sentence Korean post on a blog whose pages declare `en` kept `en`: too short for py3langid to overrule).
_OWN_SCRIPTS = (
    ("ko", re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")),  # Hangul
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # Hiragana and Katakana
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("hy", re.compile(r"[\u0530-\u058f]")),
)
_LETTER = re.compile(r"[^\W\d_]")
SCRIPT_SHARE = 0.5  # of the text's letters
# Han is written by Chinese and Japanese alike, but Japanese writes Kana in every sentence (its particles and verb
# endings: の, は, を, ます): a text mostly in Han with next to no Kana is Chinese. A Chinese post of a blog whose
# template declares `en` (Eleventy's base blog) mixes English terms and code into its text — its Han a fifth to a
# half of its letters —, and py3langid, reading Chinese at 0.64 to 0.98 (or Cantonese, `yue`, which it reads in
# traditional characters), did not overrule the declaration: such a text that py3langid reads as Chinese is Chinese.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = _OWN_SCRIPTS[1][1]
MAX_KANA_SHARE = 0.02  # of the letters of a text in Han that is Chinese
MIN_HAN_SHARE = 0.2  # of the letters of a Chinese text with code and English terms in it
_CHINESE = ("zh", "yue")  # py3langid's names for a text in Chinese characters


def post_language(page: Page, text: str) -> str | None:
    """The language of the post whose page is `page` and whose body text is `text`."""
    declared = declared_language(page)
    if len(text) < OVERRULE_CHARS and (written := _written_in(text)) is not None:
        return written
    if declared not in (None, "zh", "ja") and _chinese(text):
        return "zh"
    if len(text.split()) < 5 and len(text) < 40:
        return declared
    if declared is not None and identifier().classify(text[:_CONFIRM_CHARS])[0] == declared:
        return declared
    detected, probability = identifier().classify(text[:_SAMPLE_CHARS])
    if declared is None:
        return detected
    if detected != declared and len(text) >= OVERRULE_CHARS and probability >= OVERRULE_PROBABILITY:
        return detected
    return declared


def _written_in(text: str) -> str | None:
    """The language whose own script writes most of the text's letters (Hangul: Korean), if any."""
    letters = len(_LETTER.findall(text))
    for language, script in _OWN_SCRIPTS:
        if letters and len(script.findall(text)) >= SCRIPT_SHARE * letters:
            return language
    return None


def _chinese(text: str) -> bool:
    """The text is Chinese by its script: next to no Kana (MAX_KANA_SHARE of its letters), and Han SCRIPT_SHARE of its
    letters, or MIN_HAN_SHARE where py3langid reads it as Chinese (_CHINESE)."""
    if not (han := len(_HAN.findall(text))):  # most texts: one pass over them
        return False
    letters, kana = len(_LETTER.findall(text)), len(_KANA.findall(text))
    if han < MIN_HAN_SHARE * letters or kana > MAX_KANA_SHARE * letters:
        return False
    return han >= SCRIPT_SHARE * letters or identifier().classify(text[:_SAMPLE_CHARS])[0] in _CHINESE


@cache
def identifier() -> LanguageIdentifier:
    """py3langid's model, loaded at the first post a process reads rather than on import: it holds ~74 MB and takes
    ~0.45 s to load, which a process that imports the extraction code without reading a post need not pay. The
    extraction processes load it as they start (crawler/extraction_pool/worker.py)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def declared_language(page: Page) -> str | None:
    html = page.tree
    candidates = [html.get("lang"), html.get("xml:lang"), html.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for key in ("og:locale", "content-language"):
        candidates.append(next(iter(page.meta.get(key, [])), None))
    for value in candidates:
        match = _CODE.match((value or "").strip())
        if match and len(match.group(1)) == 2:
            return match.group(1).lower()
    return None
