from django.urls import path

from wijksturing.programmes.views import build, pages

app_name = "programmes"
urlpatterns = [
    path("gemeente/<str:municipality_code>/programmas/", pages.programme_list, name="list"),
    path("gemeente/<str:municipality_code>/programmas/nieuw/", build.programme_create, name="create"),
    path("gemeente/<str:municipality_code>/veranderopgaven/", build.agenda_list, name="agendas"),
    path("gemeente/<str:municipality_code>/veranderopgaven/nieuw/", build.agenda_edit, name="agenda-add"),
    path("gemeente/<str:municipality_code>/veranderopgaven/<int:pk>/", build.agenda_edit, name="agenda-edit"),
    path("gemeente/<str:municipality_code>/gebied/<str:area_code>/programma/", pages.programme_for_area, name="area"),
    path("programma/<int:pk>/", pages.programme_detail, name="detail"),
    path("programma/<int:pk>/bewerken/", build.programme_edit, name="edit"),
    path("programma/<int:programme_pk>/thema-toevoegen/", build.theme_edit, name="theme-add"),
    path("programma/<int:pk>/geschiedenis/", pages.programme_history, name="history"),
    path("programma/<int:pk>/publiceren/", pages.programme_publish, name="publish"),
    path("programma/<int:pk>/export.<str:fmt>", pages.programme_export, name="export"),
    path("thema/<int:pk>/bewerken/", build.theme_edit, name="theme-edit"),
    path("thema/<int:pk>/doel-toevoegen/", build.goal_create, name="goal-add"),
    path("doel/<int:pk>/", pages.goal_detail, name="goal"),
    path("doel/<int:pk>/bewerken/", pages.goal_edit, name="goal-edit"),
    path("doel/<int:pk>/indicator-toevoegen/", pages.measure_add, name="measure-add"),
    path("doel/<int:goal_pk>/resultaat-toevoegen/", build.result_edit_text, name="result-add"),
    path("resultaat/<int:pk>/bewerken/", pages.result_edit, name="result-edit"),
    path("resultaat/<int:pk>/wijzigen/", build.result_edit_text, name="result-change"),
    path("resultaat/<int:result_pk>/inspanning/", pages.effort_edit, name="effort-add"),
    path("resultaat/<int:result_pk>/inspanning/<int:pk>/", pages.effort_edit, name="effort-edit"),
    path("thema/<int:pk>/verwijderen/", build.part_remove, {"kind": "theme"}, name="theme-remove"),
    path("doel/<int:pk>/verwijderen/", build.part_remove, {"kind": "goal"}, name="goal-remove"),
    path("resultaat/<int:pk>/verwijderen/", build.part_remove, {"kind": "result"}, name="result-remove"),
]
