from django.urls import path

from wijksturing.programmes import views

app_name = "programmes"
urlpatterns = [
    path("gemeente/<str:municipality_code>/programmas/", views.programme_list, name="list"),
    path("gemeente/<str:municipality_code>/gebied/<str:area_code>/programma/", views.programme_for_area, name="area"),
    path("programma/<int:pk>/", views.programme_detail, name="detail"),
    path("programma/<int:pk>/geschiedenis/", views.programme_history, name="history"),
    path("programma/<int:pk>/publiceren/", views.programme_publish, name="publish"),
    path("programma/<int:pk>/export.<str:fmt>", views.programme_export, name="export"),
    path("doel/<int:pk>/", views.goal_detail, name="goal"),
    path("doel/<int:pk>/bewerken/", views.goal_edit, name="goal-edit"),
    path("doel/<int:pk>/indicator-toevoegen/", views.measure_add, name="measure-add"),
    path("resultaat/<int:pk>/bewerken/", views.result_edit, name="result-edit"),
    path("resultaat/<int:result_pk>/inspanning/", views.effort_edit, name="effort-add"),
    path("resultaat/<int:result_pk>/inspanning/<int:pk>/", views.effort_edit, name="effort-edit"),
]
