-- Command side: de-duplication of sends by (author, nonce), in the posting command's transaction.
CREATE TABLE message_nonces (
    author_id  BIGINT       NOT NULL,
    nonce      VARCHAR(64)  NOT NULL,
    message_id BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (author_id, nonce)
);

-- Read side of messages and reactions, owned by MessageProjection.
CREATE TABLE messages (
    id                    BIGINT      PRIMARY KEY,
    channel_id            BIGINT      NOT NULL,
    guild_id              BIGINT,
    author_id             BIGINT      NOT NULL,
    type                  SMALLINT    NOT NULL,
    content               TEXT        NOT NULL,
    nonce                 VARCHAR(64),
    tts                   BOOLEAN     NOT NULL,
    embeds                JSONB       NOT NULL DEFAULT '[]',
    attachments           JSONB       NOT NULL DEFAULT '[]',
    mentions              BIGINT[]    NOT NULL DEFAULT '{}',
    mention_roles         BIGINT[]    NOT NULL DEFAULT '{}',
    mention_everyone      BOOLEAN     NOT NULL,
    referenced_message_id BIGINT,
    flags                 INTEGER     NOT NULL,
    pinned                BOOLEAN     NOT NULL DEFAULT false,
    pinned_at             TIMESTAMPTZ,
    edited_at             TIMESTAMPTZ
);
-- History pages: WHERE channel_id = ? AND id < ? ORDER BY id DESC LIMIT ?
CREATE INDEX messages_channel_history ON messages (channel_id, id DESC);
CREATE INDEX messages_author ON messages (guild_id, author_id, id);
CREATE INDEX messages_pinned ON messages (channel_id) WHERE pinned;

CREATE TABLE message_reactions (
    message_id BIGINT      NOT NULL,
    emoji      VARCHAR(128) NOT NULL,
    user_id    BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (message_id, emoji, user_id)
);
