"""`serve`: build, serve the site on localhost, and rebuild what an edit changed.

MkDocs' own LiveReloadServer does the serving and the browser reload. On each edit the plan is read,
validated and rendered in full (the generator is fast), but only the Markdown whose content changed
is rewritten, and MkDocs rebuilds only those pages, in the languages they belong to (a dirty
build); their search entries replace the old ones in the index. When the navigation or the site's
settings change (a title, a page added or removed), or the theme or mkdocs.yml, the whole site is
rebuilt as `build` does, because every page carries them. A plan error is printed, and the browser
shows it on a problem page (`serve_problems`) until fixed.
"""

from __future__ import annotations

import errno
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ..labels import TEMPLATES_DIR
from ..languages import all_languages
from ..messages import LanguageName, Message, locale_language, render
from ..load.identity import find_site_config
from ..prepare.site import prepare_directory
from ..problems.errors import BuildError, PlanError
from ..render.markdown_site import render_site
from ..render.open_data_page import DATA_DIR
from .build import build_order, build_site, run_mkdocs
from .mkdocs_config import MKDOCS_YML, OVERRIDES_DIR, mkdocs_config, site_subdir
from .output_safety import check_output
from .serve_problems import BuildStatus, PortInUse, ProblemPageServer, ensure_port_free
from .writer import OutputTree, SyncedTree

HOST = "127.0.0.1"

# How often the plan and templates are polled for changes (MkDocs' default is 0.5 s): the
# preview should show an edit within a second, and polling a plan's few files costs little.
POLLING_INTERVAL = 0.1


def _theme_stamp() -> tuple:
    """What every page is built with besides its Markdown: the theme overrides and mkdocs.yml."""
    files = [MKDOCS_YML, *sorted(path for path in OVERRIDES_DIR.rglob("*") if path.is_file())]
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)


def _page_url(markdown_path: str) -> str:
    """The URL (relative to the language's site) of a page: a/b/index.md → a/b/, index.md → ''."""
    return markdown_path.removesuffix("index.md")


