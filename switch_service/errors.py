"""Errors whose message is meant for the operator, not for a traceback."""


class UserError(Exception):
    """A problem the user can fix (bad URL, missing driver, wrong config value).

    The CLI prints the message as one line and exits with code 2; the API turns it into a 4xx.
    """
