"""The domain: plain Python, no Reflex, database or HTTP import.

Everything a rule decides lives here so the CLI, the API and the pages all give the same answer.
"""
