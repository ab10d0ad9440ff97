package io.parley.search;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link SearchIndex} must do, run against each implementation. Each test works in
 * a guild of its own, so implementations backed by a shared store need no cleaning between tests.
 */
abstract class SearchIndexContract {
    private static final long EPOCH_OFFSET = 1420070400000L;

    protected abstract SearchIndex index();

    /** Applies changes the way the indexer does (inside its transaction, where there is one). */
    protected abstract void write(List<IndexChange> changes);

    /** Each test gets its own second of ids, so stores shared between tests never see an id twice. */
    private static final AtomicLong NEXT_SECOND = new AtomicLong(
            (System.currentTimeMillis() - EPOCH_OFFSET - 86_400_000L) / 1000);

    private long guild;
    private long channelA;
    private long channelB;
    private long baseId;

    @BeforeEach
    void freshGuild() {
        guild = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        channelA = guild + 1;
        channelB = guild + 2;
        baseId = (NEXT_SECOND.getAndDecrement() * 1000) << 22;
    }

    /** The i-th message id: one millisecond apart, so time order is id order. */
    private long id(int i) {
        return baseId + ((long) i << 22);
    }

    private SearchDocument doc(int i, long channel, long author, String content) {
        return new SearchDocument(id(i), guild, channel, author, content, List.of(), 0, false);
    }

    private Q query() {
        return new Q();
    }

    /** A query builder: every field defaults to "no filter", both channels searchable. */
    final class Q {
        List<Long> channels = List.of(channelA, channelB);
        String content;
        List<Long> authors = List.of();
        List<Long> mentions = List.of();
        int has;
        Boolean pinned;
        Long minId;
        Long maxId;
        boolean relevance;
        boolean ascending;
        int offset;
        int limit = 25;

        Q content(String value) {
            content = value;
            return this;
        }

        SearchHits run() {
            try {
                return index().search(new SearchQuery(guild, channels, content, authors, mentions, has, pinned, minId,
                        maxId, relevance, ascending, offset, limit)).toCompletionStage().toCompletableFuture()
                        .get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("search failed", e);
            }
        }

        List<Long> ids() {
            return run().messageIds();
        }

        Set<Long> idSet() {
            return Set.copyOf(ids());
        }
    }

    private void put(SearchDocument... docs) {
        List<IndexChange> changes = new ArrayList<>();
        for (SearchDocument d : docs) {
            changes.add(new IndexChange.Put(d));
        }
        write(changes);
    }

    @Test
    void everyWordMustOccurAndTheLastMayBeAPrefix() {
        put(doc(1, channelA, 7, "Hello brave world"), doc(2, channelA, 7, "hello there"),
                doc(3, channelB, 7, "goodbye, world!"));
        assertEquals(Set.of(id(1), id(2)), query().content("hello").idSet());
        assertEquals(Set.of(id(1)), query().content("world hello").idSet());
        assertEquals(Set.of(id(1), id(3)), query().content("WOR").idSet());
        assertEquals(Set.of(), query().content("hel world").idSet());
        assertEquals(Set.of(), query().content("absent").idSet());
    }

    @Test
    void punctuationSplitsWordsAlikeInMessagesAndQueries() {
        put(doc(1, channelA, 7, "don't panic: see example.com/guide"), doc(2, channelA, 7, "nothing here"));
        assertEquals(Set.of(id(1)), query().content("example").idSet());
        assertEquals(Set.of(id(1)), query().content("'don't' \\ panic!").idSet());
        assertEquals(Set.of(id(1)), query().content("guide.").idSet());
    }

    @Test
    void withoutWordsEveryMessageInTheSearchableChannelsMatches() {
        put(doc(1, channelA, 7, "one"), doc(2, channelB, 7, "two"));
        assertEquals(List.of(id(2), id(1)), query().ids());
        Q onlyA = query();
        onlyA.channels = List.of(channelA);
        assertEquals(List.of(id(1)), onlyA.ids());
        Q none = query();
        none.channels = List.of(channelB + 1000);
        assertEquals(List.of(), none.ids());
    }

    @Test
    void authorAndMentionFiltersMatchAnyOfTheirValues() {
        put(doc(1, channelA, 7, "a"), doc(2, channelA, 8, "b"), doc(3, channelA, 9, "c"),
                new SearchDocument(id(4), guild, channelA, 9, "d", List.of(7L, 8L), 0, false),
                new SearchDocument(id(5), guild, channelA, 9, "e", List.of(8L), 0, false));
        Q authors = query();
        authors.authors = List.of(7L, 8L);
        assertEquals(Set.of(id(1), id(2)), authors.idSet());
        Q mentions = query();
        mentions.mentions = List.of(7L);
        assertEquals(Set.of(id(4)), mentions.idSet());
        mentions.mentions = List.of(7L, 8L);
        assertEquals(Set.of(id(4), id(5)), mentions.idSet());
    }

