"""Logging filters for the console handler (see LOGGING in settings)."""

import logging


class ClientErrorsInOneLine(logging.Filter):
    """Drop the traceback from records about a refused request, so each one is a single line.

    Django attaches the exception to its 4xx warnings (`django.request`) and to every
    `django.security.*` record (DisallowedHost, a too-long form): the request was at fault,
    not the code, and a fuzzer would otherwise write a traceback per request. Errors (500s)
    keep theirs.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.name.startswith("django.security") or (status is not None and status < 500):
            record.exc_info = None
            record.exc_text = None
        return True
