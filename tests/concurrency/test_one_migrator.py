"""Processes that open an old database at the same moment: exactly one migrates it, after exactly one backup."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from cloudinterview_desktop.store import migrations
from cloudinterview_desktop.store.database import close_database, open_database

OPENERS = 6
# A next schema step, as a release would add it: it records every run of itself in the file it migrates.
OPENER = """
import sys, time
from pathlib import Path
from cloudinterview_desktop.store import migrations
from cloudinterview_desktop.store.database import open_database

def step(db):
    db.execute_sql("CREATE TABLE IF NOT EXISTS step_runs (pid INTEGER)")
    db.execute_sql("INSERT INTO step_runs VALUES (?)", (__import__("os").getpid(),))
    time.sleep(0.3)  # a slow migration: the others must wait for it, not run it again

migrations.MIGRATIONS.append(step)
migrations.LATEST = len(migrations.MIGRATIONS)
path = Path(sys.argv[1])
sys.stdin.readline()  # every opener starts together
report = open_database(path, path.parent / "backups")
print(report.schema_version)
"""


def test_simultaneous_openers_migrate_once_with_one_backup(tmp_path: Path) -> None:
    path = tmp_path / "cloudinterview.sqlite"
    open_database(path, tmp_path / "backups")  # today's schema, with a session's worth of data in it
    close_database()
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT MAX(version) FROM schemaversion").fetchone()[0]
    assert version == migrations.LATEST
    procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(OPENERS)]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert out.strip() == str(migrations.LATEST + 1)
    with sqlite3.connect(path) as conn:
        runs = conn.execute("SELECT count(*) FROM step_runs").fetchone()[0]
        versions = [row[0] for row in conn.execute("SELECT version FROM schemaversion ORDER BY version")]
    assert runs == 1
    assert versions == list(range(1, migrations.LATEST + 2))
    backups = sorted((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == 1 and f"-v{migrations.LATEST}-" in backups[0].name
