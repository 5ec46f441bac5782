from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "cms.guide"
    label = "guide"
    verbose_name = "Guide (Wegweiser)"
