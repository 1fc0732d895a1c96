from django.urls import path

from wijksturing.organisations import views

app_name = "organisations"
urlpatterns = [
    path("krachten/<str:municipality_code>/", views.public_list, name="list"),
    path("krachten/organisatie/<int:pk>/", views.public_detail, name="detail"),
    path("krachten/<str:municipality_code>/hsds.json", views.export_hsds_json, name="hsds_json"),
    path("krachten/<str:municipality_code>/hsds-csv.zip", views.export_hsds_csv, name="hsds_csv"),
    path("krachten/<str:municipality_code>/krachten.geojson", views.export_geojson, name="geojson"),
    path("krachten/eigen/<str:token>/", views.own_entry, name="own"),
    path("krachten/<str:municipality_code>/beheer/", views.staff_list, name="staff_list"),
    path("krachten/<str:municipality_code>/beheer/nieuw/", views.register, name="register"),
    path("krachten/<str:municipality_code>/beheer/import/", views.import_hsds, name="import"),
    path("krachten/beheer/organisatie/<int:pk>/", views.manage, name="manage"),
    path("krachten/beheer/organisatie/<int:pk>/bewerken/", views.edit, name="edit"),
]
