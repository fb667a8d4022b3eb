"""Parsing and verifying what arrives at the webhooks."""
