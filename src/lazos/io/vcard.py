"""vCard 2.1, 3.0 and 4.0 files (RFC 2425/2426/6350), many cards per file.

A tolerant reader written for what real programs emit, not only what the RFCs allow:

1. Lines end in LF, CRLF or CR CR LF; a line starting with a space or tab continues the
   previous one (folding). Folding is undone on bytes, before decoding, because writers
   fold in the middle of a multi-byte UTF-8 character.
2. Each line is decoded on its own: UTF-8, else its ``CHARSET`` parameter, else the file's
   guessed 8-bit encoding (windows-1252 or Shift_JIS). UTF-16 files are decoded first.
3. vCard 2.1 ``QUOTED-PRINTABLE`` values continue over lines ending in ``=``.
4. ``itemN.`` groups (Apple) are kept; nested cards (2.1 ``AGENT``) are skipped; photos,
   sounds and keys are skipped; a line that is not a property is ignored.

Categories become tags and notes a note. A card without a name falls back to its
organisation, then its e-mail; one with none of them is rejected with its line number.
:func:`write_cards` writes vCard 4.0.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lazos.i18n import msg
from lazos.io.encoding import (
    bom_encoding,
    check_encoding,
    file_error,
    guess_8bit,
    utf16_without_bom,
)
from lazos.io.fields import classify_url, finish, group_tags, join_name, split_name
from lazos.io.records import Contact, Parsed, Rejection
from lazos.model import Person

FORMAT = "vcard"
_CHARSET = re.compile(rb";\s*CHARSET=\"?([A-Za-z0-9_\-]+)", re.IGNORECASE)
_SKIP = {"PHOTO", "LOGO", "SOUND", "KEY"}


@dataclass
class Prop:
    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    value: str

    @property
    def types(self) -> set[str]:
        return {t.lower() for t in self.params.get("TYPE", [])}

    @property
    def pref(self) -> bool:
        return "pref" in self.types or "PREF" in self.params


@dataclass
class Card:
    line: int
    props: list[Prop] = field(default_factory=list)
    closed: bool = False

    def all(self, name: str) -> list[Prop]:
        return [p for p in self.props if p.name == name]

    def first(self, name: str) -> Prop | None:
        found = self.all(name)
        found.sort(key=lambda p: not p.pref)
        return found[0] if found else None


# --- text-level helpers -------------------------------------------------------------------

def unescape(value: str) -> str:
    """RFC 6350 text: ``\\n`` → newline, ``\\,`` → ``,``, ``\\;`` → ``;``, ``\\\\`` → ``\\``."""
    if "\\" not in value:
        return value
    out: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars, "")
            out.append("\n" if nxt in "nN" and nxt else nxt)
        else:
            out.append(ch)
    return "".join(out)


def split_escaped(value: str, sep: str) -> list[str]:
    """Split on ``sep`` where it is not escaped with a backslash; parts are unescaped."""
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in value:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == sep:
            parts.append(unescape("".join(current)))
            current = []
        else:
            current.append(ch)
    parts.append(unescape("".join(current)))
    return parts


def _split_outside_quotes(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _params(raw: list[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for item in raw:
        item = item.strip()
        if not item:
            continue
        if "=" in item:
            key, _, val = item.partition("=")
            values = [v.strip().strip('"') for v in _split_outside_quotes(val.strip('"'), ",")]
            params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
        elif item.upper() in ("QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"):
            params.setdefault("ENCODING", []).append(item)
        else:  # vCard 2.1 bare types: TEL;WORK;VOICE
            params.setdefault("TYPE", []).append(item)
    return params


def _split_line(text: str) -> tuple[str, str, dict[str, list[str]], str] | None:
    """``item1.TEL;TYPE=CELL:+34 600`` → (group, name, params, value); None if not a property."""
    quoted = False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            head, value = text[:i], text[i + 1:]
            break
    else:
        return None
    parts = _split_outside_quotes(head, ";")
    name = parts[0].strip()
    group = ""
    if "." in name:
        group, _, name = name.rpartition(".")
    if not name or not re.fullmatch(r"[A-Za-z0-9\-]+", name):
        return None
    return group, name.upper(), _params(parts[1:]), value


# --- bytes → logical lines ----------------------------------------------------------------

def _decode_line(raw: bytes, fallback: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = raw.split(b":", 1)[0]
    found = _CHARSET.search(head)
    for enc in ([found.group(1).decode("ascii")] if found else []) + [fallback]:
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("latin-1")


def _logical_lines(data: bytes, path: Path | str,
                   encoding: str | None) -> tuple[list[tuple[int, bytes]], str]:
    wide = (check_encoding(encoding, path) if encoding else None) or bom_encoding(data) \
        or utf16_without_bom(data)
    if wide and wide != "utf-8":
        try:
            data = data.decode(wide).encode("utf-8")
        except (UnicodeDecodeError, LookupError):
            raise file_error(path, "the bytes are not valid {enc}. Save the file as UTF-8, or "
                             "give its encoding with --encoding.",
                             "los bytes no son {enc} válido. Guarda el fichero en UTF-8 o "
                             "indica su codificación con --encoding.", enc=wide) from None
        fallback = "utf-8"
    else:
        data = data.removeprefix(b"\xef\xbb\xbf")
        fallback = ""
    physical = [ln.rstrip(b"\r") for ln in data.split(b"\n")] if b"\n" in data else data.split(b"\r")
    logical: list[tuple[int, bytes]] = []
    for number, line in enumerate(physical, start=1):
        if line[:1] in (b" ", b"\t") and logical:
            prev_no, prev = logical[-1]
            logical[-1] = (prev_no, prev + line[1:])
        elif line.strip():
            logical.append((number, line))
    if not fallback:  # decided after unfolding: folds may split a UTF-8 character
        joined = b"\n".join(line for _, line in logical)
        try:
            joined.decode("utf-8")
            fallback = "utf-8"
        except UnicodeDecodeError:
            fallback = guess_8bit(joined)
    return logical, fallback


def _qp_decode(value: str, params: dict[str, list[str]], fallback: str) -> str:
    raw = quopri.decodestring(value.encode("utf-8"))
    charsets = params.get("CHARSET", [])
    for enc in [*charsets, "utf-8", fallback]:
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("latin-1")


def read_cards(data: bytes, path: Path | str, encoding: str | None = None) -> tuple[list[Card], str]:
    """Every top-level card in ``data``, with its properties; the fallback encoding used."""
    logical, fallback = _logical_lines(data, path, encoding)
    cards: list[Card] = []
    current: Card | None = None
    depth = 0
    i = 0
    while i < len(logical):
        number, raw = logical[i]
        i += 1
        parsed = _split_line(_decode_line(raw, fallback))
        if parsed is None:
            continue
        group, name, params, value = parsed
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            depth += 1
            if depth == 1:
                current = Card(line=number)
                cards.append(current)
            continue
        if name == "END" and value.strip().upper() == "VCARD":
            depth = max(0, depth - 1)
            if depth == 0 and current is not None:
                current.closed = True
                current = None
            continue
        if current is None or depth != 1 or name in _SKIP:
            continue
        encodings = {e.upper() for e in params.get("ENCODING", [])}
        if "QUOTED-PRINTABLE" in encodings:
            while value.endswith("=") and i < len(logical):
                value = value[:-1] + _decode_line(logical[i][1], fallback)
                i += 1
            value = _qp_decode(value, params, fallback)
        elif encodings & {"BASE64", "B"}:
            continue
        current.props.append(Prop(line=number, group=group.lower(), name=name, params=params,
                                  value=value))
    return cards, fallback


# --- card → contact -----------------------------------------------------------------------

def _text(prop: Prop | None) -> str:
    return " ".join(unescape(prop.value).split()) if prop else ""


def _contact(card: Card) -> Contact | Rejection:
    contact = Contact(line=card.line)
    kind = _text(card.first("KIND")).lower()
    if kind in ("group", "org", "location"):
        return Rejection(card.line, msg("a card of kind {kind!r}, not a person; skipped.",
                                        "una tarjeta de tipo {kind!r}, no una persona; se omite.",
                                        kind=kind))
    contact.name = _text(card.first("FN"))
    n = card.first("N")
    if not contact.name and n is not None:
        parts = split_escaped(n.value, ";") + [""] * 5
        contact.name = join_name(parts[1], parts[2], parts[0])
    org = card.first("ORG")
    if org is not None:
        contact.company = " ".join(split_escaped(org.value, ";")[0].split()) or None
    contact.role = _text(card.first("TITLE")) or _text(card.first("ROLE")) or None
    emails = sorted(card.all("EMAIL"), key=lambda p: not p.pref)
    contact.emails = list(dict.fromkeys(
        e for e in (_text(p).removeprefix("mailto:").removeprefix("MAILTO:") for p in emails) if e))
    phones = sorted(card.all("TEL"), key=lambda p: not p.pref)
    contact.phones = list(dict.fromkeys(
        t for t in (_text(p).removeprefix("tel:") for p in phones) if t))
    for adr in sorted(card.all("ADR"), key=lambda p: not p.pref):
        parts = split_escaped(adr.value, ";") + [""] * 7
        if parts[3].strip():
            contact.city = " ".join(parts[3].split())
            break
    for prop in card.all("URL") + card.all("X-SOCIALPROFILE"):
        classify_url(contact, unescape(prop.value))
    contact.tags = [t for p in card.all("CATEGORIES")
                    for t in group_tags(unescape(p.value), sep=",")]
    notes = [unescape(p.value).replace("\r\n", "\n").strip() for p in card.all("NOTE")]
    contact.note = "\n\n".join(n for n in notes if n) or None
    for prop in card.all("LANG"):
        from lazos.i18n import normalise_lang

        lang = normalise_lang(_text(prop))
        if lang and lang not in contact.languages:
            contact.languages.append(lang)
    uid = _text(card.first("UID"))
    contact.key = f"uid:{uid}" if uid else ""
    if not card.closed:
        contact.warnings.append(msg("the card has no END:VCARD; read up to the end of the file.",
                                    "la tarjeta no tiene END:VCARD; se leyó hasta el final."))
    return finish(contact)


def parse_bytes(data: bytes, path: Path | str, encoding: str | None = None) -> Parsed:
    """Contacts from the bytes of a .vcf file. ImportFileError when it holds no card at all."""
    cards, fallback = read_cards(data, path, encoding)
    if not cards:
        from lazos.io.detect import refuse_non_contacts

        lines, _ = _logical_lines(data[:20000], path, encoding)
        refuse_non_contacts("\n".join(_decode_line(ln, "latin-1") for _, ln in lines), path)
        raise file_error(path, "no vCard found (no BEGIN:VCARD line). Is it a contacts file?",
                         "no hay ninguna vCard (falta la línea BEGIN:VCARD). ¿Es un fichero de "
                         "contactos?")
    out = Parsed(format=FORMAT, encoding=fallback)
    for card in cards:
        out.add(_contact(card))
    return out


# --- export -------------------------------------------------------------------------------

def escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\r\n", "\n").replace("\n", "\\n")
            .replace(",", "\\,").replace(";", "\\;"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 6350 3.2)."""
    out: list[str] = []
    current = ""
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


