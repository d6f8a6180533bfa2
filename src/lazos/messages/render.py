"""Filling message templates in a person's language.

Templates are plain-text Jinja2 files in ``templates/<lang>/<name>.txt``; a first line
``Subject: ...`` gives the subject. A user edits them by copying one to
``$LAZOS_HOME/templates/<lang>/<name>.txt``: that copy wins over the bundled one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lazos.errors import field_error
from lazos.i18n import normalise_lang
from lazos.model import Person

BUNDLED = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str


def user_templates() -> Path:
    from lazos.config import load_settings

    return load_settings().home / "templates"


def _env() -> Any:
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(user_templates())),
                             FileSystemLoader(str(BUNDLED))]),
        autoescape=False,             # plain text: nothing is interpreted as markup
        undefined=StrictUndefined,    # a typo in a user's template fails loudly
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)


def message_lang(*candidates: str | None) -> str:
    """The first known language among ``candidates`` (person's, then the need's), else the
    reader's own language."""
    from lazos.i18n import current_lang

    for c in candidates:
        lang = normalise_lang(c)
        if lang:
            return lang
    return current_lang()


def render(name: str, lang: str, **context: Any) -> Rendered:
    """Render template ``name`` in ``lang``. Raises ValidationError when a user's copy of the
    template is broken (naming the file)."""
    from jinja2 import TemplateError

    try:
        text = _env().get_template(f"{lang}/{name}.txt").render(**context)
    except TemplateError as exc:
        raise field_error("template", "Template {name} ({lang}) cannot be used: {problem}. Fix "
                          "your copy in {folder} or delete it to use the bundled one.",
                          "La plantilla {name} ({lang}) no se puede usar: {problem}. Arregla tu "
                          "copia en {folder} o bórrala para usar la incluida.",
                          name=name, lang=lang, problem=str(exc),
                          folder=str(user_templates() / lang)) from None
    subject = ""
    lines = text.strip("\n").split("\n")
    if lines and lines[0].startswith("Subject:"):
        subject = lines[0][len("Subject:"):].strip()
        lines = lines[1:]
    body = "\n".join(lines).strip("\n")
    while "\n\n\n" in body:
        body = body.replace("\n\n\n", "\n\n")
    return Rendered(subject=subject, body=body + "\n")


def person_context(p: Person) -> dict[str, Any]:
    """What templates may say about a person (contact details included)."""
    headline = " · ".join(x for x in (p.role, p.company) if x)
    return {"name": p.name, "first_name": p.name.split()[0] if p.name.split() else p.name,
            "headline": headline, "email": p.email, "phone": p.phones[0] if p.phones else None,
            "linkedin": p.linkedin_url, "xing": p.xing_url, "city": p.city}


def signature() -> str:
    from lazos.config import load_settings

    return load_settings().user_name or ""


def user_first_name() -> str:
    sig = signature()
    return sig.split()[0] if sig.split() else ""


def store_text(value: object) -> str | None:
    """A text to keep in the store: a bilingual Msg becomes JSON with both languages."""
    from lazos.i18n import Msg

    if value is None:
        return None
    if isinstance(value, Msg):
        import json

        return json.dumps({"en": value.render("en"), "es": value.render("es")},
                          ensure_ascii=False)
    return str(value)


def read_text(raw: str | None, lang: str | None) -> str | None:
    """The inverse of :func:`store_text`, in ``lang`` (``None``: the reader's language)."""
    if not raw:
        return None
    if raw.startswith("{"):
        import json

        from lazos.i18n import pick

        try:
            both = json.loads(raw)
            return pick(lang, str(both["en"]), str(both["es"]))
        except (ValueError, KeyError, TypeError):
            return raw
    return raw
