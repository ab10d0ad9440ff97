package io.parley.http;

import io.parley.platform.axon.AuditReasons;
import io.parley.platform.error.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads Discord's {@code X-Audit-Log-Reason} (URL-encoded, at most 512 characters) into the request's context. */
public final class AuditReasonHeader {
    static final String NAME = "X-Audit-Log-Reason";
    static final int MAX_LENGTH = 512;

    private AuditReasonHeader() {
    }

    public static void read(RoutingContext ctx) {
        String raw = ctx.request().getHeader(NAME);
        if (raw != null && !raw.isBlank()) {
            String reason = decoded(raw);
            if (reason.length() > MAX_LENGTH) {
                throw ApiException.invalid(NAME, "Must be at most " + MAX_LENGTH + " characters long");
            }
            AuditReasons.set(ctx.vertx().getOrCreateContext(), reason);
        }
        ctx.next();
    }

    /** Percent-decoded; a literal {@code +} stays a plus, and a malformed escape leaves the header as sent. */
    static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
