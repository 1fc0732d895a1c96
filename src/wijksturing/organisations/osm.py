"""OpenStreetMap tags per kind, where OSM has one (https://wiki.openstreetmap.org/wiki/Map_features).

A meeting place or buurthuis is ``amenity=community_centre``; a volunteer organisation's office
``office=association``; a social enterprise (sociale wijkonderneming) offering work and care to
people in the wijk ``amenity=social_facility``. Residents' groups and initiatives have no place of
their own and no tag: they are left out of an OSM mapping rather than given a made-up one.
"""

from wijksturing.organisations.models import Kind

OSM_TAGS: dict[str, dict[str, str]] = {
    Kind.MEETING_PLACE: {"amenity": "community_centre"},
    Kind.VOLUNTEER_ORGANISATION: {"office": "association"},
    Kind.SOCIAL_ENTERPRISE: {"amenity": "social_facility"},
    Kind.RESIDENTS_GROUP: {},
    Kind.INITIATIVE: {},
}


def osm_tags(kind: str) -> dict[str, str]:
    return dict(OSM_TAGS.get(kind, {}))
