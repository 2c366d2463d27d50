"""Handlers of the `galley` subcommands. Each takes parsed arguments and returns an exit status."""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2


class ClusterError(Exception):
    """The Dask scheduler cannot be reached or was lost; the message is one line for the user."""
