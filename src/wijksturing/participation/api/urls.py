from rest_framework.routers import SimpleRouter

from wijksturing.participation.api import views

router = SimpleRouter()
router.register("participation/rounds", views.RoundViewSet, basename="pb-round")
router.register("participation/proposals", views.ProposalViewSet, basename="pb-proposal")
router.register("participation/results", views.ResultViewSet, basename="pb-result")

urlpatterns = router.urls
