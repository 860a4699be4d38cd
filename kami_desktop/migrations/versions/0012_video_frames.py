"""exhibits keep the times of a video's frames the user picked (printed large in the binder)

Revision ID: 0012_video_frames
Revises: 0011_masked_copies

A plain nullable ``ADD COLUMN`` holding a JSON list of time offsets ("00:01:23", "00:01:23.500"):
exhibits stored before this revision have none (NULL reads as an empty list).
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_video_frames"
down_revision = "0011_masked_copies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("exhibits", sa.Column("key_frames", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exhibits", schema=None) as batch_op:
        batch_op.drop_column("key_frames")
