import pytest
from django.conf import settings as django_settings
from django.db import connection


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
    # The verification page's limit per address: every test client is 127.0.0.1
    # (tests/monitoring/test_verificatie_limiet.py switches it on).
    settings.RATELIMIT_ENABLE = False


@pytest.fixture(scope="session", autouse=True)
def _geen_achtergebleven_verbindingen(django_db_setup, django_db_blocker):
    """PostgreSQL refuses to drop the test database while another session is open on it.
    From the first browser test on (live server + Playwright) one idle session stays open until
    the end of the run, though no thread but the main one is alive by then; where it is held
    is not pinned down. Ends such sessions before the database is dropped.
    """
    yield
    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(params=["vastgesteld", "ondertekend"])
def bevroren_wereld(request):
    """The authorization world (tests/wereld.py) with agreement A's jaarschijf frozen, for
    the proofs that nothing changes it (tests/test_bevriezing_*.py)."""
    from tests.paden import hoofdstuk_van
    from tests.wereld import bevroren

    wereld = bevroren(request.param)
    # The frozen document has a hoofdstuk of its own (issue #9), before any proof dumps it.
    hoofdstuk_van(wereld.a.jaarschijf)
    return wereld
