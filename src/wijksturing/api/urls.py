"""/api/v1/: the schema plus every app's ``api.urls``."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from wijksturing.api.root import APPS, api_root

urlpatterns = [
    path("", api_root, name="api-root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularRedocView.as_view(url_name="schema"), name="api-docs"),
] + [path("", include(f"wijksturing.{app}.api.urls")) for app in APPS]
