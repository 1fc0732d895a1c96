from django.urls import include, path

from wijksturing.signals.views import public, work

app_name = "signals"
urlpatterns = [
    path("signalen/melden/", public.report, name="report"),
    path("signalen/melden/hulp/", public.report_helpers, name="report-helpers"),
    path("signalen/<int:pk>/ik-ook/", public.support, name="support"),
    path("signalen/open/", public.open_reports, name="open"),
    path("signalen/open/kaart.svg", public.open_map_svg, name="open-map"),
    path("signalen/volg/<str:token>/", public.follow, name="follow"),
    path("signalen/kaart/<str:code>.svg", public.map_svg, name="map"),
    path("signalen/statistiek/", public.statistics, name="statistics"),
    path("signalen/werk/", work.work_list, name="work-list"),
    path("signalen/werk/toewijzen/", work.bulk_assign, name="work-assign"),
    path("signalen/werk/nieuw/", work.staff_intake, name="work-intake"),
    path("signalen/werk/<int:pk>/", work.detail, name="work-detail"),
    path("signalen/werk/<int:pk>/foto/", work.photo, name="work-photo"),
    path("", include("wijksturing.signals.open311.urls")),
]
