package com.policyconsole.console.adapter.out.persistence.api;

import com.policyconsole.domain.port.out.ApiGuards;
import com.policyconsole.console.adapter.out.persistence.JdbcTransactions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link ApiGuards} in PostgreSQL (Flyway V14): calls per token per minute, counted with one upsert so that consoles
 * sharing the database count together; and idempotency keys, claimed with an insert that only one attempt wins.
 */
@ApplicationScoped
public class PostgresApiGuards implements ApiGuards {

    private final JdbcTransactions transactions;

    public PostgresApiGuards(AgroalDataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public int countCall(long tokenId, Instant window) {
        return transactions.inTransaction("count an API call", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO api_rate_window AS w (token_id, window_start, calls) VALUES (?, ?, 1)
                    ON CONFLICT (token_id, window_start) DO UPDATE SET calls = w.calls + 1 RETURNING calls""")) {
                s.setLong(1, tokenId);
                s.setObject(2, PostgresApiTokens.offset(window));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    @Override
    public Optional<KeyRecord> claim(long tokenId, String key, String requestHash, Instant at) {
        return transactions.inTransaction("claim an idempotency key", c -> {
            int inserted = JdbcTransactions.execute(c, """
                    INSERT INTO api_idempotency (token_id, key, request_hash, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (token_id, key) DO NOTHING""", tokenId, key, requestHash, PostgresApiTokens.offset(at));
            if (inserted == 1) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT request_hash, status, body, location FROM api_idempotency WHERE token_id = ? AND key = ?")) {
                s.setLong(1, tokenId);
                s.setString(2, key);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    Integer status = (Integer) r.getObject(2);
                    return Optional.of(new KeyRecord(r.getString(1), status, r.getString(3), r.getString(4)));
                }
            }
        });
    }

    @Override
    public void answer(long tokenId, String key, int status, String body, String location) {
        transactions.inTransaction("keep an idempotent answer", c -> JdbcTransactions.execute(c,
                "UPDATE api_idempotency SET status = ?, body = ?, location = ? WHERE token_id = ? AND key = ?",
                status, body, location, tokenId, key));
    }

    @Override
    public void release(long tokenId, String key) {
        transactions.inTransaction("release an idempotency key", c -> JdbcTransactions.execute(c,
                "DELETE FROM api_idempotency WHERE token_id = ? AND key = ? AND status IS NULL", tokenId, key));
    }
}
