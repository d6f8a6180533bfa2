"""Reading CSV text into records that remember their line numbers.

Shared by every CSV importer. Why not ``csv.DictReader``: a bad row must be reported with
the line where it starts in the file (quoted fields may span lines), and LinkedIn puts a
"Notes:" preamble above the header, so the header is found, not assumed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lazos.i18n import msg
from lazos.io.encoding import file_error
from lazos.io.records import Rejection

csv.field_size_limit(10 * 1024 * 1024)


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]
    extra: int  # fields beyond the header (a sign of an unquoted comma)


@dataclass(frozen=True)
class Table:
    header: list[str]
    header_line: int
    rows: list[Row]


def too_many_fields(row: Row, *, spare: int = 0) -> Rejection | None:
    """The rejection of a row with more fields than the header (beyond ``spare`` that a
    format adds on every line), or None when the row fits."""
    if row.extra <= spare:
        return None
    return Rejection(row.line, msg(
        "{extra} more field(s) than the header: a comma inside an unquoted value?",
        "{extra} campo(s) más que la cabecera: ¿una coma en un valor sin comillas?",
        extra=row.extra))


def delimiter(sample: str) -> str:
    """``,``, ``;`` or tab: whichever the first non-empty line uses most."""
    first = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _records(text: str, delim: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=False)
    line = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        start = line
        line = reader.line_num + 1
        yield start, record


def clean_header(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split())


def read_table(text: str, path: Path | str,
               is_header: Callable[[list[str]], bool] | None = None) -> Table:
    """Parse CSV ``text``; the header is the first record ``is_header`` accepts (default:
    the first non-empty record). Raises ImportFileError for broken CSV or no header."""
    delim = ","
    if is_header is None:
        delim = delimiter(text[:5000])
    header: list[str] | None = None
    header_line = 0
    rows: list[Row] = []
    try:
        for line, record in _records(text, delim):
            if header is None:
                cells = [clean_header(c) for c in record]
                if not any(cells):
                    continue
                if is_header is None or is_header(cells):
                    header, header_line = cells, line
                continue
            if not any(v.strip() for v in record):
                continue
            values = {name: (record[i] if i < len(record) else "")
                      for i, name in enumerate(header) if name}
            rows.append(Row(line=line, values=values, extra=max(0, len(record) - len(header))))
    except csv.Error as exc:
        raise file_error(path, "not readable as CSV ({why}).", "no se puede leer como CSV ({why}).",
                         why=str(exc)) from None
    if header is None and is_header is not None:
        first = next(iter(headers_of(text)), [])
        raise file_error(path, "no row has the columns this format needs (first row: {found}). "
                         "Check the format, or import it as any CSV: lazos import csv FILE "
                         "--map \"Column=name,Other=email\".",
                         "ninguna fila tiene las columnas que necesita este formato (primera "
                         "fila: {found}). Revisa el formato, o impórtalo como CSV cualquiera: "
                         "lazos import csv FICHERO --map \"Columna=name,Otra=email\".",
                         found=", ".join(first[:8]) or "-")
    if header is None:
        raise file_error(path, "no header row found: the first line must name the columns.",
                         "no hay fila de cabecera: la primera línea debe nombrar las columnas.")
    return Table(header=header, header_line=header_line, rows=rows)


def headers_of(text: str) -> list[list[str]]:
    """The first few non-empty records (cleaned), for format detection."""
    found: list[list[str]] = []
    try:
        for _, record in _records(text[:20000], delimiter(text[:5000])):
            cells = [clean_header(c) for c in record]
            if any(cells):
                found.append(cells)
            if len(found) >= 6:
                break
    except csv.Error:
        pass
    return found
