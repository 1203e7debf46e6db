"""Document types and the codes used in Vietnamese document symbols.

:class:`DocumentType` is the closed vocabulary of document types, each with its official
abbreviation ("QĐ") and Vietnamese name ("Quyết định"). Issuer and unit codes ("UBND", "VPCP",
"KGVX") are an open set: each agency defines its own. The known ones live in one data file,
``data/agencies.tsv``, read on first use.

>>> DocumentType.from_code("QD").label
'Quyết định'
>>> DocumentType.QUY_DINH.code
'QyĐ'
>>> agency_name("VPCP")
'Văn phòng Chính phủ'
>>> is_known_code("KGVX"), is_known_code("XYZQ")
(True, False)
"""

from __future__ import annotations

import enum
import functools
import re
from typing import Final

import attrs

from vngovdirectives.errors import expect_type

__all__ = [
    "Agency",
    "AgencyRole",
    "DocumentType",
    "agencies",
    "agency_name",
    "canonical_code",
    "is_known_code",
    "is_national_code",
]


class DocumentType(enum.Enum):
    """A Vietnamese document type: ``.code`` is its official abbreviation, ``.label`` its name.

    Codes follow Decree 30/2020/NĐ-CP Appendix III for administrative documents, the 2015 Law on
    Promulgation of Legal Documents for normative ones, and Quy định 66-QĐ/TW for Party documents.
    Codes used by older rules (Circular 01/2011, TTLT 55/2005) are accepted as aliases.
    """

    # value: (official code, Vietnamese name, older or alternative codes)
    NGHI_QUYET = ("NQ", "Nghị quyết", ())
    QUYET_DINH = ("QĐ", "Quyết định", ())
    CHI_THI = ("CT", "Chỉ thị", ())
    QUY_CHE = ("QC", "Quy chế", ())
    QUY_DINH = ("QyĐ", "Quy định", ("QĐi",))
    THONG_CAO = ("TC", "Thông cáo", ())
    THONG_BAO = ("TB", "Thông báo", ())
    HUONG_DAN = ("HD", "Hướng dẫn", ())
    CHUONG_TRINH = ("CTr", "Chương trình", ())
    KE_HOACH = ("KH", "Kế hoạch", ())
    PHUONG_AN = ("PA", "Phương án", ())
    DE_AN = ("ĐA", "Đề án", ())
    DU_AN = ("DA", "Dự án", ())
    BAO_CAO = ("BC", "Báo cáo", ())
    BIEN_BAN = ("BB", "Biên bản", ())
    TO_TRINH = ("TTr", "Tờ trình", ())
    HOP_DONG = ("HĐ", "Hợp đồng", ())
    CONG_DIEN = ("CĐ", "Công điện", ())
    BAN_GHI_NHO = ("BGN", "Bản ghi nhớ", ("GN",))
    BAN_THOA_THUAN = ("BTT", "Bản thỏa thuận", ("TTh",))
    GIAY_UY_QUYEN = ("GUQ", "Giấy ủy quyền", ("UQ",))
    GIAY_MOI = ("GM", "Giấy mời", ())
    GIAY_GIOI_THIEU = ("GGT", "Giấy giới thiệu", ("GT",))
    GIAY_NGHI_PHEP = ("GNP", "Giấy nghỉ phép", ("NP",))
    PHIEU_GUI = ("PG", "Phiếu gửi", ())
    PHIEU_CHUYEN = ("PC", "Phiếu chuyển", ())
    PHIEU_BAO = ("PB", "Phiếu báo", ())
    GIAY_CHUNG_NHAN = ("CN", "Giấy chứng nhận", ())
    GIAY_DI_DUONG = ("ĐĐ", "Giấy đi đường", ())
    GIAY_BIEN_NHAN = ("BN", "Giấy biên nhận hồ sơ", ())
    BAN_CAM_KET = ("CK", "Bản cam kết", ())
    GIAY_UY_NHIEM = ("UN", "Giấy ủy nhiệm", ())
    BAN_SAO_Y = ("SY", "Bản sao y", ())
    BAN_TRICH_SAO = ("TrS", "Bản trích sao", ("TS",))
    BAN_SAO_LUC = ("SL", "Bản sao lục", ())
    CONG_VAN = ("CV", "Công văn", ())
    # Not in Appendix III, but printed on every licence a ministry or province grants ("Giấy phép
    # số 110/GP-UBND", "…/GP-BTTTT").
    GIAY_PHEP = ("GP", "Giấy phép", ())
    # Legal normative documents (VBQPPL)
    LUAT = ("Lt", "Luật", ())
    PHAP_LENH = ("PL", "Pháp lệnh", ())
    LENH = ("L", "Lệnh", ())
    NGHI_DINH = ("NĐ", "Nghị định", ())
    THONG_TU = ("TT", "Thông tư", ())
    THONG_TU_LIEN_TICH = ("TTLT", "Thông tư liên tịch", ())
    NGHI_QUYET_LIEN_TICH = ("NQLT", "Nghị quyết liên tịch", ())
    VAN_BAN_HOP_NHAT = ("VBHN", "Văn bản hợp nhất", ())
    # Party documents (Quy định 66-QĐ/TW)
    KET_LUAN = ("KL", "Kết luận", ())
    BAN_SAO_DANG = ("BS", "Bản sao", ())

    @property
    def code(self) -> str:
        """The official abbreviation, in its official case ("QĐ", "TTr", "QyĐ")."""
        code: str = self.value[0]
        return code

    @property
    def label(self) -> str:
        """The Vietnamese name of the type ("Quyết định")."""
        label: str = self.value[1]
        return label

    @property
    def aliases(self) -> tuple[str, ...]:
        """Older or alternative abbreviations that mean this type."""
        aliases: tuple[str, ...] = self.value[2]
        return aliases

    @classmethod
    def from_code(cls, code: str) -> DocumentType | None:
        """The type an abbreviation stands for, ignoring case and "D" written for "Đ"; None if unknown."""
        return _type_for_code(code)

    @classmethod
    def from_label(cls, label: str) -> DocumentType | None:
        """The type a Vietnamese name stands for ("quyết định" → QUYET_DINH); None if unknown."""
        return _type_for_label(label)

    def __str__(self) -> str:
        return self.label


