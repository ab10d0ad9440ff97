package io.parley.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One Parley for every black-box test class of the run (started on first use, stopped when
 * the run ends), injected as a {@link TestParley} parameter. After each class it fails the
 * class if any event loop was reported blocked.
 */
public final class SharedParley implements ParameterResolver, AfterAllCallback {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestParley.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedParley.class, key -> {
                    try {
                        return TestParley.start(Files.createTempDirectory("parley-test-"), Map.of());
                    } catch (Exception e) {
                        throw new IllegalStateException("the test server did not start", e);
                    }
                }, TestParley.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        assertEquals(java.util.List.of(), BlockedThreadRecorder.warnings(), "an event loop was blocked");
    }
}
