-- Read side of custom emojis, owned by EmojiProjection. The image lives in the media store under emojis/{id}.
CREATE TABLE emojis (
    id           BIGINT PRIMARY KEY,
    guild_id     BIGINT       NOT NULL,
    name         VARCHAR(32)  NOT NULL,
    animated     BOOLEAN      NOT NULL,
    content_type VARCHAR(32)  NOT NULL,
    user_id      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX emojis_guild ON emojis (guild_id);
