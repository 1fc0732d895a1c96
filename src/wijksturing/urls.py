from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("wijksturing.api.urls")),
    path("accounts/", include("wijksturing.accounts.urls")),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("wijksturing.signals.urls")),
    path("", include("wijksturing.programmes.urls")),
    path("", include("wijksturing.budgets.urls")),
    path("", include("wijksturing.participation.urls")),
    path("", include("wijksturing.surveys.urls")),
    path("", include("wijksturing.organisations.urls")),
    path("", include("wijksturing.reports.urls")),
    path("", include("wijksturing.web.urls")),
]
# No /media/ route, not even with DEBUG on: the only uploads are signal photos (personal data),
# served by signals.views.work.photo to the responsible staff only.
