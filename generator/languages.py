"""The language registry: every language Keikaku can publish, one record each, and nothing else.

This is the only module that names a language. Everything else (the `Text` and `Prose` models,
labels, templates, MkDocs configs, reserved URL segments, messages, build order) reads these records.
Adding a language means a record here, `templates/labels/<code>.yaml`, and its texts in the plan's YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Japanese search. lunr's TinySegmenter cuts 子育て支援 into 子育|て|支援 in the index, while Material's
# separator keeps a query such as 子育て whole, so a word inside longer text was never found. We split
# at every change of script (kanji | hiragana | katakana | Latin and digits) on both sides: the index
# holds 子育 て 支援 and the query 子育て becomes 子育 て. Kanji runs are then cut by TinySegmenter in
# the index and, in the query, by Material's segmenter along the words the index holds (認定農業者数 →
# 認定 農業 者 数), so query and index agree. Measured in tests/browser/test_site.py and bench/.
HAN = r"\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HIRAGANA = r"\u3040-\u309f"
KATAKANA = r"\u30a0-\u30ff\uff66-\uff9f"
LATIN = r"A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_SCRIPTS = (HAN, HIRAGANA, KATAKANA, LATIN)
_BOUNDARIES = "|".join(f"(?<=[{a}])(?=[{b}])" for a in _SCRIPTS for b in _SCRIPTS if a != b)
JAPANESE_SEPARATOR = r"[\s\-　、。，．・「」『』（）()〔〕【】［］〈〉《》]+|" + _BOUNDARIES
SPACE_SEPARATOR = r"[\s\-]+"

# Japanese text in the Japanese system font of each platform (Apple, Windows, Android and Linux), none
# downloaded. The theme's own list names Latin fonts only, so every kanji and kana fell back glyph by
# glyph to whatever font the system found: slower to lay out (bench/RESULTS.md), and on some systems a
# Chinese form of a kanji. BIZ UDPGothic, on Windows since 10, is a universal-design face.
JAPANESE_FONTS = ('"Hiragino Sans", "Hiragino Kaku Gothic ProN", "BIZ UDPGothic", Meiryo, '
                  '"Noto Sans CJK JP", "Noto Sans JP", sans-serif')


@dataclass(frozen=True)
class Language:
    """One language a site can be published in."""

    code: str              # BCP 47 tag: the key of a text in YAML, the labels file's name, and hreflang
    name: str              # English name, for editors' messages ("expected English text")
    description: str       # what an editor writes in this language (shown in the JSON Schema)
    html_lang: str         # `lang` of pages and of text shown in this language; what Material's locale declares
    theme_locale: str      # Material's `theme.language` (its own interface words)
    search_lang: str       # lunr language of Material's search plugin
    search_separator: str  # the search plugin's token separator (a regular expression)
    url_prefix: str        # where the language's pages live below the site root: "" or "<segment>/"
    number_locale: str     # Babel locale for numbers
    default: bool = False  # the site's root language; exactly one
    required: bool = False  # every text must have it; a missing one is an error
    fallback: str | None = None  # shown, marked with its lang, where an optional language's text is missing
    marks_runs_of: str | None = None  # text in this language may quote that language's script: mark its runs
    font_family: str | None = None  # CSS font-family list for text in this language; None keeps the theme's
    iso_639_3: str = ""    # ISO 639-3 code: DCAT's language of a dataset (the EU language table names it so)

    @property
    def og_locale(self) -> str:
        """Open Graph's locale (language_TERRITORY), which is how Babel names the number locale."""
        return self.number_locale

    @property
    def field_name(self) -> str:
        """The Python attribute holding this language's text on `Text`/`Prose` (YAML uses `code`)."""
        return self.code.replace("-", "_")


