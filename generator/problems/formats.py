"""How `check` prints problems: plain lines for a terminal, or GitHub workflow commands.

A workflow command (`::error file=…,line=…,col=…,title=…::message`) makes GitHub show the problem
as an annotation on that line of the pull request's diff. Escaping follows GitHub's toolkit
(`@actions/core`, command.ts): data escapes `%`, CR and LF; property values also `:` and `,`,
which would otherwise end the value.
"""

from __future__ import annotations

from .errors import Problem
from ..messages import Message, locale_language, render

FORMATS = ("text", "github")


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, lang: str | None = None) -> str:
    """One `::error` command, worded in `lang` (default: the locale's); line and column only when known.

    Its title names the item in the editor's terms (基本目標1 > KPI「…」の target.value); a problem of a
    whole file, which has no item, gets the catalogue's general title."""
    lang = lang or locale_language()
    location = problem.location
    properties = [("file", location.file)]
    if location.line and not location.cell:  # a workbook's row is no line of the file
        properties.append(("line", str(location.line)))
        if location.column:
            properties.append(("col", str(location.column)))
    where = problem.where_in(lang)
    if location.cell:  # a workbook has no lines to annotate: the cell leads the title
        where = f"{location.cell}: {where}" if where else location.cell
    properties.append(("title", where or render(Message("annotation.title"), lang)))
    joined = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    command = "warning" if problem.warning else "error"
    return f"::{command} {joined}::{escape_data(problem.message_in(lang))}"


def format_problem(problem: Problem, fmt: str = "text", lang: str | None = None) -> str:
    if fmt == "github":
        return github_annotation(problem, lang)
    return str(problem) if lang is None else problem.text_in(lang)
