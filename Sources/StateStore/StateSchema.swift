import GRDB

/// The database schema as versioned migrations. Add new migrations at the end; never edit a shipped one.
enum StateSchema {
    /// `PRAGMA application_id` of a FaultMaven state database ("FMV1").
    static let applicationID: Int32 = 0x464D_5631

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            for statement in v1 { try db.execute(sql: statement) }
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        m.registerMigration("v2-templates") { db in
            for statement in v2 { try db.execute(sql: statement) }
        }
        m.registerMigration("v3-template-sequence") { db in
            for statement in v3 { try db.execute(sql: statement) }
        }
        return m
    }

    static let v1: [String] = [
        """
        CREATE TABLE session (
            id TEXT PRIMARY KEY NOT NULL, user_id TEXT,
            created_at REAL NOT NULL, last_activity REAL NOT NULL)
        """,
        "CREATE INDEX session_last_activity ON session(last_activity)",
        """
        CREATE TABLE turn (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            at REAL NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL, provider TEXT NOT NULL)
        """,
        "CREATE INDEX turn_session ON turn(session_id, id)",
        """
        CREATE TABLE recommendation (
            id TEXT PRIMARY KEY NOT NULL,
            turn_id INTEGER NOT NULL REFERENCES turn(id) ON DELETE CASCADE,
            session_id TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL)
        """,
        "CREATE INDEX recommendation_turn ON recommendation(turn_id, ordinal)",
        """
        CREATE TABLE data_item (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('text', 'file', 'url')),
            name TEXT NOT NULL, content TEXT NOT NULL, content_bytes INTEGER NOT NULL,
            truncated INTEGER NOT NULL, insights TEXT NOT NULL, summary TEXT NOT NULL, added_at REAL NOT NULL)
        """,
        "CREATE INDEX data_item_session ON data_item(session_id, id)",
        """
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            recommendation_id TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'reject')),
            recommendation_text TEXT NOT NULL, comment TEXT, at REAL NOT NULL,
            UNIQUE (session_id, recommendation_id))
        """,
        "CREATE INDEX feedback_verdict ON feedback(verdict, id)",
        """
        CREATE TABLE past_case (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            recommendation_id TEXT NOT NULL UNIQUE, recommendation_text TEXT NOT NULL, session_id TEXT,
            incident_summary TEXT NOT NULL, templates TEXT NOT NULL, token_count INTEGER NOT NULL,
            created_at REAL NOT NULL)
        """,
        """
        CREATE TABLE past_case_token (
            token TEXT NOT NULL,
            case_id INTEGER NOT NULL REFERENCES past_case(id) ON DELETE CASCADE,
            PRIMARY KEY (token, case_id)) WITHOUT ROWID
        """,
        "CREATE INDEX past_case_token_case ON past_case_token(case_id)",
        """
        CREATE TABLE incident (
            id TEXT PRIMARY KEY NOT NULL, start_at REAL NOT NULL, end_at REAL NOT NULL,
            anomalies TEXT NOT NULL, summary TEXT NOT NULL, root_causes TEXT NOT NULL,
            next_steps TEXT NOT NULL, updated_at REAL NOT NULL)
        """,
        "CREATE INDEX incident_start ON incident(start_at, id)",
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, action TEXT NOT NULL,
            session_id TEXT, detail TEXT NOT NULL)
        """,
    ]

    /// Log templates mined by the agent, so their ids survive restarts.
    static let v2: [String] = [
        """
        CREATE TABLE template (
            id INTEGER PRIMARY KEY NOT NULL, group_id INTEGER NOT NULL, text TEXT NOT NULL,
            count INTEGER NOT NULL, last_sequence INTEGER NOT NULL, state TEXT NOT NULL, updated_at REAL NOT NULL)
        """,
        "CREATE INDEX template_last_sequence ON template(last_sequence, id)",
    ]

    /// The miner's id sequence (one row), so that the id of an evicted template is not given again
    /// after a restart, and each template's level.
    static let v3: [String] = [
        "CREATE TABLE template_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), next_id INTEGER NOT NULL)",
        "ALTER TABLE template ADD COLUMN level TEXT NOT NULL DEFAULT 'UNKNOWN'",
    ]
}
