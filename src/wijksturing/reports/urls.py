from django.urls import path

from wijksturing.reports.views import analysis, council

app_name = "reports"
urlpatterns = [
    path("gemeente/<str:code>/rapport/", analysis.report_page, {"level": "gemeente"}, name="gemeente"),
    path("gemeente/<str:code>/rapport.pdf", analysis.report_pdf, {"level": "gemeente"}, name="gemeente-pdf"),
    path("gemeente/<str:municipality>/gebied/<str:code>/rapport/", analysis.report_page, {"level": "gebied"}, name="gebied"),
    path("gemeente/<str:municipality>/gebied/<str:code>/rapport.pdf", analysis.report_pdf, {"level": "gebied"},
         name="gebied-pdf"),
    path("wijk/<str:code>/rapport/", analysis.report_page, {"level": "wijk"}, name="wijk"),
    path("wijk/<str:code>/rapport.pdf", analysis.report_pdf, {"level": "wijk"}, name="wijk-pdf"),
    path("buurt/<str:code>/rapport/", analysis.report_page, {"level": "buurt"}, name="buurt"),
    path("buurt/<str:code>/rapport.pdf", analysis.report_pdf, {"level": "buurt"}, name="buurt-pdf"),
]

# the gebiedsrapportage and the council's view (issue 10)
urlpatterns += [
    path("gemeente/<str:municipality>/gebiedsrapportages/", council.overview, name="overview"),
    path("gemeente/<str:municipality>/toezeggingen/", council.commitments, name="commitments"),
    path("gemeente/<str:municipality>/gebied/<str:code>/gebiedsrapportages/", council.gebied_reports,
         name="gebied-rapportages"),
    path("gemeente/<str:municipality>/gebied/<str:code>/gebiedsrapportages/nieuw/", council.report_create,
         name="rapportage-create"),
    path("gemeente/<str:municipality>/gebied/<str:code>/volgen/", council.follow, name="follow"),
    path("gemeente/<str:municipality>/gebied/<str:code>/toezeggingen/", council.commitment_create,
         name="commitment-create"),
    path("gemeente/<str:municipality>/gebied/<str:code>/taakvelden/<int:pk>/", council.taakveld_assign,
         name="taakveld-assign"),
    path("gebiedsrapportage/<int:pk>/", council.report_detail, name="rapportage"),
    path("gebiedsrapportage/<int:pk>/rapportage.pdf", council.report_pdf, name="rapportage-pdf"),
    path("gebiedsrapportage/<int:pk>/status/", council.report_transition, name="rapportage-status"),
    path("gebiedsrapportage/<int:pk>/inleiding/", council.report_introduction, name="rapportage-intro"),
    path("gebiedsrapportage/<int:pk>/vragen/", council.question_ask, name="question-ask"),
    path("raadsvraag/<int:pk>/antwoord/", council.question_answer, name="question-answer"),
    path("toezegging/<int:pk>/afgerond/", council.commitment_done, name="commitment-done"),
    path("raad/", council.council_page, name="council-page"),
]
