"""Browser fixtures: Debian's headless Chromium driven by Playwright, offline, with a record.

``browser`` is one Chromium for the whole session. :func:`open_page` opens a local file in a
fresh context and returns the page and a :class:`PageReport` that keeps every console error,
uncaught exception, request to another host (all such requests are also aborted, so tests never
go online) and dialog (``alert``, ``confirm``, ``prompt``; each is recorded and dismissed).

Playwright must not download a browser of its own here: the fixture launches the system
Chromium by ``executable_path``. Without ``/usr/bin/chromium`` the browser tests are skipped,
except in CI (``CI`` set), where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "PageReport",
    "browser",
    "open_page",
    "page_opener",
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
VIEWPORT = {"width": 1280, "height": 800}


@dataclass
class PageReport:
    """What a page did while a test watched it."""

    url: str
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """No console error, no request to another host, no dialog."""
        return not (self.console_errors or self.requests or self.dialogs)

    def assert_clean(self) -> None:
        """Fail with everything that was recorded, if anything was."""
        assert self.clean, (
            f"{self.url} was not clean:\n"
            f"  console errors: {self.console_errors}\n"
            f"  requests to other hosts: {self.requests}\n"
            f"  dialogs: {self.dialogs}"
        )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, for the whole test session."""
    if not CHROMIUM.exists():
        message = (
            f"{CHROMIUM} is missing: install Debian's Chromium with "
            "'apt-get install -y chromium' to run the browser tests"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


def open_page(
    browser: Browser, html_path: str | os.PathLike[str], *, wait_until: str = "load"
) -> tuple[Page, PageReport]:
    """Open a local HTML file in a fresh, offline context; return the page and its report.

    Close the page's context when done (``page.context.close()``), or use ``page_opener``,
    which does so for you.
    """
    url = Path(html_path).resolve().as_uri()
    report = PageReport(url=url)
    context = browser.new_context(
        viewport=VIEWPORT, locale="sv-SE", service_workers="block", accept_downloads=False
    )
    context.route("**/*", _offline_route)
    page = context.new_page()
    page.on("console", lambda message: _on_console(report, message))
    page.on("pageerror", lambda error: report.console_errors.append(f"pageerror: {error}"))
    page.on("request", lambda request: _on_request(report, request.url))
    page.on("websocket", lambda socket: report.requests.append(socket.url))
    page.on("dialog", lambda dialog: _on_dialog(report, dialog))
    page.goto(url, wait_until=wait_until)
    return page, report


@pytest.fixture
def page_opener(browser: Browser) -> Iterator[Callable[..., tuple[Page, PageReport]]]:
    """``open_page`` bound to the session browser; closes every context it opened."""
    opened: list[Page] = []

    def opener(html_path: str | os.PathLike[str], **kwargs: Any) -> tuple[Page, PageReport]:
        page, report = open_page(browser, html_path, **kwargs)
        opened.append(page)
        return page, report

    yield opener
    for page in opened:
        page.context.close()


def _is_local(url: str) -> bool:
    return url.startswith(LOCAL_SCHEMES)


def _offline_route(route: Any) -> None:
    if _is_local(route.request.url):
        route.continue_()
    else:
        route.abort("blockedbyclient")


def _on_request(report: PageReport, url: str) -> None:
    if not _is_local(url):
        report.requests.append(url)


def _on_console(report: PageReport, message: Any) -> None:
    if message.type == "error":
        report.console_errors.append(f"console: {message.text}")


def _on_dialog(report: PageReport, dialog: Any) -> None:
    report.dialogs.append(f"{dialog.type}: {dialog.message}")
    dialog.dismiss()
