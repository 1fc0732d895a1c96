"""Open Referral HSDS 3.0 export and import (JSON and CSV) and GeoJSON of the register.

One entry becomes one HSDS ``organization``, one ``service`` (what it offers, with its kind and
themes as attributes, its areas as ``service_areas``, ``assured_date`` = last confirmed) and a
``location`` per place (address, coordinates, opening hours as a schedule description, OSM tags
as attributes). Ids are the entries' own UUIDs, or UUIDs derived from them (uuid5), so an export
imported again gives the same entries and the same export. Only public entries are exported; the
contact person only where they chose to be public. The JSON document has three arrays:
``organizations``, ``services`` and ``locations``; the CSV form is a zip with one file per HSDS
table. :data:`SCHEMA` checks a document against the published HSDS field definitions.
"""

from __future__ import annotations

import csv
import io
import uuid
import zipfile

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date

from wijksturing.accounts.services import audit_log
from wijksturing.core.numbers import parse_coordinate
from wijksturing.core.tabular import TableError, read_table
from wijksturing.organisations import selectors
from wijksturing.organisations import services as org_services
from wijksturing.organisations.models import Channel, Event, EventKind, Kind, Location, Organisation, OrgStatus, Scope, Theme
from wijksturing.organisations.osm import osm_tags

KIND_TAXONOMY = "wijksturing-soort"
THEME_TAXONOMY = "wijksturing-thema"
OSM_TAXONOMY = "openstreetmap"
NS = uuid.UUID("6f0b6c1e-5f0e-4a9a-9d0e-9a1f3c2b7d10")

