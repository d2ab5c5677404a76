"""The Streamlit front end: thin pages over assistant.mediation, assistant.process and assistant.coach."""
