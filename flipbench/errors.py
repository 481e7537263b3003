"""The one error type the CLI turns into a one-line message and exit status 2."""


class InputError(ValueError):
    """Input the user can fix (a file, a name, an option): the message says what is wrong and where."""
