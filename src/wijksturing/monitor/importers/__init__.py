"""Importers of the monitor: every source format onto the one catalogue (see formats.py)."""
