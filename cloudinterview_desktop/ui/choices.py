"""Display names for the interview options shown in combo boxes."""

from __future__ import annotations

JOB_LABELS = {
    "software": "Software engineer", "frontend": "Frontend engineer", "backend": "Backend engineer",
    "sre": "SRE / DevOps", "data_ml": "Data / ML engineer", "product": "Product manager", "analyst": "Data analyst",
}
SENIORITY_LABELS = {"intern": "Intern", "junior": "Junior", "mid": "Mid-level", "senior": "Senior", "staff": "Staff"}
MODE_LABELS = {"technical": "Technical (coding + theory)", "behavioral": "Behavioral"}
DIFFICULTY_LABELS = {"easy": "Easy", "medium": "Medium", "hard": "Hard"}
STYLE_LABELS = {"interviewer": "Interviewer (hints cost score)", "tutor": "Tutor (explains freely)"}
