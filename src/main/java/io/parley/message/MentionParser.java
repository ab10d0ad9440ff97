package io.parley.message;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mentions written in content ({@code <@id>}, {@code <@!id>}, {@code <@&role>}, {@code @everyone},
 * {@code @here}) filtered by {@code allowed_mentions} as Discord applies it.
 */
final class MentionParser {
    private static final Pattern USER = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d{1,20})>");
    private static final Pattern EVERYONE = Pattern.compile("@(everyone|here)\\b");

    private MentionParser() {
    }

    /** Candidate mentions; the caller drops ids that are not real users or roles of the guild. */
    static Mentions parse(String content, JsonObject allowed, Long repliedUserId, boolean mayMentionEveryone) {
        Set<Long> users = ids(USER, content);
        Set<Long> roles = ids(ROLE, content);
        boolean everyone = EVERYONE.matcher(content).find();
        if (allowed != null) {
            JsonArray parse = allowed.getJsonArray("parse", new JsonArray());
            JsonArray allowedUsers = allowed.getJsonArray("users", new JsonArray());
            JsonArray allowedRoles = allowed.getJsonArray("roles", new JsonArray());
            if (!parse.contains("users")) {
                users.removeIf(id -> !allowedUsers.contains(Long.toString(id)));
            }
            if (!parse.contains("roles")) {
                roles.removeIf(id -> !allowedRoles.contains(Long.toString(id)));
            }
            everyone &= parse.contains("everyone");
        }
        boolean pingReplied = allowed == null || allowed.getBoolean("replied_user", false);
        if (repliedUserId != null && pingReplied) {
            users.add(repliedUserId);
        }
        return new Mentions(List.copyOf(users), List.copyOf(roles), everyone && mayMentionEveryone);
    }

    private static Set<Long> ids(Pattern pattern, String content) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher m = pattern.matcher(content);
        while (m.find()) {
            try {
                ids.add(Long.parseLong(m.group(1)));
            } catch (NumberFormatException ignored) {
                // a number too large for a snowflake mentions nobody
            }
        }
        return ids;
    }
}
