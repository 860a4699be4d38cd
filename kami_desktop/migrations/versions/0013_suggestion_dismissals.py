"""suggestions read from OCR text that the user dismissed (忽略), one row per exhibit and field

Revision ID: 0013_suggestion_dismissals
Revises: 0012_video_frames

A new table only: profiles from before this revision have dismissed nothing. Each row is written with a
``suggestion.dismiss`` ledger entry (and removed with ``suggestion.undismiss``).
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_suggestion_dismissals"
down_revision = "0012_video_frames"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suggestion_dismissals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("text_key", sa.String(length=64), nullable=False),
        sa.Column("shown", sa.Text(), nullable=False),
        sa.Column("dismissed_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["exhibit_id"],
            ["exhibits.id"],
            name=op.f("fk_suggestion_dismissals_exhibit_id_exhibits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_dismissals")),
        sa.UniqueConstraint("exhibit_id", "field", name=op.f("uq_suggestion_dismissals_exhibit_id")),
    )
    op.create_index(
        op.f("ix_suggestion_dismissals_exhibit_id"), "suggestion_dismissals", ["exhibit_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_suggestion_dismissals_exhibit_id"), table_name="suggestion_dismissals")
    op.drop_table("suggestion_dismissals")
