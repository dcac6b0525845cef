"""The first mention of a glossary term on a page links to its entry, with the definition as the link's title."""

from __future__ import annotations

import re

from generator.publish.hooks.term_links import link_terms

TERMS = [
    {"id": "kpi", "text": "KPI", "definition": "An indicator set to check progress."},
    {"id": "plan", "text": "plan", "definition": "A plan."},
    {"id": "healthy-life", "text": "健康寿命", "definition": '"Healthy" <b>years</b> & more'},
    {"id": "healthy-life-goal", "text": "健康寿命の延伸", "definition": "Longer healthy lives."},
    {"id": "kuni", "text": "国", "definition": "One character: too short to find safely."},
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
    terms = [{"id": "amp", "text": "AMP", "definition": "d"}, {"id": "quot", "text": "quot", "definition": "d"},
             {"id": "rnd", "text": "R&D", "definition": "d"}]
    source = ('<p title="a > AMP quot">Tom &amp; Jerry &quot;x&quot; &#x41;MP</p>'
              '<p data-x=\'1>2 AMP\'>R&amp;D and AMP and quot</p>')
    out = link_terms(source, terms, "g/")
    assert _links(out) == [("rnd", "R&amp;D"), ("amp", "AMP"), ("quot", "quot")]
    assert out.startswith('<p title="a > AMP quot">Tom &amp; Jerry &quot;x&quot; &#x41;MP</p>')
    assert "<p data-x='1>2 AMP'>" in out
