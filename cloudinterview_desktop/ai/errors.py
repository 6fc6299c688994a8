"""Errors of the on-device AI layer: models that cannot be read or loaded, backends and downloads that fail."""

from __future__ import annotations

from cloudinterview_desktop.domain.errors import CloudInterviewError


class AIError(CloudInterviewError):
    """Base of every AI-layer failure; the message says what went wrong and what to do."""


class ModelFormatError(AIError):
    """A file that is not a complete, readable GGUF model (wrong magic, bad header, truncated data)."""


class ModelNotFound(AIError):
    """A model name or path that the registry or the disk does not have."""


class ModelLoadError(AIError):
    """A valid GGUF file that the inference library could not load (unsupported architecture, memory)."""


class BackendError(AIError):
    """A generation request that failed (the library raised, the server answered with an error)."""


class EndpointError(BackendError):
    """An OpenAI-compatible server that cannot be reached or answers with an HTTP error."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status, when the server answered at all


class ContextOverflow(BackendError):
    """A prompt that does not fit the model's context window, even after older turns were dropped."""


class InvalidModelOutput(BackendError):
    """The model did not produce output that matches the requested JSON schema, after every retry."""

    def __init__(self, message: str, attempts: list[str]) -> None:
        super().__init__(message)
        self.attempts = attempts  # the raw outputs, kept for the log and for tests


class DownloadError(AIError):
    """A model download that failed or was interrupted; a `.part` file may be kept for resuming."""


class ChecksumMismatch(DownloadError):
    def __init__(self, path: str, expected: str, actual: str) -> None:
        super().__init__(f"the SHA-256 of {path} is {actual}, not the expected {expected}: the file was not kept")
        self.expected = expected
        self.actual = actual


class RegistryError(AIError):
    """The model registry refused a change (a duplicate name, removing the embedded model)."""
