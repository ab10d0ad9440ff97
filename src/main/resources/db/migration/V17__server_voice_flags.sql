-- Server mute/deafen of guild members, owned by MemberProjection (from the voice state
-- aggregate's ServerVoiceChanged). Like the aggregate it outlasts a voice connection and a
-- membership; a row exists only while one of the two is set.
CREATE TABLE server_voice_flags (
    guild_id BIGINT  NOT NULL,
    user_id  BIGINT  NOT NULL,
    mute     BOOLEAN NOT NULL,
    deaf     BOOLEAN NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