def _merge_search_index(index_file: Path, previous: dict | None, rebuilt: set[str]) -> None:
    """A dirty build indexes only the pages it rebuilt: put back every other page's entries."""
    if previous is None or not index_file.is_file():
        return
    fresh = json.loads(index_file.read_text(encoding="utf-8"))
    kept = [doc for doc in previous["docs"] if doc["location"].split("#")[0] not in rebuilt]
    fresh["docs"] = kept + fresh["docs"]
    index_file.write_text(json.dumps(fresh, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


class Preview:
    """One `serve` session: the Markdown of the last build, kept in `work`, and what it was built with."""

    def __init__(self, plan_dir: Path, out: Path, work: Path, config: Path | None = None):
        self.plan_dir, self.out, self.work = Path(plan_dir), Path(out), Path(work)
        self.config = config
        self.trees: dict[str, SyncedTree] = {}
        self.configs: dict[str, str] = {}
        self.theme: tuple | None = None
        self.data: list[tuple[str, str]] | None = None  # the open data of the last build

    def rebuild(self) -> Message:
        """Bring the served site up to date with the plan; return what was rebuilt, as a message."""
        try:
            return self._rebuild()
        except Exception:
            self.configs, self.theme, self.data = {}, None, None  # the site may be half-updated: rebuild it all next time
            raise

    def _rebuild(self) -> Message:
        # Dated as a build dates them, so that an unchanged page is not rewritten. The open data lives
        # outside the pages MkDocs rebuilds: files that changed are rewritten in the served site below.
        prepared = prepare_directory(self.plan_dir, self.config)
        rendered = render_site(prepared)
        data = [(file.path, file.content) for file in prepared.data_files]
        languages = tuple(result.language for result in rendered)
        by_code = {language.code: language for language in languages}
        theme = _theme_stamp()
        whole_site = theme != self.theme or set(self.trees) != {language.code for language in languages}
        changed: dict[str, set[str]] = {}
        configs: dict[str, str] = {}
        for result in rendered:
            code = result.language.code
            tree = self.trees.setdefault(code, SyncedTree(self.work / "docs" / code))
            changed[code], removed = tree.sync({**result.files, **result.assets})
            changed[code] -= set(result.assets)  # pages are what MkDocs rebuilds; the assets are copied as they are
            configs[code] = mkdocs_config(prepared.plan, result.language, languages, result.nav, tree.root,
                                          self.out / site_subdir(result.language), prepared.identity, result.footer)
            whole_site = whole_site or bool(removed) or configs[code] != self.configs.get(code)
        if whole_site:
            result = build_site(self.plan_dir, self.out, prepared=prepared, rendered=rendered, config=self.config)
            self.configs, self.theme, self.data = configs, theme, data
            return Message("serve.built", {"count": result.page_count})
        if data != self.data:
            tree = OutputTree(self.out / DATA_DIR)
            for path, content in data:
                tree.write(path, content)
            self.data = data
        count = 0
        for code in build_order(rendered):
            if not changed[code]:
                continue
            config_file = self.work / f"mkdocs.{code}.yml"
            config_file.write_text(configs[code], encoding="utf-8")
            index_file = self.out / site_subdir(by_code[code]) / "search" / "search_index.json"
            previous = json.loads(index_file.read_text(encoding="utf-8")) if index_file.is_file() else None
            run_mkdocs(config_file, dirty=True)
            _merge_search_index(index_file, previous, {_page_url(path) for path in changed[code]})
            count += len(changed[code])
        return Message("serve.rebuilt", {"count": count}) if count else Message("serve.nothing_changed")


def _build_and_report(preview: Preview, status: BuildStatus, lang: str) -> None:
    wall, cpu = time.perf_counter(), time.thread_time()  # this thread's CPU: the build, not the file watcher
    try:
        done = preview.rebuild()
        status.succeeded()
        print(render(Message("serve.rebuild_done", {"what": done, "wall": f"{time.perf_counter() - wall:.2f}",
                                                    "cpu": f"{time.thread_time() - cpu:.2f}"}), lang), flush=True)
    except PlanError as exc:
        messages = [problem.text_in(lang) for problem in exc.problems]
        status.failed(messages)
        print("\n".join(messages), file=sys.stderr)
        print(render(Message("serve.problems_shown", {"count": len(exc.problems)}), lang), file=sys.stderr,
              flush=True)
    except BuildError as exc:
        failure = render(Message("error.build_failed", {"detail": str(exc)}), lang)
        status.failed([failure])
        print(failure, file=sys.stderr, flush=True)


def serve(plan_dir: Path, out: Path, port: int, lang: str | None = None, config: Path | None = None) -> None:
    """Build, serve and rebuild on change; problems are worded in `lang` (default: the locale's); `config`: the
    city's mkdocs.yml (by default the one beside the plan), watched too."""
    lang = lang or locale_language()
    out = check_output(Path(out), Path(plan_dir))  # refused before the server starts: UnsafeOutput
    ensure_port_free(HOST, port)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}-serve-", dir=out.parent))
    try:
        preview, status = Preview(plan_dir, out, work, config), BuildStatus()
        _build_and_report(preview, status, lang)
        out.mkdir(parents=True, exist_ok=True)
        server = ProblemPageServer(status, builder=lambda: _build_and_report(preview, status, lang),
                                   host=HOST, port=port, root=str(out), polling_interval=POLLING_INTERVAL)
        identity = Path(config) if config else find_site_config(plan_dir)
        for path in (Path(plan_dir), TEMPLATES_DIR, OVERRIDES_DIR, MKDOCS_YML, *([identity] if identity else [])):
            server.watch(str(path))
        root = f"http://{HOST}:{port}/"
        print(render(Message("serve.serving", {"url": root}), lang), flush=True)
        for language in all_languages():  # each language the preview built, where its pages are
            if language.code in preview.trees:
                print(render(Message("serve.language_at", {"language": LanguageName(language.code),
                                                           "url": root + language.url_prefix}), lang), flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        except OSError as exc:  # taken between the check and the bind
            if exc.errno == errno.EADDRINUSE:
                raise PortInUse(HOST, port) from None
            raise
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)
