"""The language registry: one record per language, and no language named anywhere else."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib.resources import files

import pytest

from generator.labels import TEMPLATES_DIR, load_labels
from generator.languages import (REGISTRY, RegistryError, all_languages, by_code, check_registry, default_language,
                                 fallback_chain, published_languages, required_languages)
from tests.conftest import ROOT

# A quoted language code, as code would name one: "ja", 'en', "ja-x-easy"…
_QUOTED_CODES = re.compile("|".join(rf"([\"']){re.escape(language.code)}\1" for language in REGISTRY))


def test_languages_are_named_only_in_the_registry():
    offenders = []
    for path in sorted((ROOT / "generator").rglob("*.py")) + sorted((ROOT / "templates").rglob("*")):
        if not path.is_file() or path == ROOT / "generator" / "languages.py" or path.parent.name == "labels":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _QUOTED_CODES.search(line) or re.search(r"\blang\s*[!=]=", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "name languages only in generator/languages.py:\n" + "\n".join(offenders)


def test_registry_is_consistent():
    check_registry(REGISTRY)
    assert default_language().required and default_language().url_prefix == ""
    assert len(required_languages()) >= 2
    for language in all_languages():
        assert by_code(language.code) is language
        assert fallback_chain(language)[-1].required


@pytest.mark.parametrize("change, message", [
    (lambda langs: langs + (replace(langs[1], code="xx", url_prefix="xx/"),), None),
    (lambda langs: (replace(langs[0], default=False, url_prefix="a/"),) + langs[1:], "exactly one default"),
    (lambda langs: langs + (replace(langs[1], code="xx"),), "URL prefixes repeat"),
    (lambda langs: langs + (replace(langs[1], code="xx", url_prefix="xx/", required=False, fallback="yy"),),
     "fallback chain"),
    (lambda langs: langs + (replace(langs[1], code="xx", url_prefix="xx/", required=False),), "needs a fallback"),
    (lambda langs: langs + (replace(langs[1], code=langs[1].code, url_prefix="xx/"),), "codes repeat"),
    # A font list lands in the page's <style>: names, quotes and commas only, never a way out of the rule.
    (lambda langs: (replace(langs[0], font_family='x; } body { display: none'),) + langs[1:], "font_family"),
    (lambda langs: (replace(langs[0], font_family='x</style><script>'),) + langs[1:], "font_family"),
])
def test_registry_check_rejects_contradictions(change, message):
    registry = change(tuple(REGISTRY))
    if message is None:
        check_registry(registry)
        return
    with pytest.raises(RegistryError, match=message):
        check_registry(registry)


def test_required_languages_are_always_published():
    assert published_languages() == required_languages()
    for language in all_languages():
        assert language in published_languages([language.code])


@pytest.mark.parametrize("language", REGISTRY, ids=lambda language: language.code)
def test_every_language_has_labels_and_a_material_locale(language):
    labels = load_labels(language.code)
    assert labels.language_name
    assert (TEMPLATES_DIR / "labels" / f"{language.code}.yaml").is_file()
    # Material prints <html lang> from its locale's own "language" entry: it must be the record's html_lang.
    locale = files("material") / "templates" / "partials" / "languages" / f"{language.theme_locale}.html"
    declared = re.search(r'"language":\s*"([^"]+)"', locale.read_text(encoding="utf-8"))
    assert declared and declared.group(1) == language.html_lang


def test_text_model_has_one_field_per_language():
    from generator.model import Prose, Text
    for model in (Text, Prose):
        aliases = {field.alias for field in model.model_fields.values()}
        assert aliases == {language.code for language in REGISTRY}
        required = {field.alias for field in model.model_fields.values() if field.is_required()}
        assert required == {language.code for language in required_languages()}
