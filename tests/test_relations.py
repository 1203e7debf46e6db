"""The relation of every reference to the text that cites it, on sentences written for these tests."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _timing import scales_linearly
from vngovdirectives import find_all, find_references, parse_reference
from vngovdirectives.errors import InputTypeError, SpanError, VocabularyError
from vngovdirectives.finding import jsonl_record
from vngovdirectives.references import Relation
from vngovdirectives.references.relation import RefSpan, classify_relations
from vngovdirectives.references.relation.cues import CUES, Genre, Where, load_cues, phrase_regex
from vngovdirectives.references.relation.prepared import infer_genre


def spans(text: str, *needles: str, headers: tuple[str, ...] = ()) -> list[tuple[int, int, bool]]:
    """The span of each needle, searched in order; a needle listed in ``headers`` is a header line."""
    out, pos = [], 0
    for needle in needles:
        start = text.index(needle, pos)
        out.append((start, start + len(needle), needle in headers))
        pos = start + 1
    return out


def relations_of(text: str, *needles: str, headers: tuple[str, ...] = (), genre: Genre | None = None) -> list[str]:
    return [c.relation.value for c in classify_relations(text, spans(text, *needles, headers=headers), genre=genre)]


def found(text: str) -> list[tuple[str, str, str | None]]:
    """What the finders make of ``text``: each reference's number (or serial), relation and part."""
    out = []
    for m in find_references(text):
        ref = m.value
        out.append((str(ref.number) if ref.number else ref.serial, ref.relation.value, ref.part))
    return out


# --- the vocabulary and its data ---------------------------------------------------------------------------


def test_the_thirteen_relations() -> None:
    assert [r.value for r in Relation] == [
        "self", "basis", "implements", "proposal", "amends", "replaces", "repeals",
        "amended_by", "replaced_by", "repealed_by", "carrier", "reply", "cited",
    ]  # fmt: skip
    assert Relation.REPEALS.reverse is Relation.REPEALED_BY
    assert Relation.AMENDED_BY.reverse is Relation.AMENDS
    assert Relation.BASIS.reverse is None


def test_every_cue_row_is_well_formed_and_every_position_is_used() -> None:
    assert len(CUES) > 40
    for cue in CUES:
        assert cue.phrase.strip() == cue.phrase
        assert cue.gap >= 0
        assert cue.comment
        assert unicodedata.is_normalized("NFC", cue.phrase)
        re.compile(phrase_regex(cue.phrase))
    assert {c.where for c in CUES} == set(Where)
    assert {c.relation for c in CUES} == set(Relation)


def test_a_malformed_row_is_a_vocabulary_error() -> None:
    with pytest.raises(VocabularyError, match="number_words"):
        load_cues("number_words")  # a word list, not a cue table


def test_the_phrase_language() -> None:
    assert phrase_regex("bãi bỏ") == r"bãi\s+bỏ"
    assert phrase_regex("đã [triển khai|] thực hiện") == r"đã(?:\s+triển\s+khai|)\s+thực\s+hiện"
    assert phrase_regex("[đã|] được") == r"(?:đã\s+|)được"
    assert "{0,100}?" in phrase_regex("theo … tại")


_WORDS = st.sampled_from(["căn", "cứ", "sửa", "đổi", "thay", "thế", "bởi", "tại", "theo", "bãi", "bỏ"])


@st.composite
def _phrases(draw: st.DrawFn) -> tuple[str, str]:
    """A cue phrase of words, optional and required groups, and a text it must match."""
    pieces, texts = [], []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["word", "group", "optional"]))
        if kind == "word":
            word = draw(_WORDS)
            pieces.append(word)
            texts.append(word)
            continue
        alts = draw(st.lists(_WORDS, min_size=1, max_size=3, unique=True))
        pieces.append("[" + "|".join(alts) + ("|]" if kind == "optional" else "]"))
        chosen = draw(st.sampled_from([*alts, ""] if kind == "optional" else alts))
        if chosen:
            texts.append(chosen)
    if all(p.startswith("[") and p.endswith("|]") for p in pieces):
        pieces.append("tại")  # a phrase needs one word it cannot do without
        texts.append("tại")
    spaces = draw(st.lists(st.sampled_from([" ", "  ", "\n", " \t"]), min_size=len(texts), max_size=len(texts)))
    return " ".join(pieces), "".join(w + s for w, s in zip(texts, spaces, strict=True)).rstrip()


@given(_phrases())
def test_a_phrase_matches_what_it_says_with_any_white_space(case: tuple[str, str]) -> None:
    phrase, text = case
    assert re.fullmatch(phrase_regex(phrase), text), (phrase, text)


def test_old_and_new_tone_placement() -> None:
    text = "QUYẾT ĐỊNH\nĐiều 2. Huỷ bỏ Quyết định số 8/2015/QĐ-UBND; cụ thể hoá Nghị quyết số 12-NQ/TU."
    assert [r for _, r, _ in found(text)] == ["repeals", "implements"]


# --- one relation of each kind ------------------------------------------------------------------------------

