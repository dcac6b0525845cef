"""`check` answers every input without a traceback, and accepts nothing that the build cannot build.

A plan holding every kind of content is changed in many ways, the same ways on every run (a fixed seed):
a value replaced by one of the inputs that once crashed `check` or `build` or slipped through them, a
character inserted, the file cut short. `check` must exit 0 or 1 with messages only; when it says OK,
rendering every page and the open data must succeed too (MkDocs itself runs in the build tests).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.problems.errors import PlanError
from generator.prepare.open_data import open_data_files
from generator.load.plan import load_plan
from generator.render.markdown_site import render_site
from tests.conftest import ROOT
from tests.publish.test_output_sinks import _add_every_kind_of_content

HOSTILE_VALUES = [
    "012", "0x1A", "0b101", "0o17", "1:20", "1_000", "03745", "!!bool maybe", '!!float ""', '!!int "012"', "!!map x",
    "!!str 12", "!!null x", '"\\e]0;title\\a"', '"\\0"', '"\\u202e"', '"\\x85"', '"\\ud800"', "1" + "0" * 400,
    "5.0e-324", "-5.0e-324", "1.0e+308", "-1e15", "1000000000000000", ".nan", "-.inf", '"' + "- " * 600 + 'x"',
    '"' + "1. " * 600 + 'x"', '"' + "[a" * 3000 + '"',
    '"' + "[" * 5000 + '"', '"' + "> " * 300 + '"', '"[x]: //evil.example/"', '"- [x]: //evil.example/"',
    '"[a](javascript:alert(1))"', '"<script>alert(1)</script>"', "yes", "no", "on", "~", "[]", "{}", "[1, 2]",
    "令和5年度", "R5", "２０２０", "5,000", '"\u200b"', '"\u3164"', "con", "nul", "a" * 5000, '"' + "計画" * 11000 + '"',
    "{ja: 34,000人から変更}", "value:39.3", "direction：increase", '"unclosed', "'unclosed", "[1, 2", "{a: 1",
    "&anchor x", "*alias", "? complex", "- item", "|\n  block", ">-\n  folded", "true", "false", "0", "-1", "2200",
    "1867", "https://evil.example/\"><script>", "https://ok.example/", "''", '" "', "\t", "=HYPERLINK(1)",
]
_CHARACTERS = ["\x00", "\x1b", "\u202e", "\u2028", "\ufeff", "\t", "\u3000", "：", "\n", " ", "'", '"', "{", "[", ":",
               "#", "&", "*", "!", "%", "@", "`", "|", ">", "-", "?", ",", "\\", "\ud7ff", "\ufffd", "\U0001f600"]


def _mutations(text: str, places: int, seed: int) -> list[str]:
    """Each hostile value at `places` values of the file chosen at random; then characters inserted and cuts."""
    chooser = random.Random(seed)
    lines = text.split("\n")
    values = [(number, line.index(": ") + 2) for number, line in enumerate(lines)
              if ": " in line and not line.lstrip().startswith("#") and not line.rstrip().endswith(":")]
    out = []
    for value in HOSTILE_VALUES:
        for number, start in chooser.sample(values, min(places, len(values))):
            changed = list(lines)
            changed[number] = changed[number][:start] + value
            out.append("\n".join(changed))
    for character in _CHARACTERS:
        at = chooser.randrange(len(text))
        out.append(text[:at] + character + text[at:])
    out += [text[:chooser.randrange(len(text))] for _ in range(5)]
    return out


def _in_prose(text: str) -> list[str]:
    """Each hostile value as the Japanese text of the file's first prose field."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.strip().rstrip(":") in PROSE_KEYS and number + 1 < len(lines) and lines[number + 1].strip().startswith("ja:"):
            start = lines[number + 1].index("ja:") + 4
            return ["\n".join(lines[:number + 1] + [lines[number + 1][:start] + value] + lines[number + 2:])
                    for value in HOSTILE_VALUES]
    return []


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    plan = tmp_path_factory.mktemp("fuzz") / "base"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    _add_every_kind_of_content(plan)
    return plan


# Where the prose is: every hostile value lands in a summary, a vision and a definition at least once.
PROSE_KEYS = ("summary", "vision", "home", "definition")


@pytest.mark.parametrize(("file", "places", "seed"), [("strategy.yaml", 2, 1), ("plan.yaml", 1, 2),
                                                      ("glossary.yaml", 1, 3), ("divisions.yaml", 1, 4)])
def test_check_answers_every_change_and_accepts_only_what_builds(base, file, places, seed, tmp_path, monkeypatch,
                                                                 capsys):
    monkeypatch.chdir(tmp_path)
    original = (base / file).read_text(encoding="utf-8")
    accepted = 0
    for index, text in enumerate(_mutations(original, places, seed) + _in_prose(original)):
        plan = tmp_path / f"plan-{index}"
        shutil.copytree(base, plan)
        (plan / file).write_text(text, encoding="utf-8", errors="surrogatepass")
        code = main(["check", "--plan", plan.name])
        captured = capsys.readouterr()
        assert code in (0, 1) and "Traceback" not in captured.err, (index, text[:200])
        if code == 0:
            accepted += 1
            try:
                loaded = load_plan(plan).plan
            except PlanError as exc:  # check said OK: loading again must too
                raise AssertionError((index, str(exc))) from None
            render_site(loaded)
            open_data_files(loaded)
        else:
            lines = captured.err.splitlines()
            assert lines and all(":" in line for line in lines[:-1]), (index, lines[:3])
        shutil.rmtree(plan)
    assert accepted > 0  # some changes are harmless: the plan still builds
