"""Run in a subprocess by test_sqlite_concurrency.py: a fresh SQLite file with the project's own
settings (WAL, IMMEDIATE, busy timeout), then simultaneous writers from threads, each with its
own connection as under runserver or gunicorn threads. Prints the outcome as JSON."""

import json
import os
import sys
import threading

os.environ["DJANGO_SETTINGS_MODULE"] = "wijksturing.conf.settings"
os.environ.setdefault("DJANGO_DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

THREADS, POSTS, VOTERS = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])


def run_threads(n, work):
    barrier, results = threading.Barrier(n), []

    def target(i):
        try:
            barrier.wait()
            results.append(work(i))
        except Exception as exc:  # noqa: BLE001 — a crash is what this script counts
            results.append(f"error {type(exc).__name__}: {exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


call_command("migrate", verbosity=0)
from wijksturing.participation import services as pb  # noqa: E402
from wijksturing.participation.models import Ballot, SealedBallot  # noqa: E402
from wijksturing.participation.tests.factories import make_layout, make_round  # noqa: E402
from wijksturing.signals.models import Signal  # noqa: E402
from wijksturing.signals.services import api_key_create  # noqa: E402
from wijksturing.signals.tests.factories import make_municipality  # noqa: E402

make_municipality()
key = api_key_create(municipality_code="GM9999", name="load")[1]
connection.close()


def posts(i):
    client, codes = Client(), []
    for n in range(POSTS):
        response = client.post("/open311/v2/requests.json", {
            "api_key": key, "jurisdiction_id": "GM9999", "service_code": "boom", "lat": "52.005", "long": "5.005",
            "description": f"thread {i} post {n}"})
        codes.append(response.status_code)
    return codes


post_results = run_threads(THREADS, posts)
statuses = [c for r in post_results if isinstance(r, list) for c in r]

make_layout()
rnd = make_round()
code = pb.voting_codes_generate(rnd=rnd, count=1)[0]
first = rnd.proposals.order_by("id").first().pk
connection.close()


def vote(i):
    from django.core.exceptions import ValidationError

    try:
        pb.ballot_cast(rnd=rnd, choices={first: 1}, code=code)
        return "voted"
    except ValidationError:
        return "refused"


votes = run_threads(VOTERS, vote)
print(json.dumps({
    "posts": {str(s): statuses.count(s) for s in sorted(set(statuses))},
    "post_errors": [r for r in post_results if not isinstance(r, list)],
    "signals": Signal.objects.count(),
    "votes": {v: votes.count(v) for v in sorted(set(votes))},
    "ballots": Ballot.objects.count() + SealedBallot.objects.count(),
    "journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0],
}))
