package com.policyconsole.domain.model.token;

/**
 * A token just made: its secret text, shown once and never kept, and the token.
 *
 * @param secret the text to send as {@code Authorization: Bearer …}
 * @param token the token
 */
public record NewToken(String secret, ApiToken token) {

    @Override
    public String toString() {
        return "NewToken[secret=****, token=" + token + "]";
    }
}
