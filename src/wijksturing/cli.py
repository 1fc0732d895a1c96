"""The ``wijksturing`` command: Django's management commands, plus ``wijksturing pb …``
(participatory-budget counting on a .pb file, no database needed)."""

from __future__ import annotations

import contextlib
import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "pb":
        from wijksturing.core.pb.cli import main as pb_main

        return pb_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijksturing.conf.settings")
    from django.core.management import execute_from_command_line

    _make_var_dir()

    execute_from_command_line(argv)
    return 0


def _make_var_dir() -> None:
    """The commands create the working folder (SQLite database, uploads, reports) when they
    need it; importing the settings creates nothing (an installed or read-only package)."""
    from pathlib import Path

    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    # read-only, or the settings refuse to load: the command itself reports that
    with contextlib.suppress(OSError, ImproperlyConfigured):
        Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)


if __name__ == "__main__":
    sys.exit(main())
