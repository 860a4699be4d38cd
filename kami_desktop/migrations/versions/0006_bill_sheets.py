"""bills keep the export as printed: its column names, the lines before and after the table, each row's cells

Revision ID: 0006_bill_sheets
Revises: 0004_step_period_bill_row_refunds

The binder prints a bill as the export shows it (every column, the header lines, the export's own row
numbers). Plain ``ADD COLUMN``s: bills imported before this revision have ``sheet_complete = 0`` and empty
values; the binder reads their original file from the vault for the printed sheet (their money rows are
unchanged).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_bill_sheets"
down_revision = "0005_claim_items"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("bills", sa.Column("column_names", sa.Text(), nullable=False, server_default="[]"))
    op.add_column("bills", sa.Column("head_lines", sa.Text(), nullable=False, server_default="[]"))
    op.add_column("bills", sa.Column("tail_lines", sa.Text(), nullable=False, server_default="[]"))
    op.add_column(
        "bills", sa.Column("sheet_complete", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("bill_rows", sa.Column("cells", sa.Text(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("bill_rows", schema=None) as batch_op:
        batch_op.drop_column("cells")
    with op.batch_alter_table("bills", schema=None) as batch_op:
        batch_op.drop_column("sheet_complete")
        batch_op.drop_column("tail_lines")
        batch_op.drop_column("head_lines")
        batch_op.drop_column("column_names")
