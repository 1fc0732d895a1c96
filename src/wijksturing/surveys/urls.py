from django.urls import path

from wijksturing.surveys import views

app_name = "surveys"
urlpatterns = [
    path("wijkpeiling/", views.survey_list, name="list"),
    path("wijkpeiling/<int:pk>/", views.survey_detail, name="detail"),
    path("wijkpeiling/<int:pk>/vragenlijst/", views.questionnaire, name="questionnaire"),
    path("wijkpeiling/<int:pk>/bedankt/", views.thanks, name="thanks"),
    path("wijkpeiling/<int:pk>/beheer/", views.manage, name="manage"),
    path("wijkpeiling/gepubliceerd/", views.published, name="published"),
]
