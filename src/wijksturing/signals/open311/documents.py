"""Build the GeoReport v2 documents (plain dicts) from signals and categories. Nothing here
reads the reporter: the public documents cannot contain contact details."""

from __future__ import annotations

import datetime as dt
import re

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from wijksturing.accounts.logging import scrub
from wijksturing.signals.models import Category, Signal, StatusChange
from wijksturing.signals.workflow import open311_status

_HOUSE_NUMBER = re.compile(r"\s+\d+\s*[a-zA-Z]?(?:[-\s]\w{1,4})?\b")


def _w3c(value: dt.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def service_doc(category: Category) -> dict:
    return {
        "service_code": category.slug,
        "service_name": category.name,
        "description": category.description,
        "metadata": False,
        "type": "realtime",
        "keywords": category.parent.slug if category.parent_id else "",
        "group": category.parent.name if category.parent_id else "",
    }


def service_definition_doc(category: Category) -> dict:
    return {"service_code": category.slug, "attributes": []}


def with_status_notes(qs: QuerySet[Signal]) -> QuerySet[Signal]:
    """Annotate the latest reply to the reporter (it becomes ``status_notes``)."""
    latest = StatusChange.objects.filter(signal=OuterRef("pk")).exclude(reply="").order_by("-at", "-id")
    return qs.annotate(status_notes=Subquery(latest.values("reply")[:1]))


def public_address(address: str) -> str | None:
    """An address without house number, so that a report cannot point at one home."""
    return _HOUSE_NUMBER.sub("", scrub(address)).strip() or None if address else None


def request_doc(signal: Signal) -> dict:
    expected = None
    if signal.deadline:
        expected = timezone.make_aware(dt.datetime.combine(signal.deadline, dt.time(17, 0)))
    notes = getattr(signal, "status_notes", None)
    return {
        "service_request_id": str(signal.pk),
        "status": open311_status(signal.status),
        "status_notes": scrub(notes) if notes else None,
        "service_name": signal.category.name,
        "service_code": signal.category.slug,
        "description": scrub(signal.description) if signal.description else None,
        "agency_responsible": signal.team.name if signal.team_id else (signal.category.department or None),
        "service_notice": signal.category.handling_message or None,
        "requested_datetime": _w3c(signal.created_at),
        "updated_datetime": _w3c(signal.updated_at),
        "expected_datetime": _w3c(expected),
        "address": public_address(signal.address),
        "address_id": None,
        "zipcode": None,
        "lat": signal.lat,
        "long": signal.lon,
        "media_url": signal.media_url or None,
    }


def created_doc(signal: Signal) -> dict:
    return {"service_request_id": str(signal.pk), "service_notice": signal.category.handling_message or None,
            "account_id": None}
