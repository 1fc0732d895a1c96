"""Administrators issue and revoke Open311 API keys here. The key is shown once, after saving."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from wijksturing.accounts.adminscope import ScopedAdmin
from wijksturing.signals import services
from wijksturing.signals.models import ApiKey


class ApiKeyAddForm(forms.ModelForm):
    class Meta:
        model = ApiKey
        fields = ["municipality", "name"]


@admin.register(ApiKey)
class ApiKeyAdmin(ScopedAdmin):
    list_display = ("name", "municipality", "prefix", "created_at", "revoked_at")
    list_filter = ("municipality",)
    readonly_fields = ("prefix", "created_at", "revoked_at")
    actions = ["revoke"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ApiKeyAddForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return ["municipality", "name"] if obj is None else ["municipality", "name", "prefix", "created_at", "revoked_at"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        api_key, key = services.api_key_create(municipality_code=obj.municipality.code, name=obj.name, by=request.user)
        obj.pk = api_key.pk
        messages.warning(request, _("The new key (shown only now): %(key)s") % {"key": key})

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request, queryset):
        for api_key in queryset:
            services.api_key_revoke(api_key=api_key, by=request.user)