class AgencyRole(enum.Enum):
    """What a code stands for in a symbol."""

    ISSUER = "issuer"
    UNIT = "unit"
    PARTY = "party"


@attrs.frozen(kw_only=True, slots=True)
class Agency:
    """One row of the agency table."""

    code: str
    role: AgencyRole
    name: str
    national: bool = False  # one such body in the country: its numbers with a year are unique


def _fold_key(code: str) -> str:
    """Lookup key of a code: upper case, "Đ" folded to "D" and "Ư" to "U" (so QD, QĐ and qđ meet,
    and the OCR slip "ƯBND" meets UBND)."""
    return code.upper().replace("Đ", "D").replace("Ð", "D").replace("Ư", "U")


def _fold_label(label: str) -> str:
    return " ".join(label.split()).casefold()


@functools.cache
def _types_by_key() -> dict[str, DocumentType]:
    table: dict[str, DocumentType] = {}
    for member in DocumentType:
        for code in (member.code, *member.aliases):
            table.setdefault(_fold_key(code), member)
    # "HD" is Hướng dẫn; Hợp đồng is only reached when the text really wrote "HĐ".
    table["HD"] = DocumentType.HUONG_DAN
    return table


@functools.cache
def _types_by_label() -> dict[str, DocumentType]:
    return {_fold_label(m.label): m for m in DocumentType}


# The finders ask for the same few codes and names thousands of times per page.
@functools.lru_cache(maxsize=2048)
def _type_for_code(code: str) -> DocumentType | None:
    return _types_by_key().get(_fold_key(code))


@functools.lru_cache(maxsize=2048)
def _type_for_label(label: str) -> DocumentType | None:
    return _types_by_label().get(_fold_label(label))


@functools.cache
def agencies() -> dict[str, Agency]:
    """The agency table, keyed by code in its official case (read once from ``data/agencies.tsv``)."""
    from importlib import resources

    table: dict[str, Agency] = {}
    text = resources.files("vngovdirectives").joinpath("data/agencies.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, role, name, *flags = line.split("\t")
        table[code] = Agency(code=code, role=AgencyRole(role), name=name, national="national" in flags)
    return table


_TERM_CODE: Final = re.compile(r"(UBTVQH|QH)(\d{1,2})")


@functools.cache
def _official_case() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Maps from upper-case code to official spelling, and from D-folded key to official spellings."""
    exact: dict[str, str] = {}
    folded: dict[str, list[str]] = {}
    codes = [m.code for m in DocumentType] + [a for m in DocumentType for a in m.aliases]
    codes += list(agencies())
    for code in codes:
        exact.setdefault(code.upper(), code)
        bucket = folded.setdefault(_fold_key(code), [])
        if code not in bucket:
            bucket.append(code)
    return exact, {k: tuple(v) for k, v in folded.items()}


def canonical_code(token: str, *, fold: bool = True) -> str | None:
    """The official spelling of a known code written in any case, or (``fold``) with "D" for "Đ".

    Returns None when the token is not a known code (it may still be a valid, agency-specific one).

    >>> canonical_code("ttg"), canonical_code("ND"), canonical_code("HD"), canonical_code("qh13")
    ('TTg', 'NĐ', 'HD', 'QH13')
    >>> canonical_code("dp"), canonical_code("dp", fold=False)
    ('ĐP', None)
    """
    exact, folded = _official_case()
    upper = token.upper()
    hit = exact.get(upper)
    if hit is not None:
        return hit
    m = _TERM_CODE.fullmatch(upper)
    if m:
        return upper
    if not fold:
        return None
    candidates = folded.get(_fold_key(token))
    if candidates is not None and len(candidates) == 1:
        return candidates[0]
    return None


def is_known_code(code: str) -> bool:
    """Whether ``code`` is a document-type code or a code in the agency table (any case, D for Đ)."""
    expect_type(code, str, "is_known_code", "code")
    return canonical_code(code) is not None


def agency_name(code: str) -> str | None:
    """The Vietnamese name behind an agency or unit code ("UBND" → "Ủy ban nhân dân"); None if unknown.

    National Assembly codes carry their term: "QH13" → "Quốc hội khóa 13".
    """
    expect_type(code, str, "agency_name", "code")
    official = canonical_code(code)
    if official is None:
        return None
    m = _TERM_CODE.fullmatch(official)
    if m:
        return f"{agencies()[m.group(1)].name} khóa {int(m.group(2))}"
    agency = agencies().get(official)
    return agency.name if agency else None


def is_national_code(code: str) -> bool:
    """Whether ``code`` stands for a body of which the country has one ("CP", "BTC", "QH15",
    "TW"), rather than one of many (every province's "UBND", "HĐND", "SYT")."""
    expect_type(code, str, "is_national_code", "code")
    official = canonical_code(code)
    if official is None:
        return False
    m = _TERM_CODE.fullmatch(official)
    agency = agencies().get(m.group(1) if m else official)
    return agency is not None and agency.national
