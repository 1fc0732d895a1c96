from django.urls import path
from rest_framework.routers import SimpleRouter

from wijksturing.areas.api import views

router = SimpleRouter()
router.register("municipalities", views.MunicipalityViewSet, basename="municipality")
router.register("areas", views.AreaViewSet, basename="area")

urlpatterns = [path("lookup/", views.LookupView.as_view(), name="lookup")] + router.urls
