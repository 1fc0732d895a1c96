"""wijksturing — area-based steering for Dutch municipalities."""

__version__ = "0.1.0"
