"""Voice fixtures live in tests/conftest.py: the window tests use them too."""
