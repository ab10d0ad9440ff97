-- Read side of guild stickers, owned by StickerProjection. The image lives in the media store under stickers/{id}.
CREATE TABLE stickers (
    id           BIGINT PRIMARY KEY,
    guild_id     BIGINT        NOT NULL,
    name         VARCHAR(30)   NOT NULL,
    description  VARCHAR(100),
    tags         VARCHAR(200)  NOT NULL,
    format_type  SMALLINT      NOT NULL,
    content_type VARCHAR(32)   NOT NULL,
    user_id      BIGINT        NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX stickers_guild ON stickers (guild_id);

-- The stickers a message was sent with, as they were then ({id, name, format_type}); owned by MessageProjection.
ALTER TABLE messages ADD COLUMN sticker_items JSONB NOT NULL DEFAULT '[]';

-- A webhook's message: author_id is the webhook's id (no users row), shown with the name and avatar URL it was sent with.
ALTER TABLE messages ADD COLUMN webhook_id BIGINT;
ALTER TABLE messages ADD COLUMN webhook_username VARCHAR(80);
ALTER TABLE messages ADD COLUMN webhook_avatar_url VARCHAR(2048);
