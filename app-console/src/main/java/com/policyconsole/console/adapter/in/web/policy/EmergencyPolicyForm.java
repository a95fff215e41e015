package com.policyconsole.console.adapter.in.web.policy;

import com.policyconsole.console.adapter.in.web.ConfiguredConnection;
import com.policyconsole.console.adapter.in.web.FormField;
import com.policyconsole.console.adapter.in.web.FormFields;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The emergency-policy form as submitted: every field of the SecMaster document, named as on the wire, plus
 * the console's conveniences (targets one per line, ageing as a duration, connections chosen from a list).
 */
@TemplateData
public class EmergencyPolicyForm {

    /** Longest value any field of this form accepts before the domain even looks at it. */
    static final int MAX_FIELD_LENGTH = 100_000;

    @RestForm("project_id") public String projectId;
    @RestForm("workspace_id") public String workspaceId;
    @RestForm("secmaster_version") public String secmasterVersion;
    @RestForm("region_id") public String regionId;
    @RestForm("policy_category") public String policyCategory;
    @RestForm("policy_type") public String policyType;
    @RestForm("block_target") public String blockTarget;
    @RestForm("ageing") public String ageing;
    @RestForm("policy_direction") public String policyDirection;
    @RestForm("account_scope") public String accountScope;
    @RestForm("eps_scope") public String epsScope;
    @RestForm("region_scope") public String regionScope;
    @RestForm("description") public String description;
    @RestForm("labels") public String labels;
    @RestForm("connection") public List<String> connection;
    @RestForm("m_defense_connection_id") public String manualId;
    @RestForm("m_defense_connection_name") public String manualName;
    @RestForm("m_defense_type") public String manualType;
    @RestForm("m_defense_connection_region_id") public String manualRegionId;
    @RestForm("m_defense_connection_region_name") public String manualRegionName;
    @RestForm("m_target_enterprise_id") public String manualEnterpriseId;
    @RestForm("m_target_enterprise_name") public String manualEnterpriseName;
    @RestForm("m_target_project_id") public String manualProjectId;
    @RestForm("m_target_project_name") public String manualProjectName;
    @RestForm("acknowledge") public String acknowledge;
    @RestForm("retry_of") public String retryOf;

    /** A form with the console's defaults. */
    public static EmergencyPolicyForm defaults(String projectId, String workspaceId, String version, String region) {
        EmergencyPolicyForm f = new EmergencyPolicyForm();
        f.projectId = projectId;
        f.workspaceId = workspaceId;
        f.secmasterVersion = version;
        f.regionId = region;
        f.policyCategory = "BLOCK";
        f.policyType = "Source Ip";
        return f;
    }

    /** A form filled in with an existing policy, e.g. to send a request again. */
    public static EmergencyPolicyForm of(SecMasterWorkspace workspace, String version, EmergencyPolicy policy,
                                         List<ConfiguredConnection> configured) {
        EmergencyPolicyForm f = defaults(workspace.projectId(), workspace.workspaceId(), version, policy.regionId());
        f.policyCategory = policy.policyCategory();
        f.policyType = policy.policyType();
        f.blockTarget = String.join("\n", policy.targets());
        f.ageing = policy.blockAge() != null && policy.blockAge().ages()
                ? policy.blockAge().ageingInstant().map(Instant::toString).orElse(null)
                : null;
        f.policyDirection = policy.policyDirection();
        f.accountScope = policy.accountScope();
        f.epsScope = policy.epsScope();
        f.regionScope = policy.regionScope();
        f.description = policy.description();
        f.labels = policy.labels();
        f.connection = new ArrayList<>();
        List<String> known = configured.stream().map(ConfiguredConnection::id).toList();
        for (DefenseConnection c : policy.defensePolicyList() == null ? List.<DefenseConnection>of() : policy.defensePolicyList()) {
            if (known.contains(c.defenseConnectionId())) {
                f.connection.add(c.defenseConnectionId());
            } else {
                f.manualId = c.defenseConnectionId();
                f.manualName = c.defenseConnectionName();
                f.manualType = c.defenseType();
                f.manualRegionId = c.defenseConnectionRegionId();
                f.manualRegionName = c.defenseConnectionRegionName();
                f.manualEnterpriseId = c.targetEnterpriseId();
                f.manualEnterpriseName = c.targetEnterpriseName();
                f.manualProjectId = c.targetProjectId();
                f.manualProjectName = c.targetProjectName();
            }
        }
        return f;
    }

