-- Read side of memberships and bans, owned by MemberProjection.
CREATE TABLE members (
    guild_id                     BIGINT      NOT NULL,
    user_id                      BIGINT      NOT NULL,
    nick                         VARCHAR(32),
    roles                        BIGINT[]    NOT NULL DEFAULT '{}',
    joined_at                    TIMESTAMPTZ NOT NULL,
    communication_disabled_until TIMESTAMPTZ,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX members_user ON members (user_id);

CREATE TABLE bans (
    guild_id               BIGINT      NOT NULL,
    user_id                BIGINT      NOT NULL,
    reason                 VARCHAR(512),
    delete_message_seconds INTEGER     NOT NULL,
    banned_at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