PREAMBLE = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA VIỆT\n\nSố: 312/QĐ-UBND\n\nHòa Việt, ngày 4 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n"
    "Về việc ban hành quy chế phối hợp quản lý chợ\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Căn cứ Nghị định số 60/2022/NĐ-CP ngày 1/9/2022 của Chính phủ về phát triển và quản lý chợ;\n"
    "Căn cứ Thông tư số 11/2023/TT-BCT ngày 5/5/2023 của Bộ Công Thương hướng dẫn thi hành "
    "Nghị định số 60/2022/NĐ-CP;\n"
    "Thực hiện Kế hoạch số 77/KH-UBND ngày 2/2/2024 của UBND tỉnh về cải cách hành chính;\n"
    "Theo đề nghị của Giám đốc Sở Công Thương tại Tờ trình số 45/TTr-SCT ngày 20/2/2024 và "
    "Công văn số 301/SCT-QLTM ngày 22/2/2024.\n\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý chợ.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 18/2019/QĐ-UBND "
    "ngày 3/4/2019 và Quyết định số 25/2020/QĐ-UBND ngày 6/7/2020 của UBND tỉnh.\n"
)


def test_a_decision_from_header_to_its_last_article() -> None:
    assert [r for _, r, _ in found(PREAMBLE)] == [
        "self", "basis", "basis", "basis",  # "Căn cứ" wins over "hướng dẫn thi hành" in its clause
        "implements", "proposal", "proposal",  # the proposal clause shares its opener with its whole list
        "replaces", "replaces",  # one verb, two documents
    ]  # fmt: skip


def test_a_basis_list_goes_on_over_lines() -> None:
    text = (
        "QUYẾT ĐỊNH\n*Căn cứ Nghị định số 63/2010/NĐ-CP ngày 8/6/2010 của Chính phủ về kiểm soát thủ tục;\n"
        "Nghị định số 92/2017/NĐ-CP ngày 7/8/2017 của Chính phủ về sửa đổi, bổ sung;*\n"
        "Quyết định số 17/QĐ-UBND ngày 2/1/2024 của UBND tỉnh hết hiệu lực.\n"
    )
    assert [r for _, r, _ in found(text)] == ["basis", "basis", "repeals"]  # a new sentence, its own verb


def test_basis_wins_over_an_amending_verb_inside_its_clause() -> None:
    text = (
        "Căn cứ Nghị định số 14/2023/NĐ-CP ngày 2/3/2023 của Chính phủ sửa đổi, bổ sung một số điều "
        "của Nghị định số 91/2019/NĐ-CP ngày 19/11/2019 của Chính phủ;"
    )
    assert [r for _, r, _ in found(text)] == ["basis", "basis"]


def test_a_basis_list_separated_by_semicolons_on_one_line() -> None:
    text = (
        "Căn cứ Quyết định số 41/QĐ-TTg ngày 5/1/2021; Thông tư số 02/2021/TT-BNV ngày 3/3/2021; Chỉ thị số 05/CT-UBND."
    )
    assert [r for _, r, _ in found(text)] == ["basis"] * 3


def test_a_basis_list_goes_on_past_a_title_about_procedures() -> None:
    # "thủ tục hành chính" ends a title, so no act after it concerns the reference; the list of bases goes on
    text = (
        "QUYẾT ĐỊNH\n*Căn cứ các Nghị định của Chính phủ: số 61/2018/NĐ-CP ngày 23/4/2018 về thực hiện cơ chế "
        "một cửa trong giải quyết thủ tục hành chính;\nsố 107/2021/NĐ-CP ngày 6/12/2021 về sửa đổi thủ tục "
        "hành chính;\nNghị định số 118/2025/NĐ-CP ngày 9/6/2025 về thực hiện thủ tục hành chính;*\n"
    )
    assert [r for _, r, _ in found(text)] == ["basis"] * 3


def test_a_lead_reaches_past_a_verb_with_an_object_of_its_own() -> None:
    # "triển khai" acts on "kết luận …", not on the letter in parentheses; "Thực hiện" leads the clause
    text = (
        "BỘ Y TẾ\nSố: 310/BYT-KH\nHà Nội, ngày 4 tháng 12 năm 2025\nV/v phân công nhiệm vụ\n"
        "Kính gửi: Các đơn vị thuộc Bộ.\n"
        "Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ về việc triển khai kết luận Hội nghị Trung ương "
        "lần thứ 13 về phát triển kinh tế - xã hội năm 2026 (Công văn số 505/TTg-KGVX ngày 1/12/2025), "
        "Bộ trưởng giao:\n1. Vụ Kế hoạch - Tài chính chủ trì.\n"
    )
    assert [r for _, r, _ in found(text)] == ["self", "implements"]


def test_the_part_named_right_before_the_reference() -> None:
    text = (
        "QUYẾT ĐỊNH\nĐiều 2. Quyết định này có hiệu lực từ ngày 4/12/2025 và thay thế:\nĐiều 14, 18 Quyết định "
        "số 15/2022/QĐ-UBND ngày 30/3/2022 của UBND thành phố ban hành Quy định một số nội dung về quản lý đầu "
        "tư công;\nĐiều 3 Quyết định số 07/2022/QĐ-UBND ngày 13/1/2022 của UBND thành phố.\n"
        "Điều 3. Chánh Văn phòng UBND thành phố thi hành Quyết định này.\n"
    )
    assert [(r, part) for _, r, part in found(text)] == [("replaces", "Điều 14, 18"), ("replaces", "Điều 3")]


