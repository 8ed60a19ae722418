"""Bytes to text: refuse what is not text, detect the encoding of what is."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import IngestError

# Magic numbers of formats people drop into an input folder by mistake.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive", b"%PDF": "a PDF file", b"\x1f\x8b": "a gzip file",
    b"\x7fELF": "an executable", b"SQLite format 3": "an SQLite database",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL in Latin-script text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, record: str) -> str:
    """Decode `data` to str or raise IngestError saying why it is not usable text."""
    if not data.strip():
        raise IngestError(record, "empty (no text)" if not data else "only whitespace (no text)")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise IngestError(record, f"binary file ({what}), not text")
    _refuse_binary_bytes(data, record)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(record, f"starts with a {encoding} byte-order mark but does not decode: {exc}") from None
    if (utf16 := looks_utf16(data)) is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        best = from_bytes(data[:200_000]).best()
        if best is None or best.encoding is None:
            raise IngestError(record, f"not UTF-8 (byte 0x{data[exc.start]:02x} at {exc.start}) and no other text encoding fits") from None
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            raise IngestError(record, f"not UTF-8 (byte 0x{data[exc.start]:02x} at {exc.start}); detected {best.encoding} does not decode it") from None
    _refuse_binary(text, record)
    return text


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")


def _refuse_binary_bytes(data: bytes, record: str) -> None:
    """Control bytes in a sample mean a binary file (UTF-16's NULs are allowed through: checked later)."""
    sample = data[:20_000]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or looks_utf16(sample):
        return
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    if controls > max(8, len(sample) // 50):
        raise IngestError(record, f"binary content ({controls} control bytes in the first {len(sample):,}), not text")


def _refuse_binary(text: str, record: str) -> None:
    """Text full of control characters is a binary file that happened to decode."""
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(sample) // 20):
        raise IngestError(record, f"binary content ({controls} control characters in the first {len(sample):,}), not text")
