"""A keyboard user always sees where the focus is: no Tab stop lands on something invisible."""

from __future__ import annotations

import pytest

from tests.plans import languages, page_paths

pytestmark = pytest.mark.browser

ITEM = (page_paths("plan", "node") or [""])[0]

# Visible: it has a size, and neither it nor anything around it is hidden, transparent or clipped away.
# Focus styles fade in (the theme's ¶ permalinks): judge after the page's transitions have ended.
VISIBLE = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  el.scrollIntoView({block: 'center'});
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.race([Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
                      new Promise(done => setTimeout(done, 3000))]);
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


@pytest.fixture(scope="module")
def plan_url(built_sites, serve_site):
    return serve_site(built_sites("plan"))


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", [language.url_prefix for language in languages("plan")]
                         + [language.url_prefix + ITEM for language in languages("plan")])
def test_every_tab_stop_is_visible(browser, plan_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(plan_url + path)
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
