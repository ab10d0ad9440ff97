-- Read side of incoming webhooks, owned by WebhookProjection. Only a SHA-256 hash of the token is kept.
CREATE TABLE webhooks (
    id         BIGINT PRIMARY KEY,
    guild_id   BIGINT       NOT NULL,
    channel_id BIGINT       NOT NULL,
    name       VARCHAR(80)  NOT NULL,
    user_id    BIGINT       NOT NULL,
    token_hash CHAR(64)     NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX webhooks_channel ON webhooks (channel_id);
CREATE INDEX webhooks_guild ON webhooks (guild_id);
