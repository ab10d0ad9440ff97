package io.parley.message;

import io.parley.guild.GuildContext;
import io.parley.http.JsonInput;
import io.parley.http.MultipartBody;
import io.parley.http.MultipartBody.FilePart;
import io.parley.media.MediaStore;
import io.parley.media.MediaTypes;
import io.parley.permission.Permission;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a message being sent. A JSON send has none. A multipart send is read only once
 * the sender may send and attach files in the channel; its {@code files[n]} parts are matched to
 * the entries of {@code payload_json.attachments}, their names checked, and they are copied into
 * the media store only when the message is about to be posted.
 */
final class AttachmentUpload {
    private static final Pattern FILE_PART = Pattern.compile("files\\[(\\d{1,4})]");
    private static final int MAX_DESCRIPTION = 1024;
    private static final OpenOptions READ = new OpenOptions().setRead(true).setWrite(false).setCreate(false);

    private final GuildContext g;
    private final JsonInput payload;
    private final List<FilePart> files;
    private final Map<Long, String> sources = new HashMap<>();

    private record Entry(String filename, String description) {
    }

    private AttachmentUpload(GuildContext g, JsonInput payload, List<FilePart> files) {
        this.g = g;
        this.payload = payload;
        this.files = files;
    }

    static Future<AttachmentUpload> receive(RoutingContext ctx, GuildContext g, long channelId, long userId) {
        if (!MultipartBody.isMultipart(ctx.request())) {
            return Future.succeededFuture(new AttachmentUpload(g, JsonInput.of(ctx), List.of()));
        }
        return g.access().channel(channelId, userId).compose(access -> {
            access.require(Permission.SEND_MESSAGES, Permission.ATTACH_FILES);
            return receiveAllowed(ctx, g);
        });
    }

    /** Like {@link #receive} for a sender already allowed to attach files (a webhook whose token was checked). */
    static Future<AttachmentUpload> receiveAllowed(RoutingContext ctx, GuildContext g) {
        if (!MultipartBody.isMultipart(ctx.request())) {
            return Future.succeededFuture(new AttachmentUpload(g, JsonInput.of(ctx), List.of()));
        }
        ParleyConfig config = g.services().config();
        MultipartBody.Limits limits = new MultipartBody.Limits(config.limits().attachmentsPerMessage(),
                config.limits().attachmentBytes(), config.uploadBodyLimitBytes());
        return MultipartBody.read(ctx, config.uploadsDir(), limits).map(body -> {
            String json = body.field("payload_json");
            return new AttachmentUpload(g, JsonInput.of(json == null ? null : Buffer.buffer(json)), body.files());
        });
    }

    /** The message fields: the JSON body, or {@code payload_json} of a multipart one. */
    JsonInput payload() {
        return payload;
    }

    /** One attachment per file part, in the order sent; problems are recorded on {@code input}. */
    List<Attachment> attachments(JsonInput input, long channelId) {
        Map<Integer, FilePart> byIndex = new LinkedHashMap<>();
        for (FilePart file : files) {
            Matcher m = FILE_PART.matcher(file.name());
            if (!m.matches()) {
                input.error(file.name(), "Files are sent as files[n]");
            } else if (byIndex.putIfAbsent(Integer.parseInt(m.group(1)), file) != null) {
                input.error(file.name(), "Sent more than once");
            }
        }
        Map<Integer, Entry> entries = entries(input, byIndex);
        List<Attachment> attachments = new ArrayList<>();
        byIndex.forEach((index, file) -> {
            Entry entry = entries.get(index);
            String filename = entry == null ? null : entry.filename();
            if (filename == null) {
                filename = file.filename();
                String problem = AttachmentNames.problem(filename);
                if (problem != null) {
                    input.error(file.name(), problem);
                }
            }
            long id = g.services().snowflakes().next();
            attachments.add(new Attachment(id, filename, entry == null ? null : entry.description(),
                    MediaTypes.forFilename(filename), file.size(), AttachmentRoutes.url(channelId, id, filename)));
            sources.put(id, file.path());
        });
        return attachments;
    }

    private Map<Integer, Entry> entries(JsonInput input, Map<Integer, FilePart> byIndex) {
        Map<Integer, Entry> entries = new HashMap<>();
        JsonArray list = input.array("attachments");
        int max = g.services().config().limits().attachmentsPerMessage();
        if (list == null) {
            return entries;
        }
        if (list.size() > max) {
            input.error("attachments", "At most " + max + " attachments per message");
            return entries;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonInput entry = input.element("attachments." + i, list.getValue(i));
            Integer index = partIndex(entry);
            String filename = entry.optionalString("filename", 0, Integer.MAX_VALUE);
            String description = entry.optionalText("description", 0, MAX_DESCRIPTION);
            String problem = filename == null ? null : AttachmentNames.problem(filename);
            if (problem != null) {
                entry.error("filename", problem);
            }
            if (index == null) {
                continue;
            }
            if (!byIndex.containsKey(index)) {
                entry.error("id", "No files[" + index + "] part was sent");
            } else if (entries.putIfAbsent(index, new Entry(filename, description)) != null) {
                entry.error("id", "Another entry already describes files[" + index + "]");
            }
        }
        return entries;
    }

    /** {@code id} is the n of a {@code files[n]} part, as a number or a string. */
    private static Integer partIndex(JsonInput entry) {
        Object raw = entry.raw("id");
        String text = raw instanceof Number || raw instanceof String ? raw.toString() : "";
        if (text.matches("\\d{1,4}")) {
            return Integer.parseInt(text);
        }
        entry.error("id", "Must be the n of a files[n] part");
        return null;
    }

    /** Copies the files into the media store, then runs {@code post}; if anything fails the copies are removed. */
    <T> Future<T> keep(long channelId, List<Attachment> attachments, Supplier<Future<T>> post) {
        if (attachments.isEmpty()) {
            return post.get();
        }
        MediaStore media = g.services().media();
        List<String> keys = attachments.stream().map(a -> AttachmentRoutes.mediaKey(channelId, a.id())).toList();
        Future<Void> stored = Future.succeededFuture();
        for (int i = 0; i < attachments.size(); i++) {
            String source = sources.get(attachments.get(i).id());
            String key = keys.get(i);
            stored = stored.compose(v -> g.services().vertx().fileSystem().open(source, READ)
                    .compose(file -> media.put(key, file).eventually(file::close)));
        }
        return stored.compose(v -> post.get()).recover(failure -> Future.join(keys.stream().map(media::delete).toList())
                .transform(ignored -> Future.failedFuture(failure)));
    }
}
