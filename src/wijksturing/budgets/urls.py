from django.urls import path

from wijksturing.budgets.views import pages

app_name = "budgets"
urlpatterns = [
    path("gemeente/<str:municipality_code>/gebied/<str:gebied_code>/budget/", pages.budget_area, name="area"),
    path("gemeente/<str:municipality_code>/gebied/<str:gebied_code>/budget/boeking/", pages.entry_add, name="entry-add"),
    path("gemeente/<str:municipality_code>/budget/importeren/", pages.budget_import, name="import"),
    path("gemeente/<str:municipality_code>/gebied/<str:gebied_code>/initiatieven/", pages.initiative_list, name="initiatives"),
    path("gemeente/<str:municipality_code>/gebied/<str:gebied_code>/initiatieven/aanvragen/", pages.initiative_apply,
         name="initiative-apply"),
    path("initiatieven/volg/<str:token>/", pages.initiative_follow, name="initiative-follow"),
    path("initiatieven/<int:pk>/", pages.initiative_manage, name="initiative-manage"),
]
