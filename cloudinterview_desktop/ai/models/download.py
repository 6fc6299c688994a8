"""Resumable model downloads: HTTP Range onto a `.part` file, SHA-256 checked before the file gets its real name."""

from __future__ import annotations

import email.message
import hashlib
import http.client
import logging
import re
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from cloudinterview_desktop import __version__
from cloudinterview_desktop.ai.errors import ChecksumMismatch, DownloadError
from cloudinterview_desktop.ai.models.registry import sha256_file
from cloudinterview_desktop.domain.errors import Cancelled

log = logging.getLogger(__name__)

CHUNK = 1024 * 1024
PART_SUFFIX = ".part"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")
_CONTENT_RANGE_UNSATISFIED = re.compile(r"bytes\s+\*/(\d+)")

Progress = Callable[[int, int], None]  # bytes done, bytes in all (0 when the server does not say)
Validator = Callable[[Path], object]  # raises when the downloaded file is not what it should be (a GGUF check)


def normalise_sha256(value: str) -> str:
    digest = value.strip().lower()
    if not _SHA256.match(digest):
        raise DownloadError(f"{value!r} is not a SHA-256 checksum (64 hexadecimal digits)")
    return digest


def filename_from_url(url: str) -> str:
    name = Path(urllib.parse.unquote(urllib.parse.urlparse(url).path)).name
    if not name or name in (".", ".."):
        raise DownloadError(f"cannot tell a file name from {url}: pass a name")
    return name


def _hash_existing(path: Path, digest: hashlib._Hash) -> int:
    done = 0
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            done += len(chunk)
    return done


class _Response:
    """The parts of an HTTP response the download loop needs, whatever the status."""

    def __init__(self, status: int, headers: email.message.Message, body: http.client.HTTPResponse | None) -> None:
        self.status = status
        self.headers = headers
        self.body = body


def _open(url: str, offset: int, timeout: float) -> _Response:
    headers = {"User-Agent": f"CloudInterview-Desktop/{__version__}", "Accept-Encoding": "identity"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    request = urllib.request.Request(url, headers=headers)
    try:
        response = urllib.request.urlopen(request, timeout=timeout)  # redirects keep the Range header
    except urllib.error.HTTPError as exc:
        if exc.code == 416:
            return _Response(416, exc.headers, None)
        raise DownloadError(f"the server answered {exc.code} {exc.reason} for {url}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DownloadError(f"cannot reach {urllib.parse.urlparse(url).netloc or url}: {reason}") from exc
    return _Response(response.status, response.headers, response)


def download(url: str, sha256: str | None, dest_dir: Path, *, filename: str | None = None,
             progress: Progress | None = None, cancel: threading.Event | None = None, timeout: float = 30.0,
             validate: Validator | None = None) -> Path:
    """Download `url` into `dest_dir` and return the final path.

    Bytes go to `<name>.part`; a later call resumes it with an HTTP Range request. Only when the whole file's
    SHA-256 equals `sha256` (and `validate` accepts it) is it renamed to `<name>`. A wrong checksum removes the part
    file, since resuming it could only reproduce the same wrong bytes. Cancelling or a dropped connection keeps it.
    `sha256=None` is an unverified download, asked for explicitly: only `validate` checks the file then."""
    expected = normalise_sha256(sha256) if sha256 is not None else None
    name = filename or filename_from_url(url)
    dest_dir.mkdir(parents=True, exist_ok=True)
    final = dest_dir / name
    part = dest_dir / (name + PART_SUFFIX)
    if final.exists():
        actual = sha256_file(final)
        if actual == expected or expected is None:
            return final
        raise DownloadError(f"{final} already exists with a different checksum ({actual}): move it away first")

    digest = hashlib.sha256()
    offset = _hash_existing(part, digest) if part.exists() else 0
    response = _open(url, offset, timeout)
    total = 0
    if response.status == 416:
        # Our part is at least as long as the file: it may be complete, so verify it rather than fetch again.
        match = _CONTENT_RANGE_UNSATISFIED.search(response.headers.get("Content-Range", ""))
        total = int(match.group(1)) if match else offset
        if offset != total:
            part.unlink(missing_ok=True)
            raise DownloadError(f"the partial file was longer than {url} ({offset} > {total} bytes) and was "
                                "removed: run the download again")
    else:
        assert response.body is not None
        if response.status == 206:
            match = _CONTENT_RANGE.search(response.headers.get("Content-Range", ""))
            if match is None or int(match.group(1)) != offset:
                response.body.close()
                raise DownloadError(f"the server resumed {url} at the wrong place "
                                    f"({response.headers.get('Content-Range')!r} for offset {offset})")
            total = int(match.group(3)) if match.group(3) != "*" else 0
        else:
            if offset:
                log.info("%s ignored the Range request; starting again from byte 0", url)
                digest = hashlib.sha256()
                offset = 0
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else 0
        if total:
            free = shutil.disk_usage(dest_dir).free
            if total - offset > free:
                response.body.close()
                raise DownloadError(f"{name} needs {(total - offset) / 1e9:.2f} GB more but only {free / 1e9:.2f} GB "
                                    f"is free in {dest_dir}")
        offset = _stream(response.body, part, offset, total, digest, progress, cancel, url)
    if total and offset < total:
        raise DownloadError(f"the download of {name} stopped at {offset:,} of {total:,} bytes: run it again to resume")
    actual = digest.hexdigest()
    if expected is not None and actual != expected:
        part.unlink(missing_ok=True)
        raise ChecksumMismatch(str(final), expected, actual)
    if validate is not None:
        try:
            validate(part)
        except Exception:
            part.unlink(missing_ok=True)
            raise
    part.replace(final)
    return final


def _stream(body: http.client.HTTPResponse, part: Path, offset: int, total: int, digest: hashlib._Hash,
            progress: Progress | None, cancel: threading.Event | None, url: str) -> int:
    mode = "ab" if offset else "wb"
    try:
        with body, part.open(mode) as out:
            if progress is not None:
                progress(offset, total)
            while True:
                if cancel is not None and cancel.is_set():
                    raise Cancelled()
                chunk = body.read(CHUNK)
                if not chunk:
                    break
                out.write(chunk)
                digest.update(chunk)
                offset += len(chunk)
                if progress is not None:
                    progress(offset, total)
    except (OSError, http.client.HTTPException) as exc:
        # The bytes written so far stay in the part file: the next call resumes after them.
        raise DownloadError(f"the download from {urllib.parse.urlparse(url).netloc} was interrupted after "
                            f"{offset:,} bytes ({exc}): run it again to resume") from exc
    return offset
