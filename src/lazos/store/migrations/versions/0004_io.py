"""Schema changes for issue 6: imports, exports and duplicates.

Adds ``import_keys``: which imported record (by source and key) became which person, so
that importing the same file again adds nobody.

Revision ID: 0004
Revises: 0003
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=500), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "key"),
    )
    with op.batch_alter_table("import_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_keys_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("import_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_keys_person_id"))
    op.drop_table("import_keys")
