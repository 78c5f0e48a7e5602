from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers"

    def ready(self):
        from careers import page_cache

        page_cache.connect_invalidation(self.get_models())
