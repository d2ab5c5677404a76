"""The tables. Everything two devices must agree on lives here, never in a process's memory."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("stage", String(20), nullable=False, default="goals"),
    Column("round_no", Integer, nullable=False, default=1),
    Column("mutual_goal", Text),
    Column("mutual_goal_proposal", Text),  # proposed by one party, recorded when every active party accepts
    Column("mutual_goal_proposed_by", Integer),
    Column("revisit_on", Date),
    Column("facilitator_token_hash", String(64), unique=True),
    Column("version", Integer, nullable=False, default=0),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

parties = Table(
    "parties",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(80), nullable=False),
    Column("position", Integer, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("joined_at", DateTime(timezone=True)),
    Column("left_at", DateTime(timezone=True)),
    Column("private_notes", Text),
)

goals = Table(
    "goals",
    metadata,
    Column("party_id", Integer, ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text, nullable=False),
)

entries = Table(
    "entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("party_id", Integer, ForeignKey("parties.id", ondelete="CASCADE"), nullable=False),
    Column("round_no", Integer, nullable=False),
    Column("ask", Text, nullable=False),
    Column("offer", Text, nullable=False),
    Column("non_negotiable", Text),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("party_id", "round_no", name="one_entry_per_party_per_round"),
)

reveals = Table(
    "reveals",
    metadata,
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("round_no", Integer, primary_key=True),
    Column("revealed_at", DateTime(timezone=True), nullable=False),
)

messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("party_id", Integer, ForeignKey("parties.id", ondelete="CASCADE")),
    Column("kind", String(20), nullable=False, default="message"),
    Column("text", Text, nullable=False),
    Column("level", String(12), nullable=False, default="open"),
    Column("score", Float, nullable=False, default=0.0),
    Column("client_key", String(64)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("session_id", "client_key", name="message_sent_once"),
)

terms = Table(
    "terms",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("party_id", Integer, ForeignKey("parties.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("by_when", String(200), nullable=False),
)

confirmations = Table(
    "confirmations",
    metadata,
    Column("party_id", Integer, ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("confirmed_at", DateTime(timezone=True), nullable=False),
    Column("agreement_version", String(64)),  # the exact terms and revisit date confirmed
)

consents = Table(
    "consents",
    metadata,
    # one standing consent per party and kind: "ready" (to move on), "goal" (accepts the proposed
    # mutual goal), "delete" (agrees to delete the shared record); subject says what it is for
    Column("party_id", Integer, ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("subject", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("data", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
)
