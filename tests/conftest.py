"""Fixtures shared by the test modules: the real Chromium and the real Bolt server.

A run started in the background by a shell without job control (``pytest &``, ``nohup``)
inherits SIGINT ignored, and so would every console script the Ctrl-C tests start: they
would see Ctrl-C do nothing. The run gives SIGINT back its Python handler, so the children
start with the default disposition, as they do from a terminal.
"""

import signal

from tests.fixtures_bolt import *  # noqa: F403
from tests.fixtures_browser import *  # noqa: F403

if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
