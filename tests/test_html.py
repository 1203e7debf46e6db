"""HTML pages to text with an offset map back to the HTML."""

from __future__ import annotations

import html as html_lib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _timing import scales_linearly
from vngovdirectives.errors import HtmlError, VnGovDirectivesError
from vngovdirectives.text.html import html_to_text, looks_like_html


def _pieces(page: str) -> list[str]:
    t = html_to_text(page)
    return [page[slice(*t.source_span(i, i + 1))] for i in range(len(t.text))]


def test_blocks_become_lines_and_inline_tags_vanish() -> None:
    page = "<div><h2>Tăng cường <b>phòng</b>, chống dịch</h2><p>Yêu cầu <a href='#'>Sở Y tế</a> báo cáo.</p></div>"
    assert html_to_text(page).text == "Tăng cường phòng, chống dịch\nYêu cầu Sở Y tế báo cáo.\n"


def test_table_cells_and_breaks_end_lines() -> None:
    page = "<table><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH AN HÒA</td><td>CỘNG HÒA XÃ HỘI</td></tr></table>"
    assert html_to_text(page).text.splitlines() == ["ỦY BAN NHÂN DÂN", "TỈNH AN HÒA", "CỘNG HÒA XÃ HỘI"]


@pytest.mark.parametrize(
    "wrapper",
    [
        "<script>var s = '<p>Yêu cầu</p>';</script>{}",
        "<style>p::before {{ content: 'Yêu cầu'; }}</style>{}",
        "<nav><ul><li>Trang chủ</li><li><nav>Tin tức</nav></li></ul></nav>{}",
        "<header><h1>Cổng thông tin</h1></header>{}<footer>Bản quyền</footer>",
        '<div class="main-menu"><a>Giới thiệu</a></div>{}',
        '<ul role="navigation"><li>Văn bản</li></ul>{}',
        '<div id="breadcrumb">Trang chủ &raquo; Tin tức</div>{}',
        "<aside class='box'>Tin liên quan</aside>{}",
        "<div class='box-related'><p>Tin liên quan</p></div>{}",
        "<div class='social share'>Chia sẻ</div>{}",
        "<ul class='navigation'><li>Trang chủ</li></ul>{}",
        "<!-- <p>ẩn</p> -->{}",
        "<head><title>Trang</title></head>{}",
    ],
)
def test_non_content_is_dropped(wrapper: str) -> None:
    page = wrapper.format("<p>Giao Sở Tài chính chủ trì.</p>")
    assert html_to_text(page).text == "Giao Sở Tài chính chủ trì.\n"


@pytest.mark.parametrize(
    "page",
    [
        '<body class="has-sidebar"><p>Giao Sở Tài chính chủ trì.</p></body>',
        '<div class="container with-menu page-footer-fixed"><p>Giao Sở Tài chính chủ trì.</p></div>',
        '<article class="nav-article"><p>Giao Sở Tài chính chủ trì.</p></article>',
    ],
)
def test_layout_classes_keep_the_content(page: str) -> None:
    assert html_to_text(page).text == "Giao Sở Tài chính chủ trì.\n"


def test_entities_decode_and_map_back_to_the_entity() -> None:
    page = "<p>Sở&nbsp;Y&#32;tế &amp; Cục &#x110;iện l&#7921;c&hellip;</p>"
    t = html_to_text(page)
    assert t.text == "Sở\xa0Y tế & Cục Điện lực…\n"
    pieces = _pieces(page)
    assert pieces[2] == "&nbsp;"
    assert pieces[t.text.index("&")] == "&amp;"
    assert pieces[t.text.index("Đ")] == "&#x110;"
    assert pieces[t.text.index("ự")] == "&#7921;"
    assert pieces[t.text.index("…")] == "&hellip;"


def test_unknown_entity_and_bare_ampersand_stay_as_written() -> None:
    page = "<p>A &foo; B & C</p>"
    assert html_to_text(page).text == "A &foo; B & C\n"


def test_white_space_collapses_and_pre_keeps_lines() -> None:
    page = "<p>  Số:\n\n   07/KH-UBND  </p><pre>dòng 1\ndòng 2</pre>"
    assert html_to_text(page).text == "Số: 07/KH-UBND\ndòng 1\ndòng 2\n"


def test_broken_markup_is_read() -> None:
    page = "<p>Điều 1. Giao<p>Điều 2. Sở Y tế <b>chủ trì</p></div><li>Nơi nhận"
    assert html_to_text(page).text == "Điều 1. Giao\nĐiều 2. Sở Y tế chủ trì\nNơi nhận\n"


def test_spans_of_a_multi_line_page() -> None:
    page = "<html>\n<body>\n<p>Số: 12/QĐ-UBND</p>\n<p>Hà Nội,\n  ngày 05 tháng 3 năm 2024</p>\n</body></html>"
    t = html_to_text(page)
    i = t.text.index("ngày")
    s, e = t.source_span(i, i + len("ngày 05 tháng 3 năm 2024"))
    assert page[s:e] == "ngày 05 tháng 3 năm 2024"
    s, e = t.source_span(0, len("Số: 12/QĐ-UBND"))
    assert page[s:e] == "Số: 12/QĐ-UBND"


def test_empty_spans_and_bounds() -> None:
    t = html_to_text("<p>ab</p>")
    assert t.source_span(1, 1) == (4, 4)
    assert t.source_span(10, 20) == (9, 9)


def test_not_a_str() -> None:
    with pytest.raises(HtmlError, match="reads a str"):
        html_to_text(b"<p>")  # type: ignore[arg-type]
    assert issubclass(HtmlError, VnGovDirectivesError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("<p>Chỉ đạo</p>", True),
        ("Trang <div class='x'>", True),
        ("Số: 07/KH-UBND", False),
        ("giá trị < 5 và > 2", False),
        ("a <b> không phải thẻ", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


_TEXT = st.text(alphabet=st.sampled_from("aăâđêôơư ÀẢẾỤ&<>\"'\n\t;#0123456789xyz/-"), max_size=80)


@given(_TEXT)
def test_escaped_text_comes_back_with_each_character_at_its_span(text: str) -> None:
    page = "<div><p>" + html_lib.escape(text) + "</p></div>"
    t = html_to_text(page)
    assert t.text == (" ".join(text.split()) + "\n" if text.split() else "")
    for i, ch in enumerate(t.text):
        s, e = t.source_span(i, i + 1)
        if ch in " \n":
            continue
        assert html_lib.unescape(page[s:e]) == ch


@given(st.text(max_size=200))
def test_never_raises_on_any_str(text: str) -> None:
    t = html_to_text(text)
    assert len(t.starts) == len(t.ends) == len(t.text)
    for i in range(len(t.text)):
        s, e = t.source_span(i, i + 1)
        assert 0 <= s <= e <= len(text)


@pytest.mark.parametrize(
    "page",
    ["<p>{}", "<div class='menu'>{}", "&amp;{}", "<td>x</td>{}", "<!--{}", "<a b='{}", "<![CDATA[{}", "<a b='{}>"],
)
def test_linear_time(page: str) -> None:
    unit, _, tail = page.partition("{}")
    assert scales_linearly(lambda n: html_to_text(unit * n + tail), 4000)


# --------------------------------------------------------------------------- timing
