"""A keyboard user always sees where the focus is: no Tab stop lands on something invisible."""

from __future__ import annotations

import pytest

from tests.plans import HOME_PLANS, languages, page_paths

pytestmark = pytest.mark.browser

# Visible: it has a size, and neither it nor anything around it is hidden, transparent or clipped away.
# Focus styles fade in (the theme's ¶ permalinks), and the theme's script opens search a frame after its
# box takes the focus: judge once every transition has ended. Each running one is brought to its end at
# once (Animation.finish, which fires its end events, as the theme expects) instead of being waited for,
# frame after frame until none starts any more; an endless animation is left running.
VISIBLE = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  el.scrollIntoView({block: 'center'});
  const frame = () => new Promise(done => requestAnimationFrame(done));
  await frame();
  for (let round = 0; round < 20; round++) {
    await frame();
    const running = document.getAnimations().filter(a => a.playState === 'running'
                                                    && isFinite(a.effect.getComputedTiming().endTime));
    if (!running.length) break;
    running.forEach(a => a.finish());
  }
  const box = el.getBoundingClientRect();
  const ok = box.width >= 1 && box.height >= 1 && box.bottom > 0 && box.right > 0
             && box.top < innerHeight && box.left < innerWidth;
  let hidden = false;
  for (let node = el; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.visibility !== 'visible' || style.display === 'none' || parseFloat(style.opacity) === 0) hidden = true;
  }
  return {ok: ok && !hidden, what: el.outerHTML.slice(0, 160)};
}"""


def _paths(plan: str) -> list[str]:
    """The home page and the first item's page, in every language: every kind of Tab stop the site has."""
    item = (page_paths(plan, "node") or [""])[0]
    return [language.url_prefix + path for path in dict.fromkeys(["", item]) for language in languages(plan)]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("plan", "path"), [(plan, path) for plan in HOME_PLANS for path in _paths(plan)])
def test_every_tab_stop_is_visible(browser, built_sites, serve_site, plan, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(serve_site(built_sites(plan)) + path)
    invisible, stops = [], 0
    for stop in range(1, 80):
        page.keyboard.press("Tab")
        focused = page.evaluate(VISIBLE)
        if focused is None:  # past the last stop, back to the page itself
            break
        stops = stop
        if not focused["ok"]:
            invisible.append(f"Tab stop {stop}: {focused['what']}")
    context.close()
    assert stops > 5, "the page has a keyboard path through it"
    assert invisible == []