_UUID = {"type": "string", "format": "uuid",
         "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}
_STR = {"type": "string"}
_URI = {"type": "string", "pattern": "^https?://"}
_EMAIL = {"type": "string", "format": "email"}
_NUM = {"type": "number"}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def _obj(properties: dict, required: list[str]) -> dict:
    return {"type": "object", "properties": properties, "required": required}


_PHONE = _obj({"id": _UUID, "number": _STR, "type": _STR, "description": _STR}, ["id", "number"])
_CONTACT = _obj({"id": _UUID, "organization_id": _UUID, "name": _STR, "title": _STR, "email": _EMAIL,
                 "phones": {"type": "array", "items": _PHONE}}, ["id"])
_TERM = _obj({"id": _UUID, "code": _STR, "name": _STR, "description": _STR, "taxonomy": _STR}, ["id", "name", "description"])
_ATTRIBUTE = _obj({"id": _UUID, "link_id": _UUID, "taxonomy_term_id": _UUID, "link_type": _STR, "link_entity": _STR,
                   "value": _STR, "taxonomy_term": _TERM}, ["id", "link_id", "taxonomy_term_id", "link_entity"])
_ADDRESS = _obj({"id": _UUID, "location_id": _UUID, "attention": _STR, "address_1": _STR, "address_2": _STR,
                 "city": _STR, "region": _STR, "state_province": _STR, "postal_code": _STR,
                 "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
                 "address_type": {"enum": ["physical", "postal", "virtual"]}},
                ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"])
_SCHEDULE = _obj({"id": _UUID, "service_id": _UUID, "location_id": _UUID, "description": _STR, "opens_at": _STR,
                  "closes_at": _STR, "byday": _STR, "freq": {"enum": ["WEEKLY", "MONTHLY"]}}, ["id"])
_SERVICE_AREA = _obj({"id": _UUID, "service_id": _UUID, "name": _STR, "description": _STR, "extent": _STR,
                      "extent_type": {"enum": ["geojson", "topojson", "kml", "text"]}, "uri": _URI}, ["id"])
_SAL = _obj({"id": _UUID, "service_id": _UUID, "location_id": _UUID, "description": _STR}, ["id"])
_ORGANIZATION = _obj({"id": _UUID, "name": _STR, "alternate_name": _STR, "description": _STR, "email": _EMAIL,
                      "website": _URI, "contacts": {"type": "array", "items": _CONTACT},
                      "phones": {"type": "array", "items": _PHONE},
                      "attributes": {"type": "array", "items": _ATTRIBUTE}}, ["id", "name", "description"])
_SERVICE = _obj({"id": _UUID, "organization_id": _UUID, "name": _STR, "description": _STR, "url": _URI, "email": _EMAIL,
                 "status": {"enum": ["active", "inactive", "defunct", "temporarily closed"]},
                 "assured_date": _DATE, "service_areas": {"type": "array", "items": _SERVICE_AREA},
                 "service_at_locations": {"type": "array", "items": _SAL},
                 "attributes": {"type": "array", "items": _ATTRIBUTE}},
                ["id", "name", "status", "organization_id"])
_LOCATION = _obj({"id": _UUID, "location_type": {"enum": ["physical", "postal", "virtual"]}, "url": _URI,
                  "organization_id": _UUID, "name": _STR, "description": _STR,
                  "latitude": {"type": "number", "minimum": -90, "maximum": 90},
                  "longitude": {"type": "number", "minimum": -180, "maximum": 180},
                  "addresses": {"type": "array", "items": _ADDRESS},
                  "schedules": {"type": "array", "items": _SCHEDULE},
                  "attributes": {"type": "array", "items": _ATTRIBUTE}}, ["id", "location_type"])

#: The HSDS 3.0 objects this register writes, with the required fields and formats of the
#: published field definitions (openreferral/specification, schema/*.json), as one JSON schema.
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "HSDS 3.0 organizations, services and locations (wijksturing export)",
    "type": "object",
    "properties": {"organizations": {"type": "array", "items": _ORGANIZATION},
                   "services": {"type": "array", "items": _SERVICE},
                   "locations": {"type": "array", "items": _LOCATION}},
    "required": ["organizations", "services", "locations"],
}


def validate(document: dict) -> list[str]:
    """The schema errors of a document (empty when it is valid HSDS as this register writes it)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path)) or '(document)'}: {e.message}"
            for e in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))]


def _id(*parts) -> str:
    return str(uuid.uuid5(NS, "/".join(str(p) for p in parts)))


def _term(taxonomy: str, code: str, name: str) -> dict:
    return {"id": _id("term", taxonomy, code), "code": code, "name": name, "description": name, "taxonomy": taxonomy}


def _attribute(link_id: str, link_entity: str, taxonomy: str, code: str, name: str, value: str = "") -> dict:
    term = _term(taxonomy, code, name)
    out = {"id": _id("attribute", link_id, taxonomy, code), "link_id": link_id, "link_type": taxonomy,
           "link_entity": link_entity, "taxonomy_term_id": term["id"], "taxonomy_term": term}
    if value:
        out["value"] = value
    return out


def _clean(d: dict) -> dict:
    """Drop empty strings and None: HSDS leaves out what is not known."""
    return {k: v for k, v in d.items() if v not in ("", None)}


def export_document(*, municipality_code: str) -> dict:
    organizations, services, locations = [], [], []
    for o in selectors.organisation_public_list(municipality_code=municipality_code):
        oid = str(o.hsds_id)
        sid = _id("service", oid)
        org = _clean({"id": oid, "name": o.name, "description": o.description, "email": o.email, "website": o.website})
        if o.phone:
            org["phones"] = [{"id": _id("phone", oid), "number": o.phone}]
        if o.contact_public and o.contact_name:
            contact = _clean({"id": _id("contact", oid), "organization_id": oid, "name": o.contact_name,
                              "email": o.contact_email})
            if o.contact_phone:
                contact["phones"] = [{"id": _id("contact-phone", oid), "number": o.contact_phone}]
            org["contacts"] = [contact]
        if o.illustrative:
            org["attributes"] = [_attribute(oid, "organization", "wijksturing-voorbeeld", "illustrative",
                                            "Illustrative entry (demo)")]
        organizations.append(org)
        service = _clean({
            "id": sid, "organization_id": oid, "name": o.name, "description": o.description, "url": o.website,
            "email": o.email, "status": "active",
            "assured_date": timezone.localtime(o.last_confirmed_at).date().isoformat() if o.last_confirmed_at else ""})
        service["service_areas"] = [
            {"id": _id("area", oid, a.area_code), "service_id": sid, "name": a.area_name or a.area_code,
             "description": a.area_code, "extent": a.area_code, "extent_type": "text"}
            for a in o.areas.all()]
        service["attributes"] = [_attribute(sid, "service", KIND_TAXONOMY, o.kind, str(Kind(o.kind).label))] + [
            _attribute(sid, "service", THEME_TAXONOMY, t, str(Theme(t).label)) for t in o.themes]
        service["service_at_locations"] = [{"id": _id("sal", sid, loc.hsds_id), "service_id": sid,
                                            "location_id": str(loc.hsds_id)} for loc in o.locations.all()]
        services.append(service)
        for loc in o.locations.all():
            lid = str(loc.hsds_id)
            location = _clean({"id": lid, "location_type": "physical", "organization_id": oid,
                               "name": loc.name or o.name, "latitude": loc.lat, "longitude": loc.lon})
            if loc.address:
                location["addresses"] = [{"id": _id("address", lid), "location_id": lid, "address_1": loc.address,
                                          "city": loc.city, "state_province": loc.province,
                                          "postal_code": loc.postcode, "country": "NL", "address_type": "physical"}]
            if loc.opening_hours:
                location["schedules"] = [{"id": _id("schedule", lid), "location_id": lid,
                                          "description": loc.opening_hours}]
            tags = osm_tags(o.kind)
            if tags:
                location["attributes"] = [_attribute(lid, "location", OSM_TAXONOMY, f"{k}={v}", f"{k}={v}")
                                          for k, v in tags.items()]
            locations.append(location)
    return {"organizations": organizations, "services": services, "locations": locations}


def _term_codes(attributes: list[dict], taxonomy: str) -> list[str]:
    return [a["taxonomy_term"]["code"] for a in attributes or []
            if a.get("taxonomy_term", {}).get("taxonomy") == taxonomy and a["taxonomy_term"].get("code")]


@transaction.atomic
def import_document(*, municipality_code: str, document: dict, source: str, user=None) -> dict:
    """Create or update entries from an HSDS document (matched on the organization's id).
    Entries in a published HSDS document are public at their source: that publication is
    recorded as their consent (channel "import", who = ``source``). Refuses a document that
    does not meet :data:`SCHEMA`, or names a kind or an area the register does not know."""
    errors = validate(document)
    if errors:
        raise ValidationError([f"{source}: {e}" for e in errors[:20]])
    services_by_org = {s["organization_id"]: s for s in document["services"]}
    locations_by_org: dict[str, list[dict]] = {}
    for loc in document["locations"]:
        locations_by_org.setdefault(loc.get("organization_id", ""), []).append(loc)
    created = updated = 0
    for i, org in enumerate(document["organizations"]):
        service = services_by_org.get(org["id"])
        if service is None:
            raise ValidationError(f"{source}: organizations/{i}: no service names this organization")
        kinds = _term_codes(service.get("attributes"), KIND_TAXONOMY)
        kind = kinds[0] if kinds else Kind.INITIATIVE
        if kind not in Kind.values:
            raise ValidationError(f"{source}: services/{org['id']}: unknown kind {kind!r}")
        themes = [t for t in _term_codes(service.get("attributes"), THEME_TAXONOMY)]
        area_codes = [a.get("extent") or a.get("description") for a in service.get("service_areas", [])]
        contact = (org.get("contacts") or [{}])[0]
        contact_phone = (contact.get("phones") or [{}])[0].get("number", "")
        fields = {"name": org["name"], "description": org["description"], "themes": themes,
                  "website": org.get("website", ""), "email": org.get("email", ""),
                  "phone": (org.get("phones") or [{}])[0].get("number", "")}
        illustrative = "illustrative" in _term_codes(org.get("attributes"), "wijksturing-voorbeeld")
        confirmed = parse_date(service["assured_date"]) if service.get("assured_date") else None
        existing = Organisation.objects.filter(hsds_id=org["id"], municipality__code=municipality_code).first()
        if existing is None:
            organisation, _token = org_services.organisation_register(
                user=None, municipality_code=municipality_code, kind=kind, area_codes=area_codes,
                contact_name=contact.get("name", ""), contact_email=contact.get("email", ""),
                contact_phone=contact_phone, illustrative=illustrative, **fields)
            Organisation.objects.filter(pk=organisation.pk).update(hsds_id=org["id"])
            organisation.hsds_id = uuid.UUID(org["id"])
            created += 1
        else:
            organisation = existing
            org_services.organisation_update(user=None, organisation=organisation, area_codes=area_codes, kind=kind,
                                             **fields)
            organisation.contact_name, organisation.contact_email = contact.get("name", ""), contact.get("email", "")
            organisation.contact_phone, organisation.illustrative = contact_phone, illustrative
            organisation.locations.all().delete()
            updated += 1
        if organisation.status != OrgStatus.ACTIVE or service.get("status") != "active":
            organisation.status = OrgStatus.ACTIVE if service.get("status") == "active" else OrgStatus.STOPPED
            organisation.stopped_at = None if organisation.status == OrgStatus.ACTIVE else timezone.now()
        if confirmed:
            organisation.last_confirmed_at = timezone.make_aware(
                timezone.datetime.combine(confirmed, timezone.datetime.min.time().replace(hour=12)))
        organisation.save()
        for loc in locations_by_org.get(org["id"], []):
            address = (loc.get("addresses") or [{}])[0]
            schedule = (loc.get("schedules") or [{}])[0]
            new = org_services.location_add(
                organisation=organisation, name=loc.get("name", "") if loc.get("name") != org["name"] else "",
                address=address.get("address_1", ""), postcode=address.get("postal_code", ""),
                city=address.get("city", ""), province=address.get("state_province", ""),
                lat=loc.get("latitude"), lon=loc.get("longitude"), opening_hours=schedule.get("description", ""))
            Location.objects.filter(pk=new.pk).update(hsds_id=loc["id"])
        if not organisation.consent_given:
            org_services.consent_record(organisation=organisation, scope=Scope.ENTRY, given=True, given_by=source,
                                        channel=Channel.IMPORT, user=user)
        if contact.get("name") and not organisation.contact_public:
            org_services.consent_record(organisation=organisation, scope=Scope.CONTACT, given=True, given_by=source,
                                        channel=Channel.IMPORT, user=user)
        Event.objects.create(organisation=organisation, at=timezone.now(), kind=EventKind.IMPORTED, note=source[:200])
    audit_log(user=user, action="organisations_import_hsds", obj="Organisation", municipality_code=municipality_code,
              changes={"source": source, "created": created, "updated": updated})
    return {"created": created, "updated": updated}


# --- CSV (HSDS tabular form: one file per table, in a zip) ------------------------------------

TABLES = {
    "organizations.csv": ["id", "name", "description", "email", "website"],
    "services.csv": ["id", "organization_id", "name", "description", "url", "email", "status", "assured_date"],
    "locations.csv": ["id", "organization_id", "location_type", "name", "latitude", "longitude"],
    "addresses.csv": ["id", "location_id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
    "schedules.csv": ["id", "location_id", "description"],
    "service_areas.csv": ["id", "service_id", "name", "description", "extent", "extent_type"],
    "service_at_locations.csv": ["id", "service_id", "location_id"],
    "phones.csv": ["id", "organization_id", "contact_id", "number"],
    "contacts.csv": ["id", "organization_id", "name", "email"],
    "attributes.csv": ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value"],
    "taxonomy_terms.csv": ["id", "code", "name", "description", "taxonomy"],
}


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def document_to_csv_zip(document: dict) -> bytes:
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    terms: dict[str, dict] = {}

    def attrs(items):
        for a in items or []:
            rows["attributes.csv"].append(a)
            terms[a["taxonomy_term"]["id"]] = a["taxonomy_term"]

    for org in document["organizations"]:
        rows["organizations.csv"].append(org)
        for p in org.get("phones", []):
            rows["phones.csv"].append({**p, "organization_id": org["id"]})
        for c in org.get("contacts", []):
            rows["contacts.csv"].append(c)
            for p in c.get("phones", []):
                rows["phones.csv"].append({**p, "contact_id": c["id"]})
        attrs(org.get("attributes"))
    for s in document["services"]:
        rows["services.csv"].append(s)
        rows["service_areas.csv"].extend(s.get("service_areas", []))
        rows["service_at_locations.csv"].extend(s.get("service_at_locations", []))
        attrs(s.get("attributes"))
    for loc in document["locations"]:
        rows["locations.csv"].append(loc)
        rows["addresses.csv"].extend(loc.get("addresses", []))
        rows["schedules.csv"].extend(loc.get("schedules", []))
        attrs(loc.get("attributes"))
    rows["taxonomy_terms.csv"] = list(terms.values())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, columns in TABLES.items():
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\n")
            writer.writerow(columns)
            for row in rows[name]:
                writer.writerow([_safe(row.get(c)) for c in columns])
            archive.writestr(name, text.getvalue())
    return buffer.getvalue()


def csv_zip_to_document(data: bytes, *, source: str) -> dict:
    """Read the zip of HSDS CSV files back into the JSON document form."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ValidationError(f"{source}: not a zip file of HSDS CSV tables") from None
    tables: dict[str, list[dict]] = {}
    for name in TABLES:
        if name not in archive.namelist():
            tables[name] = []
            continue
        try:  # the project's one table reader: UTF-8, comma-separated
            table = read_table(archive.read(name), name=name, excel=False, delimiters=(",",))
        except TableError as error:
            raise ValidationError(f"{source}: {error}") from None
        tables[name] = [{k: v.removeprefix("'") if v[:2] in ("'=", "'+", "'-", "'@") else v
                         for k, v in row.items() if v != ""} for row in table.dicts()]
    terms = {t["id"]: t for t in tables["taxonomy_terms.csv"]}

    def attrs_of(link_id):
        return [{**a, "taxonomy_term": terms[a["taxonomy_term_id"]]} for a in tables["attributes.csv"]
                if a["link_id"] == link_id and a["taxonomy_term_id"] in terms]

    def num(value):
        return None if value in (None, "") else parse_coordinate(value)

    def nest(row, key, children):
        if children:
            row[key] = children
        return row

    organizations = []
    for org in tables["organizations.csv"]:
        org = nest(dict(org), "phones", [{k: v for k, v in p.items() if k != "organization_id"}
                                         for p in tables["phones.csv"] if p.get("organization_id") == org["id"]])
        contacts = []
        for c in tables["contacts.csv"]:
            if c.get("organization_id") == org["id"]:
                contacts.append(nest(dict(c), "phones", [{k: v for k, v in p.items() if k != "contact_id"}
                                                         for p in tables["phones.csv"] if p.get("contact_id") == c["id"]]))
        organizations.append(nest(nest(org, "contacts", contacts), "attributes", attrs_of(org["id"])))
    services = []
    for s in tables["services.csv"]:
        s = dict(s)
        s["service_areas"] = [a for a in tables["service_areas.csv"] if a.get("service_id") == s["id"]]
        s["attributes"] = attrs_of(s["id"])
        s["service_at_locations"] = [a for a in tables["service_at_locations.csv"] if a.get("service_id") == s["id"]]
        services.append(s)
    locations = []
    for loc in tables["locations.csv"]:
        loc = dict(loc)
        for key in ("latitude", "longitude"):
            if key in loc:
                loc[key] = num(loc[key])
        nest(loc, "addresses", [a for a in tables["addresses.csv"] if a.get("location_id") == loc["id"]])
        nest(loc, "schedules", [a for a in tables["schedules.csv"] if a.get("location_id") == loc["id"]])
        nest(loc, "attributes", attrs_of(loc["id"]))
        locations.append(loc)
    return {"organizations": organizations, "services": services, "locations": locations}


def geojson(*, municipality_code: str, area_codes: set[str] | None = None, theme: str | None = None) -> dict:
    """Public locations with coordinates as GeoJSON points, with the kind's OSM tags."""
    features = []
    for o in selectors.organisation_public_list(municipality_code=municipality_code, area_codes=area_codes, theme=theme):
        for loc in o.locations.all():
            if loc.lat is None or loc.lon is None:
                continue
            features.append({"type": "Feature", "id": str(loc.hsds_id),
                             "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                             "properties": {"name": o.name, "kind": o.kind, "themes": o.themes, "place": loc.name,
                                            "address": loc.address, "opening_hours": loc.opening_hours,
                                            "website": o.website, "organisation_id": str(o.hsds_id),
                                            "illustrative": o.illustrative, **osm_tags(o.kind)}})
    return {"type": "FeatureCollection", "features": features}
