package com.policyconsole.adapter.out.config;

import com.policyconsole.adapter.log.Redactor;
import com.policyconsole.adapter.out.auth.AuthScope;
import com.policyconsole.adapter.out.auth.Authentication;
import com.policyconsole.adapter.out.http.AuthHeaders;
import com.policyconsole.adapter.out.http.CloudCallExecutor;
import com.policyconsole.adapter.out.http.CloudEndpoints;
import com.policyconsole.adapter.out.http.CloudSettings;
import com.policyconsole.adapter.out.http.Exchange;
import com.policyconsole.adapter.out.http.LazyRestClient;
import com.policyconsole.adapter.out.http.Outcomes;
import com.policyconsole.adapter.out.http.RestClientFactory;
import com.policyconsole.adapter.out.http.Uris;
import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.adapter.out.http.WireRequest;
import com.policyconsole.domain.model.config.CompliancePage;
import com.policyconsole.domain.model.config.ComplianceSummary;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.EvaluationState;
import com.policyconsole.domain.model.config.RuleChange;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.out.ConfigRuleGateway;
import com.policyconsole.domain.port.out.PreparedCall;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@link ConfigRuleGateway} over Config's (RMS) REST API: adds rules, lists the account's rules (following
 * {@code page_info.next_marker}), reads the built-in policy definitions, and reads and operates on one rule (show,
 * compliance, evaluation; enable, disable, run an evaluation, update, delete). A 5xx answer to "Adding a Rule" is
 * Failed, not Unknown: a rule name is unique per account, so sending the same rule again can never create a
 * second one. Enable, disable, delete and the reads of one rule are repeated after a 5xx or a timeout, since
 * repeating them cannot do more than the first did (see {@code adapters-http/RETRIES.md}).
 */
@ApplicationScoped
public class RmsConfigRuleGateway implements ConfigRuleGateway {

    /** Path of the rule endpoints. */
    public static final String ASSIGNMENTS_PATH = "/v1/resource-manager/domains/{domain_id}/policy-assignments";
    /** Path of one rule. */
    public static final String RULE_PATH = ASSIGNMENTS_PATH + "/{policy_assignment_id}";
    /** Path of a rule's evaluated resources. */
    public static final String STATES_PATH = RULE_PATH + "/policy-states";
    /** Path of the built-in definitions. */
    public static final String DEFINITIONS_PATH = "/v1/resource-manager/policy-definitions";
    /** The content type header, spelled as the SecMaster document spells it. */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    /** Asks for English definition texts. */
    public static final String LANGUAGE_HEADER = "X-Language";
    /** Config's largest page of rules. */
    static final int MAX_PAGE_SIZE = 500;

    private static final Set<String> SENT_BY_PUT = Set.of(CONTENT_TYPE_HEADER);
    private static final Set<String> SENT_BY_DEFINITIONS = Set.of(LANGUAGE_HEADER);

    private final CloudEndpoints endpoints;
    private final RestClientFactory clients;
    private final Authentication authentication;
    private final CloudCallExecutor executor;
    private final CloudSettings settings;
    private final LazyRestClient<RmsClient> client;

