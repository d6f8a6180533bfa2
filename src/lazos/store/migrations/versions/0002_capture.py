"""Schema changes for issue 4: reading notes into needs, offers and promises.

Reserved in advance so that the areas can change the schema in parallel without clashing
revision chains; it stays empty until that area needs a change.

Revision ID: 0002
Revises: 0001
"""
from collections.abc import Sequence

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
