from rest_framework import serializers

from wijksturing.signals.models import Category, Signal, StatusChange
from wijksturing.signals.workflow import Status


class CategorySerializer(serializers.ModelSerializer):
    main_category = serializers.CharField(source="parent.slug", allow_null=True, default=None)

    class Meta:
        model = Category
        fields = ["slug", "name", "main_category", "description", "handling_message", "deadline_workdays",
                  "team_kind", "department"]


class StatusChangeSerializer(serializers.ModelSerializer):
    by = serializers.CharField(source="by.username", allow_null=True, default=None)

    class Meta:
        model = StatusChange
        fields = ["from_status", "to_status", "at", "by", "note", "reply", "emailed"]


class ReporterSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
    consent = serializers.BooleanField()
    removed_at = serializers.DateTimeField(allow_null=True)


class SignalSerializer(serializers.ModelSerializer):
    category = serializers.CharField(source="category.slug")
    main_category = serializers.CharField(source="category.parent.slug")
    team = serializers.CharField(source="team.code", allow_null=True, default=None)
    municipality = serializers.CharField(source="municipality.code")

    class Meta:
        model = Signal
        fields = ["id", "municipality", "category", "main_category", "description", "lat", "lon", "address",
                  "buurt_code", "wijk_code", "gebied_code", "status", "team", "source", "created_at", "updated_at",
                  "deadline", "closed_at"]


class SignalDetailSerializer(SignalSerializer):
    history = StatusChangeSerializer(many=True, read_only=True)
    reporter = serializers.SerializerMethodField(
        help_text="Contact details: only for the responsible team and administrators, otherwise null.")

    class Meta(SignalSerializer.Meta):
        fields = SignalSerializer.Meta.fields + ["history", "reporter"]

    def get_reporter(self, signal) -> ReporterSerializer(allow_null=True):  # type: ignore[valid-type]
        return self.context.get("reporter")


class TransitionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    reply = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class StatisticsRowSerializer(serializers.Serializer):
    main_category = serializers.CharField()
    category = serializers.CharField(allow_null=True, help_text="null: the total over all categories")
    deadline_workdays = serializers.IntegerField(allow_null=True)
    signals = serializers.IntegerField()
    handled = serializers.IntegerField()
    open = serializers.IntegerField()
    median_days = serializers.FloatField(allow_null=True)
    share_in_time = serializers.FloatField(allow_null=True, help_text="percentage handled within the term")
