from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "cms.publishing"
    label = "publishing"
    verbose_name = "Static publishing"

    def ready(self):
        from cms.publishing import signals

        signals.connect()
