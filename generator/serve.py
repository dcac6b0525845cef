"""`serve`: build, serve the site on localhost, and rebuild on any change to the plan or templates.

MkDocs' own LiveReloadServer does the serving and the browser reload; the
builder it calls is Keikaku's whole build, so YAML and template edits show up.
A plan error is printed and the last good site stays served.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .build import build_site
from .errors import BuildError, PlanError
from .labels import TEMPLATES_DIR
from .mkdocs_config import MKDOCS_YML, OVERRIDES_DIR
from .output_safety import check_output


def _build_and_report(plan_dir: Path, out: Path) -> None:
    try:
        result = build_site(plan_dir, out)
        print(f"built {result.page_count} pages per language; watching for changes", flush=True)
    except PlanError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s); still serving the last good site", file=sys.stderr, flush=True)
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr, flush=True)


def serve(plan_dir: Path, out: Path, port: int) -> None:
    from mkdocs.livereload import LiveReloadServer

    out = check_output(Path(out), Path(plan_dir))  # refused before the server starts: UnsafeOutput
    _build_and_report(plan_dir, out)
    out.mkdir(parents=True, exist_ok=True)
    server = LiveReloadServer(builder=lambda: _build_and_report(plan_dir, out),
                              host="127.0.0.1", port=port, root=str(out))
    for path in (Path(plan_dir), TEMPLATES_DIR, OVERRIDES_DIR, MKDOCS_YML):
        server.watch(str(path))
    print(f"serving on http://127.0.0.1:{port}/ (English at /en/); Ctrl+C to stop", flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
