"""Admin of the gebiedsrapportage: published reports are read-only; commitments and the
taakveld classification of budget lines can be managed here too."""

from django.contrib import admin

from wijksturing.reports import services
from wijksturing.reports.models import AreaReport, Commitment, TaakveldAssignment


@admin.register(AreaReport)
class AreaReportAdmin(admin.ModelAdmin):
    list_display = ["gebied_name", "period", "status", "published_at"]
    list_filter = ["status", "municipality"]
    fields = ["municipality", "gebied_code", "gebied_name", "period", "status", "published_at", "content_sha256",
              "html_sha256", "pdf_sha256"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # drafts are made on the gebied's reports page, through the service

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    """Read-only: commitments are recorded and closed by the area team on the gebied's page."""

    list_display = ["gebied_code", "text", "owner", "due_date", "status"]
    list_filter = ["status", "municipality"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(TaakveldAssignment)
class TaakveldAssignmentAdmin(admin.ModelAdmin):
    list_display = ["line", "taakveld"]
    raw_id_fields = ["line"]

    def save_model(self, request, obj, form, change):
        services.taakveld_assign(user=request.user, line=obj.line, taakveld=obj.taakveld)

    def delete_model(self, request, obj):
        services.taakveld_assign(user=request.user, line=obj.line, taakveld=None)
