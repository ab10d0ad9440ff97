-- Read side of voice: who is in which voice channel now, owned by VoiceStateProjection.
-- A row exists while the member is connected; leaving deletes it.
CREATE TABLE voice_states (
    guild_id      BIGINT      NOT NULL,
    user_id       BIGINT      NOT NULL,
    channel_id    BIGINT      NOT NULL,
    connection_id TEXT        NOT NULL,
    session_id    TEXT,
    self_mute     BOOLEAN     NOT NULL,
    self_deaf     BOOLEAN     NOT NULL,
    self_video    BOOLEAN     NOT NULL,
    self_stream   BOOLEAN     NOT NULL,
    mute          BOOLEAN     NOT NULL,
    deaf          BOOLEAN     NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX voice_states_channel ON voice_states (channel_id);