def test_the_affected_part_is_kept() -> None:
    text = (
        "QUYẾT ĐỊNH\n"
        "Điều 1. Sửa đổi khoản 2 Điều 15 Quy chế ban hành kèm theo Quyết định số 40/2020/QĐ-UBND như sau:\n"
        "Điều 2. Bãi bỏ Điều 3 và Điều 4 của Quyết định số 27/2017/QĐ-UBND.\n"
        "Điều 3. Sửa đổi, bổ sung điểm b khoản 1 Điều 9 Thông tư số 16/2021/TT-BYT như sau:\n"
    )
    assert found(text) == [
        ("40/2020/QĐ-UBND", "amends", "khoản 2 Điều 15"),  # "ban hành kèm theo" yields to the verb before it
        ("27/2017/QĐ-UBND", "repeals", "Điều 3 và Điều 4"),
        ("16/2021/TT-BYT", "amends", "điểm b khoản 1 Điều 9"),
    ]


def test_an_act_on_less_than_the_whole_document_names_its_part() -> None:
    text = (
        "QUYẾT ĐỊNH\nĐiều 2. Bãi bỏ 04 thủ tục hành chính cấp huyện tại Quyết định số 1548/QĐ-UBND ngày 3/5/2025; "
        "bãi bỏ một phần Quyết định số 14/2025/QĐ-UBND; bãi bỏ toàn bộ Quyết định số 15/2025/QĐ-UBND.\n"
        "Điều 3. Thay thế Phụ lục ban hành kèm theo Thông tư số 07/2024/TT-NHNN bằng Phụ lục kèm theo Quyết định này.\n"
        "Điều 4. Bãi bỏ khoản 3 Điều 4 của Nghị định số 24/2012/NĐ-CP (khoản 3 Điều 5 Nghị định số 25/2012/NĐ-CP).\n"
    )
    assert found(text) == [
        ("1548/QĐ-UBND", "repeals", "04 thủ tục hành chính cấp huyện"),
        ("14/2025/QĐ-UBND", "repeals", "một phần"),
        ("15/2025/QĐ-UBND", "repeals", None),
        ("07/2024/TT-NHNN", "replaces", "Phụ lục"),
        ("24/2012/NĐ-CP", "repeals", "khoản 3 Điều 4"),
        ("25/2012/NĐ-CP", "repeals", "khoản 3 Điều 5"),  # each item of a list with its own part
    ]


def test_a_verb_after_a_title_whose_subject_is_something_else() -> None:
    text = (
        "QUYẾT ĐỊNH\nCăn cứ pháp lý:\n- Quyết định số 315/QĐ-BTP ngày 3/10/2025 của Bộ trưởng Bộ Tư pháp về việc "
        "công bố thủ tục hành chính được sửa đổi, thủ tục hành chính bị bãi bỏ trong lĩnh vực chứng thực;\n"
        "- Quyết định số 357/QĐ-BKHCN ngày 7/11/2025 của Bộ Khoa học và Công nghệ về việc công bố thủ tục hành "
        "chính mới ban hành và bị bãi bỏ lĩnh vực khoa học.\n"
        "2. Quyết định số 21/2016/QĐ-UBND ngày 2/3/2016 của UBND tỉnh ban hành Quy chế làm việc hết hiệu lực."
    )
    assert [r for _, r, _ in found(text)] == ["cited", "cited", "repeals"]


def test_repeals_before_and_after_the_reference() -> None:
    text = (
        "Huỷ bỏ Quyết định số 08/2015/QĐ-UBND ngày 4/5/2015 của UBND tỉnh. "
        "Quyết định số 21/2016/QĐ-UBND và Quyết định số 22/2016/QĐ-UBND hết hiệu lực kể từ ngày "
        "Quyết định này có hiệu lực thi hành."
    )
    needles = ("Quyết định số 08/2015/QĐ-UBND", "Quyết định số 21/2016/QĐ-UBND", "Quyết định số 22/2016/QĐ-UBND")
    assert relations_of(text, *needles) == ["repeals"] * 3


def test_reverse_relations_need_this_document_or_a_part_of_it_as_subject() -> None:
    text = (
        "Khoản này được sửa đổi, bổ sung theo quy định tại khoản 4 Điều 1 của Luật số 28/2023/QH15. "
        "Thông tư này đã được thay thế bởi Thông tư số 10/2024/TT-BYT. "
        "Quyết định này bị bãi bỏ bởi Quyết định số 51/2024/QĐ-UBND. "
        "Luật Đường bộ được sửa đổi, bổ sung bởi Luật số 35/2024/QH15. "
        "12 Cụm từ “cơ sở” được thay thế bằng cụm từ “đơn vị” theo quy định tại khoản 2 Điều 3 của "
        "Thông tư số 07/2025/TT-BYT. "
        "13 Điều này được bổ sung lần thứ nhất theo quy định tại khoản 5 Điều 1 của Luật số 19/2021/QH15."
    )
    assert found(text) == [
        ("28/2023/QH15", "amended_by", "Khoản này"),  # the part affected is this document's
        ("10/2024/TT-BYT", "replaced_by", None),  # the document as a whole
        ("51/2024/QĐ-UBND", "repealed_by", None),
        ("35/2024/QH15", "cited", None),  # between two other documents
        ("07/2025/TT-BYT", "amended_by", "Cụm từ “cơ sở”"),
        ("19/2021/QH15", "amended_by", "Điều này"),
    ]


