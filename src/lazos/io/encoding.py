"""Bytes to text, for files written by any contacts program.

Why a sniffer and not one fixed encoding: real exports come as UTF-8 (with or without a
BOM), UTF-16 (Outlook's "Unicode" CSV, Apple's UTF-16 vCards, sometimes without a BOM),
windows-1252/Latin-1 (older Windows programs) and Shift_JIS (Japanese Windows). Guessing
wrong silently turns "Müller" into "MÃ¼ller", so the order below goes from certain
(a BOM) to likely, and a file that fits none is refused with the fix (``--encoding``).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from lazos.errors import ImportFileError
from lazos.i18n import msg

MAX_BYTES = 200 * 1024 * 1024

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def file_error(path: Path | str, en: str, es: str, **params: object) -> ImportFileError:
    """An ImportFileError whose message starts with the file name."""
    return ImportFileError(msg("{file}: " + en, "{file}: " + es, file=str(path), **params),
                           field="file")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ImportFileError saying why they cannot be read."""
    try:
        if path.is_dir():
            raise file_error(path, "is a folder, not a file.", "es una carpeta, no un fichero.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise file_error(path, "is {size} MB, over the limit of {limit} MB: split it.",
                             "ocupa {size} MB, más del límite de {limit} MB: divídelo.",
                             size=size // 2**20, limit=MAX_BYTES // 2**20)
        return path.read_bytes()
    except FileNotFoundError:
        raise file_error(path, "no such file.", "el fichero no existe.") from None
    except PermissionError:
        raise file_error(path, "not allowed to read it: check its permissions.",
                         "no hay permiso para leerlo: revisa sus permisos.") from None
    except OSError as exc:
        raise file_error(path, "cannot be read ({why}).", "no se puede leer ({why}).",
                         why=exc.strerror or str(exc)) from None


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte (ASCII text in UTF-16)."""
    sample = data[:4000]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _share(text: str, plausible: str) -> float:
    """Of the non-ASCII characters, the share that is plausible in that script."""
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return 1.0
    if plausible == "ja":  # kana, common kanji, full-width forms, CJK punctuation
        ok = sum(1 for c in wide if 0x3000 <= ord(c) <= 0x30FF or 0x4E00 <= ord(c) <= 0x9FFF
                 or 0xFF01 <= ord(c) <= 0xFF5E)
    else:  # accented Latin letters and Spanish punctuation
        ok = sum(1 for c in wide if ("\u00c0" <= c <= "\u00ff" and c not in "×÷") or c in "¡¿ªº°€")
    return ok / len(wide)


def guess_8bit(data: bytes) -> str:
    """For bytes that are not UTF-8: windows-1252 (Latin-1) unless they read clearly better
    as Shift_JIS (cp932). Why compare both: short Spanish names in windows-1252 ("Núñez")
    also decode as Shift_JIS, into rare kanji."""
    sample = data[:200_000]
    try:
        latin = _share(sample.decode("cp1252"), "latin")
        latin_name = "cp1252"
    except UnicodeDecodeError:
        latin = _share(sample.decode("latin-1"), "latin")
        latin_name = "latin-1"
    try:
        data.decode("cp932")
    except UnicodeDecodeError:
        return latin_name
    japanese = _share(sample.decode("cp932", errors="replace"), "ja")
    return "cp932" if japanese >= 0.8 and japanese > latin else latin_name


def sniff(data: bytes) -> str:
    """The most likely encoding of ``data`` (never fails: Latin-1 reads any bytes)."""
    found = bom_encoding(data) or utf16_without_bom(data)
    if found:
        return found
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return guess_8bit(data)


def check_encoding(encoding: str, path: Path | str) -> str:
    """The codec name for ``encoding``, or ImportFileError listing usual ones."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise file_error(path, "unknown encoding {enc!r}: use e.g. utf-8, utf-16, cp1252, "
                         "latin-1 or shift_jis.",
                         "codificación desconocida {enc!r}: usa p. ej. utf-8, utf-16, "
                         "cp1252, latin-1 o shift_jis.", enc=encoding) from None


def decode(data: bytes, path: Path | str, encoding: str | None = None) -> Decoded:
    """Text of a contacts file: the given ``encoding``, else a sniffed one.

    Raises ImportFileError for an unknown encoding name, bytes that do not fit the chosen
    encoding, or binary content (a spreadsheet, an image...).
    """
    name = check_encoding(encoding, path) if encoding else sniff(data)
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise file_error(path, "line {line}: the bytes are not valid {enc}. Save the file as "
                         "UTF-8, or give its encoding with --encoding.",
                         "línea {line}: los bytes no son {enc} válido. Guarda el fichero en "
                         "UTF-8 o indica su codificación con --encoding.",
                         line=line, enc=name) from None
    text = text.removeprefix("\ufeff")
    check_text(text, path)
    return Decoded(text=text, encoding=name)


def check_text(text: str, path: Path | str) -> None:
    """Refuse binary files: NUL bytes or many control characters are not a contacts file."""
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t\f\v")
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise file_error(path, "is not a text file (a spreadsheet, an image or a compressed "
                         "file?). Export your contacts as CSV or vCard (.vcf) and import that.",
                         "no es un fichero de texto (¿una hoja de cálculo, una imagen o un "
                         "fichero comprimido?). Exporta tus contactos como CSV o vCard (.vcf) e "
                         "importa ese fichero.")
