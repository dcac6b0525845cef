"""Compiled Jinja templates kept in memory for the life of the process.

Each build makes new Jinja environments (one per language for the plan's templates, and MkDocs one
per language for the theme), and each compiled every template again: a third of a rebuild in
`serve`. Jinja's bytecode cache checks each template's source against a checksum, so an edited
template is compiled afresh. One cache per kind of environment: compiled code depends on the
environment's settings, which differ between ours and MkDocs'.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


PLAN_TEMPLATES = MemoryBytecodeCache()   # generator/render/environment.py
THEME_TEMPLATES = MemoryBytecodeCache()  # MkDocs' theme environment, through generator/publish/hooks/theme_templates.py
