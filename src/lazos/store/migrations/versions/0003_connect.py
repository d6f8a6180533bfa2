"""Schema changes for issue 5: introductions, follow-ups, invitations, outbox.

Reserved in advance so that the areas can change the schema in parallel without clashing
revision chains; it stays empty until that area needs a change.

Revision ID: 0003
Revises: 0002
"""
from collections.abc import Sequence

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
