from django.urls import include, path

from wijksturing.signals import views, views_work

app_name = "signals"
urlpatterns = [
    path("signalen/melden/", views.report, name="report"),
    path("signalen/melden/hulp/", views.report_helpers, name="report-helpers"),
    path("signalen/<int:pk>/ik-ook/", views.support, name="support"),
    path("signalen/open/", views.open_reports, name="open"),
    path("signalen/open/kaart.svg", views.open_map_svg, name="open-map"),
    path("signalen/volg/<str:token>/", views.follow, name="follow"),
    path("signalen/kaart/<str:code>.svg", views.map_svg, name="map"),
    path("signalen/statistiek/", views.statistics, name="statistics"),
    path("signalen/werk/", views_work.work_list, name="work-list"),
    path("signalen/werk/toewijzen/", views_work.bulk_assign, name="work-assign"),
    path("signalen/werk/nieuw/", views_work.staff_intake, name="work-intake"),
    path("signalen/werk/<int:pk>/", views_work.detail, name="work-detail"),
    path("signalen/werk/<int:pk>/foto/", views_work.photo, name="work-photo"),
    path("", include("wijksturing.signals.open311.urls")),
]
