from django.apps import AppConfig


class GenerationConfig(AppConfig):
    name = "sites.generation"
    label = "generation"
    verbose_name = "Generation NYC"