def card_lines(person: Person) -> Iterable[str]:
    """The content lines of one person as a vCard 4.0."""
    yield "BEGIN:VCARD"
    yield "VERSION:4.0"
    yield f"UID:urn:lazos:person:{person.id}"
    yield f"FN:{escape(person.name)}"
    family, given = split_name(person.name)
    yield f"N:{escape(family)};{escape(given)};;;"
    for i, email in enumerate(person.emails, start=1):
        yield f"EMAIL;PREF={i}:{email}"
    for i, phone in enumerate(person.phones, start=1):
        yield f"TEL;VALUE=text;PREF={i}:{escape(phone)}"
    if person.company:
        yield f"ORG:{escape(person.company)}"
    if person.role:
        yield f"TITLE:{escape(person.role)}"
    if person.city:
        yield f"ADR:;;;{escape(person.city)};;;"
    for i, lang in enumerate(person.languages, start=1):
        yield f"LANG;PREF={i}:{lang}"
    if person.linkedin_url:
        yield f"URL;TYPE=linkedin:{person.linkedin_url}"
        yield f"X-SOCIALPROFILE;TYPE=linkedin:{person.linkedin_url}"
    if person.xing_url:
        yield f"URL;TYPE=xing:{person.xing_url}"
    if person.tags:
        yield "CATEGORIES:" + ",".join(escape(t) for t in person.tags)
    yield "END:VCARD"


def write_cards(people: Iterable[Person]) -> str:
    """Every person as vCard 4.0 text (CRLF line ends, folded at 75 octets)."""
    return "".join(fold(line) + "\r\n" for person in people for line in card_lines(person))