def test_reverse_relations_with_words_between_or_words_dropped() -> None:
    text = (
        "LUẬT\nBẢO HIỂM XÃ HỘI\n"
        "5 Mục này hết hiệu lực kể từ ngày 01 tháng 7 năm 2016 theo quy định tại khoản 2 Điều 92 của Luật "
        "An toàn, vệ sinh lao động số 84/2015/QH13.\n"
        "6 Cụm từ “thanh tra,” được bỏ theo quy định tại điểm s khoản 1 Điều 62 của Luật Thanh tra\n"
        "số 84/2025/QH15.\n"
    )
    assert [(number, relation) for number, relation, _ in found(text)] == [
        ("84/2015/QH13", "repealed_by"),
        ("84/2025/QH15", "amended_by"),
    ]


def test_acts_on_provisions_of_another_document_pass_the_blocker_quy_dinh_tai() -> None:
    text = (
        "NGHỊ ĐỊNH\nĐiều 10. Nghị định này bãi bỏ các quy định về đào tạo công chức quy định tại Nghị định "
        "số 101/2017/NĐ-CP và Nghị định số 89/2021/NĐ-CP.\n"
        "Điều 11. Bãi bỏ quy định tại khoản 2 Điều 5 Quyết định số 12/2020/QĐ-UBND.\n"
        "Điều 12. Sửa đổi, bổ sung khoản 3 Điều 7 quy định tại Thông tư số 05/2021/TT-BTC như sau:\n"
        "Điều 13. Các sở thực hiện theo quy định tại Quyết định số 15/2022/QĐ-UBND.\n"
    )
    assert [relation for _, relation, _ in found(text)] == ["repeals", "repeals", "repeals", "amends", "cited"]


def test_a_basis_opens_a_preamble_line_not_a_bracket_or_a_step() -> None:
    text = (
        "QUYẾT ĐỊNH\nCăn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15; Căn cứ Nghị định số 12/2024/NĐ-CP;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Công bố thủ tục.\n"
        "| 1 | Cấp phép | Phí 500.000 đồng (Căn cứ khoản 2 Điều 34 Nghị quyết số 16/2024/NQ-HĐND) |\n"
        "Bước 2: Căn cứ tiêu chí quy định tại Nghị định số 272/2025/NĐ-CP, Sở Nội vụ thẩm định.\n"
    )
    assert [relation for _, relation, _ in found(text)] == ["basis", "basis", "cited", "cited"]


def test_a_provision_pointed_to_or_a_review_is_not_carried_out() -> None:
    text = (
        "QUY ĐỊNH\nĐiều 5. Kinh phí thực hiện theo điểm a khoản 1 Điều 20 Nghị định số 42/2022/NĐ-CP.\n"
        "Điều 6. Các sở tổ chức sơ kết thực hiện Chỉ thị số 05/CT-TTg.\n"
        "Điều 7. Công bố thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực y tế quy định tại Thông tư "
        "số 44/2025/TT-BYT.\n"
        "Điều 8. Tỉnh thực hiện theo chỉ đạo của Thủ tướng tại Thông báo số 75-TB/VPCP.\n"
    )
    assert [relation for _, relation, _ in found(text)] == ["cited", "cited", "cited", "implements"]


def test_a_cue_that_fails_does_not_hide_one_inside_its_first_words() -> None:
    # "thực hiện theo" starts a cue of its own ("… theo điểm …"); where it fails, "theo chỉ đạo … tại"
    # still starts at "theo"
    text = "KẾ HOẠCH\nTỉnh thực hiện theo chỉ đạo của Tổng Bí thư tại Thông báo số 75-TB/VPTW ngày 04/8/2025."
    assert [relation for _, relation, _ in found(text)] == ["implements"]


def test_directions_given_in_a_list_of_documents() -> None:
    text = "Tin tức\nCác tỉnh triển khai theo chỉ đạo của Thủ tướng tại các Công điện số 217/CĐ-TTg, số 223/CĐ-TTg."
    assert [relation for _, relation, _ in found(text)] == ["implements", "implements"]


def test_a_page_title_and_its_metadata_name_the_page_itself() -> None:
    text = (
        "Quyết định 507/QĐ-UBND năm 2023 về quy chế làm việc\nSố hiệu: 507/QĐ-UBND | Loại văn bản: Quyết định\n"
        "...\n(Ban hành kèm theo Quyết định số 507/QĐ-UBND ngày 1/6/2023 của UBND tỉnh)\n"
    )
    assert [r for _, r, _ in found(text)] == ["self"] * 3
    titled = (
        "## Toàn văn: Thông tư số 21/2025/TT-BXD hướng dẫn về nhà ở\n\nThông tư thay thế Thông tư số 3/2019/TT-BXD."
    )
    assert found(titled) == [("21/2025/TT-BXD", "self", None), ("03/2019/TT-BXD", "replaces", None)]


def test_a_lower_case_line_start_is_not_a_header() -> None:
    text = "Căn cứ Luật Thủ đô\nsố 39/2024/QH15;\n"
    assert relations_of(text, "số 39/2024/QH15", headers=("số 39/2024/QH15",)) == ["basis"]


