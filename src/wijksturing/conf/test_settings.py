"""Settings of the test suite (pyproject's pytest section and `make test`): the development
settings, with DEBUG on unless the environment says otherwise (pytest-django still runs each
test with DEBUG off, as production does)."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")

from wijksturing.conf.settings import *  # noqa: E402,F403
