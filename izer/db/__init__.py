"""Database models, engine and queries."""
