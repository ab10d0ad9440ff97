package io.parley.guild;

/** One field's before and after, as the audit log shows it. */
public record Change(String key, Object oldValue, Object newValue) {
}
