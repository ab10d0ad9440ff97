-- Read side of private channels (DMs and group DMs), owned by PrivateChannelProjection.
CREATE TABLE private_channels (
    id         BIGINT       PRIMARY KEY,
    type       SMALLINT     NOT NULL,
    owner_id   BIGINT,
    name       VARCHAR(100),
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE private_channel_recipients (
    channel_id BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX private_channel_recipients_user ON private_channel_recipients (user_id);

-- One row per direction: user_id's view of other_id (1 friend, 2 blocked, 3 incoming, 4 outgoing).
CREATE TABLE relationships (
    user_id  BIGINT      NOT NULL,
    other_id BIGINT      NOT NULL,
    type     SMALLINT    NOT NULL,
    since    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, other_id)
);

-- The last message each user acknowledged per channel, owned by ReadStateProjection.
CREATE TABLE read_states (
    user_id         BIGINT NOT NULL,
    channel_id      BIGINT NOT NULL,
    last_message_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, channel_id)
);
