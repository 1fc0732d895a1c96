from django.urls import path

from wijksturing.signals.api import views

urlpatterns = [
    path("signals/categories/", views.CategoryList.as_view(), name="signals-api-categories"),
    path("signals/statistics/", views.Statistics.as_view(), name="signals-api-statistics"),
    path("signals/", views.SignalList.as_view(), name="signals-api-list"),
    path("signals/<int:pk>/", views.SignalDetail.as_view(), name="signals-api-detail"),
    path("signals/<int:pk>/transition/", views.SignalTransition.as_view(), name="signals-api-transition"),
]
