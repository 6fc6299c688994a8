"""Job types as people read them ("senior backend engineer")."""

from __future__ import annotations

_JOB_NAMES = {
    "software": "software engineer", "frontend": "frontend engineer", "backend": "backend engineer",
    "sre": "SRE / DevOps engineer", "data_ml": "data / ML engineer", "product": "product manager",
    "analyst": "data analyst",
}


def job_title(job_type: str, seniority: str) -> str:
    return f"{seniority} {_JOB_NAMES.get(job_type, job_type)}"
