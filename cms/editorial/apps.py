from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"
    verbose_name = "Editors and translators"

    def ready(self):
        from cms.editorial import signals  # noqa: F401
        from cms.editorial.media import register_media_permission_policies

        register_media_permission_policies()
