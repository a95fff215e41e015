package com.policyconsole.console.api;

import com.policyconsole.domain.port.out.ApiGuards;
import com.policyconsole.domain.model.token.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key}: a call that sends something, repeated with the same key and the same request, answers the
 * first attempt's answer (its history entry and outcome) without sending again; the same key with another request is
 * refused (422); while the first attempt runs, a repetition is told to wait (409). A first attempt held for approval
 * (202) keeps its answer too, so a repetition records no second held entry. A first attempt that sent nothing
 * (refused by the checks, or not recorded) keeps no answer, so the key can be used again.
 */
@ApplicationScoped
public class Idempotency {

    /** The header. */
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ApiGuards guards;
    private final Clock clock;

    public Idempotency(ApiGuards guards, Clock clock) {
        this.guards = guards;
        this.clock = clock;
    }

    /** Runs {@code call} once per key and request; {@code request} is what makes two requests the same. */
    public Response once(ApiToken token, String key, String request, Supplier<Response> call) {
        if (key == null) {
            return call.get();
        }
        if (!KEY.matcher(key).matches()) {
            return Problem.of(400, "bad-idempotency-key", "The Idempotency-Key is not valid",
                    "An Idempotency-Key is 1 to 128 letters, digits, '.', '_', ':' and '-'.").response();
        }
        String hash = sha256(request);
        Optional<ApiGuards.KeyRecord> earlier = guards.claim(token.id(), key, hash, clock.instant());
        if (earlier.isPresent()) {
            ApiGuards.KeyRecord first = earlier.get();
            if (!first.requestHash().equals(hash)) {
                return Problem.of(422, "idempotency-key-reused", "The Idempotency-Key was used for another request",
                        "This key was used for a different request; nothing was sent. Use a new key for a new"
                                + " request.").response();
            }
            if (first.status() == null) {
                return Response.fromResponse(Problem.of(409, "idempotency-key-in-use", "The first attempt still runs",
                        "A request with this key is being sent; ask again in a moment.").response())
                        .header("Retry-After", "1").build();
            }
            Response.ResponseBuilder replay = Response.status(first.status()).type("application/json")
                    .entity(first.body()).header("Idempotent-Replayed", "true");
            if (first.location() != null) {
                replay.header("Location", first.location());
            }
            return replay.build();
        }
        Response answer;
        try {
            answer = call.get();
        } catch (RuntimeException e) {
            guards.release(token.id(), key);
            throw e;
        }
        if (answer.getStatus() == 201 || answer.getStatus() == 200 || answer.getStatus() == 202) {
            Object location = answer.getHeaders().getFirst("Location");
            guards.answer(token.id(), key, answer.getStatus(), String.valueOf(answer.getEntity()),
                    location == null ? null : location.toString());
        } else {
            guards.release(token.id(), key);
        }
        return answer;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
