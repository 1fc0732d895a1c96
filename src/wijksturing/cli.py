"""The ``wijksturing`` command: Django's management commands, plus ``wijksturing pb …``
(participatory-budget counting on a .pb file, no database needed)."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "pb":
        from wijksturing.core.pb.cli import main as pb_main

        return pb_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijksturing.conf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