    @Test
    void hasFiltersNeedEveryKindAsked() {
        int linkAndImage = Has.LINK.bit() | Has.IMAGE.bit() | Has.FILE.bit();
        put(new SearchDocument(id(1), guild, channelA, 7, "x", List.of(), linkAndImage, false),
                new SearchDocument(id(2), guild, channelA, 7, "y", List.of(), Has.LINK.bit(), false),
                new SearchDocument(id(3), guild, channelA, 7, "z", List.of(), Has.VIDEO.bit() | Has.FILE.bit(), false),
                doc(4, channelA, 7, "plain"));
        Q has = query();
        has.has = Has.LINK.bit();
        assertEquals(Set.of(id(1), id(2)), has.idSet());
        has.has = Has.LINK.bit() | Has.IMAGE.bit();
        assertEquals(Set.of(id(1)), has.idSet());
        has.has = Has.FILE.bit();
        assertEquals(Set.of(id(1), id(3)), has.idSet());
        has.has = Has.EMBED.bit();
        assertEquals(Set.of(), has.idSet());
    }

    @Test
    void pinnedFilterFollowsPinChanges() {
        put(doc(1, channelA, 7, "a"), doc(2, channelA, 7, "b"));
        write(List.of(new IndexChange.Pin(id(1), true), new IndexChange.Pin(id(2), true),
                new IndexChange.Pin(id(2), false)));
        Q pinned = query();
        pinned.pinned = true;
        assertEquals(List.of(id(1)), pinned.ids());
        pinned.pinned = false;
        assertEquals(List.of(id(2)), pinned.ids());
    }

    @Test
    void minAndMaxIdAreExclusiveBoundsAlsoWithinOneMillisecond() {
        long sameMs = id(2) + 1;
        put(doc(1, channelA, 7, "m"), doc(2, channelA, 7, "m"),
                new SearchDocument(sameMs, guild, channelA, 7, "m", List.of(), 0, false), doc(3, channelA, 7, "m"));
        Q range = query();
        range.minId = id(1);
        range.maxId = id(3);
        assertEquals(List.of(sameMs, id(2)), range.ids());
        range.minId = id(2);
        assertEquals(List.of(sameMs), range.ids());
    }

    @Test
    void timeOrderPagesWithOffsetAndLimitAndCountsEveryMatch() {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(doc(i, i % 2 == 0 ? channelA : channelB, 7, "page word " + i));
        }
        put(docs.toArray(SearchDocument[]::new));
        Q page = query().content("word");
        page.offset = 10;
        page.limit = 10;
        SearchHits hits = page.run();
        assertEquals(30, hits.total());
        List<Long> expected = new ArrayList<>();
        for (int i = 19; i >= 10; i--) {
            expected.add(id(i));
        }
        assertEquals(expected, hits.messageIds());
        page.ascending = true;
        page.offset = 25;
        assertEquals(List.of(id(25), id(26), id(27), id(28), id(29)), page.ids());
    }

    @Test
    void relevanceOrderFindsTheSameMessages() {
        put(doc(1, channelA, 7, "cat cat cat"), doc(2, channelA, 7, "cat dog"), doc(3, channelA, 7, "dog"));
        Q relevance = query().content("cat");
        relevance.relevance = true;
        SearchHits hits = relevance.run();
        assertEquals(2, hits.total());
        assertEquals(Set.of(id(1), id(2)), Set.copyOf(hits.messageIds()));
    }

    @Test
    void anEditReplacesTheWordsAndLinkButKeepsAttachmentKinds() {
        int kinds = Has.LINK.bit() | Has.FILE.bit() | Has.IMAGE.bit();
        put(new SearchDocument(id(1), guild, channelA, 7, "see https://example.com", List.of(), kinds, false));
        write(List.of(new IndexChange.Edit(id(1), "rewritten text", 0)));
        assertEquals(List.of(), query().content("example").ids());
        assertEquals(List.of(id(1)), query().content("rewritten").ids());
        Q link = query();
        link.has = Has.LINK.bit();
        assertEquals(List.of(), link.ids());
        link.has = Has.IMAGE.bit();
        assertEquals(List.of(id(1)), link.ids());
    }

    @Test
    void deletionsByMessageChannelGuildAndBannedAuthorRemoveTheirDocuments() {
        put(doc(1, channelA, 7, "x"), doc(2, channelA, 7, "x"), doc(3, channelB, 8, "x"), doc(4, channelB, 9, "x"),
                doc(5, channelB, 9, "x"));
        write(List.of(new IndexChange.Delete(id(1))));
        assertEquals(Set.of(id(2), id(3), id(4), id(5)), query().idSet());
        write(List.of(new IndexChange.DeleteAuthorSince(guild, 9, id(5))));
        assertEquals(Set.of(id(2), id(3), id(4)), query().idSet());
        write(List.of(new IndexChange.DeleteChannel(channelA)));
        assertEquals(Set.of(id(3), id(4)), query().idSet());
        write(List.of(new IndexChange.DeleteGuild(guild)));
        assertEquals(Set.of(), query().idSet());
    }

    @Test
    void applyingTheSameChangesAgainChangesNothing() {
        List<IndexChange> changes = List.of(new IndexChange.Put(doc(1, channelA, 7, "again")),
                new IndexChange.Put(doc(2, channelA, 7, "again")), new IndexChange.Edit(id(1), "again edited", 0),
                new IndexChange.Delete(id(2)));
        write(changes);
        write(changes);
        SearchHits hits = query().content("again").run();
        assertEquals(1, hits.total());
        assertEquals(List.of(id(1)), hits.messageIds());
        assertEquals(List.of(id(1)), query().content("edited").ids());
    }
}