NEWS = (
    "Ngày 14/6, UBND tỉnh ban hành Kế hoạch số 140/KH-UBND về phòng chống sốt xuất huyết.\n\n"
    "Đó là yêu cầu của Chủ tịch UBND tỉnh tại Công văn số 2210/UBND-KT ngày 9/6/2024. "
    "Sở Y tế triển khai các biện pháp theo chỉ đạo của Bộ Y tế tại Công văn số 501/BYT-DP ngày 1/6/2024.\n\n"
    "Tại Quyết định số 930/QĐ-UBND, Chủ tịch UBND tỉnh giao Sở Y tế chủ trì. "
    "Kế hoạch số 140/KH-UBND cũng yêu cầu các huyện báo cáo hằng tuần.\n\n"
    "(Kế hoạch số 140/KH-UBND ngày 14/6/2024)"
)


def test_a_news_page_reports_its_carriers() -> None:
    assert infer_genre(NEWS, [RefSpan(s, e, h) for s, e, h in spans(NEWS, "Kế hoạch số 140")]) is Genre.NEWS
    assert [r for _, r, _ in found(NEWS)] == [
        "carrier", "carrier", "implements", "carrier",
        "carrier",  # the reported document named again
        "carrier",
    ]  # fmt: skip


def test_a_short_name_of_the_reported_or_own_document() -> None:
    news = (
        "Chính phủ ban hành Nghị định số 61/2025/NĐ-CP về học phí.\n\n"
        "Đồng thời, Nghị định số 61 vẫn giữ mức hỗ trợ; Nghị định 62 không đổi."
    )
    assert [r for _, r, _ in found(news)] == ["carrier", "carrier", "cited"]
    own = "CHỈ THỊ\nSố: 16/CT-TTg\nHà Nội, ngày 31 tháng 3 năm 2020\nCác bộ triển khai ngay Chỉ thị 16."
    assert [r for _, r, _ in found(own)] == ["self", "self"]


def test_a_news_lede_whose_document_acts_is_the_reported_document() -> None:
    # no "ban hành": the lede's subject acts on another document, so it is what the page reports
    news = (
        "(Baochinhphu.vn) - Nghị định số 88/2025/NĐ-CP ngày 2/4/2025 của Chính phủ sửa đổi, bổ sung một số "
        "điều của Nghị định số 45/2019/NĐ-CP về khuyến nông.\n\n"
        "Trong đó, Nghị định số 88/2025/NĐ-CP bãi bỏ khoản 2 Điều 7 Nghị định số 45/2019/NĐ-CP.\n\n"
        "Theo chuyên gia, Nghị định số 31/2020/NĐ-CP trước đây đã sửa đổi Nghị định số 12/2018/NĐ-CP."
    )
    assert [(r, part) for _, r, part in found(news)] == [
        ("carrier", None), ("amends", "một số điều"),
        ("carrier", None), ("repeals", "khoản 2 Điều 7"),
        ("cited", None), ("cited", None),  # another document acting on a third: not this page's news
    ]  # fmt: skip


def test_the_same_words_in_a_document_are_not_carriers() -> None:
    text = "KẾ HOẠCH\nNăm 2022, Bộ Y tế đã ban hành Thông tư số 12/2022/TT-BYT về tiêm chủng."
    assert [r for _, r, _ in found(text)] == ["cited"]


def test_an_alias_shares_the_relation_of_its_document() -> None:
    text = (
        "Chính phủ ban hành Nghị định số 60/2025/NĐ-CP (Nghị định 60) sửa đổi, bổ sung một số điều của "
        "Nghị định số 116/2020/NĐ-CP (Nghị định 116) về hỗ trợ học phí."
    )
    assert [r for _, r, _ in found(text)] == ["carrier", "carrier", "amends", "amends"]


def test_a_list_goes_on_after_an_alias() -> None:
    text = (
        "Thực hiện Nghị định số 100/2019/NĐ-CP (Nghị định 100) và Nghị định số 123/2021/NĐ-CP của Chính "
        "phủ, Sở Giao thông vận tải tăng cường kiểm tra; các huyện triển khai nhiệm vụ (Kế hoạch số "
        "12/KH-UBND ngày 2/3/2020)."
    )
    assert [r for _, r, _ in found(text)] == ["implements", "implements", "implements", "carrier"]


def test_replies() -> None:
    text = (
        "Kính gửi: Công ty TNHH Minh Phát.\n"
        "Cục Thuế tỉnh nhận được công văn số 15/2024/CV-MP ngày 2/4/2024 của Công ty hỏi về hóa đơn.\n"
        "Trả lời Công văn số 902/SXD-QLN ngày 5/4/2024, Sở Xây dựng có ý kiến như sau:"
    )
    assert [r for _, r, _ in found(text)] == ["reply", "reply"]


def test_coordinated_acts_of_one_article() -> None:
    text = (
        "QUYẾT ĐỊNH\nĐiều 3. Quyết định này thay thế Quyết định số 12/2019/QĐ-UBND và bãi bỏ khoản 2 Điều 3 "
        "Quyết định số 21/2020/QĐ-UBND."
    )
    assert found(text) == [("12/2019/QĐ-UBND", "replaces", None), ("21/2020/QĐ-UBND", "repeals", "khoản 2 Điều 3")]


