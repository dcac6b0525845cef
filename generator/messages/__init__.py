"""Editors' messages in every language, from catalogues kept as data: `generator/messages/<code>.yaml`.

A problem carries a code and parameters (`Message`); the catalogue of the editor's language gives its
wording. A parameter may itself be a `Message` (e.g. what was found: 「数値 3」 / "the number 3"), a
language-keyed text from the plan (a title in each language), or a list of either. No module branches
on the language: adding one means a catalogue file, and a test checks every catalogue has every key.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from ..catalogue import Catalogue
from ..characters import visible
from ..languages import all_languages, by_code, fallback_chain

CATALOGUE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Message:
    """One message or phrase of the catalogue: its key and the values of its {fields}."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanText:
    """A text from the plan in each of its languages (a title, a name), shown in the message's language."""

    texts: Mapping[str, str]


@dataclass(frozen=True)
class LanguageName:
    """The name of a language (by its code) in the message's language: "English" / 「英語」."""

    code: str

    def render_in(self, lang: str) -> str:
        return catalogue(lang)["language_names"].get(self.code) or by_code(self.code).name


@dataclass(frozen=True)
class OneOf:
    """A choice of values: "'a', 'b' or 'c'" / 「a、b、c」."""

    values: Sequence[str]

    def render_in(self, lang: str) -> str:
        words = catalogue(lang)
        items = [words["one_of.item"].format(value=value) for value in self.values]
        if len(items) < 2:
            return "".join(items)
        return words["one_of.separator"].join(items[:-1]) + words["one_of.last_separator"] + items[-1]


class Shown(str):
    """Text already rendered by this module (a list of problems inside another message): shown as it is."""


MESSAGES = Catalogue("message catalogue", CATALOGUE_DIR)


def catalogue(lang: str) -> Mapping[str, Any]:
    """The messages for `lang`: its own catalogue, and for each message it lacks, its fallback's (the registry's
    chain, e.g. Easy Japanese → Japanese), so a language may start without a catalogue or with a partial one."""
    return MESSAGES.words(lang)


def catalogue_settings(lang: str) -> Mapping[str, Any]:
    return MESSAGES.settings(lang)


def catalogue_languages() -> list[str]:
    """Codes of the registry's languages that have a catalogue file of their own, in registry order."""
    return MESSAGES.languages()


def message_languages() -> list[str]:
    """Codes of the registry's languages that messages can be shown in: each has a catalogue of its own or a
    fallback that has one, in registry order."""
    own = set(catalogue_languages())
    return [language.code for language in all_languages()
            if any(step.code in own for step in fallback_chain(language))]


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The message language of the user's locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE, as gettext reads them).

    A locale in no catalogue's language (C, POSIX, fr_FR…) gets the catalogue marked `for_other_locales`.
    """
    environ = os.environ if environ is None else environ
    available = message_languages()
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(variable, "")
        if not value:
            continue
        for candidate in value.split(":"):
            code = candidate.split(".")[0].split("@")[0].replace("_", "-")
            for lang in available:
                if code == lang or code.lower().startswith(lang.lower() + "-"):
                    return lang
        break  # the first variable that is set decides, as in gettext
    return _for_other_locales()


def _for_other_locales() -> str:
    own = catalogue_languages()
    return next((lang for lang in own if catalogue_settings(lang).get("for_other_locales")), own[0])


def developer_text(message: Message) -> str:
    """The message in the catalogue for other locales (English): for pydantic's own text, seen by developers."""
    return render(message, _for_other_locales())


def render(message: Message | PlanText | Any, lang: str) -> str:
    """The text of a message, phrase, plan text or plain value in the language `lang`.

    What comes from the plan (a value, a title) is shown with its hidden characters written as `<U+202E>`:
    a message must not move the editor's cursor, retitle their terminal or reorder the line it is on."""
    if isinstance(message, Shown):
        return str(message)
    if isinstance(message, Message):
        template = catalogue(lang)[message.code]
        return template.format(**{name: render(value, lang) for name, value in message.params.items()})
    if hasattr(message, "render_in"):  # a phrase that reads other data, e.g. an item's level label
        return message.render_in(lang)
    if isinstance(message, PlanText):
        texts = message.texts
        own = (texts.get(language.code) for language in fallback_chain(by_code(lang)))
        return visible(next((text for text in own if text), None) or next((text for text in texts.values() if text), ""))
    if isinstance(message, Sequence) and not isinstance(message, str):
        return catalogue(lang)["list_separator"].join(render(item, lang) for item in message)
    return visible(str(message))


__all__ = ["LanguageName", "Message", "OneOf", "PlanText", "Shown", "catalogue", "catalogue_languages", "developer_text", "locale_language", "message_languages", "render"]
