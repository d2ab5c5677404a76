"""Retrieval: the offline MiniLM embedding and a Chroma index of the knowledge cards."""
