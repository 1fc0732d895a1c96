from rest_framework import serializers

from wijksturing.programmes.models import (
    Agenda,
    Effort,
    Goal,
    Measure,
    Programme,
    Result,
    Review,
    Theme,
)


class ProgrammeProgressSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="on_track, at_risk, behind or unknown")
    source = serializers.CharField(help_text="indicator, recorded, rollup, or empty when unknown")
    explanation = serializers.CharField()


class AgendaSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")

    class Meta:
        model = Agenda
        fields = ["code", "name", "description", "municipality"]


class GoalMeasureSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")
    progress = ProgrammeProgressSerializer()
    series = serializers.ListField(child=serializers.ListField(), help_text="[[year, value]] (public figures)")

    class Meta:
        model = Measure
        fields = ["id", "indicator", "area_code", "result", "baseline_value", "baseline_year", "target_value",
                  "target_year", "rationale", "progress", "series"]


class ResultReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = Review
        fields = ["year", "achieved", "account"]


class ProgrammeEffortSerializer(serializers.ModelSerializer):
    class Meta:
        model = Effort
        fields = ["id", "title", "owner", "partners", "start_year", "end_year", "status", "recorded_status"]


class IntendedResultSerializer(serializers.ModelSerializer):
    progress = ProgrammeProgressSerializer()
    reviews = ResultReviewSerializer(many=True)
    efforts = ProgrammeEffortSerializer(many=True, source="effort_list")

    class Meta:
        model = Result
        fields = ["id", "text", "weight", "recorded_status", "progress", "reviews", "efforts"]


class GoalSerializer(serializers.ModelSerializer):
    agendas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    progress = ProgrammeProgressSerializer()
    measures = GoalMeasureSerializer(many=True, source="measure_list")
    results = IntendedResultSerializer(many=True, source="result_list")
    programme = serializers.IntegerField(source="theme.programme_id")

    class Meta:
        model = Goal
        fields = ["id", "programme", "title", "why", "for_whom", "agendas", "deadline", "owner", "qualitative",
                  "recorded_status", "weight", "progress", "measures", "results"]


class ProgrammeThemeSerializer(serializers.ModelSerializer):
    agendas = serializers.SerializerMethodField()
    progress = ProgrammeProgressSerializer()
    goals = GoalSerializer(many=True, source="goal_list")

    class Meta:
        model = Theme
        fields = ["id", "title", "description", "weight", "agendas", "progress", "goals"]

    def get_agendas(self, theme) -> list[dict]:
        return [{"code": link.agenda.code, "note": link.note} for link in theme.agenda_links.all()]


class ProgrammeListSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")

    class Meta:
        model = Programme
        fields = ["id", "municipality", "area_code", "title", "start_year", "end_year", "published", "source"]


class ProgrammeSerializer(ProgrammeListSerializer):
    progress = ProgrammeProgressSerializer()
    themes = ProgrammeThemeSerializer(many=True, source="theme_list")

    class Meta(ProgrammeListSerializer.Meta):
        fields = ProgrammeListSerializer.Meta.fields + ["summary", "progress", "themes"]
