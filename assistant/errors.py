"""Errors Parley shows to people: each says what happened and what to do next."""


class ParleyError(Exception):
    """Base for every error whose text is safe and useful to show a user."""


class ConfigError(ParleyError):
    """A setting is missing or malformed."""


class ModelMissing(ParleyError):
    """The offline embedding model or its tokenizer is not installed."""


class KnowledgeError(ParleyError):
    """A knowledge card or labelled example file is malformed."""


class InputError(ParleyError):
    """Input from a person or a file is unusable (empty, wrong type, too long)."""


class UnparseableReply(ParleyError):
    """An LLM answered with something that is not the structure we asked for."""


class RejectedReply(UnparseableReply):
    """An LLM's reply had the right shape but failed a check (a card it was not given, a threat kept...).

    The text is ours and names the check, so it can go in the note shown to the person who asked."""


class PromptError(ParleyError):
    """A prompt file is missing or a placeholder was not given."""
