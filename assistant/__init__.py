"""Parley: a mediation assistant for the ask-and-offer process."""

__version__ = "0.1.0"