    @Inject
    public RmsConfigRuleGateway(CloudEndpoints endpoints, RestClientFactory clients, Authentication authentication,
                                CloudCallExecutor executor, CloudSettings settings) {
        this.endpoints = Objects.requireNonNull(endpoints, "'endpoints' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.client = new LazyRestClient<>(() -> this.clients.build(RmsClient.class, endpoints.rms()));
        this.authentication = Objects.requireNonNull(authentication, "'authentication' must not be null");
        this.executor = Objects.requireNonNull(executor, "'executor' must not be null");
        this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    }

    /**
     * Builds "Adding a Rule" once: the rendered form (authentication values masked) is what the preview shows and
     * the history records, the call sends exactly that request. Without an account or a rule it is not sent, nor
     * when {@code quarkus.rest-client.rms.url} is not set (the request is shown against
     * {@link CloudEndpoints#UNCONFIGURED}).
     */
    @Override
    public PreparedCall prepare(ConfigRuleRequest request) {
        Base base = base();
        WireRequest wire = addRequest(request, base.uri());
        return prepared(wire, Map.of("domain_id", nullToEmpty(request.domainId())), request.domainId(),
                isBlank(request.domainId()) || request.rule() == null ? "domain_id and a rule are required" : null,
                base, () -> {
                    Exchange exchange = executor.execute(wire, authentication.forScope(
                            new AuthScope.Domain(request.domainId())), sent -> client().addRule(request.domainId(),
                            AuthHeaders.from(sent, SENT_BY_PUT), wire.bodyBytes()));
                    return Outcomes.ofWrite(exchange, Outcomes.ServerError.NOT_APPLIED,
                            RmsConfigRuleGateway::addOutcome);
                });
    }

    /** Config's address, or {@link CloudEndpoints#UNCONFIGURED} and why when it is not configured. */
    private record Base(URI uri, String unconfigured) {
    }

    private Base base() {
        try {
            return new Base(endpoints.rms(), null);
        } catch (CloudEndpoints.EndpointNotConfiguredException e) {
            return new Base(CloudEndpoints.UNCONFIGURED, e.getMessage());
        }
    }

    /**
     * The request rendered (authentication masked, no body as empty) with its call: not sent, and why, when
     * {@code notSendable} says so or without Config's address; else sent by {@code send}.
     */
    private PreparedCall prepared(WireRequest wire, Map<String, String> pathValues, String domainId, String notSendable,
                                  Base base, java.util.function.Supplier<CloudOutcome> send) {
        Map<String, String> headers = new LinkedHashMap<>(wire.headers());
        headers.putAll(authentication.preview(wire, new AuthScope.Domain(domainId)));
        RenderedRequest rendered = new RenderedRequest(wire.method(), wire.uri().toString(), wire.pathTemplate(),
                pathValues, Map.of(), headers, wire.body() == null ? "" : wire.body());
        String why = notSendable != null ? notSendable : base.unconfigured();
        if (why != null) {
            return new PreparedCall(rendered, () -> new CloudOutcome.Failed(0, "CLIENT.NOT_SENT",
                    why + ": the request was not sent", null, null));
        }
        return new PreparedCall(rendered, send);
    }

    @Override
    public List<PolicyAssignment> listRules(String domainId) {
        if (isBlank(domainId)) {
            throw new CloudReadException("the rule list was not sent: domain_id is required",
                    new CloudOutcome.Failed(0, "CLIENT.INVALID_REQUEST", "domain_id is required", null, null));
        }
        String limit = Integer.toString(Math.min(MAX_PAGE_SIZE, Math.max(1, settings.paging().pageSize())));
        List<PolicyAssignment> rules = new ArrayList<>();
        readAllPages("the rule list", marker -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", limit);
            query.put("marker", marker);
            WireRequest wire = new WireRequest("GET", ASSIGNMENTS_PATH,
                    Uris.build(endpoints.rms(), ASSIGNMENTS_PATH, Map.of("domain_id", domainId), query), Map.of(), null);
            Exchange exchange = executor.execute(wire, authentication.forScope(new AuthScope.Domain(domainId)),
                    headers -> client().listRules(domainId, limit, marker, AuthHeaders.from(headers, Set.of())));
            PolicyAssignmentPageDto page = readPage("the rule list", exchange, PolicyAssignmentPageDto.class);
            if (page.value() != null) {
                page.value().forEach(dto -> rules.add(ConfigCodec.toDomain(dto)));
            }
            return page.pageInfo();
        });
        return rules;
    }

