from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "cms.events"
    label = "events"
    verbose_name = "Events"

    def ready(self):
        from cms.events import signals

        signals.connect()
