from django.urls import path

from wijksturing.organisations.views import pages

app_name = "organisations"
urlpatterns = [
    path("krachten/<str:municipality_code>/", pages.public_list, name="list"),
    path("krachten/organisatie/<int:pk>/", pages.public_detail, name="detail"),
    path("krachten/<str:municipality_code>/hsds.json", pages.export_hsds_json, name="hsds_json"),
    path("krachten/<str:municipality_code>/hsds-csv.zip", pages.export_hsds_csv, name="hsds_csv"),
    path("krachten/<str:municipality_code>/krachten.geojson", pages.export_geojson, name="geojson"),
    path("krachten/eigen/<str:token>/", pages.own_entry, name="own"),
    path("krachten/<str:municipality_code>/beheer/", pages.staff_list, name="staff_list"),
    path("krachten/<str:municipality_code>/beheer/nieuw/", pages.register, name="register"),
    path("krachten/<str:municipality_code>/beheer/import/", pages.import_hsds, name="import"),
    path("krachten/beheer/organisatie/<int:pk>/", pages.manage, name="manage"),
    path("krachten/beheer/organisatie/<int:pk>/bewerken/", pages.edit, name="edit"),
]