    @Override
    public List<PolicyDefinition> definitions() {
        AuthScope scope = new AuthScope.Domain(settings.domainId().orElse(null));
        List<PolicyDefinition> definitions = new ArrayList<>();
        readAllPages("the policy definitions", marker -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("marker", marker);
            WireRequest wire = new WireRequest("GET", DEFINITIONS_PATH,
                    Uris.build(endpoints.rms(), DEFINITIONS_PATH, Map.of(), query), Map.of(LANGUAGE_HEADER, "en-us"), null);
            Exchange exchange = executor.execute(wire, authentication.forScope(scope),
                    headers -> client().definitions(marker, headers.get(LANGUAGE_HEADER),
                            AuthHeaders.from(headers, SENT_BY_DEFINITIONS)));
            PolicyDefinitionPageDto page = readPage("the policy definitions", exchange, PolicyDefinitionPageDto.class);
            if (page.value() != null) {
                page.value().forEach(dto -> definitions.add(ConfigCodec.toDomain(dto)));
            }
            return page.pageInfo();
        });
        return definitions;
    }

    @Override
    public PreparedCall prepare(RuleChange change) {
        Base base = base();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("domain_id", nullToEmpty(change.domainId()));
        values.put("policy_assignment_id", nullToEmpty(change.ruleId()));
        String path = pathOf(change);
        URI uri = Uris.build(base.uri(), path, values, Map.of());
        WireRequest wire = change instanceof RuleChange.Update update
                ? new WireRequest("PUT", path, uri, Map.of(CONTENT_TYPE_HEADER, WireJson.CONTENT_TYPE),
                        ConfigCodec.writeRule(update.rule()))
                : new WireRequest(change instanceof RuleChange.Delete ? "DELETE" : "POST", path, uri, Map.of(), null);
        return prepared(wire, values, change.domainId(), isBlank(change.domainId()) || isBlank(change.ruleId())
                ? "domain_id and policy_assignment_id are required" : null, base,
                () -> send(change, wire, new AuthScope.Domain(change.domainId())));
    }

    @Override
    public Optional<ConfigRule> readBackUpdate(RenderedRequest recorded) {
        if (!RULE_PATH.equals(recorded.pathTemplate()) || !"PUT".equals(recorded.method())) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ConfigCodec.readRule(recorded.body()).value());
        } catch (WireJson.UnreadableBodyException e) {
            return Optional.empty();
        }
    }

    private static String pathOf(RuleChange change) {
        if (change instanceof RuleChange.Enable) {
            return RULE_PATH + "/enable";
        }
        if (change instanceof RuleChange.Disable) {
            return RULE_PATH + "/disable";
        }
        return change instanceof RuleChange.Evaluate ? STATES_PATH + "/run-evaluation" : RULE_PATH;
    }

    /**
     * Sends an operation: enable, disable and delete repeated after a 5xx or a timeout; a delete whose repetition finds
     * the rule gone (404) deleted it with an earlier attempt. A 5xx after the last attempt is Unknown: Config may have
     * applied it (the rule's page shows its state, and sending it again does no harm).
     */
    private CloudOutcome send(RuleChange change, WireRequest wire, AuthScope scope) {
        String domainId = change.domainId();
        String ruleId = change.ruleId();
        AtomicInteger attempts = new AtomicInteger();
        CloudCallExecutor.Transport transport = headers -> {
            attempts.incrementAndGet();
            AuthHeaders auth = AuthHeaders.from(headers, SENT_BY_PUT);
            if (change instanceof RuleChange.Update) {
                return client().updateRule(domainId, ruleId, auth, wire.bodyBytes());
            }
            if (change instanceof RuleChange.Delete) {
                return client().deleteRule(domainId, ruleId, auth);
            }
            if (change instanceof RuleChange.Evaluate) {
                return client().runEvaluation(domainId, ruleId, auth);
            }
            return client().switchRule(domainId, ruleId, change instanceof RuleChange.Enable ? "enable" : "disable", auth);
        };
        boolean repeatable = !(change instanceof RuleChange.Update || change instanceof RuleChange.Evaluate);
        Exchange exchange = repeatable
                ? executor.executeRepeatable(wire, authentication.forScope(scope), transport)
                : executor.execute(wire, authentication.forScope(scope), transport);
        if (change instanceof RuleChange.Delete && attempts.get() > 1 && exchange instanceof Exchange.Answered a
                && a.status() == 404) {
            return new CloudOutcome.Accepted(ruleId, "Deleted", a.status(), Redactor.redact(a.requestId()),
                    Outcomes.body(a));
        }
        return Outcomes.ofWrite(exchange, Outcomes.ServerError.MAY_HAVE_APPLIED, change instanceof RuleChange.Update
                ? RmsConfigRuleGateway::addOutcome
                : answer -> new CloudOutcome.Accepted(ruleId, null, answer.status(), Redactor.redact(answer.requestId()),
                        Outcomes.body(answer)));
    }

    @Override
    public Optional<PolicyAssignment> show(String domainId, String ruleId) {
        Exchange exchange = readRule("the rule", RULE_PATH, domainId, ruleId, Map.of(),
                headers -> client().showRule(domainId, ruleId, headers));
        if (exchange instanceof Exchange.Answered a && a.status() == 404) {
            return Optional.empty();
        }
        PolicyAssignmentDto dto = body("the rule", exchange, PolicyAssignmentDto.class);
        if (dto.id() == null) {
            throw Outcomes.readFailure("the rule", (Exchange.Answered) exchange, "the answer has no rule id");
        }
        return Optional.of(ConfigCodec.toDomain(dto));
    }

    @Override
    public ComplianceSummary summary(String domainId, String ruleId) {
        Exchange exchange = readRule("the compliance summary", STATES_PATH + "/summary", domainId, ruleId, Map.of(),
                headers -> client().summary(domainId, ruleId, headers));
        return ConfigCodec.toDomain(body("the compliance summary", exchange, ComplianceSummaryDto.class));
    }

    @Override
    public CompliancePage policyStates(String domainId, String ruleId, String complianceState, String marker,
                                       int limit) {
        String size = Integer.toString(Math.min(MAX_PAGE_SIZE, Math.max(1, limit)));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("compliance_state", complianceState);
        query.put("limit", size);
        query.put("marker", marker);
        Exchange exchange = readRule("the evaluated resources", STATES_PATH, domainId, ruleId, query,
                headers -> client().policyStates(domainId, ruleId, complianceState, size, marker, headers));
        return ConfigCodec.toDomain(body("the evaluated resources", exchange, PolicyStatePageDto.class));
    }

    @Override
    public EvaluationState evaluationState(String domainId, String ruleId) {
        Exchange exchange = readRule("the evaluation state", STATES_PATH + "/evaluation-state", domainId, ruleId,
                Map.of(), headers -> client().evaluationState(domainId, ruleId, headers));
        return ConfigCodec.toDomain(body("the evaluation state", exchange, EvaluationStateDto.class));
    }

    /** One read of a rule's resource, repeated after a 5xx or a timeout; not sent without an account and a rule ID. */
    private Exchange readRule(String what, String path, String domainId, String ruleId, Map<String, String> query,
                              java.util.function.Function<AuthHeaders, jakarta.ws.rs.core.Response> call) {
        if (isBlank(domainId) || isBlank(ruleId)) {
            throw new CloudReadException(what + " was not sent: domain_id and policy_assignment_id are required",
                    new CloudOutcome.Failed(0, "CLIENT.INVALID_REQUEST", "domain_id and policy_assignment_id are required",
                            null, null));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("domain_id", domainId);
        values.put("policy_assignment_id", ruleId);
        URI base;
        try {
            base = endpoints.rms();
        } catch (CloudEndpoints.EndpointNotConfiguredException e) {
            throw new CloudReadException(what + " was not sent: " + e.getMessage(),
                    new CloudOutcome.Failed(0, "CONFIG.MISSING", e.getMessage(), null, null));
        }
        WireRequest wire = new WireRequest("GET", path, Uris.build(base, path, values, query), Map.of(), null);
        return executor.executeRepeatable(wire, authentication.forScope(new AuthScope.Domain(domainId)),
                headers -> call.apply(AuthHeaders.from(headers, Set.of())));
    }

    private static <T> T body(String what, Exchange exchange, Class<T> type) {
        return readPage(what, exchange, type);
    }

    /** Follows {@code next_marker} until it is null, a marker repeats, or {@code max-pages} is reached (a failure). */
    private void readAllPages(String what, Function<String, PageInfoDto> readPage) {
        int maxPages = Math.max(1, settings.paging().maxPages());
        Set<String> seen = new HashSet<>();
        String marker = null;
        for (int page = 0; page < maxPages; page++) {
            PageInfoDto info;
            try {
                info = readPage.apply(marker);
            } catch (CloudEndpoints.EndpointNotConfiguredException e) {
                throw new CloudReadException(what + " was not sent: " + e.getMessage(),
                        new CloudOutcome.Failed(0, "CONFIG.MISSING", e.getMessage(), null, null));
            }
            marker = info == null ? null : info.nextMarker();
            if (marker == null || marker.isBlank()) {
                return;
            }
            if (!seen.add(marker)) {
                throw new CloudReadException(what + " failed: the service repeated the page marker",
                        new CloudOutcome.Failed(0, "CLIENT.PAGING_LOOP", "the service repeated the page marker", null, null));
            }
        }
        throw new CloudReadException(what + " did not end within " + maxPages + " pages",
                new CloudOutcome.Failed(0, "CLIENT.TOO_MANY_PAGES", "more than " + maxPages
                        + " pages (policyconsole.cloud.paging.max-pages)", null, null));
    }

    private static <T> T readPage(String what, Exchange exchange, Class<T> type) {
        if (!(exchange instanceof Exchange.Answered answer) || !answer.isSuccess()) {
            throw Outcomes.readFailure(what, exchange);
        }
        try {
            return WireJson.read(answer.body(), type);
        } catch (WireJson.UnreadableBodyException e) {
            throw Outcomes.readFailure(what, answer, e.getMessage());
        }
    }

    private WireRequest addRequest(ConfigRuleRequest request, URI base) {
        return new WireRequest("PUT", ASSIGNMENTS_PATH,
                Uris.build(base, ASSIGNMENTS_PATH, Map.of("domain_id", nullToEmpty(request.domainId())), Map.of()),
                Map.of(CONTENT_TYPE_HEADER, WireJson.CONTENT_TYPE),
                ConfigCodec.writeRule(request.rule()));
    }

    private static CloudOutcome addOutcome(Exchange.Answered answer) {
        PolicyAssignmentDto dto;
        try {
            dto = WireJson.read(answer.body(), PolicyAssignmentDto.class);
        } catch (WireJson.UnreadableBodyException e) {
            return Outcomes.unreadableSuccess(answer, e.getMessage());
        }
        if (dto.id() == null) {
            return Outcomes.unreadableSuccess(answer, "the answer has no rule id");
        }
        return new CloudOutcome.Accepted(dto.id(), dto.state(), answer.status(), Redactor.redact(answer.requestId()),
                Outcomes.body(answer));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Releases the REST client's connections when the application stops. */
    @PreDestroy
    void close() {
        client.close();
    }

    private RmsClient client() {
        return client.get();
    }
}
