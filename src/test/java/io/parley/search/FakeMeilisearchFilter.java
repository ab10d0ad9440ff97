package io.parley.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Meilisearch's filter expression language, as far as the fake needs it: comparisons
 * ({@code = != > >= < <=}), {@code IN [..]}, {@code AND}, {@code OR}, {@code NOT} and parentheses,
 * with quoted or bare values. Array fields match when any element does. Fields that are not
 * filterable are refused, as the real server refuses them.
 */
final class FakeMeilisearchFilter {
    private final List<String> tokens;
    private final Set<String> filterable;
    private int at;

    private FakeMeilisearchFilter(String source, Set<String> filterable) {
        this.tokens = tokenize(source);
        this.filterable = filterable;
    }

    /** A predicate over documents; IllegalArgumentException for a bad expression or field. */
    static Predicate<JsonObject> parse(Object filter, Set<String> filterable) {
        if (filter == null) {
            return doc -> true;
        }
        if (filter instanceof JsonArray array) {
            // top-level array: AND of its elements; a nested array is an OR of its elements
            Predicate<JsonObject> all = doc -> true;
            for (Object element : array) {
                Predicate<JsonObject> part;
                if (element instanceof JsonArray any) {
                    part = doc -> false;
                    for (Object alternative : any) {
                        part = part.or(parse(alternative, filterable));
                    }
                } else {
                    part = parse(element, filterable);
                }
                all = all.and(part);
            }
            return all;
        }
        FakeMeilisearchFilter parser = new FakeMeilisearchFilter(String.valueOf(filter), filterable);
        Predicate<JsonObject> predicate = parser.or();
        if (parser.at != parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected `" + parser.tokens.get(parser.at) + "`");
        }
        return predicate;
    }

    private Predicate<JsonObject> or() {
        Predicate<JsonObject> left = and();
        while (accept("OR")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonObject> and() {
        Predicate<JsonObject> left = not();
        while (accept("AND")) {
            left = left.and(not());
        }
        return left;
    }

    private Predicate<JsonObject> not() {
        if (accept("NOT")) {
            return not().negate();
        }
        if (accept("(")) {
            Predicate<JsonObject> inner = or();
            expect(")");
            return inner;
        }
        return condition();
    }

    private Predicate<JsonObject> condition() {
        String field = next();
        if (!filterable.contains(field)) {
            throw new IllegalArgumentException("Attribute `" + field + "` is not filterable");
        }
        if (accept("IN")) {
            expect("[");
            List<String> values = new ArrayList<>();
            if (!accept("]")) {
                do {
                    values.add(value(next()));
                } while (accept(","));
                expect("]");
            }
            return doc -> values.stream().anyMatch(v -> matches(doc.getValue(field), "=", v));
        }
        String op = next();
        if (!Set.of("=", "!=", ">", ">=", "<", "<=").contains(op)) {
            throw new IllegalArgumentException("unknown operator `" + op + "`");
        }
        String value = value(next());
        if (op.equals("!=")) {
            return doc -> !matches(doc.getValue(field), "=", value);
        }
        return doc -> matches(doc.getValue(field), op, value);
    }

    private static boolean matches(Object fieldValue, String op, String value) {
        if (fieldValue == null) {
            return false;
        }
        if (fieldValue instanceof JsonArray array) {
            return array.stream().anyMatch(element -> matches(element, op, value));
        }
        String text = String.valueOf(fieldValue);
        Double left = number(text);
        Double right = number(value);
        if (op.equals("=")) {
            return left != null && right != null ? left.doubleValue() == right.doubleValue() : text.equals(value);
        }
        if (left == null || right == null) {
            return false;
        }
        int cmp = Double.compare(left, right);
        return switch (op) {
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            case "<" -> cmp < 0;
            default -> cmp <= 0;
        };
    }

    private static Double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String value(String token) {
        if (token.length() >= 2 && (token.startsWith("\"") || token.startsWith("'"))) {
            return token.substring(1, token.length() - 1);
        }
        return token;
    }

    private boolean accept(String token) {
        if (at < tokens.size() && tokens.get(at).equals(token)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("expected `" + token + "`");
        }
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("the filter ends too early");
        }
        return tokens.get(at++);
    }

    private static List<String> tokenize(String source) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("()[],".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"' || c == '\'') {
                int end = source.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated string");
                }
                tokens.add(source.substring(i, end + 1));
                i = end + 1;
            } else if ("=!<>".indexOf(c) >= 0) {
                int end = i + 1;
                if (end < source.length() && source.charAt(end) == '=') {
                    end++;
                }
                tokens.add(source.substring(i, end));
                i = end;
            } else {
                int end = i;
                while (end < source.length() && !Character.isWhitespace(source.charAt(end))
                        && "()[],=!<>\"'".indexOf(source.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(source.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }
}
