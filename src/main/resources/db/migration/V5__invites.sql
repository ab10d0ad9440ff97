-- Read side of invites, owned by InviteProjection.
CREATE TABLE invites (
    code        VARCHAR(16) PRIMARY KEY,
    guild_id    BIGINT      NOT NULL,
    channel_id  BIGINT      NOT NULL,
    inviter_id  BIGINT      NOT NULL,
    max_age     INTEGER     NOT NULL,
    max_uses    INTEGER     NOT NULL,
    uses        INTEGER     NOT NULL DEFAULT 0,
    temporary   BOOLEAN     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ
);
CREATE INDEX invites_guild ON invites (guild_id);
CREATE INDEX invites_channel ON invites (channel_id);
