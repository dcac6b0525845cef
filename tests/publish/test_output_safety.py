"""`build` and `serve` never replace the plan, a repository, the home directory, `/`, or a directory
Keikaku did not create: they refuse with one clear message, exit 1, and touch nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.publish.output_safety import MARKER

MINIMAL = Path(__file__).parents[1] / "data" / "minimal"


def _snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file and directory below `root`, with file contents: to prove nothing changed."""
    return {p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else None) for p in root.rglob("*")}


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository holding a plan, as a city's would: the working directory is its root."""
    root = tmp_path / "city"
    shutil.copytree(MINIMAL, root / "plan")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "README.md").write_text("our plan\n", encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    return root


def _refused(args: list[str], capsys, tree: Path) -> str:
    before = _snapshot(tree)
    assert main(args) == 1
    err = capsys.readouterr().err
    assert _snapshot(tree) == before, "a refused build changed files"
    assert "Traceback" not in err and err.count("\n") == 1
    return err.strip()


@pytest.mark.parametrize("command", ["build", "serve"])
def test_out_is_the_plan(repo, capsys, command):
    err = _refused([command, "--plan", "plan", "--out", "plan"], capsys, repo.parent)
    assert err == ("error: refusing to build into plan/: it is the plan directory (plan/), which a build would "
                   "replace (choose a new or empty directory, or a site Keikaku built, e.g. --out site); "
                   "nothing was written.")


def test_out_is_the_repository_root(repo, capsys):
    err = _refused(["build", "--plan", "plan", "--out", "."], capsys, repo.parent)
    assert err.startswith("error: refusing to build into .: it contains the plan directory (plan/)")


def test_out_inside_the_plan(repo, capsys):
    err = _refused(["build", "--plan", "plan", "--out", "plan/site"], capsys, repo.parent)
    assert err.startswith("error: refusing to build into plan/site/: it lies inside the plan directory (plan/)")


def test_out_is_the_repository_root_of_the_working_directory(repo, capsys, tmp_path, monkeypatch):
    # The plan lives outside the repository, and the command runs from a folder inside it.
    plan = tmp_path / "loose-plan"
    shutil.copytree(MINIMAL, plan)
    (repo / "docs").mkdir()
    monkeypatch.chdir(repo / "docs")
    err = _refused(["build", "--plan", str(plan), "--out", str(repo)], capsys, tmp_path)
    assert err.startswith(f"error: refusing to build into {repo}: it is the repository root ({repo})")
    err = _refused(["build", "--plan", str(plan), "--out", str(tmp_path)], capsys, tmp_path)
    assert err.startswith(f"error: refusing to build into {tmp_path}: it contains the plan directory")


def test_out_is_the_current_directory(tmp_path, capsys, monkeypatch):
    plan = tmp_path / "plan"
    shutil.copytree(MINIMAL, plan)
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("mine\n", encoding="utf-8")
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    err = _refused(["build", "--plan", str(plan), "--out", "."], capsys, tmp_path)
    assert err.startswith("error: refusing to build into .: it is the current directory (.)")


def test_out_is_home_or_root(repo, capsys, tmp_path):
    err = _refused(["build", "--plan", "plan", "--out", str(tmp_path / "home")], capsys, tmp_path)
    assert f"it is the home directory ({tmp_path / 'home'})" in err
    assert main(["build", "--plan", "plan", "--out", "/"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: refusing to build into /: it contains ")
    assert err.count("\n") == 1


def test_existing_directory_keikaku_did_not_create(repo, capsys):
    (repo / "photos").mkdir()
    (repo / "photos" / "festival.jpg").write_bytes(b"\xff\xd8 not really a photo")
    err = _refused(["build", "--plan", "plan", "--out", "photos"], capsys, repo.parent)
    assert err == ("error: refusing to build into photos/: it holds files but Keikaku did not create it "
                   f"(no {MARKER} file), and a build would delete them (choose a new or empty directory, or a "
                   "site Keikaku built, e.g. --out site; if it is an old Keikaku site, delete it yourself); "
                   "nothing was written.")
    (repo / "notes.txt").write_text("a file\n", encoding="utf-8")
    err = _refused(["build", "--plan", "plan", "--out", "notes.txt"], capsys, repo.parent)
    assert "it is a file, not a directory" in err


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_refusal_is_in_the_editors_language(repo, capsys, command):
    err = _refused([command, "--plan", "plan", "--out", "plan", "--lang", "ja"], capsys, repo.parent)
    assert err == ("エラー: plan/ にはサイトを作れません: ここは計画のディレクトリ（plan/）で、ビルドすると中身が"
                   "置き換わってしまいます（新しいディレクトリか空のディレクトリ、または Keikaku が作ったサイトを"
                   "指定してください。例: --out site）。何も書き込んでいません。")
    (repo / "photos").mkdir()
    (repo / "photos" / "festival.jpg").write_bytes(b"\xff\xd8 not really a photo")
    err = _refused([command, "--plan", "plan", "--out", "photos", "--lang", "ja"], capsys, repo.parent)
    assert err.startswith(f"エラー: photos/ にはサイトを作れません: Keikaku が作ったのではないファイルがあり（{MARKER} ファイル")
    assert err.endswith("何も書き込んでいません。")


def test_a_site_keikaku_built_is_replaced_and_marked(repo, capsys):
    (repo / "empty").mkdir()
    assert main(["build", "--plan", "plan", "--out", "empty"]) == 0
    assert (repo / "empty" / MARKER).is_file()
    assert (repo / "empty" / "en" / "index.html").is_file()
    assert main(["build", "--plan", "plan", "--out", "site"]) == 0
    (repo / "site" / "stale.html").write_text("old", encoding="utf-8")
    assert main(["build", "--plan", "plan", "--out", "site"]) == 0
    assert not (repo / "site" / "stale.html").exists()
    assert (repo / "site" / MARKER).is_file()
    assert sorted(p.name for p in repo.iterdir()) == [".git", "README.md", "empty", "plan", "site"]


def test_a_site_built_before_the_marker_existed_is_still_recognised(repo, capsys):
    assert main(["build", "--plan", "plan", "--out", "site"]) == 0
    (repo / "site" / MARKER).unlink()
    assert main(["build", "--plan", "plan", "--out", "site"]) == 0
    (repo / "site" / MARKER).unlink()
    (repo / "site" / "assets" / "stylesheets" / "keikaku.css").unlink()
    err = _refused(["build", "--plan", "plan", "--out", "site"], capsys, repo.parent)
    assert "Keikaku did not create it" in err
