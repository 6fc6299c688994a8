"""Feedback computed from a finished session: what was measured, by code, before any presentation."""
