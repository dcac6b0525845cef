"""YAML loading keeps positions, refuses duplicate keys, and keeps dates as written."""

from __future__ import annotations

from generator.problems.errors import ProblemCollector
from generator.load.yaml_reader import load_yaml_file
from generator.problems.keypath import format_key_path


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
    # At the '[' that is never closed, not at line 2 where the parser noticed.
    assert len(problems) == 1 and problems[0].code == "unclosed_bracket"
    assert (problems[0].location.line, problems[0].location.column) == (1, 4)


def test_key_paths_read_like_the_yaml():
    assert format_key_path(("children", 0, "kpis", 2, "name")) == "children[0].kpis[2].name"
    assert format_key_path((1, "name", "en")) == "[1].name.en"


def test_anchors_and_aliases_are_refused_not_expanded(tmp_path):
    # Each alias would stand for the whole list before it: 9**30 items if expanded.
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 31)]
    loaded, problems = _load(tmp_path, "\n".join(lines) + "\n")
    codes = [p.code for p in problems]
    assert codes.count("yaml_anchor") == 31 and codes.count("yaml_alias") == 30
    assert [str(p) for p in problems[1:3]] == [
        "x.yaml:2:5: a1: YAML anchor '&a1' is not allowed (expected the value written out in full wherever it is used, "
        "found an anchor)",
        "x.yaml:2:10: a1[0]: YAML alias '*a0' is not allowed (expected the value written out in full, found an alias)"]
    assert loaded.data["a0"] == ["lol"] * 9  # the anchored value itself is kept, as written


def test_nesting_is_bounded(tmp_path):
    from generator.load.yaml_reader import MAX_DEPTH
    _, problems = _load(tmp_path, "a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert [str(p) for p in problems] == [
        f"x.yaml:1:{4 + MAX_DEPTH - 1}: nesting too deep (expected at most {MAX_DEPTH} levels of mappings and lists, "
        "found more here)"]
    nested = "".join(" " * i + f"k{i}:\n" for i in range(MAX_DEPTH // 2 - 1)) + " " * (MAX_DEPTH // 2 - 1) + "end: 1\n"
    loaded, problems = _load(tmp_path, nested)
    assert problems == [] and loaded is not None


def test_file_size_and_value_count_are_bounded(tmp_path):
    from generator.load.yaml_reader import MAX_FILE_BYTES, MAX_VALUES
    _, problems = _load(tmp_path, "x: '" + "a" * MAX_FILE_BYTES + "'\n")
    assert [(str(p), p.code) for p in problems] == [
        ("x.yaml: file is too large (expected at most 512 KiB, found 513 KiB); split it into several documents",
         "file_too_large")]
    _, problems = _load(tmp_path, "x: [" + ",".join(["1"] * MAX_VALUES) + "]\n")
    assert [p.code for p in problems] == ["too_many_values"]
    assert problems[0].location.line == 1


def test_nan_and_infinity_are_refused(tmp_path):
    loaded, problems = _load(tmp_path, "a: .nan\nb: -.inf\nc: 1.0e+400\nd: [.NaN, 2.5]\n")
    assert [str(p) for p in problems] == [
        "x.yaml:1:4: a: not a finite number (expected a number such as 33832 or 45.3, found .nan)",
        "x.yaml:2:4: b: not a finite number (expected a number such as 33832 or 45.3, found -.inf)",
        "x.yaml:3:4: c: not a finite number (expected a number such as 33832 or 45.3, found 1.0e+400)",
        "x.yaml:4:5: d[0]: not a finite number (expected a number such as 33832 or 45.3, found .NaN)"]
    assert loaded.data["d"][1] == 2.5


def test_tags_are_refused(tmp_path):
    _, problems = _load(tmp_path, "a: !!binary aGVsbG8=\nb: !!python/object/apply:os.system [ls]\nc: !!str 2020\n")
    assert [str(p) for p in problems] == [
        "x.yaml:1:4: a: YAML tag '!!binary' is not allowed (expected a plain value, found a tag)",
        "x.yaml:2:4: b: YAML tag '!!python/object/apply:os.system' is not allowed (expected a plain value, found a tag)"]


def test_a_syntax_error_points_where_the_mistake_began(tmp_path):
    text = "title: 'never closed\n" + "".join(f"line{i}: text\n" for i in range(40))
    _, problems = _load(tmp_path, text)
    assert [(p.location.line, p.location.column, p.code) for p in problems] == [(1, 8, "unclosed_quote")]
    assert "the parser noticed at line 42, column 1" in problems[0].message
    assert problems[0].params["noticed_line"] == 42


def test_invisible_characters_are_named(tmp_path):
    _, problems = _load(tmp_path, "a:\n\tb: 1\n")
    assert [(p.location.line, p.location.column, p.code) for p in problems] == [(2, 1, "yaml_tab")]
    loaded, problems = _load(tmp_path, "a:\n  b: 1\n　　c: 2\n")
    assert [(p.location.line, p.code) for p in problems] == [(3, "full_width_space")]
    loaded, problems = _load(tmp_path, "title:　x\n")
    assert [p.code for p in problems] == ["full_width_space"]
    # A paragraph of Japanese prose may begin with a full-width space: that is text, not a mistake.
    loaded, problems = _load(tmp_path, "body: |\n  　本市は、計画を定めます。\n  　次の段落です。\n")
    assert problems == [] and loaded.data["body"].startswith("　本市は")


def test_a_thousands_separator_is_recognised(tmp_path):
    loaded, problems = _load(tmp_path, "a: {value: 5,000, unit: people}\nb: [1,234,567.5, 2]\nc: 5,000\nd: [1, 2]\n")
    assert [str(p) for p in problems] == [
        "x.yaml:1:12: a.value: number with a thousands separator (expected a number without separators, "
        "found 5,000; write 5000, without a comma)",
        "x.yaml:2:5: b[0]: number with a thousands separator (expected a number without separators, "
        "found 1,234,567.5; write 1234567.5, without a comma)"]
    assert problems[0].params == {"found": "5,000", "write": "5000"}
    assert loaded.data["a"]["unit"] == "people" and loaded.data["b"][1] == 2
    assert loaded.data["c"] == "5,000" and loaded.data["d"] == [1, 2]  # block text: the validator names it


def test_a_huge_integer_is_a_message(tmp_path):
    _, problems = _load(tmp_path, "a: 1" + "0" * 5000 + "\n")
    assert [p.code for p in problems] == ["number_too_long"]
