from rest_framework import serializers

from wijksturing.organisations.models import Location, Organisation, OrganisationArea
from wijksturing.organisations.osm import osm_tags
from wijksturing.organisations.selectors import organisation_is_stale


class OrganisationAreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrganisationArea
        fields = ["area_code", "area_name", "level"]


class OrganisationLocationSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="hsds_id", read_only=True)

    class Meta:
        model = Location
        fields = ["id", "name", "address", "postcode", "city", "lat", "lon", "opening_hours", "buurt_code"]


class OrganisationSerializer(serializers.ModelSerializer):
    """A public entry. The contact person only where they chose to be shown (else null)."""

    id = serializers.IntegerField(read_only=True)
    hsds_id = serializers.UUIDField(read_only=True)
    municipality = serializers.CharField(source="municipality.code", read_only=True)
    areas = OrganisationAreaSerializer(many=True, read_only=True)
    locations = OrganisationLocationSerializer(many=True, read_only=True)
    contact = serializers.SerializerMethodField()
    osm_tags = serializers.SerializerMethodField()
    stale = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = ["id", "hsds_id", "municipality", "name", "kind", "description", "themes", "website", "email", "phone",
                  "contact", "areas", "locations", "osm_tags", "last_confirmed_at", "stale", "illustrative"]

    def get_contact(self, obj) -> dict | None:
        if not (obj.contact_public and obj.contact_name):
            return None
        return {"name": obj.contact_name, "email": obj.contact_email, "phone": obj.contact_phone}

    def get_osm_tags(self, obj) -> dict[str, str]:
        return osm_tags(obj.kind)

    def get_stale(self, obj) -> bool:
        return organisation_is_stale(organisation=obj)
