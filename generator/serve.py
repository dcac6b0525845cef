"""`serve`: build, serve the site on localhost, and rebuild on any change to the plan or templates.

MkDocs' own LiveReloadServer does the serving and the browser reload; the
builder it calls is Keikaku's whole build, so YAML and template edits show up.
A plan error is printed, and the browser shows it on a problem page (`serve_problems`) until fixed.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from .build import build_site
from .errors import BuildError, PlanError
from .labels import TEMPLATES_DIR
from .mkdocs_config import MKDOCS_YML, OVERRIDES_DIR
from .output_safety import check_output
from .serve_problems import BuildStatus, PortInUse, ProblemPageServer, ensure_port_free

HOST = "127.0.0.1"


def _build_and_report(plan_dir: Path, out: Path, status: BuildStatus) -> None:
    try:
        result = build_site(plan_dir, out)
        status.succeeded()
        print(f"built {result.page_count} pages per language; watching for changes", flush=True)
    except PlanError as exc:
        messages = [str(problem) for problem in exc.problems]
        status.failed(messages)
        print("\n".join(messages), file=sys.stderr)
        print(f"{len(exc.problems)} problem(s); the browser shows them until they are fixed", file=sys.stderr,
              flush=True)
    except BuildError as exc:
        status.failed([f"build failed: {exc}"])
        print(f"build failed: {exc}", file=sys.stderr, flush=True)


def serve(plan_dir: Path, out: Path, port: int) -> None:
    out = check_output(Path(out), Path(plan_dir))  # refused before the server starts: UnsafeOutput
    ensure_port_free(HOST, port)
    status = BuildStatus()
    _build_and_report(plan_dir, out, status)
    out.mkdir(parents=True, exist_ok=True)
    server = ProblemPageServer(status, builder=lambda: _build_and_report(plan_dir, out, status),
                               host=HOST, port=port, root=str(out))
    for path in (Path(plan_dir), TEMPLATES_DIR, OVERRIDES_DIR, MKDOCS_YML):
        server.watch(str(path))
    print(f"serving on http://{HOST}:{port}/ (English at /en/); Ctrl+C to stop", flush=True)
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
