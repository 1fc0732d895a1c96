"""wijksturing — area-based steering for Dutch municipalities."""

__version__ = "0.2.0"
