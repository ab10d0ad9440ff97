-- Read side of the audit log, owned by AuditLogProjection. id: a snowflake of the event's time.
CREATE TABLE audit_log (
    id          BIGINT      PRIMARY KEY,
    guild_id    BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    target_id   VARCHAR(32),
    action_type INTEGER     NOT NULL,
    changes     JSONB       NOT NULL DEFAULT '[]',
    reason      VARCHAR(512),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_log_guild ON audit_log (guild_id, id DESC);
