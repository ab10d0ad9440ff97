package io.parley.account;

import io.parley.platform.error.FieldError;

import java.util.List;

/**
 * Set-based uniqueness of usernames and emails (case-insensitive). A claim joins the
 * command's transaction, so it lasts exactly as long as the event that made it.
 */
public interface AccountClaims {

    /** Claims every non-null value for the user; returns one error per value someone else holds. */
    List<FieldError> claim(long userId, String username, String email);

    void releaseUsername(long userId, String username);
}
