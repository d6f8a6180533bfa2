"""Schema changes for issue 5: introductions, follow-ups, invitations, outbox.

- ``introductions.thanks``: the thank-you recorded with an outcome.
- ``messages.to_address`` becomes Text: a two-way introduction goes to two addresses.
- ``messages.updated_at``: when a draft was last edited or its send state changed.
- ``keep_in_touch_tags``: a keep-in-touch cadence (days) for everyone with a tag.

Revision ID: 0003
Revises: 0002
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("introductions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thanks", sa.Text(), nullable=True))
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.alter_column("to_address", existing_type=sa.String(length=320),
                              type_=sa.Text(), existing_nullable=True)
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
    op.create_table(
        "keep_in_touch_tags",
        sa.Column("tag", sa.String(length=100), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tag"),
    )


def downgrade() -> None:
    op.drop_table("keep_in_touch_tags")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_column("updated_at")
        batch_op.alter_column("to_address", existing_type=sa.Text(),
                              type_=sa.String(length=320), existing_nullable=True)
    with op.batch_alter_table("introductions", schema=None) as batch_op:
        batch_op.drop_column("thanks")
