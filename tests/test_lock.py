"""requirements.lock, which `make build` installs from, agrees with the pins in pyproject.toml."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> dict[str, set[str]]:
    """Package -> locked versions (a universal lock may hold one per Python version range)."""
    versions: dict[str, set[str]] = {}
    for match in re.finditer(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", (ROOT / "requirements.lock").read_text(), re.M):
        versions.setdefault(_normal(match[1]), set()).add(match[2])
    return versions


def _pins() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        pins += extra
    return pins


def test_every_pin_in_pyproject_is_locked_at_the_same_version():
    locked = _locked()
    stale = []
    for pin in _pins():
        name, version = pin.split("==")
        if locked.get(_normal(name)) != {version.strip()}:
            stale.append(f"{pin} (lock has {sorted(locked.get(_normal(name), []))})")
    assert not stale, "requirements.lock is stale; run `make lock`: " + ", ".join(stale)


def test_every_locked_package_carries_a_hash():
    entries = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / "requirements.lock").read_text().split("\n", 2)[2])
    unhashed = [entry.split()[0] for entry in entries if "==" in entry and "--hash=sha256:" not in entry]
    assert not unhashed
