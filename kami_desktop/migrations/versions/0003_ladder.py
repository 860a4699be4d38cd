"""escalation ladder: facts, party evidence, ladder steps, person fields of parties

Revision ID: 0003_ladder
Revises: 0002_bills_chats
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_ladder"
down_revision = "0002_bills_chats"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("disputed", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_facts_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facts")),
    )
    with op.batch_alter_table("facts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_facts_case_id"), ["case_id"], unique=False)
    op.create_table(
        "ladder_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("on", sa.String(length=10), nullable=False),
        sa.Column("channel", sa.String(length=100), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_ladder_steps_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ladder_steps")),
    )
    with op.batch_alter_table("ladder_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ladder_steps_case_id"), ["case_id"], unique=False)
    op.create_table(
        "fact_exhibits",
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["exhibit_id"],
            ["exhibits.id"],
            name=op.f("fk_fact_exhibits_exhibit_id_exhibits"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["fact_id"], ["facts.id"], name=op.f("fk_fact_exhibits_fact_id_facts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("fact_id", "exhibit_id", name=op.f("pk_fact_exhibits")),
    )
    op.create_table(
        "party_exhibits",
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["exhibit_id"],
            ["exhibits.id"],
            name=op.f("fk_party_exhibits_exhibit_id_exhibits"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["party_id"], ["parties.id"], name=op.f("fk_party_exhibits_party_id_parties"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("party_id", "exhibit_id", name=op.f("pk_party_exhibits")),
    )
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("id_number", sa.String(length=32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("gender", sa.String(length=10), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("birth_date", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("ethnicity", sa.String(length=20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("occupation", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("legal_rep_title", sa.String(length=50), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_column("legal_rep_title")
        batch_op.drop_column("occupation")
        batch_op.drop_column("ethnicity")
        batch_op.drop_column("birth_date")
        batch_op.drop_column("gender")
        batch_op.drop_column("id_number")
    op.drop_table("party_exhibits")
    op.drop_table("fact_exhibits")
    with op.batch_alter_table("ladder_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ladder_steps_case_id"))
    op.drop_table("ladder_steps")
    with op.batch_alter_table("facts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_facts_case_id"))
    op.drop_table("facts")
