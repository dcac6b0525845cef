"""Furigana in a browser: the switch above a page hides and shows every reading, with JavaScript and
without, and a script remembers the choice from page to page; copied text holds no reading; and every
page of a language written in Japanese script (Easy Japanese) passes axe on a phone and on a desktop."""

from __future__ import annotations

import pytest

from tests.browser.axe import violations
from tests.browser.conftest import PHONE
from tests.content.test_easy_japanese import CASES

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
READING = "rt"
SWITCH = "#kk-furigana"


def _pages(site):
    return sorted(path.parent.relative_to(site).as_posix() + "/" for path in site.rglob("index.html"))


def _with_readings(site, prefix: str) -> list[str]:
    """The pages of the language at `prefix` that show furigana (and so have the switch)."""
    root = site / prefix
    return [prefix + ("" if page == "./" else page) for page in _pages(root)
            if "<ruby>" in (root / page / "index.html").read_text(encoding="utf-8")]


def _readings_shown(page) -> bool:
    return page.locator(READING).first.evaluate("rt => rt.getBoundingClientRect().height > 0")


@pytest.mark.parametrize(("name", "language"), CASES)
@pytest.mark.parametrize("scripts", [False, True], ids=["without-javascript", "with-javascript"])
def test_the_switch_hides_and_shows_every_reading(browser, built_sites, serve_site, name, language, scripts):
    site = built_sites(name)
    first = _with_readings(site, language.url_prefix)[0]
    context = browser.new_context(**PHONE, java_script_enabled=scripts)
    page = context.new_page()
    try:
        page.goto(serve_site(site) + first)
        switch = page.locator(SWITCH)
        assert switch.is_checked() and _readings_shown(page)
        page.locator(f"label[for='{SWITCH[1:]}']").click()  # a tap on its words, as a reader would
        assert not switch.is_checked()
        assert page.locator(READING).evaluate_all("rts => rts.every(rt => rt.getBoundingClientRect().height === 0)")
        switch.focus()
        page.keyboard.press("Space")  # and back on, from the keyboard
        assert switch.is_checked() and _readings_shown(page)
    finally:
        context.close()


@pytest.mark.parametrize(("name", "language"), CASES)
def test_the_choice_is_remembered_from_page_to_page(browser, built_sites, serve_site, name, language):
    site = built_sites(name)
    pages = _with_readings(site, language.url_prefix)
    assert len(pages) >= 2, f"{name}: fewer than two pages with furigana"
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto(serve_site(site) + pages[0])
        page.locator(SWITCH).uncheck()
        page.goto(serve_site(site) + pages[1])
        assert not page.locator(SWITCH).is_checked() and not _readings_shown(page)
        page.locator(SWITCH).check()
        page.goto(serve_site(site) + pages[0])
        assert page.locator(SWITCH).is_checked() and _readings_shown(page)
    finally:
        context.close()


@pytest.mark.parametrize(("name", "language"), CASES)
def test_copied_text_holds_the_base_text_once_and_no_reading(browser, built_sites, serve_site, name, language):
    site = built_sites(name)
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    try:
        page.goto(serve_site(site) + _with_readings(site, language.url_prefix)[0])
        ruby = page.locator("article ruby").first
        base, reading = ruby.evaluate("r => [r.firstChild.textContent, r.querySelector('rt').textContent]")
        block = ruby.locator("xpath=ancestor::*[self::p or self::li or self::h1 or self::h2 or self::h3 or self::td or self::th][1]")
        copied = block.evaluate("""el => { const range = document.createRange(); range.selectNodeContents(el);
            const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);
            return selection.toString(); }""")
        assert base in copied and base + reading not in copied and reading not in copied.replace(base, ""), copied
    finally:
        context.close()


@pytest.mark.parametrize(("name", "language"), CASES)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_axe_finds_nothing_on_any_page(browser, built_sites, serve_site, name, language, size):
    site = built_sites(name)
    context = browser.new_context(**size)
    page = context.new_page()
    found = {}
    try:
        for path in _pages(site / language.url_prefix):
            url = language.url_prefix + ("" if path == "./" else path)
            page.goto(serve_site(site) + url)
            if problems := violations(page):
                found[url] = problems
    finally:
        context.close()
    assert not found, found
