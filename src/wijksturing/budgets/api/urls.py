from django.urls import path
from rest_framework.routers import SimpleRouter

from wijksturing.budgets.api import views

router = SimpleRouter()
router.register("initiatives", views.InitiativeViewSet, basename="initiative")
urlpatterns = [path("budgets/", views.BudgetView.as_view(), name="budget")] + router.urls
