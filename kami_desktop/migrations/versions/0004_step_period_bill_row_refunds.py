"""the demand period granted per ladder step; bill rows keep 资金状态 and the stated refund

Revision ID: 0004_step_period_bill_row_refunds
Revises: 0003_ladder
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_step_period_bill_row_refunds"
down_revision = "0003_ladder"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (SQLite does it in place, no table rebuild)
    op.add_column("ladder_steps", sa.Column("workdays", sa.Integer(), nullable=True))
    op.add_column(
        "bill_rows", sa.Column("fund_status", sa.String(length=50), nullable=False, server_default="")
    )
    op.add_column("bill_rows", sa.Column("refund_total", sa.String(length=32), nullable=True))
    # bills stored before this revision lack the two row columns: they keep re-reading the original
    op.add_column(
        "bills", sa.Column("rows_complete", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    with op.batch_alter_table("bills", schema=None) as batch_op:
        batch_op.drop_column("rows_complete")
    with op.batch_alter_table("bill_rows", schema=None) as batch_op:
        batch_op.drop_column("refund_total")
        batch_op.drop_column("fund_status")
    with op.batch_alter_table("ladder_steps", schema=None) as batch_op:
        batch_op.drop_column("workdays")
