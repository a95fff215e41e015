package com.policyconsole.console.adapter.out.persistence.login;

import com.policyconsole.console.adapter.out.persistence.JdbcTransactions;
import com.policyconsole.domain.model.login.AccountActivity;
import com.policyconsole.domain.model.login.LoginEvent;
import com.policyconsole.domain.model.login.LoginKey;
import com.policyconsole.domain.model.login.LoginLock;
import com.policyconsole.domain.port.out.LoginRecords;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link LoginRecords} in PostgreSQL ({@code login_counter}, {@code login_event}, Flyway V13): a failure is counted
 * with one upsert, so that consoles sharing the database count every failure once; each event is an audit record.
 */
@ApplicationScoped
public class PostgresLoginRecords implements LoginRecords {

    private final JdbcTransactions transactions;

    public PostgresLoginRecords(AgroalDataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public Optional<Instant> notBefore(LoginKey key) {
        return transactions.inTransaction("read the login wait", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT not_before FROM login_counter WHERE kind = ? AND key = ?")) {
                s.setString(1, key.kind().name());
                s.setString(2, key.value());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(instant(r.getObject(1, OffsetDateTime.class)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public int recordFailure(LoginKey key, Instant at, Instant forgetBefore) {
        return transactions.inTransaction("count a failed login", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO login_counter AS l (kind, key, failures, last_failure_at) VALUES (?, ?, 1, ?)
                    ON CONFLICT (kind, key) DO UPDATE SET
                        failures = CASE WHEN l.last_failure_at IS NULL OR l.last_failure_at <= ? THEN 1
                                        ELSE l.failures + 1 END,
                        last_failure_at = excluded.last_failure_at
                    RETURNING failures""")) {
                s.setString(1, key.kind().name());
                s.setString(2, key.value());
                s.setObject(3, offset(at));
                s.setObject(4, offset(forgetBefore));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    @Override
    public void holdUntil(LoginKey key, Instant until, boolean locked) {
        transactions.inTransaction("make a login wait", c -> JdbcTransactions.execute(c, """
                UPDATE login_counter SET not_before = greatest(coalesce(not_before, ?), ?), locked = locked OR ?
                 WHERE kind = ? AND key = ?""", offset(until), offset(until), locked, key.kind().name(), key.value()));
    }

    @Override
    public void reset(LoginKey key) {
        transactions.inTransaction("forget failed logins", c -> JdbcTransactions.execute(c,
                "DELETE FROM login_counter WHERE kind = ? AND key = ?", key.kind().name(), key.value()));
    }

    @Override
    public void append(LoginEvent event) {
        transactions.inTransaction("log a login", c -> JdbcTransactions.execute(c,
                "INSERT INTO login_event (kind, at, username, address, actor) VALUES (?, ?, ?, ?, ?)",
                event.kind().name(), offset(event.at()), event.username(), event.address(), event.actor()));
    }

    @Override
    public int countThrottled(String username, String address, Instant window, Instant forgetBefore) {
        return transactions.inTransaction("count a throttled login", c -> {
            JdbcTransactions.execute(c, "DELETE FROM login_throttle_window WHERE window_start < ?",
                    offset(forgetBefore));
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO login_throttle_window AS w (username, address, window_start, attempts)
                    VALUES (?, ?, ?, 1)
                    ON CONFLICT (username, address, window_start) DO UPDATE SET attempts = w.attempts + 1
                    RETURNING attempts""")) {
                s.setString(1, username);
                s.setString(2, address);
                s.setObject(3, offset(window));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    @Override
    public List<LoginLock> waiting(Instant now) {
        return transactions.inTransaction("read the login locks", c -> {
            List<LoginLock> locks = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT kind, key, failures, not_before, locked FROM login_counter WHERE not_before > ?
                     ORDER BY not_before DESC LIMIT 200""")) {
                s.setObject(1, offset(now));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        locks.add(new LoginLock(new LoginKey(LoginKey.Kind.valueOf(r.getString(1)), r.getString(2)),
                                r.getInt(3), instant(r.getObject(4, OffsetDateTime.class)), r.getBoolean(5)));
                    }
                }
            }
            return locks;
        });
    }

    /**
     * The successful login before the latest (this session's), and the failed and throttled attempts for the name since
     * that one — what the account's owner should know of.
     */
    @Override
    public AccountActivity activity(String username, int recent) {
        return transactions.inTransaction("read the account's logins", c -> {
            long previousId = 0;
            Instant previous = null;
            String previousAddress = null;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, at, address FROM login_event WHERE username = ? AND kind = 'SUCCEEDED'
                     ORDER BY id DESC OFFSET 1 LIMIT 1""")) {
                s.setString(1, username);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        previousId = r.getLong(1);
                        previous = instant(r.getObject(2, OffsetDateTime.class));
                        previousAddress = r.getString(3);
                    }
                }
            }
            long since = 0;
            List<LoginEvent> failures = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT kind, at, address FROM login_event WHERE username = ? AND kind IN ('FAILED', 'THROTTLED')
                       AND id > ? ORDER BY id DESC""")) {
                s.setString(1, username);
                s.setLong(2, previousId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        since++;
                        if (failures.size() < recent) {
                            failures.add(new LoginEvent(LoginEvent.Kind.valueOf(r.getString(1)),
                                    instant(r.getObject(2, OffsetDateTime.class)), username, r.getString(3), null));
                        }
                    }
                }
            }
            return new AccountActivity(previous, previousAddress, since, failures);
        });
    }

    private static OffsetDateTime offset(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
