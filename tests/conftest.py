from tests.fixtures_browser import *  # noqa
