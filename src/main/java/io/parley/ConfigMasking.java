package io.parley;

import java.util.regex.Pattern;

/** Hides secrets when configuration is printed: passwords, tokens, keys, and passwords inside URLs. */
final class ConfigMasking {
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|token|api_key).*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@]*:)[^@]+@");

    private ConfigMasking() {
    }

    static String mask(String key, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (SECRET_KEY.matcher(key).matches()) {
            return "****";
        }
        return URL_PASSWORD.matcher(value).replaceAll("$1****@");
    }
}
