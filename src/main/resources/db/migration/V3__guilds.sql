-- Read side of guild structure, owned by GuildProjection.
CREATE TABLE guilds (
    id                BIGINT       PRIMARY KEY,
    name              VARCHAR(100) NOT NULL,
    description       VARCHAR(300),
    owner_id          BIGINT       NOT NULL,
    system_channel_id BIGINT,
    created_at        TIMESTAMPTZ  NOT NULL
);

CREATE TABLE roles (
    id          BIGINT       PRIMARY KEY,
    guild_id    BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    color       INTEGER      NOT NULL,
    hoist       BOOLEAN      NOT NULL,
    mentionable BOOLEAN      NOT NULL,
    permissions BIGINT       NOT NULL,
    position    INTEGER      NOT NULL
);
CREATE INDEX roles_guild ON roles (guild_id);

-- overwrites: [{"id","type","allow","deny"}] as the wire carries them
CREATE TABLE channels (
    id                  BIGINT       PRIMARY KEY,
    guild_id            BIGINT       NOT NULL,
    type                SMALLINT     NOT NULL,
    name                VARCHAR(100) NOT NULL,
    topic               VARCHAR(1024),
    position            INTEGER      NOT NULL,
    parent_id           BIGINT,
    nsfw                BOOLEAN      NOT NULL,
    rate_limit_per_user INTEGER      NOT NULL,
    bitrate             INTEGER      NOT NULL,
    user_limit          INTEGER      NOT NULL,
    overwrites          JSONB        NOT NULL DEFAULT '[]'
);
CREATE INDEX channels_guild ON channels (guild_id);
