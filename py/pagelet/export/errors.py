"""The one error an export reports: a sentence for the person who ran it."""


class ExportError(Exception):
    """The export cannot go on; the message says why and names the file or requirement at fault."""
