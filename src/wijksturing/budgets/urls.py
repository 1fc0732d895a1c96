from django.urls import path

from wijksturing.budgets import views

app_name = "budgets"
urlpatterns = [
    path("gemeente/<str:municipality_code>/gebied/<str:gebied_code>/budget/", views.budget_area, name="area"),
    path("gemeente/<str:municipality_code>/gebied/<str:gebied_code>/budget/boeking/", views.entry_add, name="entry-add"),
    path("gemeente/<str:municipality_code>/budget/importeren/", views.budget_import, name="import"),
    path("gemeente/<str:municipality_code>/gebied/<str:gebied_code>/initiatieven/", views.initiative_list, name="initiatives"),
    path("gemeente/<str:municipality_code>/gebied/<str:gebied_code>/initiatieven/aanvragen/", views.initiative_apply,
         name="initiative-apply"),
    path("initiatieven/volg/<str:token>/", views.initiative_follow, name="initiative-follow"),
    path("initiatieven/<int:pk>/", views.initiative_manage, name="initiative-manage"),
]
