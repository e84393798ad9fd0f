from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "cms.programs"
    label = "programs"
    verbose_name = "Benefits and programs"
