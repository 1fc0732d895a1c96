from django.urls import path

from wijksturing.reports import views

app_name = "reports"
urlpatterns = [
    path("gemeente/<str:code>/rapport/", views.report_page, {"level": "gemeente"}, name="gemeente"),
    path("gemeente/<str:code>/rapport.pdf", views.report_pdf, {"level": "gemeente"}, name="gemeente-pdf"),
    path("gemeente/<str:municipality>/gebied/<str:code>/rapport/", views.report_page, {"level": "gebied"}, name="gebied"),
    path("gemeente/<str:municipality>/gebied/<str:code>/rapport.pdf", views.report_pdf, {"level": "gebied"},
         name="gebied-pdf"),
    path("wijk/<str:code>/rapport/", views.report_page, {"level": "wijk"}, name="wijk"),
    path("wijk/<str:code>/rapport.pdf", views.report_pdf, {"level": "wijk"}, name="wijk-pdf"),
    path("buurt/<str:code>/rapport/", views.report_page, {"level": "buurt"}, name="buurt"),
    path("buurt/<str:code>/rapport.pdf", views.report_pdf, {"level": "buurt"}, name="buurt-pdf"),
]
