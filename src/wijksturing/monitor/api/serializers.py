from rest_framework import serializers

from wijksturing.monitor.models import IndexValue, Indicator, Observation, SimilarArea
from wijksturing.monitor.selectors import figure_reference


class IndicatorSerializer(serializers.ModelSerializer):
    numerator = serializers.CharField(source="numerator.code", allow_null=True, default=None)
    denominator = serializers.CharField(source="denominator.code", allow_null=True, default=None)

    class Meta:
        model = Indicator
        fields = ["code", "name_nl", "name_en", "definition", "source", "unit", "decimals", "theme", "direction",
                  "aggregation", "numerator", "denominator", "scale", "suppress_below", "context"]


class ObservationSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")
    area = serializers.CharField(source="area.code")
    layout_year = serializers.IntegerField(source="area.layout.year")
    value = serializers.SerializerMethodField(help_text="Empty when suppressed (small numbers).")
    reference = serializers.SerializerMethodField(
        help_text="The day the figure describes (ISO date, e.g. 2024-01-01 for inhabitants counted on 1 January) "
                  "or the year it covers (e.g. 2023 for crimes registered in 2023). `source` names the publisher; "
                  "`source_date` is only the day the figure was imported.")

    class Meta:
        model = Observation
        fields = ["indicator", "area", "layout_year", "year", "value", "suppressed", "origin", "source", "reference",
                  "source_date"]

    def get_value(self, obj) -> float | None:
        return None if obj.suppressed else obj.value

    def get_reference(self, obj) -> str:
        day = figure_reference(indicator_code=obj.indicator.code, theme=obj.indicator.theme, year=obj.year)
        return day.isoformat() if day else str(obj.year)


class IndexValueSerializer(serializers.ModelSerializer):
    area = serializers.CharField(source="area.code")
    name = serializers.CharField(source="area.name")
    level = serializers.CharField(source="area.level")

    class Meta:
        model = IndexValue
        fields = ["area", "name", "level", "year", "base_year", "value", "dimensions", "used", "missing",
                  "change_per_year", "behind", "falling"]


class SimilarAreaSerializer(serializers.ModelSerializer):
    area = serializers.CharField(source="area.code")
    other = serializers.CharField(source="other.code")
    other_name = serializers.CharField(source="other.name")
    other_municipality = serializers.CharField(source="other.layout.municipality.code")

    class Meta:
        model = SimilarArea
        fields = ["area", "rank", "other", "other_name", "other_municipality", "distance", "year"]
