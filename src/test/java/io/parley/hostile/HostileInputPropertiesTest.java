package io.parley.hostile;

import io.parley.hostile.HostileTargets.Shot;
import io.parley.hostile.HostileTargets.Target;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #16's bar: hostile strings (jqwik-generated, seeded) into every string field of every
 * write route, by several workers at once against the shared server. Every answer is below 500;
 * every 4xx is a JSON error with a stable code; every 2xx reads back equal; and the search index
 * keeps up (a plain message sent afterwards is found). {@code -Dhostile.requests=N} (default
 * 5000) and {@code -Dhostile.seconds=S} (default 120) bound a run, by {@code -Dhostile.workers=W} (12) workers; {@code -Dhostile.seed=} repeats one.
 */
@ExtendWith(SharedParley.class)
class HostileInputPropertiesTest {
    private static final Pattern STABLE_CODE = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final int WORKERS = Integer.getInteger("hostile.workers", 12);
    private static final int REQUESTS = Integer.getInteger("hostile.requests", 5000);
    private static final long SECONDS = Long.getLong("hostile.seconds", 120);
    private static final int KEPT_FAILURES = 25;

    @Test
    void noHostileStringGetsA5xxOrIsStoredOtherwiseThanSent(TestParley parley) throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        List<Target> targets = HostileTargets.all();
        int totalWeight = targets.stream().mapToInt(Target::weight).sum();
        AtomicInteger hostile = new AtomicInteger();
        AtomicInteger readBacks = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, LongAdder[]> perTarget = new ConcurrentHashMap<>();
        long deadline = System.currentTimeMillis() + SECONDS * 1000;
        long started = System.currentTimeMillis();

        List<HostileWorld> worlds = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            worlds.add(new HostileWorld(new ApiClient(parley.client().base())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                HostileWorld world = worlds.get(i);
                long workerSeed = seed + i;
                running.add(pool.submit(() -> {
                    HostileStrings strings = new HostileStrings(workerSeed);
                    while (hostile.get() < REQUESTS && System.currentTimeMillis() < deadline
                            && failures.size() < KEPT_FAILURES) {
                        Target target = pick(targets, strings.nextInt(totalWeight));
                        String value = strings.next();
                        hostile.incrementAndGet();
                        LongAdder[] counts = perTarget.computeIfAbsent(target.name(),
                                n -> new LongAdder[]{new LongAdder(), new LongAdder()});
                        counts[0].increment();
                        String problem = check(target, world, value, readBacks, accepted, counts[1], serverErrors);
                        if (problem != null) {
                            failures.add(target.name() + " with " + HostileStrings.json(abbreviated(value)) + ": " + problem);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = (System.currentTimeMillis() - started) / 1000;
        System.out.printf("HostileInputPropertiesTest: seed=%d hostile requests=%d (+%d read-backs) in %d s, %d accepted,"
                + " %d answers >= 500%n", seed, hostile.get(), readBacks.get(), seconds, accepted.get(), serverErrors.get());
        System.out.println("HostileInputPropertiesTest: per target (requests/accepted): " + new TreeMap<>(perTarget).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()[0].sum() + "/" + e.getValue()[1].sum()).toList());
        assertEquals(List.of(), List.copyOf(failures), "seed " + seed + " (-Dhostile.seed=" + seed + " repeats it)");
        if (hostile.get() >= 2000) {
            assertEquals(targets.size(), perTarget.size(), "every target was hit: " + perTarget.keySet());
        }
        searchStillKeepsUp(worlds.get(0));
    }

    private static String check(Target target, HostileWorld world, String value, AtomicInteger readBacks,
                                AtomicInteger accepted, LongAdder acceptedHere, AtomicInteger serverErrors) {
        Shot shot;
        try {
            shot = target.hit().apply(world, value);
        } catch (RuntimeException e) {
            return "no reply: " + e;
        }
        Reply reply = shot.reply();
        if (reply.status() >= 500) {
            serverErrors.incrementAndGet();
            return reply.status() + " " + reply.body();
        }
        if (reply.status() >= 400) {
            return errorBodyProblem(reply);
        }
        accepted.incrementAndGet();
        acceptedHere.increment();
        readBacks.incrementAndGet();
        try {
            return shot.readBack().apply(reply);
        } catch (RuntimeException e) {
            return "accepted (" + reply.status() + ") but the read-back failed: " + e;
        }
    }

    private static String errorBodyProblem(Reply reply) {
        try {
            JsonObject body = reply.json();
            String code = body.getString("code");
            if (code == null || !STABLE_CODE.matcher(code).matches()) {
                return reply.status() + " without a stable code: " + reply.body();
            }
            if (code.equals("INVALID_FORM_BODY") && body.getJsonArray("errors", new io.vertx.core.json.JsonArray()).isEmpty()) {
                return "INVALID_FORM_BODY naming no field: " + reply.body();
            }
            return null;
        } catch (RuntimeException e) {
            return reply.status() + " with a body that is not a JSON error: " + abbreviated(reply.body());
        }
    }

    private static void searchStillKeepsUp(HostileWorld world) {
        String word = "afterhostile" + System.nanoTime();
        Reply sent = world.api.post(API + "/channels/" + world.channelId + "/messages",
                new JsonObject().put("content", word), world.owner.token());
        assertEquals(200, sent.status(), sent.body());
        JsonObject found = world.api.eventually(API + "/guilds/" + world.guildId + "/messages/search?content=" + word,
                world.owner.token(), r -> r.getInteger("total_results", 0) == 1);
        assertTrue(found.getJsonArray("messages").encode().contains(sent.json().getString("id")));
    }

    private static Target pick(List<Target> targets, int roll) {
        for (Target target : targets) {
            roll -= target.weight();
            if (roll < 0) {
                return target;
            }
        }
        return targets.get(targets.size() - 1);
    }

    private static String abbreviated(String value) {
        return value.length() <= 120 ? value : value.substring(0, 120) + "…(" + value.length() + " chars)";
    }
}
