"""axe-core in the page: WCAG 2.1 AA (what JIS X 8341-3:2016 asks of municipal sites), and tap targets.

axe finds what a machine can: contrast, names of controls, table headers, the language of the page and of
its parts, landmarks. Reading order and clear English are for people to review.
"""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# target-size is WCAG 2.2's 2.5.8 (24 × 24 px), which axe tags wcag22aa: enabled by name, in the same run.
_RUN = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, rules: {'target-size': {enabled: true}}, resultTypes: ['violations']})
  .then(r => r.violations)"""


def violations(page) -> list[str]:
    """Every violation on the page as it is now, once its transitions have settled."""
    # Colours are measured as they settle: a hovered row's background fades in, and mid-fade it is lighter.
    # Each transition is brought to its end at once (an endless animation is left running).
    page.evaluate("document.getAnimations().forEach(a => { try { a.finish(); } catch (endless) {} })")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    found = page.evaluate(_RUN, WCAG_AA)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in found]
