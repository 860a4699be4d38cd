"""bills and chats: parsed transactions and messages, case platform terms

Revision ID: 0002_bills_chats
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_bills_chats"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=False),
        sa.Column("blob_sha256", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("layout", sa.String(length=50), nullable=False),
        sa.Column("personal_only", sa.Boolean(), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("period_start", sa.String(length=40), nullable=True),
        sa.Column("period_end", sa.String(length=40), nullable=True),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["blob_sha256"], ["blobs.sha256"], name=op.f("fk_bills_blob_sha256_blobs"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["exhibit_id"], ["exhibits.id"], name=op.f("fk_bills_exhibit_id_exhibits"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bills")),
    )
    with op.batch_alter_table("bills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bills_blob_sha256"), ["blob_sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_bills_exhibit_id"), ["exhibit_id"], unique=False)
    op.create_table(
        "chats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=False),
        sa.Column("blob_sha256", sa.String(length=64), nullable=False),
        sa.Column("format", sa.String(length=50), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("me", sa.String(length=200), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["blob_sha256"], ["blobs.sha256"], name=op.f("fk_chats_blob_sha256_blobs"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["exhibit_id"], ["exhibits.id"], name=op.f("fk_chats_exhibit_id_exhibits"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chats")),
    )
    with op.batch_alter_table("chats", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chats_blob_sha256"), ["blob_sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_chats_exhibit_id"), ["exhibit_id"], unique=False)
    op.create_table(
        "bill_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bill_id", sa.Integer(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("time", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("counterparty", sa.String(length=300), nullable=False),
        sa.Column("counterparty_account", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.String(length=32), nullable=False),
        sa.Column("payment_method", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=100), nullable=False),
        sa.Column("order_id", sa.String(length=100), nullable=False),
        sa.Column("merchant_order_id", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bill_id"], ["bills.id"], name=op.f("fk_bill_rows_bill_id_bills"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bill_rows")),
    )
    with op.batch_alter_table("bill_rows", schema=None) as batch_op:
        batch_op.create_index("ix_bill_rows_bill_row", ["bill_id", "row"], unique=False)
    op.create_table(
        "chat_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("time", sa.String(length=40), nullable=False),
        sa.Column("sender", sa.String(length=200), nullable=False),
        sa.Column("is_me", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_chat_messages_chat_id_chats"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_messages")),
    )
    with op.batch_alter_table("chat_messages", schema=None) as batch_op:
        batch_op.create_index("ix_chat_messages_chat_seq", ["chat_id", "seq"], unique=False)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("platform_terms", sa.Text(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("platform_terms")
    with op.batch_alter_table("chat_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_chat_messages_chat_seq")
    op.drop_table("chat_messages")
    with op.batch_alter_table("bill_rows", schema=None) as batch_op:
        batch_op.drop_index("ix_bill_rows_bill_row")
    op.drop_table("bill_rows")
    with op.batch_alter_table("chats", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chats_exhibit_id"))
        batch_op.drop_index(batch_op.f("ix_chats_blob_sha256"))
    op.drop_table("chats")
    with op.batch_alter_table("bills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bills_exhibit_id"))
        batch_op.drop_index(batch_op.f("ix_bills_blob_sha256"))
    op.drop_table("bills")
