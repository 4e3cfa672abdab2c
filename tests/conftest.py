"""Fixtures shared by the test modules: the real Chromium and the real Bolt server."""

from tests.fixtures_bolt import *  # noqa: F403
from tests.fixtures_browser import *  # noqa: F403
