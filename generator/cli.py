"""Command line: python -m generator check|build|serve|diff|schema [--plan DIR] [--out DIR]; new DIR --municipality NAME
--en NAME; export-sheet --out FILE.xlsx [--year YEAR]; import-sheet FILE…"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .publish.engines import DEFAULT_ENGINE, ENGINES, use_engine
from .problems.errors import BuildError, KeikakuError, MessageError, PlanError
from .languages import all_languages, default_language
from .load.site import load_site
from .characters import visible
from .sheets.layout import DEFAULT_SHEET_LANGUAGE, SHEET_LANGUAGES
from .messages import Message, Shown, developer_text, locale_language, message_languages, render
from .publish.output_safety import UnsafeOutput
from .problems.formats import FORMATS, format_problem

DEFAULT_PLAN = Path("plan")
DEFAULT_OUT = Path("site")
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to 65535, found '{text}'")
    return int(text)


def _year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"expected a four-digit Western year such as 2025, found '{text}'")
    return int(text)


def _site_url(text: str) -> str:
    """The published site's address, as the publish workflow passes it (GitHub Pages' base_url plus "/")."""
    from .model.addresses import SITE_URL_PATTERN
    if not re.fullmatch(SITE_URL_PATTERN, text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a site address (expected e.g. https://example.github.io/plan/, "
                                         "ending in /)")
    return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Keikaku: publish a municipal plan as a bilingual site.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("check", "validate the plan and report every problem"),
                       ("build", "validate, render and build the site"),
                       ("serve", "build, serve on localhost and rebuild when YAML or templates change")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--plan", type=Path, default=DEFAULT_PLAN, help="plan directory (default: plan/)")
        sub.add_argument("--config", type=Path, default=None,
                         help="the city's mkdocs.yml: colours, emblem, footer (default: the mkdocs.yml beside the plan's folder)")
        sub.add_argument("--lang", choices=message_languages(), default=None,
                         help="language of the problems reported (default: the locale's, from LC_ALL/LANG)")
        if name == "check":
            sub.add_argument("--format", choices=FORMATS, default="text", dest="output_format",
                             help="text: file:line:col lines (default); github: annotations on the pull request's lines")
        if name != "check":
            sub.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: site/)")
        if name == "build":
            sub.add_argument("--site-url", type=_site_url, default=None,
                             help="the published site's address, in place of plan.yaml's site_url (the publish workflow "
                                  "passes GitHub Pages' address)")
        if name == "serve":
            sub.add_argument("--port", type=_port, default=8000, help="port on localhost (default: 8000)")
        if name != "check":
            sub.add_argument("--engine", choices=sorted(ENGINES), default=DEFAULT_ENGINE,
                             help=f"static site engine (default: {DEFAULT_ENGINE}; properdocs is its maintained fork)")
    diff = commands.add_parser("diff", help="summarise, in Markdown, what changed in the plan's content",
                               description="Either OLD_DIR NEW_DIR, or --base GIT_REF to compare --plan with that commit.")
    diff.add_argument("dirs", nargs="*", type=Path, metavar="OLD_DIR NEW_DIR", help="two plan directories")
    diff.add_argument("--base", metavar="GIT_REF", help="compare the plan as of this commit with the plan now")
    diff.add_argument("--plan", type=Path, default=DEFAULT_PLAN, help="plan directory, with --base (default: plan/)")
    # Its own dest: this --lang chooses the summary's language; messages still follow the locale.
    diff.add_argument("--lang", choices=[language.code for language in all_languages()], dest="summary_lang",
                      default=default_language().code, help="language of the summary (default: the site's default)")
    new = commands.add_parser("new", help="write a minimal plan for a municipality, with comments that teach the format")
    new.add_argument("directory", type=Path, help="where to write the plan (a new or empty directory)")
    new.add_argument("--municipality", required=True, help="the municipality's name in Japanese, e.g. 桜ヶ丘町")
    new.add_argument("--en", required=True, help='its name in English, e.g. "Sakuragaoka Town"')
    new.add_argument("--lang", choices=message_languages(), default=None,
                     help="language of the messages (default: the locale's, from LC_ALL/LANG)")
    export = commands.add_parser("export-sheet", help="write the survey workbook (照会票) the divisions fill in")
    export.add_argument("--plan", type=Path, default=DEFAULT_PLAN, help="plan directory (default: plan/)")
    export.add_argument("--out", type=Path, required=True, help="the workbook to write, e.g. 照会票_2025.xlsx")
    export.add_argument("--year", type=_year, default=None,
                        help="the fiscal year to collect (default: the last completed fiscal year)")
    export.add_argument("--whole-plan", action="store_true", help="one sheet for the whole plan, not one per division")
    export.add_argument("--division", action="append", default=[], metavar="ID",
                        help="only this division's sheet (repeatable), e.g. to send each division its own file")
    export.add_argument("--sheet-lang", choices=SHEET_LANGUAGES, default=DEFAULT_SHEET_LANGUAGE,
                        help=f"language of the workbook (default: {DEFAULT_SHEET_LANGUAGE})")
    export.add_argument("--lang", choices=message_languages(), default=None,
                        help="language of the messages (default: the locale's, from LC_ALL/LANG)")
    imp = commands.add_parser("import-sheet", help="read filled survey sheets (.xlsx or .csv) into the plan, all or nothing")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help="filled survey sheets")
    imp.add_argument("--plan", type=Path, default=DEFAULT_PLAN, help="plan directory (default: plan/)")
    imp.add_argument("--format", choices=FORMATS, default="text", dest="output_format",
                     help="text: file:cell lines (default); github: annotations in the pull request")
    imp.add_argument("--summary", type=Path, default=None,
                     help="also write the plan diff (Markdown) to this file, e.g. $GITHUB_STEP_SUMMARY")
    imp.add_argument("--lang", choices=message_languages(), default=None,
                     help="language of the messages and the plan diff (default: the locale's, from LC_ALL/LANG)")
    schema = commands.add_parser("schema", help="write the JSON Schemas for editors")
    schema.add_argument("--out", type=Path, default=SCHEMA_DIR, help="directory for the schema files (default: schema/)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "diff" and (len(args.dirs) != (0 if args.base else 2)):
        parser.error("diff takes OLD_DIR NEW_DIR, or --base GIT_REF (with --plan DIR), not both")
    try:
        if args.command == "check":
            loaded, _ = load_site(args.plan, args.config)
            count = len(loaded.plan.documents)
            _print_warnings(loaded.warnings, args)
            print(render(Message("check.ok.one" if count == 1 else "check.ok.many", {"plan": str(args.plan), "count": count}),
                         _message_language(args)))
        elif args.command == "new":
            from .new_plan import write_new_plan
            lang = _message_language(args)
            for path in write_new_plan(args.directory, args.municipality, args.en):
                print(render(Message("new.wrote", {"path": str(path)}), lang))
            print(render(Message("new.next", {"directory": str(args.directory)}), lang))
        elif args.command == "export-sheet":
            from .sheets.command import export_sheet
            done = export_sheet(args.plan, args.out, args.year, args.sheet_lang, args.whole_plan, tuple(args.division))
            print(render(Message("sheet.wrote", {"path": str(done.path), "year": done.year, "sheets": done.sheets,
                                                 "rows": done.rows}), _message_language(args)))
        elif args.command == "import-sheet":
            from .sheets.command import import_sheets
            lang = _message_language(args)
            done = import_sheets(args.plan, args.files, lang)
            _print_warnings(done.warnings, args)
            if done.count:
                print(render(Message("sheet.imported", {"count": done.count, "files": ", ".join(done.files)}), lang))
                print(done.diff, end="")
            else:
                print(render(Message("sheet.nothing_to_import"), lang))
            if args.summary is not None:
                with open(args.summary, "a", encoding="utf-8") as summary:
                    summary.write(done.diff if done.count else render(Message("sheet.nothing_to_import"), lang) + "\n")
        elif args.command == "schema":
            from .model.schema import write_schemas
            for path in write_schemas(args.out):
                print(f"wrote {path}")
        elif args.command == "build":
            use_engine(args.engine)
            from .publish.build import build_site
            result = build_site(args.plan, args.out, config=args.config, site_url=args.site_url)
            _print_warnings(result.warnings, args)
            lang = _message_language(args)
            print(render(Message("build.done", {"count": result.page_count, "out": str(args.out)}), lang))
            print(render(Message("build.coverage", {"coverage": ", ".join(str(entry) for entry in result.coverage)}),
                         lang))
            for language, url, own, fallback in result.page_coverage:  # the pages that show fallback text
                print(render(Message("build.page_coverage", {"lang": language.code, "page": url or "/",
                                                             "share": 100 * own // (own + fallback),
                                                             "own": own, "total": own + fallback}), lang))
        elif args.command == "diff":
            from .diff.command import run_diff
            print(run_diff(args.dirs, args.base, args.plan, args.summary_lang), end="")
        elif args.command == "serve":
            use_engine(args.engine)
            from .publish.serve import serve
            serve(args.plan, args.out, args.port, args.lang, args.config)
    except PlanError as exc:
        fmt = getattr(args, "output_format", "text")
        lang = _message_language(args)
        for problem in exc.problems:
            # Annotations go to stdout, where the runner reads workflow commands.
            print(format_problem(problem, fmt, lang), file=sys.stdout if fmt == "github" else sys.stderr)
        count = len(exc.problems)
        summary = "sheet.summary" if args.command == "import-sheet" else "summary"
        closing = render(Message(f"{summary}.one" if count == 1 else f"{summary}.many", {"count": count}), lang)
        print(closing, file=sys.stderr)
        if getattr(args, "summary", None) is not None:
            _write_problem_summary(args.summary, closing, exc.problems, lang)
        return 1
    except BuildError as exc:
        # MkDocs's own reason stays as MkDocs wrote it; what surrounds it is in the editor's language.
        print(render(Message("error.build_failed", {"detail": str(exc)}), _message_language(args)), file=sys.stderr)
        return 1
    except UnsafeOutput as exc:
        print(render(Message("error.unsafe_output", {"message": exc.message}), _message_language(args)),
              file=sys.stderr)
        return 1
    except MessageError as exc:
        print(render(Message("error.other", {"message": exc.message}), _message_language(args)), file=sys.stderr)
        return 1
    except KeikakuError as exc:
        # A reason no catalogue words (e.g. git's): one language on the line, not a Japanese prefix on English.
        # Keikaku's own words around what it quotes (problems already shown safely, git's reason made visible).
        print(developer_text(Message("error.other", {"message": Shown("\n".join(visible(line) for line in str(exc).split("\n")))})),
              file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. an output directory that cannot be written: the user's to fix
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    return 0


def _print_warnings(warnings, args: argparse.Namespace) -> None:
    """Values that look like slips: shown like problems, as annotations in a pull request, without failing."""
    fmt = getattr(args, "output_format", "text")
    for warning in sorted(warnings, key=lambda problem: problem.sort_key()):
        print(format_problem(warning, fmt, _message_language(args)), file=sys.stdout if fmt == "github" else sys.stderr)


def _write_problem_summary(path: Path, closing: str, problems, lang: str) -> None:
    """The problems in the job summary too, where the editor looks first: Markdown, every character escaped."""
    from .render.diff_words import md_escape
    lines = [f"**{md_escape(closing)}**", ""] + [f"- {md_escape(format_problem(problem, 'text', lang))}"
                                                 for problem in problems]
    with open(path, "a", encoding="utf-8") as summary:
        summary.write("\n".join(lines) + "\n")


def _message_language(args: argparse.Namespace) -> str:
    """The language of messages: `--lang`, or else the user's locale."""
    return getattr(args, "lang", None) or locale_language()
