"""`serve` shows the plan's problems in the browser, where the editor is looking.

While the last build failed, every page request gets a problem page listing the same
messages as the terminal (HTML-escaped: they quote the editor's text). The page keeps
MkDocs' live-reload script, so saving a fix brings the site back without a click.
Assets (CSS, JS, images) are still served from the last good site.
"""

from __future__ import annotations

import errno
import html
import socket
import threading

from mkdocs.livereload import LiveReloadServer

from ..problems.errors import MessageError
from ..labels import load_labels
from ..languages import all_languages, default_language
from ..messages import Message


class PortInUse(MessageError):
    def __init__(self, host: str, port: int):
        super().__init__(Message("serve.port_in_use", {"host": host, "port": port, "next": port + 1}))


def ensure_port_free(host: str, port: int) -> None:
    """Fail before the first build, with a clear message, when the port is taken."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUse(host, port) from None
            raise


class BuildStatus:
    """The messages of the last failed build, or none; shared by the build loop and request threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._messages: list[str] = []

    def failed(self, messages: list[str]) -> None:
        with self._lock:
            self._messages = list(messages)

    def succeeded(self) -> None:
        self.failed([])

    @property
    def messages(self) -> list[str]:
        with self._lock:
            return list(self._messages)


def problem_page(messages: list[str]) -> bytes:
    """A page in every language, listing the messages exactly as the terminal shows them."""
    sections = []
    for language in all_languages():
        words = load_labels(language.code).serve_problems
        sections.append(f'<section lang="{language.html_lang}"><h1>{html.escape(words["heading"])}</h1>'
                        f'<p>{html.escape(words["explanation"].format(count=len(messages)))}</p></section>')
    items = "".join(f"<li><code>{html.escape(message)}</code></li>" for message in messages)
    first = default_language()
    return (f'<!doctype html><html lang="{first.html_lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(load_labels(first.code).serve_problems['heading'])}</title>"
            "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6}"
            "li{margin:.5rem 0}code{white-space:pre-wrap;overflow-wrap:anywhere}"
            "h1{font-size:1.4rem;color:#b00020}</style></head>"
            f'<body><main>{"".join(sections)}<ul id="problems">{items}</ul></main></body></html>').encode("utf-8")


class ProblemPageServer(LiveReloadServer):
    """MkDocs' live-reload server that answers page requests with the problem page while the build fails."""

    def __init__(self, status: BuildStatus, **kwargs) -> None:
        super().__init__(**kwargs)
        self.status = status

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        if path.startswith("/livereload/") or not (path.endswith("/") or path.endswith(".html")):
            return super()._serve_request(environ, start_response)
        with self._epoch_cond:  # as MkDocs does: answer only once a build under way has finished
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
            epoch = self._visible_epoch
        messages = self.status.messages
        if not messages:
            return super()._serve_request(environ, start_response)
        content = self._inject_js_into_html(problem_page(messages), epoch)
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Length", str(len(content)))])
        return [content]
