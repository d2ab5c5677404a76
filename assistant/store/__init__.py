"""The store: SQLAlchemy tables and a repository, SQLite by default and PostgreSQL by URL."""

from assistant.store.repository import Repository, SessionLinks

__all__ = ["Repository", "SessionLinks"]
