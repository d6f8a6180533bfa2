"""Schema changes for issue 3: matching (embedding cache, declined pairs).

Reserved in advance so that the areas can change the schema in parallel without clashing
revision chains; it stays empty until that area needs a change.

Revision ID: 0005
Revises: 0004
"""
from collections.abc import Sequence

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
