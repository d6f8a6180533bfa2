"""Every error Lazos raises on purpose, in one tree.

::

    LazosError                      (exit 1 unless a subclass says otherwise)
     ├── UserError                  the user can fix it: exit code 2
     │    ├── ValidationError       a field has a bad value (names the field and the fix)
     │    ├── NotFoundError         no person/need/offer/... with that reference
     │    ├── AmbiguousError        a reference fits several people (lists them)
     │    ├── ConflictError         the store already has it / illegal state change
     │    ├── PrivacyError          would reveal a private need without consent
     │    ├── ImportFileError       a file to import cannot be read (names file and line)
     │    └── StoreError            the database itself is unusable
     │         ├── NotALazosDatabase
     │         └── DatabaseTooNew   written by a newer Lazos
     └── InternalError              a bug or a broken environment: exit code 1

Errors carry a bilingual :class:`~lazos.i18n.Msg`; the CLI, web pages and the JSON API
render it in the reader's language. Library code never prints.
"""

from __future__ import annotations

from collections.abc import Sequence

from lazos.i18n import Msg, msg


class LazosError(Exception):
    """Base of all Lazos errors. ``exit_code`` is what the CLI returns."""

    exit_code = 1
    http_status = 500

    def __init__(self, message: Msg | str, *, field: str | None = None) -> None:
        self.msg = message if isinstance(message, Msg) else Msg(en=message, es=message)
        self.field = field
        super().__init__(self.msg.render("en"))

    def render(self, lang: str | None = None) -> str:
        return self.msg.render(lang)

    def to_dict(self, lang: str | None = None) -> dict[str, object]:
        """The one JSON error shape every API endpoint returns (datasette's)."""
        errors: list[dict[str, object]] = [{"field": self.field, "message": self.render(lang)}]
        out: dict[str, object] = {"ok": False, "error": self.render(lang), "errors": errors,
                                  "status": self.http_status}
        candidates = getattr(self, "candidates", None)
        if candidates:
            out["candidates"] = [{"id": i, "label": label} for i, label in candidates]
        return out


class UserError(LazosError):
    exit_code = 2
    http_status = 400


class ValidationError(UserError):
    """A value the user gave is not acceptable; ``field`` names it."""

    http_status = 422


class NotFoundError(UserError):
    http_status = 404


class AmbiguousError(UserError):
    """A reference matches several records; ``candidates`` lists them (id, label)."""

    http_status = 409

    def __init__(self, message: Msg | str, *, candidates: Sequence[tuple[int, str]],
                 field: str | None = None) -> None:
        self.candidates = list(candidates)
        super().__init__(message, field=field)


class ConflictError(UserError):
    http_status = 409


class PrivacyError(UserError):
    http_status = 403


class ImportFileError(UserError):
    """A file to import cannot be read; message names the file and line."""


class StoreError(UserError):
    """The database cannot be used as it is."""


class NotALazosDatabase(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class InternalError(LazosError):
    exit_code = 1


def field_error(field: str, en: str, es: str, **params: object) -> ValidationError:
    """Shorthand for a :class:`ValidationError` about ``field``."""
    return ValidationError(msg(en, es, field=field, **params), field=field)