def test_a_verb_in_a_description_relates_two_other_documents() -> None:
    text = (
        "Thực hiện Kế hoạch số 30-KH/TU ngày 2/8/2022 của Ban Thường vụ Tỉnh ủy thực hiện "
        "Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương, UBND tỉnh ban hành Kế hoạch."
    )
    assert [r for _, r, _ in found(text)] == ["implements", "cited"]


def test_pointers_retrospects_and_tasks_are_cited() -> None:
    text = (
        "KẾ HOẠCH\nMức hỗ trợ áp dụng theo quy định tại Điều 7 Nghị định số 15/2020/NĐ-CP.\n"
        "Thời gian qua, các sở đã triển khai thực hiện nghiêm túc Chỉ thị số 11/CT-UBND.\n"
        "Giao Sở Tư pháp tham mưu thay thế Quyết định số 9/2019/QĐ-UBND cho phù hợp.\n"
    )
    assert found(text) == [
        ("15/2020/NĐ-CP", "cited", "Điều 7"),  # the part pointed to is kept too
        ("11/CT-UBND", "cited", None),
        ("09/2019/QĐ-UBND", "cited", None),
    ]


def test_acts_of_other_documents_and_verbs_in_closed_parentheses() -> None:
    text = (
        "KẾ HOẠCH\n| 9 | Xây dựng Nghị định thay thế Nghị định số 24/2018/NĐ-CP của Chính phủ | Bộ Nội vụ |\n"
        "6. Xây dựng Luật Thuế thu nhập cá nhân (thay thế)\nNghị quyết số 71/NQ-CP\nBộ Tài chính\n"
        "Kế hoạch này thay thế Kế hoạch số 5/KH-UBND."
    )
    assert [r for _, r, _ in found(text)] == ["cited", "cited", "replaces"]
    formula = "THÔNG TƯ\nBộ trưởng Bộ Công Thương ban hành Thông tư sửa đổi, bổ sung Thông tư số 05/2019/TT-BCT."
    assert found(formula) == [("05/2019/TT-BCT", "amends", None)]
    english = "CIRCULAR\n3. This Circular nullifies the Circular No. 56/2015/TT-BCT dated December 31, 2015."
    assert found(english) == [("56/2015/TT-BCT", "repeals", None)]
    title = "NGHỊ QUYẾT\nSửa đổi, bổ sung một số điều của Quy định kèm theo Nghị quyết số 10/2022/NQ-HĐND"
    assert found(title) == [("10/2022/NQ-HĐND", "amends", "một số điều")]  # a type line, then the title


def test_a_verb_does_not_reach_into_the_next_sentence() -> None:
    text = (
        "KẾ HOẠCH\nQuyết định này thay thế các quy định trước đây trái với nội dung này. "
        "Các khoản chi được thanh toán theo Thông tư số 40/2017/TT-BTC."
    )
    assert [r for _, r, _ in found(text)] == ["cited"]


def test_a_colon_ended_cue_heads_its_list() -> None:
    text = (
        "Điều 5. Bãi bỏ các văn bản sau:\n"
        "- Quyết định số 3/2015/QĐ-UBND ngày 1/2/2015;\n"
        "- Quyết định số 7/2016/QĐ-UBND.\n"
    )
    assert [r for _, r, _ in found(text)] == ["repeals"] * 2


def test_a_list_below_a_colon_ended_repeal_and_an_opening_thuc_hien() -> None:
    text = (
        "NGHỊ ĐỊNH\n2. Kể từ ngày Nghị định này có hiệu lực, các Nghị định sau đây hết hiệu lực thi hành:\n\n"
        "a) Nghị định số 15/2016/NĐ-CP ngày 1 tháng 3 năm 2016 của Chính phủ;\n\n"
        "b) Nghị định số 27/2017/NĐ-CP ngày 2 tháng 4 năm 2017 của Chính phủ.\n\n"
        "3. Bộ trưởng Bộ Tài chính hướng dẫn thủ tục theo Thông tư số 40/2017/TT-BTC.\n"
        "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX; Chỉ thị số 12-CT/TU ngày 2/5/2025 của "
        "Ban Thường vụ Tỉnh ủy, UBND tỉnh ban hành Kế hoạch."
    )
    assert [r for _, r, _ in found(text)] == ["repeals", "repeals", "cited", "implements"]


def test_an_opener_in_parentheses_ends_with_them() -> None:
    text = (
        "KẾ HOẠCH\nHỗ trợ liên kết sản xuất (Thực hiện Kế hoạch số 17/KH-UBND)\n1.013081\n"
        "Nông nghiệp\nQuyết định số 1717/QĐ-UBND ngày 18/12/2024 công bố thủ tục hành chính"
    )
    assert found(text) == [("17/KH-UBND", "implements", None), ("1717/QĐ-UBND", "cited", None)]
    # a basis in brackets is a listed procedure's, not the text's own
    bracketed = text.replace("Thực hiện Kế hoạch số 17/KH-UBND", "Căn cứ Điều 7 Nghị quyết số 17/2024/NQ-HĐND")
    assert found(bracketed) == [("17/2024/NQ-HĐND", "cited", "Điều 7"), ("1717/QĐ-UBND", "cited", None)]


