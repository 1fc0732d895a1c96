from django.urls import path

from wijksturing.programmes import views, views_build

app_name = "programmes"
urlpatterns = [
    path("gemeente/<str:municipality_code>/programmas/", views.programme_list, name="list"),
    path("gemeente/<str:municipality_code>/programmas/nieuw/", views_build.programme_create, name="create"),
    path("gemeente/<str:municipality_code>/veranderopgaven/", views_build.agenda_list, name="agendas"),
    path("gemeente/<str:municipality_code>/veranderopgaven/nieuw/", views_build.agenda_edit, name="agenda-add"),
    path("gemeente/<str:municipality_code>/veranderopgaven/<int:pk>/", views_build.agenda_edit, name="agenda-edit"),
    path("gemeente/<str:municipality_code>/gebied/<str:area_code>/programma/", views.programme_for_area, name="area"),
    path("programma/<int:pk>/", views.programme_detail, name="detail"),
    path("programma/<int:pk>/bewerken/", views_build.programme_edit, name="edit"),
    path("programma/<int:programme_pk>/thema-toevoegen/", views_build.theme_edit, name="theme-add"),
    path("programma/<int:pk>/geschiedenis/", views.programme_history, name="history"),
    path("programma/<int:pk>/publiceren/", views.programme_publish, name="publish"),
    path("programma/<int:pk>/export.<str:fmt>", views.programme_export, name="export"),
    path("thema/<int:pk>/bewerken/", views_build.theme_edit, name="theme-edit"),
    path("thema/<int:pk>/doel-toevoegen/", views_build.goal_create, name="goal-add"),
    path("doel/<int:pk>/", views.goal_detail, name="goal"),
    path("doel/<int:pk>/bewerken/", views.goal_edit, name="goal-edit"),
    path("doel/<int:pk>/indicator-toevoegen/", views.measure_add, name="measure-add"),
    path("doel/<int:goal_pk>/resultaat-toevoegen/", views_build.result_edit_text, name="result-add"),
    path("resultaat/<int:pk>/bewerken/", views.result_edit, name="result-edit"),
    path("resultaat/<int:pk>/wijzigen/", views_build.result_edit_text, name="result-change"),
    path("resultaat/<int:result_pk>/inspanning/", views.effort_edit, name="effort-add"),
    path("resultaat/<int:result_pk>/inspanning/<int:pk>/", views.effort_edit, name="effort-edit"),
    path("thema/<int:pk>/verwijderen/", views_build.part_remove, {"kind": "theme"}, name="theme-remove"),
    path("doel/<int:pk>/verwijderen/", views_build.part_remove, {"kind": "goal"}, name="goal-remove"),
    path("resultaat/<int:pk>/verwijderen/", views_build.part_remove, {"kind": "result"}, name="result-remove"),
]
