from rest_framework.routers import SimpleRouter

from wijksturing.programmes.api import views

router = SimpleRouter()
router.register("agendas", views.AgendaViewSet, basename="agenda")
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("goals", views.GoalViewSet, basename="goal")
urlpatterns = router.urls
