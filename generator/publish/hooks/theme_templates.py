"""MkDocs hooks (the `hooks:` setting of the generated configs): Keikaku's small additions to a build.

MkDocs loads this file anew for every build; the caches it uses live in generator.render.template_cache,
which is imported once per process.
"""

from __future__ import annotations

from generator.render.template_cache import THEME_TEMPLATES


def on_env(env, config, files):
    """Reuse the theme's compiled templates across builds (each language, each `serve` rebuild)."""
    env.bytecode_cache = THEME_TEMPLATES
    return env
