package com.policyconsole.console.adapter.in.web.rule;

import com.policyconsole.console.adapter.in.web.FieldErrors;
import com.policyconsole.console.adapter.in.web.Results;
import com.policyconsole.console.adapter.in.web.SubmissionMetrics;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.config.RuleDetail;
import com.policyconsole.domain.model.config.RuleList;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.ConfigRulesQuery;
import com.policyconsole.domain.port.in.ManageConfigRulesUseCase;
import com.policyconsole.domain.port.in.PolicyDefinitionsQuery;
import com.policyconsole.domain.port.in.Preview;
import com.policyconsole.domain.port.in.RuleChangeCommand;
import com.policyconsole.domain.port.in.RuleChangePreview;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The account's Config rules beside the history, a rule's page (definition, compliance, last evaluation), and the
 * operations on rules — enable, disable, run an evaluation, update, delete, one rule or several at once, and the
 * staged rollout's outcome — each previewed with its exact requests and confirmed before it is recorded and sent.
 */
@Path("/rules")
@Produces(MediaType.TEXT_HTML)
public class ConfigRulesResource {

    /** Most rules one bulk action names. */
    static final int MAX_BULK = 100;

    /** The pages of the rule list, of a rule, of an operation and of a bulk action's outcome. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(String domainId, RuleList list, String problem);

        static native TemplateInstance rule(String domainId, RuleDetail detail, String marker, boolean rollout,
                                            String notice);

        static native TemplateInstance change(String domainId, String action, List<RuleOperation> operations,
                                              boolean sendable, boolean warnings, boolean mustAcknowledge,
                                              String notice);

        static native TemplateInstance done(String action, List<RuleOutcome> outcomes);
    }

    /** One rule's operation as previewed: its ID, findings and requests. */
    public record RuleOperation(String ruleId, FieldErrors errors, RuleChangePreview preview) {
    }

    /** One rule's operation as sent (or not): the entry, or why nothing was sent. */
    public record RuleOutcome(String ruleId, Long entryId, String status, String reason) {
    }

    private final ConfigRulesQuery rules;
    private final ManageConfigRulesUseCase manage;
    private final PolicyDefinitionsQuery catalog;
    private final SubmissionMetrics metrics;
    private final SecurityIdentity identity;
    private final WebSettings settings;

