"""Collect what a page reports as broken: console errors, uncaught exceptions, CSP violations."""

from pathlib import Path

from playwright.sync_api import ConsoleMessage, Page, Response

CSP_LISTENER = Path(__file__).with_name("csp_listener.js")


def watch_for_errors(page: Page) -> list[str]:
    """Start recording on `page`; the returned list fills as problems happen."""
    errors: list[str] = []
    # A page that answers 404 on purpose makes Chromium log the failed load; that is expected.
    error_documents: set[str] = set()

    def note_error_document(response: Response) -> None:
        if response.request.is_navigation_request() and response.status >= 400:
            error_documents.add(response.url)

    def note_console_error(message: ConsoleMessage) -> None:
        url = message.location.get("url", "")
        expected = url in error_documents and message.text.startswith("Failed to load resource")
        if message.type != "error" or expected:
            return
        errors.append(f"console error: {message.text} ({url})")

    page.on("response", note_error_document)
    page.on("console", note_console_error)
    page.on("pageerror", lambda error: errors.append(f"uncaught exception: {error}"))
    page.expose_function("reportCspViolation", lambda text: errors.append(f"CSP violation: {text}"))
    page.add_init_script(path=str(CSP_LISTENER))
    return errors
