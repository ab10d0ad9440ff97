-- Client settings per user and notification settings per user and guild, as their wire objects:
-- GET /users/@me/settings, GET /users/@me/guilds/{id}/settings and READY read them whole.
CREATE TABLE user_settings (
    user_id  BIGINT PRIMARY KEY,
    settings JSONB NOT NULL
);

CREATE TABLE user_guild_settings (
    user_id  BIGINT NOT NULL,
    guild_id BIGINT NOT NULL,
    settings JSONB NOT NULL,
    PRIMARY KEY (user_id, guild_id)
);
