"""The interview-quality harness with each backend the app can use: no model, the embedded model in process, and
the same model behind an OpenAI-compatible server on 127.0.0.1 (llama-cpp-python's server).

Run: .venv/bin/python bench/interviewer_quality.py [--backend none|embedded|server ...] [--verbose]"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = [ROOT / "bench" / "interviewer_cases" / f"{name}.json"
         for name in ("harness", "unseen", "holdout", "unseen2", "unseen3")]
sys.path.insert(0, str(ROOT))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _eval(home: Path, extra: list[str], verbose: bool) -> None:
    command = [sys.executable, "-m", "cloudinterview_desktop", "--home", str(home), "eval", *map(str, CASES),
               *extra, *(["--verbose"] if verbose else [])]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(command, check=True, env=env, cwd=ROOT)


def _with_server(home: Path, verbose: bool) -> None:
    from cloudinterview_desktop.embedded_models import embedded_llm

    model = embedded_llm().path
    port = _free_port()
    log = (home / "server.log").open("wb")
    server = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
                               "--port", str(port), "--n_ctx", "2048", "--model_alias", "smollm2",
                               "--verbose", "false"], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the model server did not start; see " + str(home / "server.log")) from None
                time.sleep(0.3)
        (home / "config").mkdir(parents=True, exist_ok=True)
        (home / "config" / "settings.ini").write_text(
            f"[ai]\nendpoint_url=http://127.0.0.1:{port}/v1\nendpoint_model=smollm2\n", encoding="utf-8")
        _eval(home, [], verbose)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backend", choices=["none", "embedded", "server"], action="append")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    for backend in args.backend or ["none", "embedded", "server"]:
        print(f"\n# backend: {backend}")
        sys.stdout.flush()
        with tempfile.TemporaryDirectory() as folder:
            home = Path(folder)
            if backend == "server":
                _with_server(home, args.verbose)
            else:
                _eval(home, ["--no-model"] if backend == "none" else [], args.verbose)


if __name__ == "__main__":
    main()
