"""``WIJKSTURING_LOG_FORMAT=json``: one JSON object per log line, for log collectors (Loki,
Elastic, …). Messages have already passed the personal-data filter (accounts/logging.py);
tracebacks are scrubbed the same way here. No request data is added beyond what the message says."""

from __future__ import annotations

import datetime as dt
import json
import logging

from wijksturing.accounts.logging import scrub


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
            "process": record.process,
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