def test_a_quotation_holds_another_texts_words() -> None:
    text = (
        "LUẬT\nSố: 20/2023/QH15\n"
        "Điều 2. Luật Đo đạc số 27/2018/QH14 có hiệu lực kể từ ngày 01/7/2019 quy định như sau:\n"
        "“Điều 40. Hiệu lực thi hành\n2. Pháp lệnh Đo đạc số 16/1994/PL-UBTVQH9 hết hiệu lực kể từ ngày "
        "Luật này có hiệu lực.”.\n"
        "Điều 3. Thay thế cụm từ “Nghị định số 12/2002/NĐ-CP” bằng cụm từ “Nghị định số 27/2019/NĐ-CP”."
    )
    assert [r for _, r, _ in found(text)] == ["self", "cited", "cited", "cited", "cited"]


# --- where the relation shows ---------------------------------------------------------------------------------


def test_the_relation_is_in_the_jsonl_records() -> None:
    records = [jsonl_record(m, "a.txt") for m in find_all(PREAMBLE)]
    refs = [r["value"] for r in records if r["kind"] == "reference"]
    assert [(v["relation"], v["part"]) for v in refs][:2] == [("self", None), ("basis", None)]  # type: ignore[index]


def test_a_reference_read_alone_is_cited() -> None:
    assert parse_reference("Quyết định số 607/QĐ-UBND ngày 29/3/2019").relation is Relation.CITED


# --- inputs -----------------------------------------------------------------------------------------------------


def test_results_follow_the_order_given_and_accept_refspans() -> None:
    given_spans = spans(PREAMBLE, "Nghị định số 60/2022/NĐ-CP ngày 1/9/2022", "Tờ trình số 45/TTr-SCT")[::-1]
    as_spans = [RefSpan(s, e, h) for s, e, h in given_spans]
    got = [c.relation for c in classify_relations(PREAMBLE, given_spans)]
    assert got == [c.relation for c in classify_relations(PREAMBLE, as_spans)] == [Relation.PROPOSAL, Relation.BASIS]


def test_decomposed_text_gives_the_same_relations() -> None:
    needles = ("Tờ trình số 45/TTr-SCT", "Quyết định số 18/2019/QĐ-UBND")
    composed = relations_of(PREAMBLE, *needles)
    nfd = unicodedata.normalize("NFD", PREAMBLE)
    nfd_spans = [
        (len(unicodedata.normalize("NFD", PREAMBLE[:s])), len(unicodedata.normalize("NFD", PREAMBLE[:e])), h)
        for s, e, h in spans(PREAMBLE, *needles)
    ]
    assert [c.relation.value for c in classify_relations(nfd, nfd_spans)] == composed == ["proposal", "replaces"]
    assert [r for _, r, _ in found(nfd)] == [r for _, r, _ in found(PREAMBLE)]


def test_no_references_and_no_str() -> None:
    assert classify_relations("Căn cứ Luật Ngân sách nhà nước;", []) == []
    with pytest.raises(InputTypeError, match="classify_relations"):
        classify_relations(b"Quyet dinh", [])  # type: ignore[arg-type]


@given(st.text(max_size=300))
def test_any_text_gets_a_relation_for_each_reference(text: str) -> None:
    refs = list(find_references(text))
    assert all(isinstance(m.value.relation, Relation) for m in refs)


# --- linear time ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        "thay thế ",  # one cue, over and over
        "theo yêu cầu ",  # a gap cue that never finds its "tại"
        "Bổ sung ",  # a clause-opening gap cue that never finds its "vào"
        "Căn cứ ",
        "khoản 2 Điều 15 ",  # the part pattern
        "\n",
        "sửa đổi, ",
        "Cụm từ “a ",  # a quoted subject that never closes
        "được thay thế bằng ",
        "bãi bỏ một phần các thủ tục tại ",  # an act's object before its document
    ],
)
def test_adversarial_repetition_takes_linear_time(unit: str) -> None:
    def run(n: int) -> object:
        text = unit * n + "Quyết định số 1/2020/QĐ-UBND."
        return classify_relations(text, [(len(unit) * n, len(text) - 1, False)])

    assert scales_linearly(run, 2000)


def test_many_references_take_linear_time() -> None:
    item = "Căn cứ Quyết định số 12/2020/QĐ-UBND thay thế Quyết định số 3/2019/QĐ-UBND (Quyết định 3); "
    assert scales_linearly(lambda n: list(find_references(item * n)), 200)


@pytest.mark.parametrize("span", [(5, 3, False), (0, 999, False), (-5, 4, False), (4, 4, False)])
def test_a_span_outside_the_text_is_a_span_error(span: tuple[int, int, bool]) -> None:
    text = "Căn cứ Nghị định số 61/2018/NĐ-CP;"
    with pytest.raises(SpanError, match=r"refs\[1\] = \(-?\d+, \d+\).*length 34"):
        classify_relations(text, [(7, 33, False), span])


@pytest.mark.parametrize("span", [("a", 4, False), (1, 2), None, (1.0, 4, False)])
def test_a_span_of_the_wrong_shape_is_an_input_type_error(span: object) -> None:
    with pytest.raises(InputTypeError, match=r"refs\[0\]"):
        classify_relations("Căn cứ Nghị định số 61/2018/NĐ-CP;", [span])  # type: ignore[list-item]


