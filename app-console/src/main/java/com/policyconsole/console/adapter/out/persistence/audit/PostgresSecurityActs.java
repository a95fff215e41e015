package com.policyconsole.console.adapter.out.persistence.audit;

import com.policyconsole.console.adapter.out.persistence.JdbcTransactions;
import com.policyconsole.domain.model.audit.SecurityAct;
import com.policyconsole.domain.port.out.SecurityActs;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;

/** {@link SecurityActs} in the append-only {@code security_act} table (Flyway V18), each row an audit record. */
@ApplicationScoped
public class PostgresSecurityActs implements SecurityActs {

    /** The longest actor and subject kept (the columns' sizes). */
    private static final int ACTOR = 128;
    private static final int SUBJECT = 64;

    private final JdbcTransactions transactions;

    public PostgresSecurityActs(AgroalDataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public void record(SecurityAct act) {
        transactions.inTransaction("record the act " + act.kind(), c -> JdbcTransactions.execute(c, """
                INSERT INTO security_act (at, actor, act, subject, detail) VALUES (?, ?, ?, ?, ?)""",
                Timestamp.from(act.at()), cut(act.actor(), ACTOR), act.kind().name(), cut(act.subject(), SUBJECT),
                act.detail()));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
