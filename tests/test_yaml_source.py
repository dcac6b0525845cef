"""YAML loading keeps positions, refuses duplicate keys, and keeps dates as written."""

from __future__ import annotations

from generator.errors import ProblemCollector
from generator.yaml_source import format_key_path, load_yaml_file


def _load(tmp_path, text: str):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    problems = ProblemCollector()
    return load_yaml_file(path, "x.yaml", problems), problems.problems


def test_positions_of_keys_and_values(tmp_path):
    loaded, problems = _load(tmp_path, "a:\n  b:\n    - {c: 1}\n    - c: 2\n")
    assert problems == []
    smap = loaded.source_map
    assert (smap.keys[("a", "b")].line, smap.keys[("a", "b")].column) == (2, 3)
    assert (smap.values[("a", "b", 1, "c")].line, smap.values[("a", "b", 1, "c")].column) == (4, 10)
    # A path that was never written is placed at its nearest written ancestor.
    assert smap.locate(("a", "b", 1, "missing")).line == 4


def test_duplicate_key_is_reported_at_the_second(tmp_path):
    loaded, problems = _load(tmp_path, "title: one\nother: x\ntitle: two\n")
    assert [str(p) for p in problems] == [
        "x.yaml:3:1: title: duplicate key 'title' (expected each key once in a mapping, "
        "found it again; the first is on line 1)"]
    assert loaded.data["title"] == "one"


def test_dates_stay_text(tmp_path):
    loaded, _ = _load(tmp_path, "published: 2021-03-01\nyear: 2021\n")
    assert loaded.data == {"published": "2021-03-01", "year": 2021}


def test_syntax_error_has_a_position(tmp_path):
    _, problems = _load(tmp_path, "a: [1, 2\nb: 3\n")
    assert len(problems) == 1 and problems[0].code == "yaml_syntax" and problems[0].location.line == 2


def test_key_paths_read_like_the_yaml():
    assert format_key_path(("children", 0, "kpis", 2, "name")) == "children[0].kpis[2].name"
    assert format_key_path((1, "name", "en")) == "[1].name.en"
