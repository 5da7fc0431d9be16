"""The PostgreSQL schema of the session store, as numbered migrations.

Everything lives in one schema of its own (``tripdesigner`` by default). Migrations run in one
transaction under an advisory lock keyed on the schema's name, so kernels starting together
migrate once: the first takes the lock and migrates, the others wait, then find nothing to do.
"""

from __future__ import annotations

from typing import Any

# MIGRATIONS[n] brings a schema from version n to n + 1; ``{s}`` is the quoted schema.
MIGRATIONS: list[str] = [
    # 1: sessions (versioned, owned), their messages (append-only), who they are shared with.
    """
    CREATE TABLE {s}.sessions (
        id TEXT COLLATE "C" PRIMARY KEY,
        owner TEXT NOT NULL,
        title TEXT NOT NULL,
        itinerary_id TEXT,
        created_at TEXT NOT NULL,
        last_active_at TEXT COLLATE "C" NOT NULL,  -- ISO 8601 UTC: byte order is time order
        message_count INTEGER NOT NULL DEFAULT 0,
        revision BIGINT NOT NULL DEFAULT 1,
        body TEXT NOT NULL
    );
    -- One's own list is one index-only scan, already in order (no sort of 10,000 rows).
    CREATE INDEX sessions_listing ON {s}.sessions (owner, last_active_at DESC)
        INCLUDE (id, title, itinerary_id, created_at, message_count);
    CREATE INDEX sessions_by_itinerary ON {s}.sessions (itinerary_id);
    CREATE TABLE {s}.messages (
        session_id TEXT COLLATE "C" NOT NULL REFERENCES {s}.sessions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
    );
    CREATE TABLE {s}.shares (
        session_id TEXT COLLATE "C" NOT NULL REFERENCES {s}.sessions (id) ON DELETE CASCADE,
        username TEXT NOT NULL,
        can_write BOOLEAN NOT NULL,
        PRIMARY KEY (session_id, username)
    );
    CREATE INDEX shares_by_user ON {s}.shares (username);
    """,
    # 2: messages refuse to change; they go only with their session (a cascade runs after
    # the session row is gone). Every committed write is announced on the schema's channel.
    """
    CREATE FUNCTION {s}.refuse_message_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' AND NOT EXISTS (
            SELECT 1 FROM {s}.sessions WHERE id = OLD.session_id
        ) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'messages are append-only';
    END $$;
    CREATE TRIGGER messages_are_append_only BEFORE UPDATE OR DELETE ON {s}.messages
        FOR EACH ROW EXECUTE FUNCTION {s}.refuse_message_change();
    CREATE FUNCTION {s}.announce_session() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            PERFORM pg_notify({channel}, OLD.id || ' 0');
            RETURN OLD;
        END IF;
        PERFORM pg_notify({channel}, NEW.id || ' ' || NEW.revision);
        RETURN NEW;
    END $$;
    CREATE TRIGGER sessions_are_announced AFTER INSERT OR UPDATE OR DELETE ON {s}.sessions
        FOR EACH ROW EXECUTE FUNCTION {s}.announce_session();
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def channel_of(schema: str) -> str:
    """The LISTEN/NOTIFY channel on which a schema's committed writes are announced."""
    return f"tripdesigner.{schema}"


def migrate(conn: Any, schema: str) -> int:
    """Bring ``schema`` up to ``SCHEMA_VERSION`` on the psycopg connection ``conn``.

    Returns the number of migrations this call applied (0 when another kernel did it).
    Raises ``NewerSchemaError`` when the schema was written by a newer version.
    """
    from psycopg import sql

    quoted = sql.Identifier(schema)
    with conn.transaction():  # up to date already: no lock, and no CREATE right needed
        if conn.execute("SELECT to_regclass(%s)", (f'"{schema}".schema_migrations',)).fetchone()[0]:
            row = conn.execute(
                sql.SQL("SELECT COALESCE(MAX(version), 0) FROM {}.schema_migrations").format(quoted)
            ).fetchone()
            if int(row[0]) > SCHEMA_VERSION:
                raise NewerSchemaError(int(row[0]))
            if int(row[0]) == SCHEMA_VERSION:
                return 0
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (channel_of(schema),))
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(quoted))
        conn.execute(
            sql.SQL(
                "CREATE TABLE IF NOT EXISTS {}.schema_migrations (version INTEGER PRIMARY KEY,"
                " applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),"
                " applied_by INTEGER NOT NULL DEFAULT pg_backend_pid())"
            ).format(quoted)
        )
        row = conn.execute(
            sql.SQL("SELECT COALESCE(MAX(version), 0) FROM {}.schema_migrations").format(quoted)
        ).fetchone()
        current = int(row[0])
        if current > SCHEMA_VERSION:
            raise NewerSchemaError(current)
        for version in range(current, SCHEMA_VERSION):
            text = MIGRATIONS[version].replace("{s}", quoted.as_string(conn))
            text = text.replace("{channel}", sql.Literal(channel_of(schema)).as_string(conn))
            conn.execute(text.encode())
            conn.execute(
                sql.SQL("INSERT INTO {}.schema_migrations (version) VALUES (%s)").format(quoted),
                (version + 1,),
            )
        return SCHEMA_VERSION - current


class NewerSchemaError(RuntimeError):
    """The schema was written by a newer version of the package."""

    def __init__(self, version: int) -> None:
        super().__init__(
            f"the sessions schema was written by a newer tripdesigner_kernel (schema {version}, "
            f"this version reads up to {SCHEMA_VERSION}); upgrade the package to use it"
        )
