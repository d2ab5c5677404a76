"""The ask-and-offer method as pure code: stages, parties, rounds, entries, agreement. No I/O."""

from assistant.process.model import (
    STAGES,
    Entry,
    Message,
    Party,
    SessionState,
    Term,
)
from assistant.process.rules import (
    NON_NEGOTIABLE_CAUTION,
    ProcessError,
    check_advance,
    check_confirm,
    check_entry,
    check_goal,
    check_message,
    check_term,
    equal_time,
    next_stage,
    visible_entries,
)

__all__ = [
    "NON_NEGOTIABLE_CAUTION",
    "STAGES",
    "Entry",
    "Message",
    "Party",
    "ProcessError",
    "SessionState",
    "Term",
    "check_advance",
    "check_confirm",
    "check_entry",
    "check_goal",
    "check_message",
    "check_term",
    "equal_time",
    "next_stage",
    "visible_entries",
]
