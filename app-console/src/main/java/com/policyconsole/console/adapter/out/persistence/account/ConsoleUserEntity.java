package com.policyconsole.console.adapter.out.persistence.account;

import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.account.UserAccount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One row of {@code console_user}. Never leaves this package: callers get {@link UserAccount}s. */
@Entity
@Table(name = "console_user")
public class ConsoleUserEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    /** Comma-separated, in the order of {@link Roles#ALL}. */
    @Column(nullable = false, length = 64)
    public String roles;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "changed_by", length = 64)
    public String changedBy;

    @Column(name = "set_by_other_at")
    public Instant setByOtherAt;

    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    /** The user with this name, whatever its case. */
    static Optional<ConsoleUserEntity> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResultOptional();
    }
}
