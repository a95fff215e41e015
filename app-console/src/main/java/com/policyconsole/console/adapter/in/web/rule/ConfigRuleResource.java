package com.policyconsole.console.adapter.in.web.rule;

import com.policyconsole.console.adapter.in.web.FieldErrors;
import com.policyconsole.console.adapter.in.web.Results;
import com.policyconsole.console.adapter.in.web.SubmissionMetrics;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.config.Period;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.AddConfigRuleCommand;
import com.policyconsole.domain.port.in.AddConfigRuleUseCase;
import com.policyconsole.domain.port.in.ManageConfigRulesUseCase;
import com.policyconsole.domain.port.in.RuleChangeCommand;
import com.policyconsole.domain.port.in.PolicyDefinitionsQuery;
import com.policyconsole.domain.port.in.Preview;
import com.policyconsole.domain.port.in.PreviewRequestUseCase;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.validation.Violations;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The Config rule form: built-in (definition and parameters) or custom (function URN), trigger, tags; preview; submit;
 * with a staged rollout, an evaluation of the new rule and its rollout page.
 */
@Path("/rules")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class ConfigRuleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(ConfigRuleForm form, FieldErrors errors, List<PolicyDefinition> definitions,
                                            List<String> periods, String notice);

        static native TemplateInstance preview(ConfigRuleForm form, Preview preview, FieldErrors errors,
                                               boolean mustAcknowledge);
    }

    private final AddConfigRuleUseCase addRule;
    private final PreviewRequestUseCase previews;
    private final PolicyDefinitionsQuery catalog;
    private final ManageConfigRulesUseCase manage;
    private final SubmissionMetrics metrics;
    private final SecurityIdentity identity;
    private final WebSettings settings;

    public ConfigRuleResource(AddConfigRuleUseCase addRule, PreviewRequestUseCase previews, PolicyDefinitionsQuery catalog,
                              ManageConfigRulesUseCase manage, SubmissionMetrics metrics, SecurityIdentity identity,
                              WebSettings settings) {
        this.addRule = addRule;
        this.manage = manage;
        this.previews = previews;
        this.catalog = catalog;
        this.metrics = metrics;
        this.identity = identity;
        this.settings = settings;
    }

    @GET
    @Path("/new")
    public TemplateInstance blank() {
        return form(ConfigRuleForm.defaults(settings.domainId()), FieldErrors.none(), null);
    }

    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance edit(@BeanParam ConfigRuleForm form) {
        return form(form, FieldErrors.none(), null);
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@BeanParam ConfigRuleForm form) {
        ConfigRuleForm.Read read = form.read();
        AddConfigRuleCommand command = command(read, false);
        Preview preview = previews.preview(command);
        Violations all = Violations.of(read.problems()).and(preview.violations());
        if (all.hasErrors()) {
            return Response.status(422).entity(form(form, new FieldErrors(all), null)).build();
        }
        return Response.ok(Templates.preview(form, preview, new FieldErrors(all), false)).build();
    }

    @POST
    @Path("/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@BeanParam ConfigRuleForm form) {
        ConfigRuleForm.Read read = form.read();
        AddConfigRuleCommand command = command(read, form.acknowledged());
        if (!read.problems().isEmpty()) {
            // every mistake at once, as the preview shows them, not only those found while reading the form
            Violations all = Violations.of(read.problems()).and(previews.preview(command).violations());
            return Response.status(422).entity(form(form, new FieldErrors(all), null)).build();
        }
        SubmissionResult result = metrics.record("add_config_rule", () -> addRule.add(command));
        if (form.isStaged() && result instanceof SubmissionResult.Sent sent
                && sent.outcome() instanceof CloudOutcome.Accepted accepted && accepted.resultId() != null) {
            return stagedRollout(command.domainId(), accepted.resultId());
        }
        return Results.of(result, new Results.FormPages() {
            @Override
            public TemplateInstance form(Violations errors, String notice) {
                return ConfigRuleResource.this.form(form, new FieldErrors(errors), notice);
            }

            @Override
            public TemplateInstance preview(Violations warnings) {
                return Templates.preview(form, previews.preview(command), new FieldErrors(warnings), true);
            }
        });
    }

    /**
     * The staged rollout after the add: an evaluation of the new rule (unless Config's first evaluation of it still
     * runs, which the rollout page then follows), then the rollout page.
     */
    private Response stagedRollout(String domainId, String ruleId) {
        RuleChangeCommand evaluate = RuleChangeCommand.of(identity.getPrincipal().getName(), domainId, ruleId,
                RuleChangeCommand.Kind.EVALUATE, false);
        metrics.record("evaluate_config_rule", () -> manage.submit(evaluate));
        return Response.seeOther(URI.create("/rules/" + ruleId + "/rollout")).build();
    }

    private TemplateInstance form(ConfigRuleForm form, FieldErrors errors, String notice) {
        return formPage(form, errors, catalog, notice);
    }

    /** The rule form (an add's or an update's) with the built-in definitions, or a notice when they cannot be read. */
    static TemplateInstance formPage(ConfigRuleForm form, FieldErrors errors, PolicyDefinitionsQuery catalog,
                                     String notice) {
        List<PolicyDefinition> definitions;
        String message = notice;
        try {
            definitions = catalog.definitions();
        } catch (CloudReadException e) {
            definitions = List.of();
            message = (notice == null ? "" : notice + " ") + "The built-in policy definitions could not be read ("
                    + e.getMessage() + "); type the definition ID.";
        }
        List<String> periods = java.util.Arrays.stream(Period.values()).map(Period::wireName).toList();
        return Templates.form(form, errors, definitions, periods, message);
    }

    private AddConfigRuleCommand command(ConfigRuleForm.Read read, boolean acknowledged) {
        return new AddConfigRuleCommand(identity.getPrincipal().getName(), read.domainId(), read.rule(), acknowledged);
    }
}
