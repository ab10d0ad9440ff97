-- Command side: set-based uniqueness for usernames and emails (lower-cased), written in the
-- same transaction as the event that claims them.
CREATE TABLE account_claims (
    kind    VARCHAR(16)  NOT NULL,
    value   VARCHAR(320) NOT NULL,
    user_id BIGINT       NOT NULL,
    PRIMARY KEY (kind, value)
);

-- Read side, owned by AccountProjection.
CREATE TABLE users (
    id            BIGINT       PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    email         VARCHAR(320),
    password_hash TEXT,
    global_name   VARCHAR(32),
    avatar        VARCHAR(64),
    bio           VARCHAR(190),
    bot           BOOLEAN      NOT NULL,
    flags         BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE INDEX users_username_lower ON users (lower(username));
CREATE INDEX users_email_lower ON users (lower(email));

CREATE TABLE auth_sessions (
    token_hash BYTEA       PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    session_id BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX auth_sessions_user ON auth_sessions (user_id);
