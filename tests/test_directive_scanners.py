"""The quick looks of the directive parsers agree with the patterns they stand in for (issue 12, speed).

A quick look (a character set, a ``str.find``) decides before a pattern is tried; it may only say "no"
where the pattern finds nothing, so that what the parsers read does not change.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

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
