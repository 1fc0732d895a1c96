"""Admin of the wijkpeiling: surveys and their questions (extending the question set while a
survey is a draft), and the estimates read-only. Invitations and responses are not in the admin:
codes exist only as hashes, and answers are seen only as figures."""

from django.contrib import admin

from wijksturing.accounts.adminscope import ScopedAdmin
from wijksturing.surveys.models import Estimate, Question, Survey


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ("order", "code", "kind", "text_nl", "text_en", "indicator_code", "measure")

    # questions change only while the survey is a draft: answers must keep meaning what was asked
    def has_add_permission(self, request, obj=None):
        return obj is not None and obj.status == "draft" and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return obj is not None and obj.status == "draft" and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and obj.status == "draft" and super().has_delete_permission(request, obj)


@admin.register(Survey)
class SurveyAdmin(ScopedAdmin):
    scope = "municipality__code"
    list_display = ("title", "municipality", "year", "status", "min_respondents", "open_link", "illustrative")
    list_filter = ("municipality", "status", "illustrative")
    readonly_fields = ("status",)
    inlines = [QuestionInline]

    def has_add_permission(self, request):
        return False  # a survey starts with its default questions: `wijksturing survey create`


@admin.register(Estimate)
class EstimateAdmin(ScopedAdmin):
    """Read-only: estimates come from computing a survey or importing a publication."""

    scope = "municipality_code"
    list_display = ("area_name", "area_code", "year", "indicator_code", "channel", "value", "margin", "n", "suppressed", "source")
    list_filter = ("channel", "suppressed", "year", "municipality_code")
    search_fields = ("area_code", "area_name", "indicator_code", "source")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
