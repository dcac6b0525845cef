"""data/datapackage.json: every built site's CSVs, valid under `frictionless validate` (the Frictionless
reference validator), with numbers typed as numbers; and a package whose data breaks its schema fails."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.prepare.csv_cells import header
from tests.conftest import PLANS

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def _validate(package: Path) -> dict:
    done = subprocess.run([str(FRICTIONLESS), "validate", "--json", package.name], cwd=package.parent,
                          capture_output=True, text=True, timeout=300)
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", sorted(PLANS))
def test_the_data_package_is_valid(built_sites, name):
    data = built_sites(name) / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    csvs = sorted(path.relative_to(data).as_posix() for path in data.rglob("*.csv"))
    assert sorted(resource["path"] for resource in package["resources"]) == csvs  # every CSV, and only those
    report = _validate(data / "datapackage.json")
    assert report["valid"], json.dumps(report["tasks"], ensure_ascii=False)[:3000]
    assert package["licenses"][0]["path"].startswith("https://")
    for resource in package["resources"]:
        assert resource["encoding"] == "utf-8" and " / " in resource["title"]
        if resource["path"] == "indicator_values.csv":
            types = {field["name"]: field["type"] for field in resource["schema"]["fields"]}
            assert types[header("year")] == "integer"
            assert types[header("value")] == "number"


def test_a_cell_that_breaks_the_schema_is_found(built_sites, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(built_sites("evaluation") / "data", data)
    path = data / "indicator_values.csv"
    text = path.read_bytes().decode("utf-8")
    lines = text.split("\r\n")
    lines[1] = lines[1].replace(",2021,12,", ",2021,twelve,")  # the baseline of 12 people, as a word
    assert lines[1] != text.split("\r\n")[1]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    report = _validate(data / "datapackage.json")
    assert not report["valid"]
    errors = [error for task in report["tasks"] for error in task["errors"]]
    assert sorted(error["type"] for error in errors) == ["byte-count", "type-error"]  # the word, and the size
