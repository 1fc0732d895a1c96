from django.urls import path
from rest_framework.routers import SimpleRouter

from wijksturing.reports.api import views

router = SimpleRouter()
router.register("gebiedsrapportages", views.AreaReportViewSet, basename="area-report")
router.register("raadsvragen", views.QuestionViewSet, basename="council-question")
router.register("toezeggingen", views.CommitmentViewSet, basename="council-commitment")
urlpatterns = [path("taakvelden/", views.TaakveldView.as_view(), name="taakvelden")] + router.urls
