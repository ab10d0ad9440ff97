package io.parley.account;

import io.parley.http.JsonInput;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/** Shapes of account fields, shared by registration and profile edits. */
public final class AccountRules {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.]{2,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountRules() {
    }

    static String username(JsonInput input, boolean required) {
        String value = required ? input.requiredString("username", 2, 32) : input.optionalString("username", 2, 32);
        return input.matching("username", value, USERNAME, "Only letters, digits, '_' and '.' are allowed");
    }

    static String email(JsonInput input) {
        String value = input.requiredString("email", 3, 254);
        return input.matching("email", value, EMAIL, "Not a valid email address");
    }

    /** Registration's checks, for accounts made from the command line; throws the same 400 error. */
    public static void checkRegistration(String username, String email) {
        JsonInput input = JsonInput.of(Buffer.buffer(
                new JsonObject().put("username", username).put("email", email).encode()));
        username(input, true);
        email(input);
        input.done();
    }
}
