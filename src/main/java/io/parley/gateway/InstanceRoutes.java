package io.parley.gateway;

import io.parley.http.ApiServices;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;

/**
 * The instance discovery document a Fluxer client reads first ({@code GET /instance} under the API
 * bases, {@code GET /.well-known/fluxer} at the root): where the API, gateway and media live and
 * which features this server has. Unauthenticated. The HTTP origin follows gateway.public_url when
 * set (ws becomes http, wss https), else the request's own host.
 */
public final class InstanceRoutes implements RouteModule {
    /** Mounted under the API bases. */
    public static final String INSTANCE = "/instance";
    /** Mounted at the root, where Fluxer's newer clients look. */
    public static final String WELL_KNOWN = "/.well-known/fluxer";
    private static final int API_CODE_VERSION = 1;

    private final ApiServices services;
    private final String path;

    public InstanceRoutes(ApiServices services, String path) {
        this.services = services;
        this.path = path;
    }

    @Override
    public void mount(Router router) {
        router.get(path).handler(ctx -> Replies.json(ctx, 200, document(ctx)));
    }

    private JsonObject document(RoutingContext ctx) {
        ParleyConfig config = services.config();
        String gateway = GatewayRoutes.url(config.gateway(), ctx);
        String origin = origin(gateway);
        String api = origin + "/api";
        return new JsonObject()
                .put("api_code_version", API_CODE_VERSION)
                .put("endpoints", new JsonObject()
                        .put("api", api).put("api_client", api).put("api_public", api)
                        .put("gateway", gateway)
                        .put("media", origin).put("static_cdn", origin)
                        .put("marketing", origin).put("admin", origin)
                        .put("invite", origin + "/invite").put("gift", origin + "/gift")
                        .put("webapp", origin))
                .put("captcha", new JsonObject().put("provider", "none").putNull("hcaptcha_site_key")
                        .putNull("turnstile_site_key"))
                .put("features", new JsonObject()
                        .put("sms_mfa_enabled", false)
                        .put("voice_enabled", !config.voice().livekitUrl().isBlank())
                        .put("stripe_enabled", false)
                        .put("self_hosted", true)
                        .put("presigned_attachment_uploads", false)
                        .put("manual_review_enabled", false)
                        .put("emails_enabled", false))
                .put("gif", new JsonObject().put("provider", "none").put("display_name", "None")
                        .put("attribution_required", false))
                .put("sso", new JsonObject().put("enabled", false).put("enforced", false).putNull("display_name")
                        .put("redirect_uri", origin + "/sso"))
                .put("registration", new JsonObject().put("mode", "open")
                        .put("admin_registration_urls_enabled", false))
                .put("community", new JsonObject().put("single_community", false)
                        .putNull("single_community_guild_id").put("direct_messages_disabled", false))
                .put("services", new JsonObject().put("gif_enabled", false).put("youtube_enabled", false)
                        .put("bluesky_enabled", false))
                .put("limits", new JsonObject().put("version", 2).put("trait_definitions", new JsonArray())
                        .put("defaults_hash", "parley")
                        .put("rules", new JsonArray().add(new JsonObject().put("id", "default")
                                .put("overrides", new JsonObject()))))
                .put("push", new JsonObject().putNull("public_vapid_key"))
                .put("app_public", new JsonObject());
    }

    /** http(s)://host[:port] of a ws(s):// gateway URL. */
    static String origin(String gatewayUrl) {
        URI uri = URI.create(gatewayUrl);
        String scheme = "wss".equalsIgnoreCase(uri.getScheme()) ? "https" : "http";
        return scheme + "://" + uri.getRawAuthority();
    }
}
