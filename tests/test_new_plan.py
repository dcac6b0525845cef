"""`generator new` writes a minimal plan that checks and builds, with comments that teach the format."""

from __future__ import annotations

from generator.cli import main
from generator.load.plan import load_plan


def test_new_plan_checks_and_builds(tmp_path, capsys):
    plan = tmp_path / "plan"
    assert main(["new", str(plan), "--municipality", "桜ヶ丘町", "--en", "Sakuragaoka Town"]) == 0
    assert sorted(p.relative_to(plan).as_posix() for p in plan.rglob("*.yaml")) == [
        "divisions.yaml", "documents/comprehensive-plan.yaml", "glossary.yaml", "plan.yaml"]
    assert (tmp_path / "mkdocs.yml").is_file(), "the city's mkdocs.yml, beside the plan's folder"
    assert main(["check", "--plan", str(plan)]) == 0
    assert main(["build", "--plan", str(plan), "--out", str(tmp_path / "site")]) == 0
    capsys.readouterr()
    home = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert "Sakuragaoka Town" in home
    assert "桜ヶ丘町" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_new_plan_teaches_the_format_in_both_languages(tmp_path):
    plan = tmp_path / "plan"
    main(["new", str(plan), "--municipality", "桜ヶ丘町", "--en", "Sakuragaoka Town"])
    for path in plan.rglob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# yaml-language-server: $schema="), path  # the editor completes keys
        schema = (path.parent / lines[0].split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path} names {schema}, which does not exist"
        comments = [line for line in lines[1:] if line.lstrip().startswith("#")]
        assert any("です" in line or "ます" in line for line in comments), f"{path}: no Japanese guidance"
        assert any(" the " in line for line in comments), f"{path}: no English guidance"
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert "タブ" in text and "全角" in text  # the two mistakes a Japanese editor makes most


def test_names_are_quoted_whatever_they_hold(tmp_path, capsys):
    plan = tmp_path / "plan"
    assert main(["new", str(plan), "--municipality", "見本村: \"試し\"", "--en", "Mihon Village: #1, {test|reading}"]) == 0
    root = load_plan(plan).plan.root
    assert (root.municipality.ja, root.municipality.written("en")) == ("見本村: \"試し\"", "Mihon Village: #1, {test|reading}")


def test_new_refuses_a_directory_that_is_not_empty(tmp_path, capsys):
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text("mine", encoding="utf-8")
    assert main(["new", str(plan), "--municipality", "桜ヶ丘町", "--en", "Sakuragaoka Town"]) == 1
    assert capsys.readouterr().err == f"error: {plan} is not empty (expected a new or empty directory; nothing was written)\n"
    assert [p.name for p in plan.iterdir()] == ["plan.yaml"]
    assert (plan / "plan.yaml").read_text(encoding="utf-8") == "mine"


def test_new_writes_into_an_empty_directory(tmp_path, capsys):
    plan = tmp_path / "plan"
    plan.mkdir()
    assert main(["new", str(plan), "--municipality", "桜ヶ丘町", "--en", "Sakuragaoka Town"]) == 0
    assert (plan / "plan.yaml").is_file()


def test_new_speaks_the_editors_language(tmp_path, capsys):
    plan = tmp_path / "plan"
    assert main(["new", str(plan), "--municipality", "桜ヶ丘町", "--en", "Sakuragaoka Town", "--lang", "ja"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"次に: python -m generator check --plan {plan}")
    assert main(["new", str(plan), "--municipality", "桜ヶ丘町", "--en", "Sakuragaoka Town", "--lang", "ja"]) == 1
    assert capsys.readouterr().err == (f"エラー: {plan} は空ではありません（新しいディレクトリか空のディレクトリを指定して"
                                       "ください。何も書き込んでいません）\n")


def test_new_keeps_a_mkdocs_yml_that_is_there(tmp_path, capsys):
    # A fork keeps the repository's mkdocs.yml, to edit its identity: `new` does not overwrite it.
    (tmp_path / "mkdocs.yml").write_text("theme:\n  palette: {primary: brown}\n", encoding="utf-8")
    assert main(["new", str(tmp_path / "plan"), "--municipality", "桜ヶ丘町", "--en", "Sakuragaoka Town"]) == 0
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "theme:\n  palette: {primary: brown}\n"
    assert "mkdocs.yml" not in capsys.readouterr().out


def test_the_new_site_config_names_the_city_and_passes_its_checks(tmp_path, capsys):
    plan = tmp_path / "plan"
    main(["new", str(plan), "--municipality", "桜ヶ丘町", "--en", "Sakuragaoka Town"])
    text = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "桜ヶ丘町の計画"' in text and "theme:" in text
    assert main(["check", "--plan", str(plan), "--config", str(tmp_path / "mkdocs.yml")]) == 0
