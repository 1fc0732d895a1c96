from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "wijksturing.web"
    label = "web"

    def ready(self) -> None:
        from wijksturing.web.pagecache import connect_signals

        connect_signals()
        # the Celery application: tasks started by the pages use its settings (eager without a broker)
        import wijksturing.worker  # noqa: F401
