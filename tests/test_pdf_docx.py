"""PDF and DOCX input: the gazette's print layout cleaned out, typed errors, the six real gazette
PDFs (when the shared corpus is there), and a Word document built here read like its text."""

from __future__ import annotations

import io
import random
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from corpus import real
from vngovdirectives import extract
from vngovdirectives.cli import main
from vngovdirectives.errors import (
    DocxError,
    EncryptedPdfError,
    InputTypeError,
    MissingExtraError,
    NoTextLayerError,
    PdfError,
    SourceError,
)
from vngovdirectives.text.files import read_bytes, read_file
from vngovdirectives.text.layout import PagedText, clean_layout
from vngovdirectives.text.pdf import pdf_to_text
from vngovdirectives.text.word import docx_to_text

PDFS = real("pdf")

#: Each gazette PDF: the number, type and date its file name and header give.
DOCUMENTS = {
    "nghi-quyet-so-17-2022-ubtvqh15-36956": ("17/2022/UBTVQH15", "Nghị quyết", "2022-03-23"),
    "nghi-quyet-so-78-2025-ubtvqh15-45003": ("78/2025/UBTVQH15", "Nghị quyết", "2025-05-17"),
    "thong-tu-lien-tich-so-01-2022-ttlt-vksndtc-tandtc-bca-bqp-bldtbxh-36844": (
        "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH",
        "Thông tư liên tịch",
        "2022-02-18",
    ),
    "thong-tu-so-12-2022-tt-bldtbxh-37536": ("12/2022/TT-BLĐTBXH", "Thông tư", "2022-06-30"),
    "thong-tu-so-13-2022-tt-bldtbxh-37543": ("13/2022/TT-BLĐTBXH", "Thông tư", "2022-06-30"),
    "thong-tu-so-34-2021-tt-bldtbxh-36490": ("34/2021/TT-BLĐTBXH", "Thông tư", "2021-12-30"),
}
#: Any line that still looks like the gazette's running header, in any spacing or case.
HEADER_LEFT = re.compile(r"(?im)^.*c[ôo]ng\s*b[áa]o\s*/\s*s[ốo].*$")
GAZETTE_HEADER = re.compile(r"CÔNG BÁO/Số [\d +]+/Ngày (\d{1,2})-(\d{1,2})-(\d{4})")
needs_pdfs = pytest.mark.skipif(PDFS is None, reason="the shared corpus of real PDFs is not available")

_read: dict[str, PagedText] = {}


def gazette(stem: str) -> PagedText:
    assert PDFS is not None
    if stem not in _read:
        _read[stem] = pdf_to_text((PDFS / f"{stem}.pdf").read_bytes())
    return _read[stem]


def consistent(t: PagedText) -> None:
    """Every copied run of the text equals the raw text it maps to; pages are in order."""
    assert list(t.pages) == sorted(t.pages)
    ends = [0]
    for t0, r0, n in t.copies:
        assert t.text[t0 : t0 + n] == t.raw[r0 : r0 + n]
        assert t0 >= ends[-1]
        ends.append(t0 + n)
    for start, end in t.removed:
        assert t.raw[start:end].strip() == t.raw[start:end]


# --------------------------------------------------------------------------- small PDFs written here


def build_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _page(resources: bytes) -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << %s >> >>" % resources


