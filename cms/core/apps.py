from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Shared content"

    def ready(self):
        # The parts of the page chrome are declared with the template tags that show them:
        # the static build splices them in processes that may render no template first.
        from cms.core.templatetags import core_tags  # noqa: F401
