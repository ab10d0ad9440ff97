package io.parley.search;

import io.parley.guild.GuildEvents.ChannelDeleted;
import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.member.MemberEvents.UserBanned;
import io.parley.message.Attachment;
import io.parley.message.MessageEvents.MessageDeleted;
import io.parley.message.MessageEvents.MessageEdited;
import io.parley.message.MessageEvents.MessagePosted;
import io.parley.message.MessageEvents.PinChanged;
import io.parley.platform.axon.HandlerRetries;
import io.parley.platform.id.Snowflakes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Feeds the search index from events, in its own tracking processor. The changes of one
 * processor batch are written together just before the batch commits; a failed write rolls the
 * batch back and the processor retries it, so nothing is skipped and replays are harmless.
 */
@ProcessingGroup(SearchIndexer.GROUP)
public final class SearchIndexer {
    public static final String GROUP = "search";
    private static final String BATCH = SearchIndexer.class.getName() + ".batch";
    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://\\S+");

    private final SearchIndex index;
    private final HandlerRetries retries;

    public SearchIndexer(SearchIndex index, HandlerRetries retries) {
        this.index = index;
        this.retries = retries;
    }

    @EventHandler
    void on(MessagePosted e) {
        if (e.guildId() == null) {
            return;
        }
        int has = textHas(e.content(), e.embedsJson());
        for (Attachment a : e.attachments()) {
            has |= Has.FILE.bit();
            String type = a.contentType() == null ? "" : a.contentType();
            if (type.startsWith("image/")) {
                has |= Has.IMAGE.bit();
            } else if (type.startsWith("video/")) {
                has |= Has.VIDEO.bit();
            }
        }
        if (!e.stickers().isEmpty()) {
            has |= Has.STICKER.bit();
        }
        add(new IndexChange.Put(new SearchDocument(e.messageId(), e.guildId(), e.channelId(), e.authorId(),
                e.content() == null ? "" : e.content(), e.mentions().users(), has, false)));
    }

    @EventHandler
    void on(MessageEdited e) {
        if (e.guildId() != null) {
            add(new IndexChange.Edit(e.messageId(), e.content() == null ? "" : e.content(),
                    textHas(e.content(), e.embedsJson())));
        }
    }

    @EventHandler
    void on(MessageDeleted e) {
        if (e.guildId() != null) {
            add(new IndexChange.Delete(e.messageId()));
        }
    }

    @EventHandler
    void on(PinChanged e) {
        if (e.guildId() != null) {
            add(new IndexChange.Pin(e.messageId(), e.pinned()));
        }
    }

    @EventHandler
    void on(ChannelDeleted e) {
        add(new IndexChange.DeleteChannel(e.channelId()));
    }

    @EventHandler
    void on(GuildDeleted e) {
        add(new IndexChange.DeleteGuild(e.guildId()));
    }

    /** The ban clean-up deletes each message through its aggregate too; this hides them from search at once. */
    @EventHandler
    void on(UserBanned e) {
        if (e.deleteMessageSeconds() > 0) {
            add(new IndexChange.DeleteAuthorSince(e.guildId(), e.userId(),
                    Snowflakes.lowestAt(e.at().minusSeconds(e.deleteMessageSeconds()))));
        }
    }

    @ResetHandler
    void reset() {
        index.clear();
    }

    private static int textHas(String content, String embedsJson) {
        int has = 0;
        if (content != null && LINK.matcher(content).find()) {
            has |= Has.LINK.bit();
        }
        if (embedsJson != null && !embedsJson.isBlank() && !embedsJson.replaceAll("\\s", "").equals("[]")) {
            has |= Has.EMBED.bit();
        }
        return has;
    }

    /**
     * Deferred to the batch's commit; if that write fails, every event of the batch is handled
     * again one by one (a savepointed retry writes at once), so the one the index refuses is
     * retried and dead-lettered alone while the rest are indexed.
     */
    private void add(IndexChange change) {
        if (HandlerRetries.retrying()) {
            index.write(List.of(change));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch created = new Batch();
            unitOfWork.onPrepareCommit(u -> created.write());
            return created;
        });
        batch.changes.add(change);
        batch.eventIds.add(CurrentUnitOfWork.get().getMessage().getIdentifier());
    }

    private final class Batch {
        final List<IndexChange> changes = new ArrayList<>();
        final List<String> eventIds = new ArrayList<>();

        void write() {
            try {
                index.write(changes);
            } catch (RuntimeException e) {
                eventIds.forEach(id -> retries.expectFailure(GROUP, id));
                throw e;
            }
        }
    }
}
