import json

from django.core.cache import cache
from rest_framework import serializers
from shapely.geometry import mapping, shape

from wijksturing import dataversion
from wijksturing.areas.models import Area, Municipality


class MunicipalitySerializer(serializers.ModelSerializer):
    layout_years = serializers.SerializerMethodField()

    class Meta:
        model = Municipality
        fields = ["code", "name", "gebied_label", "layout_years"]

    def get_layout_years(self, obj) -> list[int]:
        return sorted(layout.year for layout in obj.layouts.all())


GEOMETRY_MODES = ("simplified", "full", "none")
TOLERANCE = 0.00005  # degrees: about 5 m in the Netherlands, invisible on a city map


MAX_TOLERANCE = 0.01  # degrees: about 1 km, the coarsest a map of a whole municipality needs


def simplified_geometry(area: Area, tolerance: float = TOLERANCE) -> dict | None:
    """The area's boundary simplified to ``tolerance`` degrees (topology kept), cached until an
    area changes. Maps ask a coarser tolerance when zoomed out (``?simplify=``)."""
    if not area.geometry:
        return area.geometry
    key = f"api:geometry:{dataversion.current()}:{area.pk}" + ("" if tolerance == TOLERANCE else f":{tolerance:g}")
    found = cache.get(key)
    if found is None:
        found = mapping(shape(area.geometry).simplify(tolerance, preserve_topology=True))
        found = json.loads(json.dumps(found))  # tuples to lists, as stored
        cache.set(key, found, 24 * 3600)
    return found


class AreaSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="layout.municipality.code")
    year = serializers.IntegerField(source="layout.year", help_text="Year of the area layout this area belongs to.")
    parent = serializers.CharField(source="parent.code", allow_null=True, default=None)
    geometry = serializers.JSONField(help_text="Boundary as a GeoJSON geometry (WGS84).", allow_null=True)

    class Meta:
        model = Area
        fields = ["code", "name", "level", "municipality", "year", "parent", "hectares", "geometry"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        mode = self.context.get("geometry", "full")
        if mode == "none":
            data["geometry"] = None
        elif mode == "simplified":
            data["geometry"] = simplified_geometry(instance, self.context.get("tolerance", TOLERANCE))
        return data


class LookupSerializer(serializers.Serializer):
    lon = serializers.FloatField()
    lat = serializers.FloatField()
    buurt = AreaSerializer(allow_null=True)
    wijk = AreaSerializer(allow_null=True)
    gebied = AreaSerializer(allow_null=True)
    gemeente = AreaSerializer(allow_null=True)