    /** The domain policy, and the form-level problems found while reading it (e.g. an ageing text). */
    public record Read(SecMasterWorkspace workspace, String version, EmergencyPolicy policy, Long retryOf,
                       List<Violation> problems) {
    }

    /** Reads the form into the domain; {@code now} anchors a relative ageing such as {@code 24h}. */
    public Read read(List<ConfiguredConnection> configured, Instant now) {
        List<Violation> problems = new ArrayList<>();
        tooLong(problems);
        Optional<BlockAge> age = AgeingInput.parse(ageing, now);
        if (age.isEmpty()) {
            problems.add(Violation.error("data_object.block_age.block_ageing", ViolationCode.BAD_FORMAT,
                    "'" + ageing.strip() + "' is not understood: " + AgeingInput.EXPECTATION));
        }
        Map<String, DefenseConnection> byId = configured.stream()
                .collect(Collectors.toMap(ConfiguredConnection::id, ConfiguredConnection::connection, (a, b) -> a));
        List<DefenseConnection> connections = new ArrayList<>();
        for (String id : selectedConnections()) {
            DefenseConnection c = byId.get(id);
            if (c == null) {
                problems.add(Violation.error("data_object.defense_policy_list", ViolationCode.NOT_ALLOWED,
                        "operation connection '" + id + "' is not one of the configured connections"));
            } else {
                connections.add(c);
            }
        }
        if (hasManualConnection()) {
            connections.add(new DefenseConnection(blankToNull(manualId), blankToNull(manualName),
                    blankToNull(manualRegionId), blankToNull(manualRegionName), blankToNull(manualType),
                    blankToNull(manualEnterpriseId), blankToNull(manualEnterpriseName), blankToNull(manualProjectId),
                    blankToNull(manualProjectName)));
        }
        EmergencyPolicy policy = EmergencyPolicy.builder()
                .regionId(blankToNull(regionId))
                .policyCategory(blankToNull(policyCategory))
                .policyType(blankToNull(policyType))
                .targets(targetList())
                .blockAge(age.orElse(BlockAge.none()))
                .defensePolicyList(connections)
                // an empty field is not carried through the preview page: absent, so preview and send agree
                .description(emptyToNull(description))
                .labels(emptyToNull(labels))
                .policyDirection(blankToNull(policyDirection))
                .accountScope(blankToNull(accountScope))
                .epsScope(blankToNull(epsScope))
                .regionScope(blankToNull(regionScope))
                .build();
        Long resend = null;
        if (retryOf != null && !retryOf.isBlank()) {
            if (retryOf.strip().matches("\\d{1,18}")) {
                resend = Long.parseLong(retryOf.strip());
            } else {
                problems.add(Violation.error("retry_of", ViolationCode.BAD_FORMAT, "retry_of must be a history entry number"));
            }
        }
        return new Read(new SecMasterWorkspace(blankToNull(projectId), blankToNull(workspaceId)),
                blankToNull(secmasterVersion), policy, resend, problems);
    }

    /** The objects typed into the form: one per line or separated by commas, blank entries dropped. */
    public List<String> targetList() {
        if (blockTarget == null) {
            return List.of();
        }
        return Arrays.stream(blockTarget.split("[,\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<String> selectedConnections() {
        return connection == null ? List.of() : connection.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    public boolean isSelected(String connectionId) {
        return selectedConnections().contains(connectionId);
    }

    public boolean acknowledged() {
        return acknowledge != null && !acknowledge.isBlank();
    }

    private boolean hasManualConnection() {
        return List.of(nz(manualId), nz(manualName), nz(manualType), nz(manualRegionId), nz(manualRegionName),
                nz(manualEnterpriseId), nz(manualEnterpriseName), nz(manualProjectId), nz(manualProjectName))
                .stream().anyMatch(s -> !s.isBlank());
    }

    private void tooLong(List<Violation> problems) {
        for (FormField f : fields()) {
            if (f.value().length() > MAX_FIELD_LENGTH && limitsLength(f.name())) {
                problems.add(Violation.error(f.name(), ViolationCode.TOO_LONG,
                        f.name() + " is longer than " + MAX_FIELD_LENGTH + " characters"));
            }
        }
    }

    /** Whether field {@code name} is held to {@link #MAX_FIELD_LENGTH}; a form whose field has a limit of its own says no. */
    protected boolean limitsLength(String name) {
        return true;
    }

    /** Every filled-in field, to carry the form through the preview page. */
    public List<FormField> fields() {
        return FormFields.of(this);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
