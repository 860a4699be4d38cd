"""voice messages of a chat export linked to the audio files the export holds beside it

Revision ID: 0014_chat_voice_links
Revises: 0013_suggestion_dismissals

A new table only: one row per voice message whose export named an audio file — the path as the export
wrote it, and the SHA-256 of the file when it was imported as an exhibit of its own (else why not). Chats
imported before this revision have no rows: importing the same export again adds them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_chat_voice_links"
down_revision = "0013_suggestion_dismissals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_voice_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("media", sa.String(length=1000), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_chat_voice_links_chat_id_chats"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_voice_links")),
        sa.UniqueConstraint("chat_id", "seq", name=op.f("uq_chat_voice_links_chat_id")),
    )


def downgrade() -> None:
    op.drop_table("chat_voice_links")
