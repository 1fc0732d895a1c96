from rest_framework import serializers

from wijksturing.areas.models import Area, Municipality


class MunicipalitySerializer(serializers.ModelSerializer):
    layout_years = serializers.SerializerMethodField()

    class Meta:
        model = Municipality
        fields = ["code", "name", "gebied_label", "layout_years"]

    def get_layout_years(self, obj) -> list[int]:
        return sorted(layout.year for layout in obj.layouts.all())


class AreaSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="layout.municipality.code")
    year = serializers.IntegerField(source="layout.year", help_text="Year of the area layout this area belongs to.")
    parent = serializers.CharField(source="parent.code", allow_null=True, default=None)
    geometry = serializers.JSONField(help_text="Boundary as a GeoJSON geometry (WGS84).", allow_null=True)

    class Meta:
        model = Area
        fields = ["code", "name", "level", "municipality", "year", "parent", "hectares", "geometry"]


class LookupSerializer(serializers.Serializer):
    lon = serializers.FloatField()
    lat = serializers.FloatField()
    buurt = AreaSerializer(allow_null=True)
    wijk = AreaSerializer(allow_null=True)
    gebied = AreaSerializer(allow_null=True)
    gemeente = AreaSerializer(allow_null=True)
