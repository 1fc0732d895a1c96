from django.urls import path

from wijksturing.web.views import analyst, cockpit, errors, figures, mapdata, public

app_name = "web"
urlpatterns = [
    path("", public.home, name="home"),
    path("zoek/", public.search, name="search"),
    path("adres.json", mapdata.address_json, name="address-json"),
    path("favicon.ico", errors.favicon, name="favicon"),
    path("gemeente/<str:code>/", public.area_page, {"level": "gemeente"}, name="gemeente"),
    path("gemeente/<str:municipality>/gebied/<str:code>/", public.area_page, {"level": "gebied"}, name="gebied"),
    path("wijk/<str:code>/", public.area_page, {"level": "wijk"}, name="wijk"),
    path("buurt/<str:code>/", public.area_page, {"level": "buurt"}, name="buurt"),
    path("gemeente/<str:code>/cijfer/<str:indicator>/", figures.figure, {"level": "gemeente"}, name="figure-gemeente"),
    path("gemeente/<str:municipality>/gebied/<str:code>/cijfer/<str:indicator>/", figures.figure, {"level": "gebied"},
         name="figure-gebied"),
    path("wijk/<str:code>/cijfer/<str:indicator>/", figures.figure, {"level": "wijk"}, name="figure-wijk"),
    path("buurt/<str:code>/cijfer/<str:indicator>/", figures.figure, {"level": "buurt"}, name="figure-buurt"),
    path("kaart/", public.thematic_map, name="map"),
    path("kaart/data.json", public.thematic_map_data, name="map-data"),
    path("vergelijk/", public.compare, name="compare"),
    path("taal/", public.set_language, name="language"),
    path("cockpit/", cockpit.index, name="cockpit"),
    path("cockpit/analyse/", analyst.catalogue, name="analyst"),
    path("cockpit/analyse/imports/", analyst.imports, name="analyst-imports"),
    path("cockpit/analyse/imports/nieuw/", analyst.import_start, name="analyst-import-start"),
    path("cockpit/analyse/herberekenen/", analyst.recompute_start, name="analyst-recompute"),
    path("cockpit/analyse/imports/<int:pk>/", analyst.import_detail, name="analyst-import"),
    path("cockpit/analyse/imports/<int:pk>/status.json", analyst.import_status, name="analyst-import-status"),
    path("cockpit/<str:municipality>/<str:code>/", cockpit.gebied, name="cockpit-gebied"),
]
