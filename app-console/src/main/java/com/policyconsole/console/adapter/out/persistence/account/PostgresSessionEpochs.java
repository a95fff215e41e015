package com.policyconsole.console.adapter.out.persistence.account;

import com.policyconsole.console.adapter.out.persistence.JdbcTransactions;
import com.policyconsole.domain.port.out.SessionEpochs;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/** {@link SessionEpochs} in the {@code session_epoch} table (Flyway V20), one row per user who ever advanced it. */
@ApplicationScoped
public class PostgresSessionEpochs implements SessionEpochs {

    private final JdbcTransactions transactions;

    public PostgresSessionEpochs(AgroalDataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public long current(String username) {
        return transactions.inTransaction("read a session epoch", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT epoch FROM session_epoch WHERE username = ?")) {
                s.setString(1, key(username));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public long advance(String username) {
        return transactions.inTransaction("end a user's sessions", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO session_epoch AS e (username, epoch) VALUES (?, 1)
                    ON CONFLICT (username) DO UPDATE SET epoch = e.epoch + 1 RETURNING epoch""")) {
                s.setString(1, key(username));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    private static String key(String username) {
        String lower = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return lower.length() > 64 ? lower.substring(0, 64) : lower;
    }
}
