"""masked copies of image originals for public complaint sites (derived files, kept apart)

Revision ID: 0011_masked_copies
Revises: 0010_ocr_texts

A new table only: profiles from before this revision have made no masked copy.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_masked_copies"
down_revision = "0010_ocr_texts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "masked_copies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=False),
        sa.Column("blob_sha256", sa.String(length=64), nullable=False),
        sa.Column("copy_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=100), nullable=False),
        sa.Column("media_type", sa.String(length=50), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("style", sa.String(length=20), nullable=False),
        sa.Column("boxes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["exhibit_id"],
            ["exhibits.id"],
            name=op.f("fk_masked_copies_exhibit_id_exhibits"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["blob_sha256"],
            ["blobs.sha256"],
            name=op.f("fk_masked_copies_blob_sha256_blobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_masked_copies")),
    )
    op.create_index(op.f("ix_masked_copies_exhibit_id"), "masked_copies", ["exhibit_id"], unique=False)
    op.create_index(op.f("ix_masked_copies_blob_sha256"), "masked_copies", ["blob_sha256"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_masked_copies_blob_sha256"), table_name="masked_copies")
    op.drop_index(op.f("ix_masked_copies_exhibit_id"), table_name="masked_copies")
    op.drop_table("masked_copies")
