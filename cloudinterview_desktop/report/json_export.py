"""The report as JSON: the stored session, the feedback the report shows and the earlier sessions it compares with.
Strings are kept exactly (JSON escapes control characters) except lone surrogates, which UTF-8 cannot hold."""

from __future__ import annotations

import json
from typing import Any

from cloudinterview_desktop.domain.serialization import session_to_dict, summary_to_dict
from cloudinterview_desktop.report.content import ReportInput
from cloudinterview_desktop.report.text import encodable

FORMAT_NAME = "cloudinterview-feedback-report"
FORMAT_VERSION = 1


def _encodable(value: Any) -> Any:
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, dict):
        return {encodable(str(k)): _encodable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encodable(v) for v in value]
    return value


def report_dict(data: ReportInput) -> dict[str, Any]:
    session = session_to_dict(data.session)
    session.pop("feedback", None)  # the feedback below is the one the report shows
    result: dict[str, Any] = _encodable({
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "feedback_origin": data.origin,
        "session": session,
        "feedback": data.feedback,
        "earlier_sessions": [summary_to_dict(s) | {"dimensions": s.dimensions} for s in data.earlier],
    })
    return result


def render_json(data: ReportInput) -> str:
    return json.dumps(report_dict(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
