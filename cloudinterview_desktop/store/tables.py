"""peewee table definitions of the user database, bound through one DatabaseProxy. Only repositories use them."""

from __future__ import annotations

from typing import Any

import peewee

DB = peewee.DatabaseProxy()


class BaseTable(peewee.Model):
    class Meta:
        database = DB


class SchemaVersion(BaseTable):
    version = peewee.IntegerField()
    applied_at = peewee.DateTimeField()


class ProfileRow(BaseTable):
    id = peewee.CharField(primary_key=True)
    name = peewee.CharField()
    created_at = peewee.DateTimeField()

    class Meta:
        table_name = "profile"


class SessionRow(BaseTable):
    id = peewee.CharField(primary_key=True)
    profile = peewee.ForeignKeyField(ProfileRow, backref="sessions", on_delete="CASCADE")
    mode = peewee.CharField(index=True)
    job_type = peewee.CharField()
    seniority = peewee.CharField()
    difficulty = peewee.CharField()
    duration_min = peewee.IntegerField()
    job_description = peewee.TextField(default="")
    style = peewee.CharField()
    language = peewee.CharField()
    question_count = peewee.IntegerField()
    coding_count = peewee.IntegerField()
    status = peewee.CharField(index=True)
    current_question_index = peewee.IntegerField(default=0)
    created_at = peewee.DateTimeField(index=True)
    started_at = peewee.DateTimeField(null=True)
    ended_at = peewee.DateTimeField(null=True)
    last_activity_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "session"


class QuestionRow(BaseTable):
    session = peewee.ForeignKeyField(SessionRow, backref="questions", on_delete="CASCADE")
    position = peewee.IntegerField(column_name="index")
    item_slug = peewee.CharField(index=True)
    kind = peewee.CharField()
    title = peewee.CharField()
    prompt = peewee.TextField()
    difficulty = peewee.CharField()
    topics = peewee.TextField(default="[]")  # JSON list
    asked_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "question"
        indexes = ((("session", "position"), True),)


class AnswerRow(BaseTable):
    session = peewee.ForeignKeyField(SessionRow, backref="answers", on_delete="CASCADE")
    question_index = peewee.IntegerField()
    seq = peewee.IntegerField()
    text = peewee.TextField(default="")
    code = peewee.TextField(default="")
    language = peewee.CharField(default="")
    audio_path = peewee.CharField(default="")
    submitted_at = peewee.DateTimeField()

    class Meta:
        table_name = "answer"


class MessageRow(BaseTable):
    session = peewee.ForeignKeyField(SessionRow, backref="messages", on_delete="CASCADE")
    seq = peewee.IntegerField()
    role = peewee.CharField()
    purpose = peewee.CharField()
    content = peewee.TextField()
    question_index = peewee.IntegerField(null=True)
    source = peewee.CharField(default="")
    created_at = peewee.DateTimeField()

    class Meta:
        table_name = "message"


class EventRow(BaseTable):
    session = peewee.ForeignKeyField(SessionRow, backref="events", on_delete="CASCADE")
    seq = peewee.IntegerField()
    kind = peewee.CharField()
    at = peewee.DateTimeField()
    question_index = peewee.IntegerField(null=True)
    payload = peewee.TextField(default="{}")  # JSON object

    class Meta:
        table_name = "event"
        indexes = ((("session", "seq"), True),)


class FeedbackRow(BaseTable):
    session = peewee.ForeignKeyField(SessionRow, backref="feedback", on_delete="CASCADE", unique=True)
    created_at = peewee.DateTimeField()
    payload = peewee.TextField()  # JSON object

    class Meta:
        table_name = "feedback"


class CodeDraftRow(BaseTable):
    """The editor's content per question and language, autosaved so a crash or resume loses no code."""

    session = peewee.ForeignKeyField(SessionRow, backref="drafts", on_delete="CASCADE")
    question_index = peewee.IntegerField()
    language = peewee.CharField()
    code = peewee.TextField()
    updated_at = peewee.DateTimeField()

    class Meta:
        table_name = "code_draft"
        indexes = ((("session", "question_index", "language"), True),)


ALL_TABLES: list[type[BaseTable]] = [SchemaVersion, ProfileRow, SessionRow, QuestionRow, AnswerRow, MessageRow,
                                     EventRow, FeedbackRow, CodeDraftRow]


def row_dict(row: peewee.Model) -> dict[str, Any]:
    return dict(row.__data__)
