from django.urls import path
from rest_framework.routers import SimpleRouter

from wijksturing.organisations.api import views

router = SimpleRouter()
router.register("organisations", views.OrganisationViewSet, basename="organisation")
urlpatterns = [path("organisations/hsds/", views.HsdsView.as_view(), name="organisations-hsds")] + router.urls
