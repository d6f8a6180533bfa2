"""Schema changes for issue 6: imports, exports and duplicates.

Reserved in advance so that the areas can change the schema in parallel without clashing
revision chains; it stays empty until that area needs a change.

Revision ID: 0004
Revises: 0003
"""
from collections.abc import Sequence

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
