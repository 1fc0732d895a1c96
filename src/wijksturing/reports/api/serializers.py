"""Serializers of the open gebiedsrapportage API: published reports, questions with their
answers, commitments and the taakveld list. No personal data (no names of who asked,
answered, drafted or reviewed)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from wijksturing.reports.models import AreaReport, Commitment, Question


class AreaReportSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")
    html_url = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()
    previous = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = AreaReport
        fields = ["id", "municipality", "gebied_code", "gebied_name", "period", "period_start", "period_end",
                  "published_at", "previous", "content_sha256", "html_sha256", "pdf_sha256", "html_url", "pdf_url"]

    def get_html_url(self, obj) -> str:
        return f"/gebiedsrapportage/{obj.pk}/"

    def get_pdf_url(self, obj) -> str:
        return f"/gebiedsrapportage/{obj.pk}/rapportage.pdf"


class AreaReportDetailSerializer(AreaReportSerializer):
    content = serializers.SerializerMethodField()
    changes = serializers.SerializerMethodField()

    class Meta(AreaReportSerializer.Meta):
        fields = AreaReportSerializer.Meta.fields + ["content", "changes"]

    @extend_schema_field({"type": "object", "description": "The frozen content: every number with source and reference date."})
    def get_content(self, obj) -> dict:
        return obj.content

    @extend_schema_field({"type": "object", "description": "What changed since the previous published report."})
    def get_changes(self, obj) -> dict:
        return obj.changes


class QuestionSerializer(serializers.ModelSerializer):
    report = serializers.PrimaryKeyRelatedField(read_only=True)
    gebied_code = serializers.CharField(source="report.gebied_code")
    question = serializers.CharField(source="text")

    class Meta:
        model = Question
        fields = ["id", "report", "gebied_code", "question", "asked_at", "answer", "answered_at"]


class CommitmentSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")
    report = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Commitment
        fields = ["id", "municipality", "gebied_code", "report", "text", "owner", "due_date", "status", "done_on",
                  "done_note", "created_at"]


class TaakveldSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
