import pytest
from django.conf import settings as django_settings


def pytest_configure(config):
    # The live server's request threads (browser tests) would otherwise keep their PostgreSQL
    # connection across requests, and the test database cannot be dropped while one is open.
    django_settings.DATABASES["default"]["CONN_MAX_AGE"] = 0


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _zonder_inlogslot_en_tweestaps(settings):
    """Tests log in with force_login/login without a request: django-axes needs one, and the
    two-factor gate would stop every ondertekenaar. The tests of both switch them on again
    (tests/gemeenten/test_login.py, test_tweestaps.py, tests/test_autorisatie.py).
    """
    settings.AXES_ENABLED = False
    settings.TWEESTAPS_VERPLICHT = False
