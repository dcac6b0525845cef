"""The @page rule each page carries for its printed margins: plan text cannot escape its CSS string."""

from __future__ import annotations

import re

from generator.render.page_head import css_string, print_margins

HOSTILE = 'Town "A" \\ </style><script>alert(1)</script> &amp;\n}'


def test_plan_text_stays_inside_its_css_string():
    quoted = css_string(HOSTILE)
    inner = quoted[1:-1]
    assert quoted.startswith('"') and quoted.endswith('"')
    assert not re.search(r'(?<!\\)"', inner.replace("\\\\", "")), "no unescaped quote ends the string early"
    for char in "<>&\n":
        assert char not in inner


def test_the_margins_name_the_site_and_leave_the_unknown_to_the_page_script():
    style = print_margins(HOSTILE, None, None, 'Printed "on"')
    assert style.count("</style>") == 1 and "<script" not in style
    assert "@top-left{content:" in style and "counter(pages)" in style
    assert "data-add-url" in style and "data-add-date" in style
    assert 'data-printed-label="Printed &quot;on&quot;"' in style
    known = print_margins("Site", "https://example.org/a/", "Last updated: May 1, 2019", "Printed on")
    assert '@top-right{content:"https://example.org/a/"}' in known
    assert '@bottom-left{content:"Last updated: May 1, 2019"}' in known
    assert "data-add-url" not in known and "data-add-date" not in known
