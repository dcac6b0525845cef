"""The build: read and validate everything, render everything, write, run MkDocs, swap in.

The output directory is checked first (`output_safety`): a build never replaces the plan, a
repository, the home directory or a directory Keikaku did not create. The site is built in a
temporary directory beside the output and only replaces the previous site when every language
built cleanly in strict mode.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..prepare.coverage import Coverage
from ..prepare.site import Prepared, prepare_directory
from ..problems.errors import BuildError
from ..languages import default_language
from .mkdocs_config import mkdocs_config, site_subdir
from .output_safety import MARKER, MARKER_TEXT, check_output
from ..render.markdown_site import RenderedLanguage, render_site
from ..render.open_data_page import DATA_DIR
from ..render.sitemaps import MKDOCS_SITEMAPS, crawler_files
from .writer import OutputTree


@dataclass(frozen=True)
class BuildResult:
    out: Path
    page_count: int
    coverage: list[Coverage]  # per published language: how many texts it has of its own
    warnings: tuple = ()      # values that look like slips, for the editor to confirm
    page_coverage: tuple = ()  # (language, page URL, texts of its own, texts shown in its fallback), per page
    #                           that shows fallback text


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


class _NotDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build, which strict mode would count as a failure; `serve` asks
    for dirty builds knowingly (generator/publish/serve.py keeps navigation and search index right)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def run_mkdocs(config_file: Path, *, dirty: bool = False) -> None:
    """Build one language in strict mode; any MkDocs warning (a broken link…) fails the build.
    `dirty`: rebuild only the pages whose Markdown is newer than their HTML (for `serve`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    previous_level, previous_propagate = logger.level, logger.propagate
    logger.addHandler(collect)
    logger.setLevel(logging.WARNING)
    logger.propagate = False  # MkDocs' INFO chatter is not ours to print
    not_dirty = _NotDirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(not_dirty)
    try:
        config = load_config(config_file=str(config_file), strict=True)
        build(config, dirty=dirty)
    except MkDocsException as exc:
        details = "\n".join(collect.messages) or str(exc)
        raise BuildError(f"MkDocs rejected the rendered site ({exc}):\n{details}") from None
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(not_dirty)
        logger.removeHandler(collect)
        logger.setLevel(previous_level)
        logger.propagate = previous_propagate


def language_site(work: Path, language) -> Path:
    """Where one language's site is built: apart from the others, so that the languages build side by side
    (MkDocs empties its site directory first), to be put together by `assemble`."""
    return work / "sites" / language.code


def write_sources(rendered, plan, work: Path, data=(), identity=None) -> dict[str, Path]:
    """Write each language's docs tree and MkDocs config into `work`; return the config paths.
    The open data goes once, into the default language's tree, which MkDocs copies to /data/."""
    tree = OutputTree(work)
    for file in data:
        tree.write(f"docs/{default_language().code}/{DATA_DIR}{file.path}", file.content)
    configs = {}
    languages = tuple(result.language for result in rendered)
    for result in rendered:
        code = result.language.code
        for path, content in (*result.files.items(), *result.assets.items()):
            tree.write(f"docs/{code}/{path}", content)
        site_dir = language_site(work, result.language)
        config = mkdocs_config(plan, result.language, languages, result.nav, work / "docs" / code, site_dir,
                               identity, result.footer)
        configs[code] = tree.write(f"mkdocs.{code}.yml", config)
    return configs


def build_order(rendered) -> list[str]:
    """Language codes in the order MkDocs builds them into one tree (`serve`): the default language first,
    because MkDocs empties its site_dir (the site root), which holds the other languages' sites."""
    return [result.language.code for result in sorted(rendered, key=lambda result: not result.language.default)]


def build_languages(configs: dict[str, Path]) -> None:
    """Each language's MkDocs build, strict; side by side in processes of their own, up to the cores there
    are (each language is a build of its own, with its own site directory), or one after the other.

    Processes are forked, so that each starts with MkDocs and the theme already imported; a process that
    runs threads (`serve`'s server and file watcher) is never forked, and builds one language after another.
    """
    workers = min(len(configs), os.cpu_count() or 1)
    if workers < 2 or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        for config in configs.values():
            run_mkdocs(config)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for future in [pool.submit(run_mkdocs, config) for config in configs.values()]:
            future.result()  # a language's BuildError is raised here, as in this process


def assemble(work: Path, rendered) -> Path:
    """The languages' sites put together: the default language at the root, each other at its URL prefix."""
    root = work / "site"
    default = next(result.language for result in rendered if result.language.default)
    language_site(work, default).rename(root)
    for result in rendered:
        if result.language != default:
            target = root / site_subdir(result.language)
            target.parent.mkdir(parents=True, exist_ok=True)
            language_site(work, result.language).rename(target)
    return root


def write_crawler_files(tree: OutputTree, rendered, site_url: str | None) -> None:
    """Our sitemaps and robots.txt in place of MkDocs' sitemaps (render/sitemaps.py says why)."""
    for result in rendered:
        for name in MKDOCS_SITEMAPS:
            (tree.root / site_subdir(result.language) / name).unlink(missing_ok=True)
    for path, text in crawler_files(rendered, site_url).items():
        tree.write(path, text)


def _swap_into_place(new: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{os.getpid()}")
        out.rename(old)
    new.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_site(plan_dir: Path, out: Path, *, prepared: Prepared | None = None,
               rendered: list[RenderedLanguage] | None = None, config: Path | None = None,
               site_url: str | None = None) -> BuildResult:
    """Build the plan in `plan_dir` into `out`, with the city's identity in `config` (its mkdocs.yml; by default
    the one beside the plan); `site_url`: the published address, in place of plan.yaml's; `prepared` and
    `rendered`, when the caller has them already (`serve`), are not computed again."""
    out = check_output(Path(out), Path(plan_dir))  # 0. refuse an output that would destroy anything else
    prepared = prepared or prepare_directory(Path(plan_dir), config, site_url)  # 1. read, validate, derive, once
    rendered = rendered or render_site(prepared)               # 2. render everything (strings only)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
    try:
        configs = write_sources(rendered, prepared.plan, work, prepared.data_files, prepared.identity)  # 3. write
        build_languages(configs)                                 # 4. MkDocs, strict, the languages side by side
        site = assemble(work, rendered)
        tree = OutputTree(site)
        # The marker lets the next build recognise this directory as a site it may replace.
        tree.write(MARKER, MARKER_TEXT)
        write_crawler_files(tree, rendered, prepared.plan.root.site_url)
        _swap_into_place(site, out)                              # 5. only now replace the old site
    finally:
        shutil.rmtree(work, ignore_errors=True)
    pages = tuple((result.language, path.removesuffix("index.md"), own, fallback)
                  for result in rendered for path, (own, fallback) in sorted(result.texts.items()) if fallback)
    return BuildResult(out, len(rendered[0].files), list(prepared.coverage), prepared.warnings, pages)
