package com.policyconsole.console.adapter.in.web.rule;

import com.policyconsole.adapter.json.JsonValues;
import com.policyconsole.console.adapter.in.web.FormField;
import com.policyconsole.console.adapter.in.web.FormFields;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.CustomPolicy;
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

    public static ConfigRuleForm defaults(String domainId) {
        ConfigRuleForm f = new ConfigRuleForm();
        f.domainId = domainId;
        f.assignmentType = "builtin";
        f.trigger = "change";
        return f;
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
