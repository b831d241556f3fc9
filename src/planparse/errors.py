"""Errors a user can act on. Each carries the exit code the CLI returns for it."""
from __future__ import annotations

EXIT_OK = 0
EXIT_POLICY = 1  # `check`: the policy was not met; `batch`: some files failed
EXIT_INPUT = 2   # unreadable input or bad arguments


class PlanparseError(Exception):
    """A problem with the input, reported to the user as one line."""

    exit_code = EXIT_INPUT


class InputError(PlanparseError):
    """The file cannot be read as a plan (missing, empty, binary, wrong format)."""


class OutputError(PlanparseError):
    """The output cannot be written (a folder that cannot be made, a full disk)."""
