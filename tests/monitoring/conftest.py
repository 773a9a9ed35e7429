"""The page fixtures of tests/afspraken (a built agreement, a logged-in gemeente) serve
monitoring's pages too: the jaarschijf page is built from the same agreement."""

from tests.afspraken.conftest import gemeente, opbouw  # noqa: F401 (fixtures)
