"""The coach: what the assistant says (drift, asks, offers, strategies)."""
