from django.urls import path

from wijksturing.participation.views import public, staff

app_name = "participation"
urlpatterns = [
    path("buurtbegroting/", public.round_list, name="rounds"),
    path("buurtbegroting/<int:pk>/", public.round_detail, name="round"),
    path("buurtbegroting/<int:pk>/voorstel/", public.propose, name="propose"),
    path("buurtbegroting/<int:pk>/stemmen/", public.vote, name="vote"),
    path("buurtbegroting/<int:pk>/gestemd/", public.voted, name="voted"),
    path("buurtbegroting/<int:pk>/uitslag/", public.results, name="results"),
    path("buurtbegroting/beheer/", staff.manage_list, name="manage_list"),
    path("buurtbegroting/beheer/<int:pk>/", staff.manage, name="manage"),
    path("buurtbegroting/beheer/<int:pk>/voorstel/<int:proposal_pk>/", staff.review, name="review"),
    path("buurtbegroting/beheer/<int:pk>/codes/", staff.codes, name="codes"),
    path("buurtbegroting/beheer/<int:pk>/papier/", staff.paper, name="paper"),
    path("buurtbegroting/beheer/<int:pk>/papier/<uuid:ballot_pk>/", staff.paper_check, name="paper_check"),
    path("buurtbegroting/beheer/<int:pk>/tellen/", staff.count, name="count"),
    path("buurtbegroting/beheer/<int:pk>/export.pb", staff.export_pb, name="export"),
]
