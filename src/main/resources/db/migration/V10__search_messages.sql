-- Search documents for PostgreSQL full-text search, kept by the search indexer (its own tracking
-- processor, so `parley replay search` rebuilds it alone). 'simple' configuration: no stemming
-- and no stop words, because chat is multilingual; punctuation splits words as in the query side.
CREATE TABLE search_messages (
    id         BIGINT   PRIMARY KEY,
    guild_id   BIGINT   NOT NULL,
    channel_id BIGINT   NOT NULL,
    author_id  BIGINT   NOT NULL,
    mentions   BIGINT[] NOT NULL DEFAULT '{}',
    has        INTEGER  NOT NULL DEFAULT 0,
    pinned     BOOLEAN  NOT NULL DEFAULT false,
    content    TEXT     NOT NULL,
    document   TSVECTOR GENERATED ALWAYS AS
                   (to_tsvector('simple', regexp_replace(content, '[[:punct:][:space:]]+', ' ', 'g'))) STORED
);
CREATE INDEX search_messages_document ON search_messages USING gin (document);
-- Time-sorted pages and the filters without words: WHERE guild_id = ? ... ORDER BY id DESC
CREATE INDEX search_messages_guild_time ON search_messages (guild_id, id DESC);
CREATE INDEX search_messages_channel_time ON search_messages (channel_id, id DESC);
-- author_id filters, alone or with words
CREATE INDEX search_messages_author ON search_messages (guild_id, author_id, id DESC);
