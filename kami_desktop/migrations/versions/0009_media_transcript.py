"""exhibits keep the user's own transcript of a voice message or recording

Revision ID: 0009_media_transcript
Revises: 0008_chat_conversations

A plain nullable ``ADD COLUMN``: exhibits stored before this revision have no transcript (NULL); the
binder prints its advice to add one instead.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_media_transcript"
down_revision = "0008_chat_conversations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("exhibits", sa.Column("transcript", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exhibits", schema=None) as batch_op:
        batch_op.drop_column("transcript")
