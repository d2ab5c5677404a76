"""The Streamlit front end: thin pages that read state from, and act through, assistant.session."""
