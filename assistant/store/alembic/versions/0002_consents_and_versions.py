"""Consents (ready to move on, accept the mutual goal, delete the record), a proposed mutual goal,
and the agreement version each confirmation is of

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consents",
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["party_id"], ["parties.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("party_id", "kind"),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_session_id"), ["session_id"], unique=False)
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mutual_goal_proposal", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("mutual_goal_proposed_by", sa.Integer(), nullable=True))
    with op.batch_alter_table("confirmations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agreement_version", sa.String(length=64), nullable=True))
    # a confirmation made before versions existed is of no known version: ask again
    op.execute("DELETE FROM confirmations")


def downgrade() -> None:
    with op.batch_alter_table("confirmations", schema=None) as batch_op:
        batch_op.drop_column("agreement_version")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_column("mutual_goal_proposed_by")
        batch_op.drop_column("mutual_goal_proposal")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_session_id"))
    op.drop_table("consents")
