from rest_framework.routers import SimpleRouter

from wijksturing.monitor.api import views

router = SimpleRouter()
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("observations", views.ObservationViewSet, basename="observation")
router.register("index", views.IndexViewSet, basename="index")
router.register("similar", views.SimilarAreaViewSet, basename="similar")
urlpatterns = router.urls
