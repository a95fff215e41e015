package com.policyconsole.console.adapter.out.persistence.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code request_history}: a request and, once known, its outcome. Never leaves this package. */
@Entity
@Table(name = "request_history")
public class HistoryEntryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 32)
    public String operation;

    @Column(nullable = false, length = 128)
    public String actor;

    @Column(nullable = false, length = 24)
    public String status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(name = "project_id", length = 64)
    public String projectId;

    @Column(name = "workspace_id", length = 64)
    public String workspaceId;

    @Column(name = "domain_id", length = 64)
    public String domainId;

    @Column(name = "policy_category", length = 8)
    public String policyCategory;

    @Column(name = "block_type", length = 16)
    public String blockType;

    @Column(name = "ages_out_at")
    public Instant agesOutAt;

    @Column(name = "rule_name", length = 64)
    public String ruleName;

    @Column(name = "retry_of")
    public Long retryOf;

    @Column(name = "rule_id", length = 64)
    public String ruleId;

    @Column(name = "step_of")
    public Long stepOf;

    @Column(name = "approval_reasons", columnDefinition = "text")
    public String approvalReasons;

    @Column(name = "requested_by", length = 64)
    public String requestedBy;

    @Column(name = "approval_hash", length = 64)
    public String approvalHash;

    @Column(name = "approval_expires_at")
    public Instant approvalExpiresAt;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(name = "error_code", length = 128)
    public String errorCode;

    @Column(name = "error_message", columnDefinition = "text")
    public String errorMessage;

    @Column(name = "cloud_request_id", length = 128)
    public String cloudRequestId;

    @Column(name = "result_id", length = 128)
    public String resultId;

    @Column(name = "result_state", length = 32)
    public String resultState;

    @Column(name = "request_method", nullable = false, length = 8)
    public String requestMethod;

    @Column(name = "request_url", nullable = false, columnDefinition = "text")
    public String requestUrl;

    @Column(name = "request_headers", nullable = false, columnDefinition = "text")
    public String requestHeaders;

    @Column(name = "request_body", nullable = false, columnDefinition = "text")
    public String requestBody;

    /** The request's path template and values, query and headers as JSON ({@link RequestStructure}). */
    @Column(name = "request_structure", columnDefinition = "text")
    public String requestStructure;

    /** The console that sent the request (Flyway V7), whose lease decides when a PENDING entry is given up. */
    @Column(name = "console_instance")
    public UUID consoleInstance;

    @Column(name = "response_body", columnDefinition = "text")
    public String responseBody;
}
