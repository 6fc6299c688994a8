"""The composition root: builds paths, settings, database, repositories, bank, judge and services, once."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cloudinterview_desktop.ai_setup import AIFeedbackBuilder, AIInterviewer, AIPicker, LazyAI
from cloudinterview_desktop.bank.catalog import Catalog
from cloudinterview_desktop.bank.question_bank import QuestionBank
from cloudinterview_desktop.domain.errors import StorageError
from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport, ToolchainStatus
from cloudinterview_desktop.domain.ports import Interviewer, ProgressSink, ReferenceChecker
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.judge.protection import CodeSafety, Consent
from cloudinterview_desktop.paths import AppPaths, resolve_paths
from cloudinterview_desktop.report.rubric import RubricFeedbackBuilder
from cloudinterview_desktop.resources import builtin_problems_db
from cloudinterview_desktop.service.bank_service import BankService
from cloudinterview_desktop.service.session_service import SessionService
from cloudinterview_desktop.settings import Key, Settings, SettingsConsent
from cloudinterview_desktop.store.database import OpenReport, close_database, open_database
from cloudinterview_desktop.store.presence import Presence
from cloudinterview_desktop.store.session_leases import FileSessionLeases
from cloudinterview_desktop.store.session_repository import SessionRepository

if TYPE_CHECKING:
    from cloudinterview_desktop.judge.judge import Judge

log = logging.getLogger(__name__)


@dataclass
class AppCore:
    paths: AppPaths
    settings: Settings
    db_report: OpenReport
    sessions: SessionRepository
    bank: QuestionBank
    judge: LazyJudge
    service: SessionService
    bank_service: BankService
    ai: LazyAI
    startup_notes: list[str]
    presence: Presence
    leases: FileSessionLeases

    def close(self) -> None:
        self.leases.release_all()
        self.bank.user.close()
        if self.bank.builtin is not None:
            self.bank.builtin.close()
        close_database()
        self.presence.unregister()


class LazyJudge:
    """The code judge, imported on first use: it is not needed to show the window or to ask a theory question.
    Code runs without a sandbox only with `consent` (judge/protection.py); `isolation` caps the level (tests)."""

    def __init__(self, consent: Consent | None = None, isolation: str | None = None) -> None:
        self.consent = consent if consent is not None else Consent()
        self._isolation = isolation
        self._judge: Judge | None = None
        self._lock = threading.Lock()

    def get(self) -> Judge:
        with self._lock:
            if self._judge is None:
                from cloudinterview_desktop.judge.judge import Judge

                self._judge = Judge(isolation=self._isolation, consent=self.consent)
            return self._judge

    def warm_up(self) -> None:
        """Imports the judge and its languages ahead of the first run (on the engine's warm-up, a worker thread):
        imported during the first submission, they held the window up for 60-80 ms."""
        from cloudinterview_desktop.judge import languages  # noqa: F401

        self.get()

    def safety(self) -> CodeSafety:
        """What the window asks before it runs code: the level (found on first call) and the consent."""
        return CodeSafety(self.isolation_level, self.consent)

    def run(self, problem: CodingProblem, code: str, language: str, mode: JudgeMode = JudgeMode.SUBMIT,
            custom_inputs: list[dict[str, Any]] | None = None, progress: ProgressSink | None = None,
            cancel: threading.Event | None = None) -> JudgeReport:
        return self.get().run(problem, code, language, mode, custom_inputs, progress, cancel)

    def starter_code(self, problem: CodingProblem, language: str) -> str:
        from cloudinterview_desktop.judge.judge import starter_code

        return starter_code(problem, language)

    def toolchains(self) -> dict[str, ToolchainStatus]:
        return self.get().toolchains()

    def isolation_level(self) -> str:
        return self.get().isolation_level()


def open_bank(paths: AppPaths, read_only: bool = False) -> tuple[QuestionBank, list[str]]:
    notes: list[str] = []
    builtin_path = builtin_problems_db()
    builtin: Catalog | None = None
    try:
        builtin = Catalog(builtin_path, readonly=True)
    except StorageError as exc:
        notes.append(f"The built-in question bank could not be read ({exc}); only your own questions are available.")
    return QuestionBank(builtin, Catalog(paths.db_path, readonly=read_only, backups_dir=paths.backups_dir)), notes


def reference_checker(judge: LazyJudge) -> ReferenceChecker:
    """The judge's bulk check of reference solutions, for the importers; imported on first use, as the judge is."""
    from cloudinterview_desktop.judge.reference_batches import ReferenceValidator

    return ReferenceValidator(judge)


def build_core(home: Path | None = None, interviewer: Interviewer | None = None,
               apply_retention: bool = True, use_model: bool | None = None, isolation: str | None = None) -> AppCore:
    """`use_model=None` follows the settings; False runs without a language model (the bank's interviewer,
    measured feedback), True uses one when it can be loaded. The model itself loads on first use. `isolation` caps
    the judge's isolation level (tests use "rlimits" to see what a machine without a sandbox gets)."""
    paths = resolve_paths(home).ensure()
    settings = Settings(paths.settings_file)
    presence = Presence(paths.data_dir)
    presence.register()
    report = open_database(paths.db_path, paths.backups_dir)
    notes = [report.message] if report.message else []
    sessions = SessionRepository()
    if not report.read_only:
        sessions.ensure_profile()
    bank, bank_notes = open_bank(paths, report.read_only)
    notes += bank_notes
    judge = LazyJudge(Consent(SettingsConsent(settings)), isolation)
    ai = LazyAI(paths, settings, enabled=bool(settings.get(Key.USE_MODEL)) if use_model is None else use_model,
                follow_settings=use_model is None)
    bank.picker = AIPicker(ai)
    feedback = RubricFeedbackBuilder(AIFeedbackBuilder(ai), bank)
    leases = FileSessionLeases(paths.data_dir)
    service = SessionService(sessions, bank, interviewer or AIInterviewer(ai), feedback, judge,
                             session_file_dirs=(paths.recordings_dir, paths.reports_dir), leases=leases)
    bank_service = BankService(bank, judge, references=lambda: reference_checker(judge))
    core = AppCore(paths, settings, report, sessions, bank, judge, service, bank_service, ai, notes, presence, leases)
    if apply_retention and not report.read_only:
        apply_retention_policy(core)
    return core


def apply_retention_policy(core: AppCore) -> None:
    idle = int(core.settings.get(Key.IDLE_EXPIRY_MIN))
    if idle > 0:
        expired = core.service.expire_idle(timedelta(minutes=idle))
        if expired:
            log.info("expired %d idle sessions", len(expired))
    days = int(core.settings.get(Key.PURGE_AFTER_DAYS))
    if days > 0:
        from cloudinterview_desktop.service.data_management import purge_older_than

        purge_older_than(core.sessions, core.paths, days)
