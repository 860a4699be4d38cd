"""chats are one conversation each, and every message says who spoke in which role

Revision ID: 0008_chat_conversations
Revises: 0007_court_copies

An export holding several conversations (a QQ 全部消息记录 with a private chat and a group chat) is stored
as one chat per conversation, each its own exhibit: ``chats.conversation`` names it and ``chats.group_chat``
says whether others than the user and the platform speak in it. Each message keeps the sender's id (QQ
number, e-mail, wxid) and its speaker's role: ``me`` (本人), ``platform`` (平台客服), ``other`` (其他用户) or
``system``. Chats imported before this revision have an empty conversation and empty roles, read as before
(the user's messages as 本人, the others as the platform's).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_chat_conversations"
down_revision = "0007_court_copies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("chats", sa.Column("conversation", sa.String(300), nullable=False, server_default=""))
    op.add_column("chats", sa.Column("group_chat", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("chat_messages", sa.Column("sender_id", sa.String(200), nullable=False, server_default=""))
    op.add_column("chat_messages", sa.Column("role", sa.String(10), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("chat_messages", schema=None) as batch_op:
        batch_op.drop_column("role")
        batch_op.drop_column("sender_id")
    with op.batch_alter_table("chats", schema=None) as batch_op:
        batch_op.drop_column("group_chat")
        batch_op.drop_column("conversation")