    public ConfigRulesResource(ConfigRulesQuery rules, ManageConfigRulesUseCase manage, PolicyDefinitionsQuery catalog,
                               SubmissionMetrics metrics, SecurityIdentity identity, WebSettings settings) {
        this.rules = rules;
        this.manage = manage;
        this.catalog = catalog;
        this.metrics = metrics;
        this.identity = identity;
        this.settings = settings;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Response list() {
        try {
            return Response.ok(Templates.rules(settings.domainId(), rules.rules(settings.domainId()), null)).build();
        } catch (CloudReadException e) {
            return Response.status(502).entity(Templates.rules(settings.domainId(), new RuleList(List.of(), List.of()),
                    "Config's rules could not be read: " + e.getMessage())).build();
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Response rule(@PathParam("id") String id, @RestQuery String marker, @RestQuery String notice) {
        return page(id, marker, false, notice);
    }

    /** The staged rollout's page: the new rule's evaluation followed to its end, then keep it or remove it. */
    @GET
    @Path("/{id}/rollout")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Response rollout(@PathParam("id") String id) {
        return page(id, null, true, null);
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed(Roles.OPERATOR)
    public Response editForm(@PathParam("id") String id) {
        Optional<RuleDetail> detail;
        try {
            detail = rules.rule(settings.domainId(), id, null);
        } catch (CloudReadException e) {
            return Response.status(502).entity(Templates.rule(settings.domainId(), null, null, false,
                    "The rule could not be read from Config: " + e.getMessage())).build();
        }
        if (detail.isEmpty()) {
            return notFound(id);
        }
        return Response.ok(ConfigRuleResource.formPage(ConfigRuleForm.of(settings.domainId(), detail.get().rule()),
                FieldErrors.none(), catalog, null)).build();
    }

    /** Back from the update's preview to its form, as it was filled in. */
    @POST
    @Path("/{id}/edit")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance editAgain(@PathParam("id") String id, @BeanParam ConfigRuleForm form) {
        form.ruleId = id;
        return updateForm(form, Violations.none(), null);
    }

    @POST
    @Path("/{id}/update/preview")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response previewUpdate(@PathParam("id") String id, @BeanParam ConfigRuleForm form) {
        form.ruleId = id;
        ConfigRuleForm.Read read = form.read();
        RuleChangePreview preview = manage.preview(update(id, read, false));
        Violations all = Violations.of(read.problems()).and(preview.violations());
        if (all.hasErrors()) {
            return Response.status(422).entity(updateForm(form, all, null)).build();
        }
        return Response.ok(ConfigRuleResource.Templates.preview(form, first(preview), new FieldErrors(all), false))
                .build();
    }

    @POST
    @Path("/{id}/update")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, @BeanParam ConfigRuleForm form) {
        form.ruleId = id;
        ConfigRuleForm.Read read = form.read();
        RuleChangeCommand command = update(id, read, form.acknowledged());
        if (!read.problems().isEmpty()) {
            Violations all = Violations.of(read.problems()).and(manage.preview(command).violations());
            return Response.status(422).entity(updateForm(form, all, null)).build();
        }
        SubmissionResult result = metrics.record("update_config_rule", () -> manage.submit(command));
        return Results.of(result, new Results.FormPages() {
            @Override
            public TemplateInstance form(Violations errors, String notice) {
                return updateForm(form, errors, notice);
            }

            @Override
            public TemplateInstance preview(Violations warnings) {
                return ConfigRuleResource.Templates.preview(form, first(manage.preview(command)),
                        new FieldErrors(warnings), true);
            }
        });
    }

    /** The operation's page: what Config holds, the exact requests, a confirmation. */
    @POST
    @Path("/{id}/{action}/preview")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response previewOperation(@PathParam("id") String id, @PathParam("action") String action) {
        Optional<RuleChangeCommand.Kind> kind = kind(action);
        if (kind.isEmpty()) {
            return unknownAction(action);
        }
        RuleOperation operation = operation(id, kind.get(), false);
        return Response.status(operation.errors().hasErrors() ? 422 : 200)
                .entity(change(action, List.of(operation), false, null)).build();
    }

    /** Sends a confirmed operation; an evaluation goes on to the rule's page, which follows it to its end. */
    @POST
    @Path("/{id}/{action}")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response operate(@PathParam("id") String id, @PathParam("action") String action,
                            @RestForm String acknowledge) {
        Optional<RuleChangeCommand.Kind> kind = kind(action);
        if (kind.isEmpty()) {
            return unknownAction(action);
        }
        boolean acknowledged = acknowledge != null && !acknowledge.isBlank();
        RuleChangeCommand command = RuleChangeCommand.of(actor(), settings.domainId(), id, kind.get(), acknowledged);
        SubmissionResult result = metrics.record(action + "_config_rule", () -> manage.submit(command));
        if (kind.get() == RuleChangeCommand.Kind.EVALUATE && result instanceof SubmissionResult.Sent sent
                && sent.outcome().status().name().equals("SUCCEEDED")) {
            return Response.seeOther(URI.create("/rules/" + id + "?notice=evaluation-" + sent.entryId())).build();
        }
        return Results.of(result, new Results.FormPages() {
            @Override
            public TemplateInstance form(Violations errors, String notice) {
                return change(action, List.of(new RuleOperation(id,
                        new FieldErrors(errors), manage.preview(command))), false, notice);
            }

            @Override
            public TemplateInstance preview(Violations warnings) {
                return change(action, List.of(operation(id, kind.get(), true)), true, null);
            }
        });
    }

    /** Several rules' operation previewed at once: which would be sent, which refused and why. */
    @POST
    @Path("/bulk/preview")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response previewBulk(@RestForm("action") String action, @RestForm("rule_id") List<String> ids) {
        Optional<RuleChangeCommand.Kind> kind = kind(action);
        List<String> chosen = chosen(ids);
        Response refused = refusedBulk(action, kind, chosen);
        if (refused != null) {
            return refused;
        }
        List<RuleOperation> operations = chosen.stream().map(id -> operation(id, kind.get(), false)).toList();
        boolean sendable = operations.stream().anyMatch(o -> !o.errors().hasErrors());
        return Response.status(sendable ? 200 : 422).entity(change(action, operations,
                false, null)).build();
    }

    /** Sends the operation to each chosen rule the checks let through, each its own history entry. */
    @POST
    @Path("/bulk")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulk(@RestForm("action") String action, @RestForm("rule_id") List<String> ids,
                         @RestForm String acknowledge) {
        Optional<RuleChangeCommand.Kind> kind = kind(action);
        List<String> chosen = chosen(ids);
        Response refused = refusedBulk(action, kind, chosen);
        if (refused != null) {
            return refused;
        }
        boolean acknowledged = acknowledge != null && !acknowledge.isBlank();
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (String id : chosen) {
            RuleChangeCommand command = RuleChangeCommand.of(actor(), settings.domainId(), id, kind.get(), acknowledged);
            SubmissionResult result = metrics.record(action + "_config_rule", () -> manage.submit(command));
            outcomes.add(outcome(id, result));
        }
        boolean anySent = outcomes.stream().anyMatch(o -> o.entryId() != null);
        return Response.status(anySent ? 200 : 422).entity(Templates.done(action, outcomes)).build();
    }

    /** An operation's page: its rules' previews, whether any can be sent, whether any has warnings to acknowledge. */
    private TemplateInstance change(String action, List<RuleOperation> operations, boolean mustAcknowledge,
                                    String notice) {
        return Templates.change(settings.domainId(), action, operations,
                operations.stream().anyMatch(o -> o.preview().isSendable()),
                operations.stream().anyMatch(o -> o.errors().hasWarnings()), mustAcknowledge, notice);
    }

    private static RuleOutcome outcome(String id, SubmissionResult result) {
        if (result instanceof SubmissionResult.Sent sent) {
            return new RuleOutcome(id, sent.entryId(), sent.outcome().status().name(), null);
        }
        if (result instanceof SubmissionResult.AwaitingApproval held) {
            return new RuleOutcome(id, held.entryId(), "AWAITING_APPROVAL", String.join("; ", held.reasons()));
        }
        if (result instanceof SubmissionResult.Rejected rejected) {
            Violations v = rejected.violations();
            String why = v.hasErrors() ? v.errors().get(0).message()
                    : "warnings not acknowledged: " + v.warnings().get(0).message();
            return new RuleOutcome(id, null, "NOT SENT", why);
        }
        return new RuleOutcome(id, null, "NOT SENT", ((SubmissionResult.NotRecorded) result).reason());
    }

    private RuleOperation operation(String id, RuleChangeCommand.Kind kind, boolean acknowledged) {
        RuleChangePreview preview = manage.preview(RuleChangeCommand.of(actor(), settings.domainId(), id, kind,
                acknowledged));
        return new RuleOperation(id, new FieldErrors(preview.violations()), preview);
    }

    private Response page(String id, String marker, boolean rollout, String notice) {
        Optional<RuleDetail> detail;
        try {
            detail = rules.rule(settings.domainId(), id, marker == null || marker.isBlank() ? null : marker);
        } catch (CloudReadException e) {
            return Response.status(502).entity(Templates.rule(settings.domainId(), null, marker, rollout,
                    "The rule could not be read from Config: " + e.getMessage())).build();
        }
        if (detail.isEmpty()) {
            return notFound(id);
        }
        String shown = notice != null && notice.matches("evaluation-\\d{1,18}")
                ? "Evaluation sent (history entry #" + notice.substring(11) + "); this page follows it to its end."
                : null;
        return Response.ok(Templates.rule(settings.domainId(), detail.get(), marker, rollout, shown)).build();
    }

    private Response notFound(String id) {
        return Response.status(404).entity(Templates.rule(settings.domainId(), null, null, false,
                "Config has no rule " + cut(id) + " in account " + settings.domainId()
                        + " (deleted already, or not a rule ID).")).build();
    }

    private Response unknownAction(String action) {
        return Response.status(404).entity(Templates.rule(settings.domainId(), null, null, false,
                "There is no rule operation '" + cut(action) + "': enable, disable, evaluate or delete.")).build();
    }

    /** A bulk action without an operation, or with no or too many rules: the page again (422), else null. */
    private Response refusedBulk(String action, Optional<RuleChangeCommand.Kind> kind, List<String> chosen) {
        String problem = kind.isEmpty() ? "Choose an operation for the chosen rules: enable, disable, evaluate or delete."
                : chosen.isEmpty() ? "Choose at least one rule."
                : chosen.size() > MAX_BULK ? "At most " + MAX_BULK + " rules at once (" + chosen.size() + " chosen)."
                : null;
        return problem == null ? null : Response.status(422).entity(change(action, List.of(), false, problem)).build();
    }

    private TemplateInstance updateForm(ConfigRuleForm form, Violations errors, String notice) {
        return ConfigRuleResource.formPage(form, new FieldErrors(errors), catalog, notice);
    }

    private RuleChangeCommand update(String id, ConfigRuleForm.Read read, boolean acknowledged) {
        return new RuleChangeCommand(actor(), settings.domainId(), id, RuleChangeCommand.Kind.UPDATE, read.rule(),
                acknowledged);
    }

    /** The update's single request as the add form's preview shows it. */
    private static Preview first(RuleChangePreview preview) {
        return new Preview(preview.violations(), preview.requests().get(0), preview.approvalReasons());
    }

    private static Optional<RuleChangeCommand.Kind> kind(String action) {
        if (action == null) {
            return Optional.empty();
        }
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "enable" -> Optional.of(RuleChangeCommand.Kind.ENABLE);
            case "disable" -> Optional.of(RuleChangeCommand.Kind.DISABLE);
            case "evaluate" -> Optional.of(RuleChangeCommand.Kind.EVALUATE);
            case "delete" -> Optional.of(RuleChangeCommand.Kind.DELETE);
            default -> Optional.empty();
        };
    }

    private static List<String> chosen(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                .distinct().toList();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static String cut(String text) {
        String t = text == null ? "" : text;
        return t.length() > 64 ? t.substring(0, 63) + "…" : t;
    }
}
