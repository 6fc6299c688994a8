"""Final feedback and its exports: the rubric computed at the end of a session, and PDF, Markdown and JSON reports
rendered from what was stored (no Qt here)."""