REGISTRY: tuple[Language, ...] = (
    Language(code="ja", name="Japanese", description="Japanese text.", html_lang="ja", theme_locale="ja",
             search_lang="ja", search_separator=JAPANESE_SEPARATOR, url_prefix="", number_locale="ja_JP",
             default=True, required=True, font_family=JAPANESE_FONTS, iso_639_3="jpn"),
    Language(code="en", name="English", description="English text, written for foreign residents.",
             html_lang="en", theme_locale="en", search_lang="en", search_separator=SPACE_SEPARATOR,
             url_prefix="en/", number_locale="en_US", required=True, marks_runs_of="ja", iso_639_3="eng"),
    # Easy Japanese (やさしい日本語), which many municipalities publish for residents from abroad. Its pages
    # are Japanese to a screen reader and to Material (html lang and locale "ja"); hreflang tells them apart.
    Language(code="ja-x-easy", name="Easy Japanese",
             description="Easy Japanese (やさしい日本語) text: short sentences, everyday words, few kanji.",
             html_lang="ja", theme_locale="ja", search_lang="ja", search_separator=JAPANESE_SEPARATOR,
             url_prefix="easy/", number_locale="ja_JP", fallback="ja", font_family=JAPANESE_FONTS,
             iso_639_3="jpn"),
)


class RegistryError(Exception):
    """The registry contradicts itself: a Keikaku bug, caught at import and by tests."""


def check_registry(registry: tuple[Language, ...]) -> None:
    codes = [language.code for language in registry]
    if len(set(codes)) != len(codes):
        raise RegistryError(f"language codes repeat: {codes}")
    defaults = [language.code for language in registry if language.default]
    if len(defaults) != 1:
        raise RegistryError(f"expected exactly one default language, found {defaults}")
    prefixes = [language.url_prefix for language in registry]
    if len(set(prefixes)) != len(prefixes):
        raise RegistryError(f"URL prefixes repeat: {prefixes}")
    for language in registry:
        if language.default != (language.url_prefix == ""):
            raise RegistryError(f"{language.code}: the default language, and only it, lives at the site root")
        if language.url_prefix and (not language.url_prefix.endswith("/") or language.url_prefix.count("/") != 1):
            raise RegistryError(f"{language.code}: url_prefix must be one path segment ending in '/'")
        if language.default and not language.required:
            raise RegistryError(f"{language.code}: the default language must be required")
        if language.required == (language.fallback is not None):
            raise RegistryError(f"{language.code}: an optional language needs a fallback, a required one has none")
        seen = [language.code]
        current = language
        while current.fallback is not None:  # every chain ends in a required language
            if current.fallback not in codes or current.fallback in seen:
                raise RegistryError(f"{language.code}: fallback chain {seen} → {current.fallback} is broken")
            seen.append(current.fallback)
            current = registry[codes.index(current.fallback)]
        if language.marks_runs_of is not None and language.marks_runs_of not in codes:
            raise RegistryError(f"{language.code}: marks_runs_of names an unknown language")
        if not re.fullmatch(r"[a-z]{3}", language.iso_639_3):
            raise RegistryError(f"{language.code}: iso_639_3 is a three-letter ISO 639-3 code")
        if language.font_family is not None and not re.fullmatch(r'[\w "\-,]+', language.font_family):
            raise RegistryError(f"{language.code}: font_family is a plain CSS font list (names, quotes, commas)")


check_registry(REGISTRY)


def all_languages() -> tuple[Language, ...]:
    return REGISTRY


def by_code(code: str) -> Language:
    for language in REGISTRY:
        if language.code == code:
            return language
    raise KeyError(code)


def default_language() -> Language:
    return next(language for language in REGISTRY if language.default)


def required_languages() -> tuple[Language, ...]:
    return tuple(language for language in REGISTRY if language.required)


def optional_languages() -> tuple[Language, ...]:
    return tuple(language for language in REGISTRY if not language.required)


def published_languages(optional_codes: list[str] | tuple[str, ...] = ()) -> tuple[Language, ...]:
    """The languages a plan publishes, in registry order: the required ones and the optional ones it lists."""
    return tuple(language for language in REGISTRY if language.required or language.code in optional_codes)


def fallback_chain(language: Language) -> tuple[Language, ...]:
    """The language itself, then its fallback, and so on down to a required language."""
    chain = [language]
    while chain[-1].fallback is not None:
        chain.append(by_code(chain[-1].fallback))
    return tuple(chain)


def reserved_url_segments() -> set[str]:
    """Top-level URL segments that the languages' sites take."""
    return {language.url_prefix.rstrip("/") for language in REGISTRY if language.url_prefix} | {
        language.code for language in REGISTRY}
