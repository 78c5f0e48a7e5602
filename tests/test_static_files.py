import pytest

from careers.static_files import StaticFilesStorage


@pytest.fixture
def storage(tmp_path):
    storage = StaticFilesStorage(location=tmp_path, base_url="/static/")
    storage.hashed_files = {"css/site.css": "css/site.0123abcd.css"}
    return storage


def test_a_file_address_is_the_hashed_name_from_the_manifest(storage):
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"


def test_a_file_address_is_looked_up_once_while_the_process_runs(storage):
    storage.url("css/site.css")
    storage.hashed_files = {"css/site.css": "css/site.fedcba98.css"}
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"


def test_a_file_missing_from_the_manifest_still_fails_loudly_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
