"""Issue 16 (low): retention also removes personal data from the free text of a signal and its
replies, and rounds the exact point."""

import datetime as dt

import pytest
from django.utils import timezone

from wijksturing.signals.models import RetentionRecord, Signal, StatusChange
from wijksturing.signals.services import signal_retention_run, signal_transition
from wijksturing.signals.text import retention_scrub
from wijksturing.signals.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("Bel mij op 06-12345678 of mail jan.jansen@example.org", ["12345678", "jan.jansen@example.org"], ["Bel mij"]),
    ("Voor de deur van Parkweg 12a ligt afval", ["12a"], ["Parkweg"]),
    ("Adres 6811 AB 12, achter de school", ["6811 AB 12"], ["achter de school"]),
    ("Beste Jan, we hebben het opgeruimd.", ["Jan"], ["Beste [naam]", "opgeruimd"]),
    ("Geachte mevrouw De Vries, dank u.", ["Vries"], ["dank u"]),
])
def test_the_scrubber(text, gone, kept):
    cleaned = retention_scrub(text, names=[])
    assert not [g for g in gone if g in cleaned], cleaned
    assert all(k in cleaned for k in kept), cleaned


def test_the_reporters_own_name_is_removed_wherever_it_stands():
    scrubbed = retention_scrub("Melding van Pietje Puk: Puk woont hier", names=["Pietje Puk"])
    assert scrubbed == "Melding van [naam]: [naam] woont hier"


def test_retention_scrubs_description_address_replies_and_rounds_the_point(make_signal, users):
    signal = make_signal(point=(5.00512345, 52.00567891), description="Kapotte lamp voor Dorpsstraat 7, bel 0612345678",
                         reporter={"name": "Anna de Boer", "email": "anna@example.org", "consent": True},
                         address="Dorpsstraat 7")
    signal_transition(signal_id=signal.pk, to_status=Status.TRIAGE, by=users["admin"], note="Anna belde nog")
    signal_transition(signal_id=signal.pk, to_status=Status.RESOLVED, by=users["admin"],
                      reply="Beste Anna de Boer, de lamp bij Dorpsstraat 7 is gerepareerd.")
    Signal.objects.filter(pk=signal.pk).update(closed_at=timezone.now() - dt.timedelta(days=400))
    assert signal_retention_run() == 1
    signal.refresh_from_db()
    assert "7" not in signal.description and "0612345678" not in signal.description and "Dorpsstraat" in signal.description
    assert signal.address == "Dorpsstraat"
    assert (signal.lat, signal.lon) == (52.006, 5.005)
    texts = " ".join(c.reply + c.note for c in StatusChange.objects.filter(signal=signal))
    assert "Anna" not in texts and "Boer" not in texts and "Dorpsstraat 7" not in texts and "gerepareerd" in texts
    assert {"description", "address", "coordinates", "history"} <= set(RetentionRecord.objects.get(signal=signal).fields)
