"""Bytes to text: BOMs, UTF-8, declared charsets, then charset-normalizer for the rest.

A file that is mostly NUL or control bytes is refused as binary instead of being
decoded into garbage text.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

import charset_normalizer

from veille.errors import InputError

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes that never occur in text apart from tab, LF, FF, CR and ESC.
_CONTROL_BYTES: Final = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_BINARY_SAMPLE: Final = 64 * 1024
# Share of control bytes (NUL excluded: any NUL is binary) above which a file is binary.
_MAX_CONTROL_SHARE: Final = 0.05

# Replaced by U+FFFD (one code point for one, so offsets stay valid): NUL, which
# databases refuse in text, and lone surrogates, which cannot be written as UTF-8.
_UNSTORABLE: Final = re.compile("[\x00\ud800-\udfff]")
_LONE_SURROGATE: Final = re.compile(
    "[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]"
)
# C0 controls other than tab, LF, FF, CR and ESC (as in _CONTROL_BYTES), and NUL.
_TEXT_CONTROLS: Final = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")

_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_XML_ENCODING: Final = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']"""
)

_UNSAFE_CODECS: Final = frozenset(
    {"utf-7", "unicode-escape", "raw-unicode-escape", "punycode", "idna", "palmos"}
)

BINARY_FIX: Final = "give a text, HTML, JSON(L) or feed file; binary files are not read."
REENCODE_FIX: Final = "re-save the file as UTF-8."


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the BOM's length.

    UTF-16 without a BOM counts too (length 0) when its NUL bytes show it: see
    ``bomless_utf16``. Every reader asks this first, so they all agree on it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    bomless = bomless_utf16(data)
    return None if bomless is None else (bomless, 0)


def bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 text written without a BOM, else None.

    Windows tools write such files. Real text has spaces, digits, punctuation or Latin
    letters (code points under U+0100), whose high byte is NUL: in UTF-16-LE the NULs
    sit at odd offsets, in -BE at even ones, and hardly ever at the other parity. The
    sample must then decode strictly and hold no control characters, so binary data
    with NULs (images, archives, UTF-32) is not taken for UTF-16.
    """
    head = data[:_BINARY_SAMPLE]
    head = head[: len(head) - len(head) % 2]
    pairs = len(head) // 2
    if pairs < 2 or b"\x00" not in head:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if odd >= max(2, pairs // 10) and even <= pairs // 100:
        encoding = "utf-16-le"
    elif even >= max(2, pairs // 10) and odd <= pairs // 100:
        encoding = "utf-16-be"
    else:
        return None
    # The sample may end inside a surrogate pair: drop its last code unit if needed.
    text = head.decode(encoding, errors="surrogatepass")
    if text and "\ud800" <= text[-1] <= "\udbff":
        text = text[:-1]
    if _LONE_SURROGATE.search(text) or _TEXT_CONTROLS.search(text):
        return None
    return encoding


def looks_binary(sample: bytes) -> bool:
    """True for data that is not text in any encoding we read (NUL or control bytes).

    Only call this on data without a UTF-16/32 BOM: those encodings are full of NULs.
    """
    head = sample[:_BINARY_SAMPLE]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return controls / len(head) > _MAX_CONTROL_SHARE


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names, if Python knows it."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    return usable_charset(match.group(1).decode("ascii"))


def usable_charset(name: str | None) -> str | None:
    """Python's name for a declared charset we are willing to decode with, or None.

    Only ASCII-compatible text codecs: a declaration cannot make us decode with
    ``unicode_escape``, ``utf-7`` or a UTF-16 variant on data without a BOM.
    """
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().lower())
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _UNSAFE_CODECS:
        return None
    return info.name if is_ascii_compatible(info.name) else None


def is_ascii_compatible(encoding: str) -> bool:
    """True when LF is the byte 0x0A, so byte lines can be split before decoding."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return not name.startswith(("utf-16", "utf-32")) and "\n".encode(name) == b"\n"


def detect_legacy_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess for bytes that are not UTF-8, or None."""
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best.encoding)


def decode_document(data: bytes, *, declared: str | None = None) -> str:
    """Decode a whole document; raise ``InputError`` when it is binary or undecodable.

    Order: BOM, then strict UTF-8, then the declared charset (HTTP header, ``<meta>``,
    XML declaration), then charset-normalizer's detection. The result has no BOM.
    """
    bom = bom_encoding(data)
    if bom is not None:
        encoding, length = bom
        try:
            return data[length:].decode(encoding)
        except UnicodeDecodeError as exc:
            announced = "starts with a {} byte-order mark" if length else "looks like {}"
            raise InputError(
                f"{announced.format(encoding.upper())} but is not valid "
                f"{encoding.upper()} (byte {exc.start + length + 1})",
                fix=REENCODE_FIX,
            ) from exc
    if looks_binary(data):
        raise InputError("looks binary (NUL or control bytes), not text", fix=BINARY_FIX)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        for candidate in (usable_charset(declared), declared_charset(data)):
            if candidate is None or candidate == "utf-8":
                continue
            try:
                return data.decode(candidate)
            except UnicodeDecodeError:
                continue  # the declaration is wrong; fall through to detection
        detected = detect_legacy_encoding(data)
        if detected is None:
            raise InputError(
                f"not valid UTF-8 (byte {utf8_error.start + 1}), and its encoding "
                "could not be detected",
                fix=REENCODE_FIX,
            ) from utf8_error
        return data.decode(detected, errors="replace")


def storable_text(text: str) -> str:
    """Replace NUL and lone surrogates by U+FFFD; code-point offsets are unchanged."""
    return _UNSTORABLE.sub("\ufffd", text)


def normalise_newlines(text: str) -> str:
    r"""``\r\n`` and lone ``\r`` become ``\n``, as Python's text mode reads files."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
