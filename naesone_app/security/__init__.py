"""Secrets handling: password hashing, encryption at rest, tokens."""
