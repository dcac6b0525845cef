"""The first mention of a glossary term on a page links to its entry, with the definition as the link's title."""

from __future__ import annotations

import re

import pytest

from generator.languages import published_languages
from generator.load.plan import load_plan
from generator.render.term_links import Term, link_terms, link_terms_in_markdown, linked_terms
from tests.plans import PLANS

TERMS = [
    Term("kpi", "KPI", "An indicator set to check progress."),
    Term("plan", "plan", "A plan."),
    Term("healthy-life", "健康寿命", '"Healthy" <b>years</b> & more'),
    Term("healthy-life-goal", "健康寿命の延伸", "Longer healthy lives."),
    Term("kuni", "国", "One character: too short to find safely."),
]


def _links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="kk-term" href="[^"]*#([^"]+)" title="[^"]*">([^<]*)</a>', html)


def test_only_the_first_mention_is_linked_and_its_definition_is_escaped():
    out = link_terms("<p>健康寿命と健康寿命。</p><p>KPI and kpi.</p>", TERMS, "../glossary/")
    assert _links(out) == [("healthy-life", "健康寿命"), ("kpi", "KPI")]
    assert 'title="&quot;Healthy&quot; &lt;b&gt;years&lt;/b&gt; &amp; more"' in out
    assert 'href="../glossary/#kpi"' in out


def test_never_in_headings_links_code_or_hidden_text():
    source = ('<h2 id="x">KPI 健康寿命</h2><p><a href="/">KPI</a> <code>plan</code> '
              '<span class="kk-sr">健康寿命</span> <svg><text>plan</text></svg></p><p>plan KPI</p>')
    out = link_terms(source, TERMS, "g/")
    assert _links(out) == [("plan", "plan"), ("kpi", "KPI")]
    assert out.startswith('<h2 id="x">KPI 健康寿命</h2><p><a href="/">KPI</a> <code>plan</code>')


def test_latin_terms_match_whole_words_and_longer_terms_win():
    out = link_terms("<p>planning the 健康寿命の延伸 and the 健康寿命, in 全国</p>", TERMS, "g/")
    assert _links(out) == [("healthy-life-goal", "健康寿命の延伸"), ("healthy-life", "健康寿命")]
    assert "国</p>" in out, "a one-character term is not matched inside other words"


def test_attributes_are_never_touched():
    source = '<p title="KPI">text</p><img alt="健康寿命"><p>KPI</p>'
    out = link_terms(source, TERMS, "g/")
    assert out.startswith('<p title="KPI">text</p><img alt="健康寿命"><p>')
    assert _links(out) == [("kpi", "KPI")]


def test_never_inside_a_character_reference_or_a_quoted_attribute():
    # "AMP" would have been linked inside "&amp;", and a ">" inside a quoted attribute ended the tag early.
    terms = [Term("amp", "AMP", "d"), Term("quot", "quot", "d"), Term("rnd", "R&D", "d")]
    source = ('<p title="a > AMP quot">Tom &amp; Jerry &quot;x&quot; &#x41;MP</p>'
              '<p data-x=\'1>2 AMP\'>R&amp;D and AMP and quot</p>')
    out = link_terms(source, terms, "g/")
    assert _links(out) == [("rnd", "R&amp;D"), ("amp", "AMP"), ("quot", "quot")]
    assert out.startswith('<p title="a > AMP quot">Tom &amp; Jerry &quot;x&quot; &#x41;MP</p>')
    assert "<p data-x='1>2 AMP'>" in out


def test_in_markdown_headings_links_and_attribute_lists_are_left_alone():
    body = ('# KPI and 健康寿命 { #kpi }\n\nThe KPI, a [KPI](https://example.org/) and co\\-creation '
            '{: #plan }\n\n<div class="kk-prose"><p>健康寿命</p></div>\n')
    out = link_terms_in_markdown(body, TERMS + [Term("co", "co-creation", "d")], "g/")
    assert out.startswith("# KPI and 健康寿命 { #kpi }\n")
    assert _links(out) == [("kpi", "KPI"), ("co", "co\\-creation"), ("healthy-life", "健康寿命")]
    assert "[KPI](https://example.org/)" in out and "{: #plan }" in out


_LINK = re.compile(r'<a class="kk-term" href="[^"]*#([^"]+)" title="[^"]*">(.*?)</a>', re.S)
_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.S)


@pytest.mark.parametrize("name", sorted(PLANS))
def test_the_built_pages_link_what_the_rule_links_on_their_html(built_sites, name):
    # The render phase links terms in the Markdown; the rule is stated on the HTML a reader reads
    # (`link_terms`): with the links taken out of each built page, the rule finds exactly the same ones.
    site, plan = built_sites(name), load_plan(PLANS[name]).plan
    for language in published_languages(plan.root.languages):
        terms = linked_terms(plan, language)
        for page in sorted((site / language.url_prefix).rglob("index.html")):
            relative = page.relative_to(site / language.url_prefix).as_posix()
            if relative.split("/")[0] in ("en", "easy", "search") and language.url_prefix == "" or relative.startswith("glossary/"):
                continue
            article = _ARTICLE.search(page.read_text(encoding="utf-8"))
            if article is None:
                continue
            built = [(ident, re.sub(r"<[^>]+>", "", text)) for ident, text in _LINK.findall(article.group(2))]
            bare = _LINK.sub(lambda match: match.group(2), article.group(2))
            href = "../" * relative.count("/", 0, relative.rindex("/")) + "glossary/" if "/" in relative else "glossary/"
            expected = [(ident, re.sub(r"<[^>]+>", "", text)) for ident, text in _LINK.findall(link_terms(bare, terms, href))]
            assert built == expected, f"{language.code}/{relative}"
