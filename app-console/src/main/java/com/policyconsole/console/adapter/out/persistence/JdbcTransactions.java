package com.policyconsole.console.adapter.out.persistence;

import com.policyconsole.domain.port.HistoryUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC transactions on the console's database for the stores that do not go through Hibernate: one connection
 * and one transaction per call, rolled back on any failure, which reaches the domain as
 * {@link HistoryUnavailableException}.
 */
public final class JdbcTransactions {

    /** Work done in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} in a transaction and commits it.
     *
     * @throws HistoryUnavailableException naming {@code what} when the database fails
     */
    public <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryUnavailableException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs one statement with these parameters; the rows it changed. */
    public static int execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }
}
