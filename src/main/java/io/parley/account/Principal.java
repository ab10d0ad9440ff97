package io.parley.account;

/** Who made a request: the account and the login session its token belongs to. */
public record Principal(long userId, long sessionId, boolean bot) {
}
