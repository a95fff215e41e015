package com.policyconsole.console.adapter.out.persistence.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/** One object of a recorded request ({@code request_target}); IP objects also as {@code cidr} for containment search. */
@Entity
@Table(name = "request_target")
public class RequestTargetEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "entry_id", nullable = false)
    public Long entryId;

    @Column(nullable = false, length = 512)
    public String target;

    @Column(columnDefinition = "cidr")
    @ColumnTransformer(read = "host(network) || '/' || masklen(network)", write = "cast(? as cidr)")
    public String network;
}
