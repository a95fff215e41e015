package com.policyconsole.console.adapter.out.persistence.api;

import com.policyconsole.console.adapter.out.persistence.JdbcTransactions;
import com.policyconsole.domain.model.token.ApiToken;
import com.policyconsole.domain.port.out.ApiTokenStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link ApiTokenStore} in PostgreSQL ({@code api_token}, Flyway V14). */
@ApplicationScoped
public class PostgresApiTokens implements ApiTokenStore {

    private static final String COLUMNS = "t.id, t.user_id, u.username, t.name, t.roles, t.created_at, t.created_by,"
            + " t.expires_at, t.last_used_at, t.revoked_at, t.secret_hash, u.enabled, u.roles FROM api_token t"
            + " JOIN console_user u"
            + " ON u.id = t.user_id";

    private final JdbcTransactions transactions;

    public PostgresApiTokens(AgroalDataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public ApiToken insert(long userId, String name, List<String> roles, String secretHash, Instant createdAt,
                           String createdBy, Instant expiresAt) {
        long id = transactions.inTransaction("make an API token", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO api_token (user_id, name, roles, secret_hash, created_at, created_by, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                s.setLong(1, userId);
                s.setString(2, name);
                s.setString(3, String.join(",", roles));
                s.setString(4, secretHash);
                s.setObject(5, offset(createdAt));
                s.setString(6, createdBy.length() > 128 ? createdBy.substring(0, 128) : createdBy);
                s.setObject(7, offset(expiresAt));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
        return find(id).orElseThrow().token();
    }

    @Override
    public Optional<StoredToken> find(long id) {
        return transactions.inTransaction("read an API token", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " WHERE t.id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new StoredToken(token(r), r.getString(11), r.getBoolean(12),
                            Arrays.asList(r.getString(13).split(",")))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ApiToken> list(Long userId) {
        return transactions.inTransaction("list API tokens", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + (userId == null ? "" : " WHERE t.user_id = ?") + " ORDER BY t.id DESC LIMIT 500")) {
                if (userId != null) {
                    s.setLong(1, userId);
                }
                List<ApiToken> tokens = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        tokens.add(token(r));
                    }
                }
                return tokens;
            }
        });
    }

    @Override
    public void used(long id, Instant at) {
        transactions.inTransaction("note an API token's use", c -> JdbcTransactions.execute(c,
                "UPDATE api_token SET last_used_at = ? WHERE id = ?", offset(at), id));
    }

    @Override
    public boolean revoke(long id, Instant at) {
        return transactions.inTransaction("revoke an API token", c -> JdbcTransactions.execute(c,
                "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", offset(at), id) == 1);
    }

    private static ApiToken token(ResultSet r) throws SQLException {
        return new ApiToken(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                Arrays.asList(r.getString(5).split(",")), instant(r.getObject(6, OffsetDateTime.class)), r.getString(7),
                instant(r.getObject(8, OffsetDateTime.class)), instant(r.getObject(9, OffsetDateTime.class)),
                instant(r.getObject(10, OffsetDateTime.class)));
    }

    static OffsetDateTime offset(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
