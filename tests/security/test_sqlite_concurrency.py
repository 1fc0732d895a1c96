"""Issue 16: on SQLite, 72 % of Open311 POSTs at 8 connections and 5 of 20 simultaneous votes
with one code answered 500 "database is locked". With WAL, a busy timeout and IMMEDIATE
transactions every writer waits its turn. Runs against a real SQLite file in a subprocess (the
test database of pytest-django is in memory and locks differently)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

THREADS, POSTS, VOTERS = 8, 10, 20


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="SQLite behaviour")
def test_simultaneous_writers_wait_instead_of_failing(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'load.sqlite3'}", "WIJKSTURING_VAR_DIR": str(tmp_path),
           "DJANGO_DEBUG": "true", "WIJKSTURING_BALLOT_BATCH": "1"}
    script = Path(__file__).with_name("sqlite_load.py")
    done = subprocess.run([sys.executable, str(script), str(THREADS), str(POSTS), str(VOTERS)], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["journal_mode"] == "wal"
    assert outcome["posts"] == {"200": THREADS * POSTS}, outcome
    assert not outcome["post_errors"] and outcome["signals"] == THREADS * POSTS
    assert outcome["votes"] == {"refused": VOTERS - 1, "voted": 1}, outcome
    assert outcome["ballots"] == 1
