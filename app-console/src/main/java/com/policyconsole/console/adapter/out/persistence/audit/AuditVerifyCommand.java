package com.policyconsole.console.adapter.out.persistence.audit;

import com.policyconsole.domain.model.audit.AuditAnchor;
import com.policyconsole.domain.model.audit.AuditVerification;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code scripts/verify-audit.sh}: verifies the audit trail of a console database without starting the console. Reads
 * the database from the console's own variables (POLICYCONSOLE_DB_URL, _USER, _PASSWORD) or a JDBC URL argument, and
 * exits 0 when the trail is intact, 1 when it was tampered with, 2 when it could not be checked.
 */
public final class AuditVerifyCommand {

    private static final String USAGE = "usage: verify-audit.sh [jdbc:postgresql://host:port/database]"
            + " [--anchor '#position:sha256-hex']\n(without a URL: POLICYCONSOLE_DB_URL; user and password from"
            + " POLICYCONSOLE_DB_USER and POLICYCONSOLE_DB_PASSWORD)";

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String url = env.get("POLICYCONSOLE_DB_URL");
        Optional<AuditAnchor> anchor = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("jdbc:postgresql:")) {
                url = args[i];
            } else if ("--anchor".equals(args[i]) && i + 1 < args.length && AuditAnchor.parse(args[i + 1]).isPresent()) {
                anchor = AuditAnchor.parse(args[++i]);
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (url == null || url.isBlank()) {
            err.println("verify-audit: no database: pass a JDBC URL or set POLICYCONSOLE_DB_URL");
            return 2;
        }
        Properties login = new Properties();
        login.setProperty("user", env.getOrDefault("POLICYCONSOLE_DB_USER", "policyconsole_app"));
        login.setProperty("password", env.getOrDefault("POLICYCONSOLE_DB_PASSWORD", ""));
        login.setProperty("ApplicationName", "policy-console verify-audit");
        try (Connection connection = DriverManager.getConnection(url, login)) {
            AuditVerification result = new AuditChainVerifier(Clock.systemUTC()).verify(connection, anchor);
            out.printf("Audit chain: %,d sealed records and %,d not sealed yet checked in %d ms; head #%d:%s%n",
                    result.recordsChecked(), result.unsealed(), result.took().toMillis(), result.headPosition(),
                    result.headHash());
            anchor.ifPresent(a -> out.println("Anchor " + a + (result.intact() ? " holds." : " checked.")));
            if (result.intact()) {
                out.println("INTACT: every sealed record follows the one before it, every record not sealed yet"
                        + " matches its content hash, and every history entry and account matches its last record.");
                return 0;
            }
            out.println("TAMPERED:");
            result.findings().forEach(f -> out.println("  " + f));
            return 1;
        } catch (SQLException e) {
            err.println("verify-audit: could not read the audit trail: " + e.getMessage());
            return 2;
        }
    }
}
