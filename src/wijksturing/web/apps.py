from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "wijksturing.web"
    label = "web"
    verbose_name = _("Website")

    def ready(self) -> None:
        from wijksturing.web.pagecache import connect_signals

        connect_signals()
        # the Celery application: tasks started by the pages use its settings (eager without a broker)
        import wijksturing.worker  # noqa: F401
