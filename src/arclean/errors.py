"""Exceptions arclean raises for a user's mistake (reported as one line, exit code 2)."""


class ArcleanError(Exception):
    """Base class: a problem with the input or the settings, not a bug in arclean."""


class UnknownNameError(ArcleanError, ValueError):
    """A filter or preset name that arclean does not know."""


class InputError(ArcleanError):
    """Input that cannot be read as text: missing, a directory, binary, badly encoded."""


class ConfigError(ArcleanError):
    """A configuration file, flag or option value that arclean cannot use."""


class OutputError(ArcleanError):
    """Text that cannot be written as asked, such as a character the output encoding lacks."""
