"""The one rule that keeps private needs out of other people's inboxes.

A need marked private (health, legal, money, family, immigration, or by hand) may appear
only in messages to its owner, until the owner's consent is recorded with a date
(``lazos need consent ID``). Every message to anyone else that would mention a need goes
through :func:`require_shareable` first.
"""

from __future__ import annotations

from lazos.errors import PrivacyError
from lazos.i18n import msg
from lazos.model import Need


def require_shareable(need: Need, *, owner: str, recipient: str) -> None:
    """Raise PrivacyError when telling ``recipient`` about ``need`` needs consent first."""
    if need.shareable:
        return
    topic = need.topic or "private"
    raise PrivacyError(msg(
        "Need {id} of {owner} is private ({topic}): introducing them would tell {recipient} "
        "about it. Ask {owner} first; if they agree, record it with 'lazos need consent {id}' "
        "and try again. Nothing was drafted.",
        "La necesidad {id} de {owner} es privada ({topic}): presentarlos se la contaría a "
        "{recipient}. Pregunta antes a {owner}; si está de acuerdo, anótalo con 'lazos need "
        "consent {id}' y vuelve a intentarlo. No se ha preparado ningún mensaje.",
        id=need.id, owner=owner, recipient=recipient, topic=topic), field="need")
