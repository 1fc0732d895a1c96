from django.urls import path

from wijksturing.surveys.views import pages

app_name = "surveys"
urlpatterns = [
    path("wijkpeiling/", pages.survey_list, name="list"),
    path("wijkpeiling/<int:pk>/", pages.survey_detail, name="detail"),
    path("wijkpeiling/<int:pk>/vragenlijst/", pages.questionnaire, name="questionnaire"),
    path("wijkpeiling/<int:pk>/bedankt/", pages.thanks, name="thanks"),
    path("wijkpeiling/<int:pk>/beheer/", pages.manage, name="manage"),
    path("wijkpeiling/gepubliceerd/", pages.published, name="published"),
]
