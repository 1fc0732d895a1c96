"""Discovery of the optional per-app modules that cross-app commands compose
(``<app>/demo.py``, ``<app>/exports.py``): an app without the module is simply skipped."""

from importlib import import_module
from types import ModuleType


def optional_module(app: str, name: str) -> ModuleType | None:
    dotted = f"wijksturing.{app}.{name}"
    try:
        return import_module(dotted)
    except ModuleNotFoundError as exc:
        if exc.name != dotted:  # the module exists but one of its imports is missing: a real error
            raise
        return None
