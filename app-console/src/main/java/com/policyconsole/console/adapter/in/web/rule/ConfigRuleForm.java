package com.policyconsole.console.adapter.in.web.rule;

import com.policyconsole.adapter.json.JsonValues;
import com.policyconsole.console.adapter.in.web.FormField;
import com.policyconsole.console.adapter.in.web.FormFields;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyAssignmentType;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceTag;
import com.policyconsole.domain.model.json.JsonValue;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The Config rule form as submitted: every field of "Adding a Rule", with the trigger as a choice, parameters
 * as a JSON object of name → value, and tags as {@code key=value} lines.
 */
@TemplateData
public class ConfigRuleForm {

    @RestForm("domain_id") public String domainId;
    @RestForm("policy_assignment_type") public String assignmentType;
    @RestForm("name") public String name;
    @RestForm("description") public String description;
    @RestForm("policy_definition_id") public String definitionId;
    @RestForm("parameters") public String parameters;
    @RestForm("function_urn") public String functionUrn;
    @RestForm("agency_name") public String agencyName;
    @RestForm("trigger") public String trigger;
    @RestForm("period") public String period;
    @RestForm("f_region_id") public String filterRegionId;
    @RestForm("f_resource_provider") public String filterProvider;
    @RestForm("f_resource_type") public String filterType;
    @RestForm("f_resource_id") public String filterResourceId;
    @RestForm("f_tag_key") public String filterTagKey;
    @RestForm("f_tag_value") public String filterTagValue;
    @RestForm("tags") public String tags;
    @RestForm("acknowledge") public String acknowledge;
    /** Set when the form updates the rule with this ID instead of adding one. */
    @RestForm("rule_id") public String ruleId;
    /** Set for a staged rollout: evaluate the new rule at once and offer to keep or remove it. */
    @RestForm("staged") public String staged;

    public static ConfigRuleForm defaults(String domainId) {
        ConfigRuleForm f = new ConfigRuleForm();
        f.domainId = domainId;
        f.assignmentType = "builtin";
        f.trigger = "change";
        return f;
    }

    /** The form of an update, filled in with the rule as Config holds it. */
    public static ConfigRuleForm of(String domainId, PolicyAssignment assignment) {
        ConfigRule r = assignment.rule();
        ConfigRuleForm f = new ConfigRuleForm();
        f.ruleId = assignment.id();
        f.domainId = domainId;
        f.assignmentType = r.assignmentType().map(PolicyAssignmentType::wireName).orElse(r.policyAssignmentType());
        f.name = r.name();
        f.description = r.description();
        f.definitionId = r.policyDefinitionId();
        if (r.customPolicy() != null) {
            f.functionUrn = r.customPolicy().functionUrn();
            JsonValue agency = r.customPolicy().authValue() == null ? null : r.customPolicy().authValue().get("agency_name");
            f.agencyName = agency instanceof JsonValue.JsonString text ? text.value() : null;
        }
        if (r.period() != null) {
            f.trigger = "period";
            f.period = r.period();
        } else if (r.policyFilter() != null) {
            f.trigger = "change";
            PolicyFilter filter = r.policyFilter();
            f.filterRegionId = filter.regionId();
            f.filterProvider = filter.resourceProvider();
            f.filterType = filter.resourceType();
            f.filterResourceId = filter.resourceId();
            f.filterTagKey = filter.tagKey();
            f.filterTagValue = filter.tagValue();
        } else {
            f.trigger = "any";
        }
        if (r.parameters() != null && !r.parameters().isEmpty()) {
            com.fasterxml.jackson.databind.node.ObjectNode object = JsonValues.NODES.objectNode();
            JsonValues.toNodes(r.parameters()).forEach(object::set);
            f.parameters = object.toString();
        }
        if (r.tags() != null && !r.tags().isEmpty()) {
            StringBuilder lines = new StringBuilder();
            r.tags().forEach(t -> lines.append(t.key()).append('=').append(t.value() == null ? "" : t.value()).append('\n'));
            f.tags = lines.toString();
        }
        return f;
    }

    /** Whether the form updates a rule that exists. */
    public boolean isUpdate() {
        return ruleId != null && !ruleId.isBlank();
    }

    /** Whether a staged rollout was asked for. */
    public boolean isStaged() {
        return staged != null && !staged.isBlank();
    }

    /** The domain rule, and the problems found while reading the form (JSON parameters, tag lines). */
    public record Read(String domainId, ConfigRule rule, List<Violation> problems) {
    }

    public Read read() {
        List<Violation> problems = new ArrayList<>();
        ConfigRule.Builder b = ConfigRule.builder()
                .policyAssignmentType(blankToNull(assignmentType))
                .name(blankToNull(name))
                .description(blankToNull(description));
        if ("custom".equals(assignmentType)) {
            b.customPolicy(new CustomPolicy(blankToNull(functionUrn), "agency",
                    agencyName == null || agencyName.isBlank() ? Map.of() : Map.of("agency_name", JsonValue.of(agencyName.strip()))));
        } else {
            b.policyDefinitionId(blankToNull(definitionId));
        }
        if ("period".equals(trigger)) {
            if (period == null || period.isBlank()) {
                problems.add(Violation.error("period", ViolationCode.REQUIRED, "choose how often the rule runs"));
            }
            b.period(blankToNull(period));
        } else if ("change".equals(trigger)) {
            b.policyFilter(new PolicyFilter(blankToNull(filterRegionId), blankToNull(filterProvider),
                    blankToNull(filterType), blankToNull(filterResourceId), blankToNull(filterTagKey),
                    blankToNull(filterTagValue)));
        } else if (!"any".equals(trigger)) {
            problems.add(Violation.error("trigger", trigger == null || trigger.isBlank() ? ViolationCode.REQUIRED
                    : ViolationCode.NOT_ALLOWED, "choose when the rule runs: change, period or any"));
        }
        if (parameters != null && !parameters.isBlank()) {
            JsonValues.Parsed parsed = JsonValues.parse(parameters);
            if (parsed instanceof JsonValues.Parsed.Ok ok && ok.value() instanceof JsonValue.JsonObject object) {
                b.parameters(object.members());
            } else if (parsed instanceof JsonValues.Parsed.Invalid invalid) {
                problems.add(Violation.error("parameters", ViolationCode.BAD_FORMAT,
                        "parameters are not JSON: " + invalid.reason()));
            } else {
                problems.add(Violation.error("parameters", ViolationCode.BAD_FORMAT,
                        "parameters must be a JSON object of name → value, e.g. {\"listOfAllowedImages\": [\"…\"]}"));
            }
        }
        b.tags(tagList(problems));
        return new Read(blankToNull(domainId), b.build(), problems);
    }

    private List<ResourceTag> tagList(List<Violation> problems) {
        if (tags == null || tags.isBlank()) {
            return null;
        }
        List<ResourceTag> list = new ArrayList<>();
        String[] lines = tags.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(Violation.error("tags", ViolationCode.BAD_FORMAT,
                        "tag line " + (i + 1) + " must be key=value (the value may be empty)"));
                continue;
            }
            list.add(new ResourceTag(line.substring(0, eq), line.substring(eq + 1)));
        }
        return list;
    }

    public boolean acknowledged() {
        return acknowledge != null && !acknowledge.isBlank();
    }

    /** Every filled-in field, to carry the form through the preview page. */
    public List<FormField> fields() {
        return FormFields.of(this);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
