"""claim items (主张项) with their evidence; the bill counterparty checklist replaces platform keywords

Revision ID: 0005_claim_items
Revises: 0004_step_period_bill_row_refunds

Existing data is carried over, never rewritten in place:

* A case's platform keywords (``cases.platform_terms``) that the user set become counterparty choices:
  every counterparty of its live bills whose name contains a keyword is selected, marked with the keyword
  (``origin = keyword:<word>``) so the checklist asks the user to check it. Keywords the app had only
  guessed (the last ``bill.terms`` ledger entry says ``suggested``) are not carried over: the new exact
  rule decides. The column itself is kept.
* A claimed amount that was last set from the bills' net paid (``bill.apply`` in the ledger) becomes one
  claim item marked 待核实 (``unverified``), linked to the bills it came from, so the user is asked to
  split it into what was really lost.

The ledger is not written to: the carried-over rows name their origin themselves.
"""

import json
import unicodedata
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0005_claim_items"
down_revision = "0004_step_period_bill_row_refunds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.String(length=50), nullable=False),
        sa.Column("amount", sa.String(length=32), nullable=False),
        sa.Column("refunded", sa.String(length=32), nullable=False),
        sa.Column("on", sa.String(length=10), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("unverified", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_claim_items_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_items")),
    )
    with op.batch_alter_table("claim_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_items_case_id"), ["case_id"], unique=False)
    op.create_table(
        "claim_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=True),
        sa.Column("bill_row_id", sa.Integer(), nullable=True),
        sa.Column("chat_message_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["claim_items.id"],
            name=op.f("fk_claim_evidence_item_id_claim_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["exhibit_id"],
            ["exhibits.id"],
            name=op.f("fk_claim_evidence_exhibit_id_exhibits"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["bill_row_id"],
            ["bill_rows.id"],
            name=op.f("fk_claim_evidence_bill_row_id_bill_rows"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["chat_message_id"],
            ["chat_messages.id"],
            name=op.f("fk_claim_evidence_chat_message_id_chat_messages"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_evidence")),
    )
    with op.batch_alter_table("claim_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_evidence_item_id"), ["item_id"], unique=False)
    op.create_table(
        "counterparty_choices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("selected", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(length=250), nullable=False),
        sa.Column("decided_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_counterparty_choices_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counterparty_choices")),
        sa.UniqueConstraint("case_id", "name", "account", name=op.f("uq_counterparty_choices_case_id")),
    )
    bind = op.get_bind()
    _keywords_to_choices(bind)
    _net_paid_to_items(bind)


def downgrade() -> None:
    op.drop_table("counterparty_choices")
    with op.batch_alter_table("claim_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_evidence_item_id"))
    op.drop_table("claim_evidence")
    with op.batch_alter_table("claim_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_items_case_id"))
    op.drop_table("claim_items")


# ----------------------------------------------------------------------------- carrying data over
# (self-contained on purpose: a migration must behave the same whatever the app's code becomes)
def _key(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def _fold(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def _refund_like(category: str, direction: str, status: str, description: str) -> bool:
    if direction == "支出":
        return False
    return (
        "退款" in status or category == "退款" or category.endswith("-退款") or description.startswith("退款")
    )


def _case_entries(bind, case_id: int, actions: tuple[str, ...]):
    marks = ", ".join(f":a{i}" for i in range(len(actions)))
    return bind.execute(
        sa.text(
            f"SELECT action, payload, at FROM ledger WHERE case_id = :case AND action IN ({marks}) ORDER BY seq"
        ),
        {"case": case_id, **{f"a{i}": a for i, a in enumerate(actions)}},
    ).fetchall()


def _keywords_to_choices(bind) -> None:
    cases = bind.execute(sa.text("SELECT id, platform_terms, updated_at FROM cases")).fetchall()
    for case_id, raw, updated_at in cases:
        try:
            terms = [str(t).strip() for t in json.loads(raw or "[]") if str(t).strip()]
        except (TypeError, ValueError):
            continue
        if not terms:
            continue
        entries = _case_entries(bind, case_id, ("bill.terms",))
        decided_at = updated_at
        if entries:
            last = json.loads(entries[-1][1])
            if last.get("suggested"):
                continue  # the app's guess, never confirmed
            decided_at = entries[-1][2]
        rows = bind.execute(
            sa.text(
                "SELECT DISTINCT r.counterparty, r.counterparty_account, r.category, r.direction, r.status, "
                "r.description FROM bill_rows r JOIN bills b ON b.id = r.bill_id "
                "JOIN exhibits e ON e.id = b.exhibit_id WHERE e.case_id = :case AND e.trashed_at IS NULL"
            ),
            {"case": case_id},
        ).fetchall()
        chosen: dict[tuple[str, str], tuple[str, str]] = {}
        for counterparty, account, category, direction, status, description in rows:
            name = _key(counterparty)
            if not name:
                continue
            for term in terms:
                word = _fold(term)
                fields = [_fold(counterparty)]
                if _refund_like(category or "", direction or "", status or "", description or ""):
                    fields.append(_fold(category))
                if any(word in f for f in fields):
                    chosen.setdefault((name, _key(account)), ((counterparty or "").strip(), term))
                    break
        for (name, account), (label, term) in chosen.items():
            bind.execute(
                sa.text(
                    "INSERT INTO counterparty_choices (case_id, name, account, label, selected, origin, decided_at) "
                    "VALUES (:case, :name, :account, :label, 1, :origin, :at)"
                ),
                {
                    "case": case_id,
                    "name": name[:300],
                    "account": account[:200],
                    "label": label[:300],
                    "origin": f"keyword:{term}"[:250],
                    "at": decided_at,
                },
            )


def _net_paid_to_items(bind) -> None:
    cases = bind.execute(sa.text("SELECT id, claimed_amount FROM cases WHERE claimed_amount IS NOT NULL"))
    for case_id, claimed in cases.fetchall():
        last = None
        for action, payload, at in _case_entries(bind, case_id, ("case.create", "case.edit", "bill.apply")):
            body = json.loads(payload)
            if action == "bill.apply":
                last = (body, at)
            elif action == "case.create" and body.get("claimed_amount") is not None:
                last = None
            elif action == "case.edit" and "claimed_amount" in (body.get("changes") or {}):
                last = None
        if last is None or str(last[0].get("claimed_amount")) != str(claimed):
            continue
        body, at = last
        paid, refunded = str(body.get("paid") or claimed), str(body.get("refunded") or "0.00")
        try:
            consistent = Decimal(paid) - Decimal(refunded) == Decimal(str(claimed))
        except ArithmeticError:
            consistent = False
        if not consistent:
            paid, refunded = str(claimed), "0.00"
        description = (
            f"原主张金额 ¥{claimed} 是按账单净付款（向平台付款 ¥{paid} − 退款 ¥{refunded}）设定的。净付款不一定是损失："
            "已经交付的消费不能要求退还。请按实际损失逐项添加主张项（未到账的充值、被扣除的余额、未交付的订单等），"
            "再删除本项。"
        )
        item_id = bind.execute(
            sa.text(
                'INSERT INTO claim_items (case_id, kind, reason, amount, refunded, "on", description, unverified, '
                "origin, created_at, updated_at) VALUES (:case, 'other', '', :amount, :refunded, :on, :text, 1, "
                "'net_paid', :at, :at)"
            ),
            {
                "case": case_id,
                "amount": paid,
                "refunded": refunded,
                "on": at[:10],
                "text": description,
                "at": at,
            },
        ).lastrowid
        for ref in body.get("bills") or []:
            found = bind.execute(
                sa.text(
                    "SELECT e.id, e.title FROM bills b JOIN exhibits e ON e.id = b.exhibit_id WHERE b.id = :b"
                ),
                {"b": ref.get("bill_id")},
            ).fetchone()
            if found is None:
                continue
            bind.execute(
                sa.text(
                    "INSERT INTO claim_evidence (item_id, kind, exhibit_id, label) "
                    "VALUES (:item, 'exhibit', :ex, :label)"
                ),
                {"item": item_id, "ex": found[0], "label": f"证据《{found[1]}》"},
            )