def text_pdf(line: str) -> bytes:
    content = b"BT /F1 12 Tf 72 720 Td (" + line.encode("latin-1") + b") Tj ET"
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"/Font << /F1 5 0 R >>"),
            _stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def image_only_pdf() -> bytes:
    """One page that shows a grey image and no text: what a scan looks like."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"/XObject << /Im0 5 0 R >>"),
            _stream(b"q 495 0 0 742 50 50 cm /Im0 Do Q"),
            _stream(
                b"\x80",
                b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 ",
            ),
        ]
    )


def test_a_small_pdf_reads() -> None:
    t = pdf_to_text(text_pdf("Kinh gui: So Y te tinh Bac Ninh, So Tai chinh"))
    assert t.text == "Kinh gui: So Y te tinh Bac Ninh, So Tai chinh"
    assert read_bytes(text_pdf("Kinh gui: So Y te tinh Bac Ninh"), "a.txt").format == "pdf"  # by content


def test_a_blank_or_scanned_pdf_has_no_text_layer() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(NoTextLayerError, match=r"no text layer \(scanned\?\); OCR is not supported"):
        pdf_to_text(buf.getvalue())
    with pytest.raises(NoTextLayerError):
        pdf_to_text(image_only_pdf())


def _encrypted(user: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf("Kinh gui: So Y te tinh Bac Ninh"))))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_a_password_protected_pdf_is_a_typed_error_and_owner_only_reads() -> None:
    with pytest.raises(EncryptedPdfError, match="password"):
        pdf_to_text(_encrypted("secret"))
    assert pdf_to_text(_encrypted("")).text == "Kinh gui: So Y te tinh Bac Ninh"


@pytest.mark.parametrize(
    "data",
    [b"", b"not a pdf at all", b"%PDF-1.4\n" + bytes(range(256)) * 8, text_pdf("x")[:200]],
    ids=["empty", "text", "garbage", "truncated"],
)
def test_a_broken_pdf_is_a_typed_error(data: bytes) -> None:
    with pytest.raises(PdfError) as info:
        pdf_to_text(data)
    assert isinstance(info.value, SourceError)


def test_a_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pdfminer.pdfdocument", None)
    with pytest.raises(MissingExtraError, match=re.escape('pip install "vngovdirectives[pdf]"')):
        pdf_to_text(text_pdf("x"))
    path = tmp_path / "a.pdf"
    path.write_bytes(text_pdf("x"))
    with pytest.raises(MissingExtraError) as info:
        read_file(path)
    assert isinstance(info.value, ImportError)
    assert str(info.value).startswith(f"{path}: ")
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingExtraError, match=re.escape('pip install "vngovdirectives[docx]"')):
        docx_to_text(b"PK\x03\x04")


def test_wrong_argument_types() -> None:
    for call in (pdf_to_text, docx_to_text, clean_layout):
        with pytest.raises(InputTypeError):
            call(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- layout cleaning


@pytest.mark.parametrize(
    "header",
    [
        "CÔNG BÁO/Số 287 + 288/Ngày 08-4-2022 3",
        "52 CÔNG BÁO/Số 603 + 604/Ngày 20-7-2022",
        "CÔNG BÁO/Số 287/Ngày 08-4-2022",
        "CÔNG BÁO / Số 287+288 / Ngày 08/4/2022",
        unicodedata.normalize("NFD", "CÔNG BÁO/Số 287 + 288/Ngày 08-4-2022 3"),
    ],
)
def test_header_variants_are_layout(header: str) -> None:
    t = clean_layout(f"của Bộ Lao động và\n\f{header}\n\nThương binh xã hội\n")
    assert t.text == "của Bộ Lao động và\nThương binh xã hội"
    assert len(t.removed) == 1


def test_page_numbers_beside_the_header_and_a_sentence_cut_by_the_page() -> None:
    header = "CÔNG BÁO/Số 1 + 2/Ngày 08-4-2022"
    t = clean_layout(f"a) trước ngày\n\f\n7\n\n{header}\n\nđủ điều kiện.\n\f{header}\n8\n")
    assert t.text == "a) trước ngày đủ điều kiện."
    assert t.page_numbers == (None, 7, 8)
    assert t.pages == (0, 14, len(t.text))


def test_a_table_cell_beside_the_header_is_not_the_page_number() -> None:
    header = "CÔNG BÁO/Số 1 + 2/Ngày 08-4-2022"
    t = clean_layout(f"{header}\n3\nSTT | Tên\n\f4\n{header}\n1\nSở Y tế\n\f{header}\n5\n2\nSở Tài chính\n")
    assert t.page_numbers == (3, 4, 5)
    assert t.text == "STT | Tên\n1\nSở Y tế\n2\nSở Tài chính"


def test_a_number_cut_at_a_line_end_is_joined() -> None:
    t = clean_layout("Căn cứ Thông tư số 26/2016/TT-\nBLĐTBXH ngày 01/9/2016;\n")
    assert t.text == "Căn cứ Thông tư số 26/2016/TT-BLĐTBXH ngày 01/9/2016;"


def test_the_gazettes_section_title_and_issuer_copy_are_layout() -> None:
    raw = (
        "CÔNG BÁO/Số 5 + 6/Ngày 02-3-2023\n3\nVĂN BẢN QUY PHẠM PHÁP LUẬT\nBỘ TÀI CHÍNH\nBỘ TÀI\nCHÍNH\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 07/2023/TT-BTC\n"
    )
    assert clean_layout(raw).text == "BỘ TÀI\nCHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 07/2023/TT-BTC"
    # without a gazette header nothing is taken for front matter
    plain = "UBND TỈNH BẮC NINH\nSỞ Y TẾ\nSố: 12/SYT-KH\n"
    assert clean_layout(plain).text == plain.strip()


def test_body_text_that_names_the_gazette_stays() -> None:
    raw = "Đăng Công báo số 287 ngày 08-4-2022.\nCÔNG BÁO/Số 287/Ngày 08-4-2022 là tên số này\n15\n"
    assert clean_layout(raw).text == raw.strip()


def test_cleaning_random_text_keeps_the_map_to_the_raw_text() -> None:
    rng = random.Random(7)
    alphabet = ["a", "Đ", " ", "  ", "\n", "\f", "-", "12", ".", "CÔNG BÁO/Số 1/Ngày 1-1-2022 ", "TT-", "BỘ Y TẾ\n"]
    for _ in range(300):
        t = clean_layout("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))))
        consistent(t)
        for i in range(len(t.text) + 1):
            s, e = t.raw_span(i, min(i + 1, len(t.text)))
            assert 0 <= s <= e <= len(t.raw)


def test_cleaning_is_linear() -> None:
    from _timing import scales_linearly

    page = "CÔNG BÁO/Số 1 + 2/Ngày 08-4-2022\n3\nĐiều 1. Phạm vi điều chỉnh của Thông tư\nnày  gồm\f"
    assert scales_linearly(lambda n: clean_layout(page * n), 200)


# --------------------------------------------------------------------------- the six gazette PDFs


@needs_pdfs
@pytest.mark.parametrize("stem", sorted(DOCUMENTS))
def test_a_gazette_pdf_reads_without_its_layout(stem: str) -> None:
    t = gazette(stem)
    assert unicodedata.is_normalized("NFC", t.text)
    assert HEADER_LEFT.search(t.text) is None
    assert HEADER_LEFT.search(t.raw) is not None  # they were there before cleaning
    assert len(t.pages) == t.raw.count("\f") == len(t.page_numbers)
    first = t.page_numbers[0]
    assert first is not None
    assert list(t.page_numbers) == list(range(first, first + len(t.pages)))  # every page number found
    assert not t.text.startswith("VĂN BẢN QUY PHẠM PHÁP LUẬT")
    consistent(t)


@needs_pdfs
@pytest.mark.parametrize(("stem", "expected"), sorted(DOCUMENTS.items()))
def test_a_gazette_pdf_extracts_to_its_document(stem: str, expected: tuple[str, str, str]) -> None:
    number, type_name, issued_on = expected
    t = gazette(stem)
    item = extract(t.text)
    assert item.kind == "document"
    header_dates = {f"{y}-{int(m):02d}-{int(d):02d}" for d, m, y in GAZETTE_HEADER.findall(t.raw)}
    assert header_dates  # the gazette's issue date, printed on every page …
    got = item.issued_on.iso() if item.issued_on is not None else None
    assert got not in header_dates  # … is not the document's date
    refs = [*item.references, *item.basis, *(r for task in item.tasks for r in task.references)]
    assert not [r.text for r in refs if re.search(r"CÔNG BÁO|\d+ \+ \d+", r.text, re.IGNORECASE)]
    assert (str(item.number), item.type_name) == (number, type_name)
    assert got == issued_on  # a resolution of the Standing Committee: from "… thông qua ngày …" at its end


@needs_pdfs
def test_a_sentence_cut_by_a_page_end_is_joined_and_maps_to_the_raw_text() -> None:
    t = gazette("thong-tu-lien-tich-so-01-2022-ttlt-vksndtc-tandtc-bca-bqp-bldtbxh-36844")
    phrase = "giữa các cơ quan có thẩm quyền trong tiếp nhận"
    start = t.text.index(phrase, t.pages[1] - len(phrase))
    end = start + len(phrase)
    assert (t.page_of(start), t.page_of(end - 1)) == (0, 1)
    raw_start, raw_end = t.raw_span(start, end)
    gap = t.raw[raw_start:raw_end]
    assert "\f" in gap
    assert "CÔNG BÁO/Số 261 + 262/Ngày 06-3-2022" in gap


# --------------------------------------------------------------------------- DOCX

LINES = [
    "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN",
    "Số: 128/KH-UBND",
    "Bắc Sơn, ngày 12 tháng 3 năm 2024",
    "KẾ HOẠCH",
    "Phòng, chống dịch bệnh trên đàn gia súc năm 2024",
    "Căn cứ Quyết định số 607/QĐ-UBND ngày 29/3/2019 của UBND tỉnh;",
    "1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài chính báo cáo trước ngày 15/4/2024.",
    "2. UBND các huyện tổ chức tiêm phòng, hoàn thành trong quý II/2024.",
    "Nơi nhận:",
    "- Như trên;",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Lê Văn Bình",
]


def build_docx(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "ĐẦU TRANG KHÔNG LẤY"
    section.footer.paragraphs[0].text = "CHÂN TRANG KHÔNG LẤY"
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_a_docx_gives_the_same_result_as_its_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "\n".join(LINES)
    data = build_docx(LINES)
    assert docx_to_text(data) == text
    assert extract(docx_to_text(data)) == extract(text)
    (tmp_path / "kh.docx").write_bytes(data)
    (tmp_path / "kh.txt").write_text(text, encoding="utf-8")
    assert main(["extract", "-q", "--format", "jsonl", str(tmp_path / "kh.docx"), str(tmp_path / "kh.txt")]) == 0
    import json

    docx_item, txt_item = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert docx_item.pop("source").endswith("kh.docx")
    assert txt_item.pop("source").endswith("kh.txt")
    assert (docx_item.pop("id"), txt_item.pop("id")) == (1, 2)
    assert docx_item == txt_item
    assert docx_item["number"]["canonical"] == "128/KH-UBND"


def test_docx_tables_are_rows_of_cells() -> None:
    data = build_docx(
        ["Số: 123/UBND-KGVX"], [["TT", "Nhiệm vụ", "Thời hạn"], ["1", "Sở Y tế   báo cáo", "Trước 30/6/2025"]]
    )
    assert docx_to_text(data) == "Số: 123/UBND-KGVX\nTT | Nhiệm vụ | Thời hạn\n1 | Sở Y tế báo cáo | Trước 30/6/2025"


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", b"PK\x03\x04" + bytes(300)])
def test_a_broken_docx_is_a_typed_error(data: bytes) -> None:
    with pytest.raises(DocxError):
        docx_to_text(data)
    with pytest.raises(DocxError):
        read_bytes(data, "hong.docx")


# --------------------------------------------------------------------------- the command line


@needs_pdfs
def test_find_and_extract_take_pdfs_and_text_prints_what_spans_index(capsys: pytest.CaptureFixture[str]) -> None:
    assert PDFS is not None
    path = str(PDFS / "thong-tu-so-12-2022-tt-bldtbxh-37536.pdf")
    assert main(["text", path]) == 0
    text = capsys.readouterr().out
    assert main(["find", "-q", "--format", "jsonl", path]) == 0
    import json

    for line in capsys.readouterr().out.splitlines():
        record = json.loads(line)
        start, end = record["span"]
        assert text[start:end] == record["text"]
    assert main(["extract", "-q", "--format", "jsonl", path]) == 0
    item = json.loads(capsys.readouterr().out)
    start, end = item["number_span"]
    assert text[start:end] == "12/2022/TT-BLĐTBXH"


def test_a_pdf_without_text_is_a_per_file_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "scan.pdf").write_bytes(image_only_pdf())
    (tmp_path / "ok.txt").write_text("\n".join(LINES), encoding="utf-8")
    assert main(["extract", "--format", "jsonl", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"error: {tmp_path / 'scan.pdf'}: this PDF has no text layer (scanned?); OCR is not supported" in err
    assert "2 file(s), 1 document(s), 0 bulletin(s), 1 failed" in err
