from django.apps import AppConfig


class GrowingUpConfig(AppConfig):
    name = "sites.growingup"
    label = "growingup"
    verbose_name = "Growing Up NYC"
