"""text read from stored originals by OCR (derived data, keyed by the blob)

Revision ID: 0010_ocr_texts
Revises: 0009_media_transcript

A new table only: profiles from before this revision have read nothing yet; the OCR job reads their
images in the background on the next start.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_ocr_texts"
down_revision = "0009_media_transcript"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ocr_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("blob_sha256", sa.String(length=64), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("engine", sa.String(length=100), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("read_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["blob_sha256"],
            ["blobs.sha256"],
            name=op.f("fk_ocr_texts_blob_sha256_blobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ocr_texts")),
        sa.UniqueConstraint("blob_sha256", "page", name=op.f("uq_ocr_texts_blob_sha256")),
    )


def downgrade() -> None:
    op.drop_table("ocr_texts")
