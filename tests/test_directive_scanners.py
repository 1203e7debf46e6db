"""The quick looks of the directive parsers agree with the patterns they stand in for (issue 12, speed).

A quick look (a character set, a ``str.find``) decides before a pattern is tried; it may only say "no"
where the pattern finds nothing, so that what the parsers read does not change.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from vngovdirectives.directives import Document, extract
from vngovdirectives.directives.orders import _TRIGGER_HINTS, _TRIGGER_REACH, hinted
from vngovdirectives.directives.outline import _LABEL, _LABEL_FIRST, _SPLIT_LABEL
from vngovdirectives.directives.page import read_page

#: What may follow the first character of a label, one for each of its shapes ("Điều 1.", "Chương IV",
#: "II.", "1.2.", "3)", "(a)", "b)", "- …", "+ …").
_LABEL_TAILS = (
    "iều 1. Phạm vi",
    "iều\n2. Đối tượng",
    "hương IV ",
    "HƯƠNG II ",
    "ục 1 ",
    "ỤC 2 ",
    "hần I ",
    "HẦN II ",
    "I. Mục tiêu",
    ". Mục tiêu",
    ") Nội dung",
    "/ Nội dung",
    ".2. Nội dung",
    "1. Nội dung",
    "2) Nội dung",
    "a) Nội dung",
    "iv) Nội dung",
    " Nội dung",
    "Nội dung",
)


def test_a_label_opens_only_with_a_listed_character_or_a_digit() -> None:
    opening = [
        c
        for c in map(chr, range(0x3001))
        for tail in _LABEL_TAILS
        if _LABEL.match(c + tail) is not None or _SPLIT_LABEL.match(c + tail) is not None
    ]
    assert opening  # the tails do open labels
    assert {c for c in opening if c not in _LABEL_FIRST and not c.isdecimal()} == set()
    assert set(_LABEL_FIRST) <= set(opening)  # and nothing is listed that opens none


_HINT_ALTERNATION = re.compile("|".join(map(re.escape, _TRIGGER_HINTS)))
_PIECES = st.sampled_from(["Yêu cầu", "yêu", "giao", "Giao", "đề nghị", "Đề", "chỉ đạo", "Chỉ", "chỉ", "gia", "yê"])
_FILLER = st.sampled_from([" ", "\n", "Sở Y tế ", "các đơn vị ", "o", "u", "ề", ", "])


@given(st.lists(_PIECES | _FILLER, max_size=80).map("".join), st.integers(0, 600), st.integers(0, 600))
def test_the_trigger_hint_is_a_search_of_the_first_words(text: str, start: int, length: int) -> None:
    page = read_page(text, False)
    start = min(start, len(page.text))
    end = min(len(page.text), start + length)
    window = page.source.low[start : min(end, start + _TRIGGER_REACH)]
    assert hinted(page, start, end) == (_HINT_ALTERNATION.search(window) is not None)


#: Pieces of the pages the parsers read: labels, bodies, triggers, verbs, header and signature marks, cells and
#: rules; joined in any order with any spacing they make pages no test writes by hand.
_FRAGMENTS = st.sampled_from(
    [
        *("Điều 1.", "Điều\n3.", "Chương II", "II.", "1.", "2)", "1.2.", "a)", "(1)", "-", "+", "•"),
        *("Sở Tài chính", "UBND các huyện", "Các sở, ban, ngành", "Giám đốc các Sở: Y tế, Xây dựng", "các đồng chí"),
        *("Yêu cầu", "Giao", "đề nghị", "chỉ đạo", "Chủ trì, phối hợp với", "có trách nhiệm", "tăng cường", "rà soát"),
        *("Đồng thời,", "Theo Kế hoạch,", "Khi", "trước ngày 15/4/2024", "trong quý II/2024", "hằng tháng"),
        *("Công văn số 123/UBND-KT ngày 02/4/2019", "Căn cứ Luật", "Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH"),
        *("PHÓ CHỦ TỊCH", "Nguyễn Văn An", "Đơn vị chủ trì:", "Thời gian thực hiện:", "Kính gửi:", "QUYẾT ĐỊNH"),
        *("Số: 12/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHỤ LỤC", "|", "---", "***", "…", ".", ";", ":"),
    ]
)
_SPACING = st.sampled_from(["", " ", "  ", "\n", "\n\n", " \n"])


_HEADER = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\nKẾ HOẠCH\n"


@given(
    st.sampled_from(["", _HEADER]),
    st.lists(st.tuples(_FRAGMENTS, _SPACING).map("".join), min_size=1, max_size=60).map("".join),
)
def test_pages_of_fragments_are_read_without_error(header: str, body: str) -> None:
    text = header + body
    found = extract(text)
    tasks = found.tasks if isinstance(found, Document) else [t for d in found.directives for t in d.tasks]
    for t in tasks:
        assert 0 <= t.span.start < t.span.end <= len(text)
        assert all(a.name and text[a.span.start : a.span.end] for a in t.assignees)
