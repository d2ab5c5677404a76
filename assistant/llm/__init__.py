"""The LLM edge: an OpenAI-compatible chat model and the prompt files."""
