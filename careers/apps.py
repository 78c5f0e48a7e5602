from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers"

    def ready(self):
        # read_model listens for the start and end of each request from the first one on.
        from careers import data_version, read_model  # noqa: F401

        data_version.watch(self.get_models())
