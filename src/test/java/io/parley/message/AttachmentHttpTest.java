package io.parley.message;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.FormData;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sending files with a message and fetching them back, as a client and a browser see it. */
@ExtendWith(SharedParley.class)
class AttachmentHttpTest {
    private static final String PASSWORD = "correct horse battery";
    private static final long ATTACH_FILES = 1L << 15;

    private TestParley parley;
    private ApiClient api;
    private Account owner;
    private Guild guild;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        owner = api.register(PASSWORD);
        guild = Guilds.create(api, owner, "Attachments");
    }

    @Test
    void anUploadedFileDownloadsByteForByteWithCdnHeaders() throws Exception {
        byte[] photo = randomBytes(300_000);
        JsonObject payload = new JsonObject().put("content", "x".repeat(2000)).put("attachments", new JsonArray()
                .add(new JsonObject().put("id", 0).put("filename", "holiday photo é.png")
                        .put("description", "d".repeat(1000))));
        Reply sent = api.postForm(messages(), new FormData().field("payload_json", payload.encode())
                .file("files[0]", "IMG_0001.bin", "application/octet-stream", photo), owner.token());
        assertEquals(200, sent.status(), sent.body());

        JsonObject attachment = sent.json().getJsonArray("attachments").getJsonObject(0);
        assertEquals("holiday photo é.png", attachment.getString("filename"), "the payload_json name wins");
        assertEquals("d".repeat(1000), attachment.getString("description"));
        assertEquals("image/png", attachment.getString("content_type"));
        assertEquals(300_000, attachment.getLong("size"));
        String url = attachment.getString("url");
        assertEquals("/attachments/" + guild.generalChannelId() + "/" + attachment.getString("id")
                + "/holiday%20photo%20%C3%A9.png", url);
        JsonObject fetched = api.get(messages() + "/" + sent.json().getString("id"), owner.token()).json();
        assertEquals(new JsonArray().add(attachment), fetched.getJsonArray("attachments"));

        HttpResponse<byte[]> file = api.download(url);
        assertEquals(200, file.statusCode());
        assertArrayEquals(photo, file.body());
        assertEquals("image/png", header(file, "Content-Type"));
        assertEquals("300000", header(file, "Content-Length"));
        assertEquals("public, max-age=31536000, immutable", header(file, "Cache-Control"));
        assertEquals("nosniff", header(file, "X-Content-Type-Options"));
        assertTrue(header(file, "Content-Disposition").startsWith("inline"), header(file, "Content-Disposition"));
        assertNull(header(file, "Content-Encoding"), "sent as stored");
        assertUploadsCleanedUp();
    }

    @Test
    void aMessageMayBeJustAttachments() {
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        Reply sent = api.postForm(messages(), new FormData().file("files[0]", "café notes.txt", "text/plain", hello),
                owner.token());
        assertEquals(200, sent.status(), sent.body());
        assertEquals("", sent.json().getString("content"));
        JsonObject attachment = sent.json().getJsonArray("attachments").getJsonObject(0);
        assertEquals("café notes.txt", attachment.getString("filename"), "without an entry, the part's name");
        assertNull(attachment.getString("description"));
        HttpResponse<byte[]> file = api.download(attachment.getString("url"));
        assertEquals("hello", new String(file.body(), StandardCharsets.UTF_8));
        assertEquals("text/plain; charset=utf-8", header(file, "Content-Type"));

        Reply empty = api.postForm(messages(), new FormData().field("payload_json", "{}"), owner.token());
        assertEquals(400, empty.status());
        assertEquals("CANNOT_SEND_EMPTY_MESSAGE", empty.errorCode());
    }

    @Test
    void moreFilesThanTheLimitAreRefused() {
        long stored = storedFiles();
        FormData form = new FormData().field("payload_json", new JsonObject().put("content", "many").encode());
        for (int i = 0; i <= 10; i++) {
            form.file("files[" + i + "]", "f" + i + ".txt", "text/plain", randomBytes(100));
        }
        Reply reply = api.postForm(messages(), form, owner.token());
        assertEquals(400, reply.status(), reply.body());
        assertEquals("INVALID_FORM_BODY", reply.errorCode());
        assertEquals("files", reply.json().getJsonArray("errors").getJsonObject(0).getString("path"));
        assertEquals(stored, storedFiles());
        assertEquals(0, history().size());
    }

    @Test
    void anOversizeFileIsPayloadTooLarge(@TempDir Path dir) throws Exception {
        try (TestParley small = TestParley.start(dir, Map.of("limits.attachment_bytes", "1024"))) {
            ApiClient client = small.client();
            Account sender = client.register(PASSWORD);
            String channel = Guilds.create(client, sender, "Small files").generalChannelId();
            String path = API + "/channels/" + channel + "/messages";

            Reply tooBig = client.postForm(path, new FormData()
                    .file("files[0]", "big.bin", "application/octet-stream", randomBytes(1025)), sender.token());
            assertEquals(413, tooBig.status(), tooBig.body());
            assertEquals("PAYLOAD_TOO_LARGE", tooBig.errorCode());
            Reply fits = client.postForm(path, new FormData()
                    .file("files[0]", "fits.bin", "application/octet-stream", randomBytes(1024)), sender.token());
            assertEquals(200, fits.status(), fits.body());
            assertEquals(1, client.get(path, sender.token()).jsonArray().size());
        }
    }

    @Test
    void unsafeFileNamesAreRefusedAndNothingIsStored() {
        long stored = storedFiles();
        List<String> names = List.of("../../etc/passwd", "a/b.png", "a\\b.png", "..", "", "a\u0000b.png",
                "tab\there.png", "é".repeat(148) + ".png");
        for (String name : names) {
            JsonObject payload = new JsonObject().put("attachments", new JsonArray()
                    .add(new JsonObject().put("id", "0").put("filename", name)));
            Reply reply = api.postForm(messages(), new FormData().field("payload_json", payload.encode())
                    .file("files[0]", "fine.png", "image/png", randomBytes(10)), owner.token());
            assertRefused(reply, "attachments.0.filename", name);
        }
        for (String name : List.of("../../etc/passwd", "a/b.png", "a\\b.png", "a".repeat(296) + ".png")) {
            Reply reply = api.postForm(messages(), new FormData()
                    .file("files[0]", name, "image/png", randomBytes(10)), owner.token());
            assertRefused(reply, "files[0]", name);
        }
        assertEquals(stored, storedFiles());
        assertEquals(0, history().size());
    }

    @Test
    void htmlSvgAndScriptAreOnlyEverDownloads() {
        for (String name : List.of("page.html", "drawing.svg", "app.js", "no-extension")) {
            Reply sent = api.postForm(messages(), new FormData()
                    .file("files[0]", name, "image/png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                    owner.token());
            assertEquals(200, sent.status(), sent.body());
            HttpResponse<byte[]> file = api.download(sent.json().getJsonArray("attachments").getJsonObject(0)
                    .getString("url"));
            assertEquals(200, file.statusCode());
            assertTrue(header(file, "Content-Disposition").startsWith("attachment;"), name);
            assertEquals("nosniff", header(file, "X-Content-Type-Options"));
            assertTrue(!header(file, "Content-Type").startsWith("image/png"), "the client's part type is not trusted");
        }
    }

    @Test
    void attachingNeedsAttachFiles() {
        Account member = api.register(PASSWORD);
        Guilds.join(api, member, guild, owner);
        assertEquals(204, api.put(API + "/channels/" + guild.generalChannelId() + "/permissions/" + guild.id(),
                new JsonObject().put("type", 0).put("allow", "0").put("deny", Long.toString(ATTACH_FILES)),
                owner.token()).status());
        long stored = storedFiles();

        Reply refused = api.postForm(messages(), new FormData()
                .file("files[0]", "cat.png", "image/png", randomBytes(5000)), member.token());
        assertEquals(403, refused.status(), refused.body());
        assertEquals("MISSING_PERMISSIONS", refused.errorCode());
        assertEquals(stored, storedFiles());
        assertEquals(200, api.post(messages(), new JsonObject().put("content", "words still work"), member.token())
                .status(), "the same connection serves the next request");
    }

    @Test
    void unknownFilesAreJsonNotFound() {
        Reply sent = api.postForm(messages(), new FormData()
                .file("files[0]", "real.png", "image/png", randomBytes(10)), owner.token());
        String url = sent.json().getJsonArray("attachments").getJsonObject(0).getString("url");
        for (String path : List.of("/attachments/1/2/nothing.png", "/attachments/x/y/z.png",
                url.substring(0, url.lastIndexOf('/') + 1) + "other.png")) {
            HttpResponse<byte[]> file = api.download(path);
            assertEquals(404, file.statusCode(), path);
            assertEquals("application/json", header(file, "Content-Type"));
            JsonObject error = new JsonObject(new String(file.body(), StandardCharsets.UTF_8));
            assertEquals("NOT_FOUND", error.getString("code"));
        }
    }

    @Test
    void jsonSendsKeepTheJsonBodyLimit() {
        String big = new JsonObject().put("content", "hi").put("padding", "x".repeat(2 * 1024 * 1024)).encode();
        Reply reply = api.post(messages(), big, owner.token());
        assertEquals(413, reply.status());
        assertEquals("PAYLOAD_TOO_LARGE", reply.errorCode());
    }

    private void assertRefused(Reply reply, String path, String name) {
        assertEquals(400, reply.status(), name + ": " + reply.body());
        assertEquals("INVALID_FORM_BODY", reply.errorCode(), name);
        assertEquals(path, reply.json().getJsonArray("errors").getJsonObject(0).getString("path"), name);
    }

    private String messages() {
        return API + "/channels/" + guild.generalChannelId() + "/messages";
    }

    private JsonArray history() {
        return api.get(messages(), owner.token()).jsonArray();
    }

    private long storedFiles() {
        Path root = parley.dataDir().resolve("attachments");
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertUploadsCleanedUp() throws Exception {
        Path uploads = parley.dataDir().resolve("uploads");
        for (int i = 0; i < 50; i++) {
            try (Stream<Path> files = Files.list(uploads)) {
                if (files.findAny().isEmpty()) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("temporary uploads were not deleted");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
