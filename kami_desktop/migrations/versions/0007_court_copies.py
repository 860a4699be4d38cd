"""a case may have several causes; each party states its basis for being sued; advice leaves exhibit notes

Revision ID: 0007_court_copies
Revises: 0006_bill_sheets

* ``cases.causes`` (JSON list of cause codes): filled with the case's one ``cause_type``; ``cause_type`` is
  kept and stays the first cause.
* ``parties.basis``: why a defendant is sued (运营者 / 收款方且为实际经营者 / 平台未能提供经营者真实信息 /
  共同经营). Empty for existing parties: the documents leave it blank and readiness asks for it.
* Exhibit notes are the user's words for the court. Imports used to write the product's advice there (a
  bill's "仅供个人对账使用…建议另行申请…", a chat's parse hints). Those lines are exactly the stored
  ``bills.warnings`` / ``chats.warnings`` of the exhibit, which stay where they are and are now shown as
  advice; the matching lines are removed from ``exhibits.notes``. Lines the user wrote are kept.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007_court_copies"
down_revision = "0006_bill_sheets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("causes", sa.Text(), nullable=False, server_default="[]"))
    op.add_column("parties", sa.Column("basis", sa.String(length=30), nullable=False, server_default=""))
    bind = op.get_bind()
    for case_id, cause in bind.execute(sa.text("SELECT id, cause_type FROM cases")).all():
        bind.execute(
            sa.text("UPDATE cases SET causes = :c WHERE id = :i"),
            {"c": json.dumps([cause or "unknown"]), "i": case_id},
        )
    advice: dict[int, set[str]] = {}
    queries = ("SELECT exhibit_id, warnings FROM bills", "SELECT exhibit_id, warnings FROM chats")
    for query in queries:
        for exhibit_id, warnings in bind.execute(sa.text(query)).all():
            try:
                lines = json.loads(warnings or "[]")
            except ValueError:
                continue
            advice.setdefault(exhibit_id, set()).update(str(w).strip() for w in lines if str(w).strip())
    for exhibit_id, lines in advice.items():
        notes = bind.execute(sa.text("SELECT notes FROM exhibits WHERE id = :i"), {"i": exhibit_id}).scalar()
        if not notes:
            continue
        kept = [line for line in notes.split("\n") if line.strip() not in lines]
        if len(kept) != len(notes.split("\n")):
            bind.execute(
                sa.text("UPDATE exhibits SET notes = :n WHERE id = :i"),
                {"n": "\n".join(kept).strip(), "i": exhibit_id},
            )


def downgrade() -> None:
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_column("basis")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("causes")
