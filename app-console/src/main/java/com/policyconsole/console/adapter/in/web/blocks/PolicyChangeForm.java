package com.policyconsole.console.adapter.in.web.blocks;

import com.policyconsole.console.adapter.in.web.FormField;
import com.policyconsole.console.adapter.in.web.FormFields;
import com.policyconsole.console.adapter.in.web.policy.AgeingInput;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.port.in.PolicyChangeCommand;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The form of a removal (the chosen {@code policy_id}s) or of an ageing change (one {@code policy_id} and the new
 * {@code ageing}: empty for never, a duration such as {@code 7d}, or a UTC date-time).
 */
@TemplateData
public class PolicyChangeForm {

    /** Longest policy ID or ageing text read. */
    static final int MAX_LENGTH = 256;
    /** Most policies one removal names (the size of a page of the active list). */
    static final int MAX_POLICIES = 500;

    @RestForm("project_id") public String projectId;
    @RestForm("workspace_id") public String workspaceId;
    @RestForm("secmaster_version") public String secmasterVersion;
    @RestForm("policy_id") public List<String> policyId;
    @RestForm("ageing") public String ageing;
    @RestForm("acknowledge") public String acknowledge;

    /** A form for the console's workspace. */
    static PolicyChangeForm of(String projectId, String workspaceId, String version, List<String> policyIds) {
        PolicyChangeForm f = new PolicyChangeForm();
        f.projectId = projectId;
        f.workspaceId = workspaceId;
        f.secmasterVersion = version;
        f.policyId = new ArrayList<>(policyIds);
        return f;
    }

    /** The command, and the form's own problems (a garbled ageing or ID, too many policies). */
    record Read(PolicyChangeCommand command, List<Violation> problems) {
    }

    Read read(String actor, boolean ageingChange, Instant now) {
        List<Violation> problems = new ArrayList<>();
        List<String> ids = policyIds();
        if (ids.size() > MAX_POLICIES) {
            problems.add(Violation.error("batch_ids", ViolationCode.TOO_MANY_OBJECTS,
                    "at most " + MAX_POLICIES + " policies are removed at once (" + ids.size() + " chosen)"));
        }
        for (String id : ids) {
            if (id.length() > MAX_LENGTH || !id.matches("[A-Za-z0-9._:-]+")) {
                problems.add(Violation.error("batch_ids", ViolationCode.BAD_FORMAT,
                        "'" + cut(id) + "' is not a policy ID (letters, digits, '.', '_', ':' and '-')"));
            }
        }
        BlockAge age = null;
        if (ageingChange) {
            Optional<BlockAge> parsed = ageing != null && ageing.length() > MAX_LENGTH ? Optional.empty()
                    : AgeingInput.parse(ageing, now);
            if (parsed.isEmpty()) {
                problems.add(Violation.error("data_object.block_age.block_ageing", ViolationCode.BAD_FORMAT,
                        "'" + cut(ageing.strip()) + "' is not understood: " + AgeingInput.EXPECTATION));
                age = BlockAge.none();
            } else {
                age = parsed.get();
            }
        }
        PolicyChangeCommand command = new PolicyChangeCommand(actor, new SecMasterWorkspace(blankToNull(projectId),
                blankToNull(workspaceId)), blankToNull(secmasterVersion), ids, age,
                acknowledge != null && !acknowledge.isBlank());
        return new Read(command, problems);
    }

    /** The chosen policy IDs, blank ones dropped. */
    public List<String> policyIds() {
        return policyId == null ? List.of() : policyId.stream().filter(s -> s != null && !s.isBlank())
                .map(String::strip).distinct().toList();
    }

    /** Every filled-in field, to carry the form through the preview page. */
    public List<FormField> fields() {
        return FormFields.of(this);
    }

    private static String cut(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
