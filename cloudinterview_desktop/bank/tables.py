"""peewee table definitions of a question bank file: the built-in `problems.sqlite` and the bank tables of the user's
data file. They are bound to no database: each `Catalog` runs every query on its own file's connection, so the
built-in bank and the user's can be open at once.

The columns are those the bank's first, raw-SQL version created, so a file written by it is read unchanged (its
tables are adopted as schema version 1 by `bank/migrations.py`)."""

from __future__ import annotations

import peewee


class BankTable(peewee.Model):
    class Meta:
        database = None  # bound per query: `query.execute(catalog_database)`


class BankSchemaVersion(BankTable):
    """The bank's own migrations: the sessions' `schemaversion` numbers a different list of steps."""

    version = peewee.IntegerField()
    applied_at = peewee.DateTimeField()

    class Meta:
        table_name = "bank_schema_version"


class BankItemRow(BankTable):
    slug = peewee.TextField(primary_key=True)
    kind = peewee.TextField()
    title = peewee.TextField()
    difficulty = peewee.TextField()
    topics = peewee.TextField()  # space-separated, for ranking without joins
    jobs = peewee.TextField()  # " software backend ": filtered with instr(), no join needed
    levels = peewee.TextField()  # " junior mid " for behavioral items, "" otherwise
    source = peewee.TextField()
    has_tests = peewee.IntegerField()

    class Meta:
        table_name = "bank_item"


# Named as the raw schema named it, so that IF NOT EXISTS finds it in an adopted file.
BankItemRow.add_index(peewee.ModelIndex(BankItemRow, (BankItemRow.kind, BankItemRow.difficulty),
                                        name="bank_item_kind_difficulty"))


class BankPayloadRow(BankTable):
    """Kept apart from bank_item so that filtering and ranking read small rows only."""

    slug = peewee.TextField(primary_key=True)
    payload = peewee.TextField()

    class Meta:
        table_name = "bank_payload"


class BankItemTopicRow(BankTable):
    slug = peewee.TextField()
    topic = peewee.TextField()

    class Meta:
        table_name = "bank_item_topic"
        primary_key = peewee.CompositeKey("topic", "slug")


class BankMetaRow(BankTable):
    key = peewee.TextField(primary_key=True)
    value = peewee.TextField()

    class Meta:
        table_name = "bank_meta"


class BankSearchRow(BankTable):
    """The FTS5 index over titles and statements. Created by its migration's SQL (peewee cannot declare the
    tokenizer); read and written through this model."""

    slug = peewee.TextField()
    title = peewee.TextField()
    body = peewee.TextField()

    class Meta:
        table_name = "bank_fts"
        primary_key = False


BANK_TABLES: list[type[BankTable]] = [BankItemRow, BankPayloadRow, BankItemTopicRow, BankMetaRow]