def test_on_a_news_page_an_act_before_tai_wins_over_the_carrier_cue() -> None:
    news = (
        "Chính phủ ban hành Nghị định số 20/2025/NĐ-CP sửa đổi các nghị định về đất đai.\n\n"
        "1. Thay thế, bãi bỏ các điểm, khoản, cụm từ tại Nghị định số 71/2024/NĐ-CP\n\n"
        "Đó là chỉ đạo của UBND tỉnh tại Công văn số 39/UBND-KT ngày 29/3/2025."
    )
    assert [(r, part) for _, r, part in found(news)] == [
        ("carrier", None),
        ("repeals", "cụm từ"),  # a part: an amendment, not a repeal of the whole
        ("carrier", None),  # no act before "tại": the carrier
    ]


def test_an_article_heading_that_names_documents_heads_the_numbered_list_below_it() -> None:
    text = (
        "QUYẾT ĐỊNH\nĐiều 1. Bãi bỏ toàn bộ một số văn bản quy phạm pháp luật của Thủ tướng Chính phủ\n\n"
        "1. Quyết định số 104/2000/QĐ-TTg ngày 25/8/2000 của Thủ tướng Chính phủ về cấp nước.\n\n"
        "2. Quyết định số 63/2002/QĐ-TTg ngày 20/5/2002 của Thủ tướng Chính phủ về phòng, chống lụt, bão.\n\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n"
        "1. Các bộ thực hiện Quyết định số 5/2020/QĐ-TTg.\n"
    )
    assert [r for _, r, _ in found(text)] == ["repeals", "repeals", "implements"]  # the list ends at Điều 2


def test_an_article_that_opens_with_its_act_reaches_a_long_object() -> None:
    text = (
        "QUYẾT ĐỊNH\nĐiều 2.\nThay thế, bãi bỏ một số khoản, cụm từ tại các điều, khoản Quy định về bồi thường,\n"
        "hỗ trợ và tái định cư khi Nhà nước thu hồi đất trên địa bàn tỉnh Hòa Việt ban\n"
        "hành kèm theo Quyết định số 40/2024/QĐ-UBND ngày 04/10/2024 của UBND tỉnh.\n"
        "Điều 3. Các khoản 2, 3 Điều 19 Nghị định số 70/2015/NĐ-CP đã được\n"
        "sửa đổi, bổ sung và Điều 54 Nghị định số 188/2025/NĐ-CP áp dụng cho trường hợp này.\n"
        "[3] Điểm này được\nsửa đổi, bổ sung theo quy định tại khoản 2 Điều 1 của Thông tư số 54/2025/TT-BCT.\n"
    )
    assert [r for _, r, _ in found(text)] == [
        "replaces",  # "Điều 2. Thay thế, bãi bỏ …": the act opens the article and reaches its object
        "cited", "cited",  # "đã được\nsửa đổi": a broken line, not a clause that opens with the act
        "amended_by",
    ]  # fmt: skip


def test_a_list_intro_broken_over_a_line() -> None:
    text = (
        "QUYẾT ĐỊNH\nĐiều 5. Điều khoản thi hành\n2. Quyết định này bãi bỏ toàn bộ các Quyết\nđịnh sau:\n\n"
        "a) Quyết định số 32/2021/QĐ-UBND ngày 07/10/2021 của Ủy ban nhân dân thành phố về cấp dự báo cháy rừng;\n\n"
        "b) Quyết định số 09/2022/QĐ-UBND ngày 12/9/2022 của Ủy ban nhân dân tỉnh về cấp dự báo cháy rừng.\n"
    )
    assert [r for _, r, _ in found(text)] == ["repeals", "repeals"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_give_the_same_relations(newline: str) -> None:
    text = (
        "QUYẾT ĐỊNH\nĐiều 5. Điều khoản thi hành\n2. Quyết định này bãi bỏ các Quyết định sau:\n\n"
        "a) Quyết định số 32/2021/QĐ-UBND ngày 07/10/2021 của Ủy ban nhân dân thành phố;\n\n"
        "b) Quyết định số 09/2022/QĐ-UBND ngày 12/9/2022 của Ủy ban nhân dân tỉnh.\n"
    )
    other = text.replace("\n", newline)
    assert [r for _, r, _ in found(other)] == [r for _, r, _ in found(text)] == ["repeals", "repeals"]
    # spans stay in the caller's string
    assert [m.text for m in find_references(other)] == [m.text.replace("\n", newline) for m in find_references(text)]


def test_a_bulletin_items_heading_is_its_own_sentence() -> None:
    text = (
        "CHỈ ĐẠO, ĐIỀU HÀNH NỔI BẬT CỦA UBND TỈNH TRONG TUẦN\n\n"
        "2. Triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị\n"
        "Tại Kế hoạch số 12/KH-UBND ngày 09/01/2025, UBND tỉnh giao Sở Khoa học và Công nghệ chủ trì.\n"
    )
    # the heading's "Triển khai" governs its own line, not the document the item reports
    assert [r for _, r, _ in found(text)] == ["implements", "carrier"]
