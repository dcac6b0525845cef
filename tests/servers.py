"""Waiting on a `serve` process in tests: for its pages, and never for a process that has stopped."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

STARTUP = 180.0  # seconds: the first build of a loaded CI machine can be slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(command: list[str], log: Path, **options) -> subprocess.Popen:
    """`command` started with its output in `log`, which is shown if it stops."""
    process = subprocess.Popen(command, stdout=log.open("wb"), stderr=subprocess.STDOUT, **options)
    process.log = log
    return process


def alive(process: subprocess.Popen | None) -> None:
    """A server that has stopped fails its test at once, with what it said, instead of being waited for."""
    if process is not None and process.poll() is not None:
        log = getattr(process, "log", None)
        said = Path(log).read_text(encoding="utf-8", errors="replace") if log else ""
        pytest.fail(f"the server stopped (exit {process.returncode}):\n{said[-3000:]}")


def page(url: str, timeout: float = STARTUP, process: subprocess.Popen | None = None) -> str:
    """The page at `url`, whatever its status (the problem page answers 500), once the server answers."""
    deadline = time.monotonic() + timeout
    while True:
        alive(process)
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def wait_for(url: str, text: str, what: str, timeout: float = STARTUP, process: subprocess.Popen | None = None) -> str:
    """The page at `url` once it holds `text`; `what` says what went wrong if it never does."""
    deadline = time.monotonic() + timeout
    while True:
        found = page(url, process=process)
        if text in found:
            return found
        assert time.monotonic() < deadline, what
        time.sleep(0.5)
