package com.policyconsole.adapter.out.secmaster;

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
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.PreparedCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.policyconsole.adapter.out.http.ErrorBody;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.PolicyChange;
import com.policyconsole.domain.model.lifecycle.SecMasterPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link EmergencyPolicyGateway} over SecMaster's REST API: creates and retries emergency policies, reads a
 * workspace's policies and their delivery records back, removes policies and changes their ageing. A create or retry that may have reached SecMaster without a definite answer
 * (read timeout, 5xx) becomes {@link CloudOutcome.Unknown} and is never repeated automatically.
 */
@ApplicationScoped
public class SecMasterEmergencyPolicyGateway implements EmergencyPolicyGateway {

    /** Path of the create/retry endpoint. */
    public static final String POLICIES_PATH = "/v1/{project_id}/workspaces/{workspace_id}/soc/policys";
    /** Path of the search endpoint. */
    public static final String SEARCH_PATH = POLICIES_PATH + "/search";
    /** Path of one policy (show, update). */
    public static final String POLICY_PATH = POLICIES_PATH + "/{policy_id}";
    /** Path of the batch delete. */
    public static final String BATCH_DELETE_PATH = POLICIES_PATH + "/batch-delete";
    /** Path of a policy's delivery records. */
    public static final String RECORDS_PATH = "/v1/{project_id}/workspaces/{workspace_id}/soc/policy-records/{policy_id}/search";
    /** The service version header, spelled as the document spells it. */
    public static final String VERSION_HEADER = "x-secmaster-version";
    /** The query parameter that says create or retry. */
    static final String ACTION_TYPE = "action_type";
    /** The content type header, spelled as the document spells it. */
    public static final String CONTENT_TYPE_HEADER = "content-type";

    private static final Set<String> SENT_BY_METHOD = Set.of(CONTENT_TYPE_HEADER, VERSION_HEADER);

    private final CloudEndpoints endpoints;
    private final RestClientFactory clients;
    private final Authentication authentication;
    private final CloudCallExecutor executor;
    private final CloudSettings settings;
    private final LazyRestClient<SecMasterClient> client;

    @Inject
    public SecMasterEmergencyPolicyGateway(CloudEndpoints endpoints, RestClientFactory clients,
                                           Authentication authentication, CloudCallExecutor executor,
                                           CloudSettings settings) {
        this.endpoints = Objects.requireNonNull(endpoints, "'endpoints' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.client = new LazyRestClient<>(() -> this.clients.build(SecMasterClient.class, endpoints.secmaster()));
        this.authentication = Objects.requireNonNull(authentication, "'authentication' must not be null");
        this.executor = Objects.requireNonNull(executor, "'executor' must not be null");
        this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    }

    /**
     * Builds the create or retry once: the rendered form (authentication values masked) is what the preview shows
     * and the history records, the call sends exactly that request. Without a project or workspace the call is not
     * sent and fails as such; nor is it when {@code quarkus.rest-client.secmaster.url} is not set (the request is
     * shown against {@link CloudEndpoints#UNCONFIGURED}).
     */
    @Override
    public PreparedCall prepare(EmergencyPolicyRequest request) {
        Base base = base();
        WireRequest wire = submitRequest(request, base.uri());
        Map<String, String> query = new LinkedHashMap<>();
        if (request.actionType() != null) {
            query.put(ACTION_TYPE, request.actionType());
        }
        return prepared(wire, POLICIES_PATH, pathValues(request.workspace()), query, request.workspace(), base, null,
                () -> send(request, wire));
    }

    /** SecMaster's address, or {@link CloudEndpoints#UNCONFIGURED} and why when it is not configured. */
    private record Base(URI uri, String unconfigured) {
    }

    private Base base() {
        try {
            return new Base(endpoints.secmaster(), null);
        } catch (CloudEndpoints.EndpointNotConfiguredException e) {
            return new Base(CloudEndpoints.UNCONFIGURED, e.getMessage());
        }
    }

    /**
     * The request rendered (authentication masked) with its call: not sent, and why, without a project and workspace,
     * when {@code notSendable} says so, or without SecMaster's address; else sent by {@code send}.
     */
    private PreparedCall prepared(WireRequest wire, String pathTemplate, Map<String, String> pathValues,
                                  Map<String, String> query, SecMasterWorkspace workspace, Base base,
                                  String notSendable, java.util.function.Supplier<CloudOutcome> send) {
        boolean addressed = !isBlank(workspace.projectId()) && !isBlank(workspace.workspaceId());
        Map<String, String> headers = new LinkedHashMap<>(wire.headers());
        headers.putAll(authentication.preview(wire, addressed ? scope(workspace) : new AuthScope.Domain(null)));
        RenderedRequest rendered = new RenderedRequest(wire.method(), wire.uri().toString(), pathTemplate, pathValues,
                query, headers, wire.body());
        String why = !addressed ? "project_id and workspace_id are required"
                : notSendable != null ? notSendable : base.unconfigured();
        return why == null ? new PreparedCall(rendered, send) : new PreparedCall(rendered, () -> notSent(why));
    }

    private CloudOutcome send(EmergencyPolicyRequest request, WireRequest wire) {
        SecMasterWorkspace workspace = request.workspace();
        String version = wire.headers().get(VERSION_HEADER);
        Exchange exchange = executor.execute(wire, authentication.forScope(scope(workspace)),
                headers -> client().submit(workspace.projectId(), workspace.workspaceId(), request.actionType(),
                        version, AuthHeaders.from(headers, SENT_BY_METHOD), wire.bodyBytes()));
        return Outcomes.ofWrite(exchange, Outcomes.ServerError.MAY_HAVE_APPLIED, SecMasterCodec::submitOutcome);
    }

    /**
     * The request a recorded create or retry was made from: the workspace from its path, the version from its
     * header, the action from its query, the rest from its body.
     */
    @Override
    public Optional<EmergencyPolicyRequest> readBack(RenderedRequest recorded) {
        if (!POLICIES_PATH.equals(recorded.pathTemplate())) {
            return Optional.empty();
        }
        SecMasterWorkspace workspace = new SecMasterWorkspace(recorded.pathParameters().get("project_id"),
                recorded.pathParameters().get("workspace_id"));
        try {
            WireJson.Typed<EmergencyPolicyRequest> read = SecMasterCodec.readRequest(workspace,
                    recorded.header(VERSION_HEADER), recorded.query().get(ACTION_TYPE), recorded.body());
            return Optional.ofNullable(read.value());
        } catch (WireJson.UnreadableBodyException e) {
            return Optional.empty();
        }
    }

    /**
     * The removal or ageing change a recorded request was made from: the workspace and policy from its path, the
     * version from its header, the IDs or the ageing from its body.
     */
    @Override
    public Optional<PolicyChange> readBackChange(RenderedRequest recorded) {
        SecMasterWorkspace workspace = new SecMasterWorkspace(recorded.pathParameters().get("project_id"),
                recorded.pathParameters().get("workspace_id"));
        String version = recorded.header(VERSION_HEADER);
        try {
            if (BATCH_DELETE_PATH.equals(recorded.pathTemplate()) && "POST".equals(recorded.method())) {
                List<String> ids = SecMasterCodec.readRemoval(recorded.body()).value();
                return ids == null || ids.isEmpty() ? Optional.empty() : Optional.of(new PolicyChange.Removal(workspace,
                        version, ids.stream().map(id -> new PolicyChange.Subject(id, null, List.of())).toList()));
            }
            String policyId = recorded.pathParameters().get("policy_id");
            if (POLICY_PATH.equals(recorded.pathTemplate()) && "PUT".equals(recorded.method()) && policyId != null) {
                SecMasterCodec.PolicyUpdate update = SecMasterCodec.readUpdate(recorded.body()).value();
                return update == null || update.changes().blockAge() == null ? Optional.empty()
                        : Optional.of(new PolicyChange.AgeingChange(workspace, version,
                                new PolicyChange.Subject(policyId, null, List.of()), update.changes().blockAge()));
            }
        } catch (WireJson.UnreadableBodyException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public WorkspacePolicies search(SecMasterWorkspace workspace, String secmasterVersion) {
        Listed listed = listAll(workspace, secmasterVersion);
        return SecMasterCodec.toWorkspacePolicies(listed.policies(), listed.total());
    }

    @Override
    public List<SecMasterPolicy> list(SecMasterWorkspace workspace, String secmasterVersion) {
        return listAll(workspace, secmasterVersion).policies();
    }

    /** Every policy of a workspace, and the total the service reported (counting items without an ID). */
    private record Listed(List<SecMasterPolicy> policies, Integer total) {
    }

    private Listed listAll(SecMasterWorkspace workspace, String secmasterVersion) {
        requireAddressed(workspace, "the policy search");
        String version = version(secmasterVersion);
        List<JsonNode> items = pages("the policy search", (limit, offset) -> {
            WireRequest wire = new WireRequest("POST", SEARCH_PATH,
                    Uris.build(endpoints.secmaster(), SEARCH_PATH, pathValues(workspace), Map.of()),
                    documentedHeaders(version), SecMasterCodec.writeSearchRequest(limit, offset));
            return executor.execute(wire, authentication.forScope(scope(workspace)),
                    headers -> client().search(workspace.projectId(), workspace.workspaceId(), version,
                            AuthHeaders.from(headers, SENT_BY_METHOD), wire.bodyBytes()));
        });
        List<SecMasterPolicy> policies = new ArrayList<>();
        for (JsonNode item : items) {
            SecMasterPolicy policy = SecMasterCodec.toPolicy(SecMasterCodec.item(item, PolicyViewDto.class));
            if (policy != null) {
                policies.add(policy);
            }
        }
        return new Listed(policies, items.size());
    }

    @Override
    public Optional<SecMasterPolicy> show(SecMasterWorkspace workspace, String secmasterVersion, String policyId) {
        requireAddressed(workspace, "the policy query");
        String version = version(secmasterVersion);
        Map<String, String> values = pathValues(workspace);
        values.put("policy_id", policyId);
        WireRequest wire = new WireRequest("GET", POLICY_PATH, Uris.build(endpoints.secmaster(), POLICY_PATH, values,
                Map.of()), Map.of(VERSION_HEADER, version), null);
        Exchange exchange = executor.execute(wire, authentication.forScope(scope(workspace)),
                headers -> client().show(workspace.projectId(), workspace.workspaceId(), policyId, version,
                        AuthHeaders.from(headers, SENT_BY_METHOD)));
        if (exchange instanceof Exchange.Answered answer && isNotFound(answer)) {
            return Optional.empty();
        }
        if (!(exchange instanceof Exchange.Answered answer) || !answer.isSuccess()) {
            throw Outcomes.readFailure("the policy query", exchange);
        }
        JsonNode root = WireJson.treeOrNull(answer.body());
        if (root == null || !root.path("data").isObject()) {
            throw Outcomes.readFailure("the policy query", answer, "the answer has no policy in data");
        }
        return Optional.ofNullable(SecMasterCodec.toPolicy(SecMasterCodec.item(root.path("data"), PolicyViewDto.class)));
    }

    @Override
    public List<LayerDelivery> deliveryRecords(SecMasterWorkspace workspace, String secmasterVersion, String policyId) {
        requireAddressed(workspace, "the delivery records search");
        String version = version(secmasterVersion);
        Map<String, String> values = pathValues(workspace);
        values.put("policy_id", policyId);
        List<JsonNode> items = pages("the delivery records search", (limit, offset) -> {
            WireRequest wire = new WireRequest("POST", RECORDS_PATH,
                    Uris.build(endpoints.secmaster(), RECORDS_PATH, values, Map.of()), documentedHeaders(version),
                    SecMasterCodec.writeRecordsSearch(limit, offset));
            return executor.execute(wire, authentication.forScope(scope(workspace)),
                    headers -> client().records(workspace.projectId(), workspace.workspaceId(), policyId, version,
                            AuthHeaders.from(headers, SENT_BY_METHOD), wire.bodyBytes()));
        });
        // the latest record of each operation connection
        Map<String, LayerDelivery> latest = new LinkedHashMap<>();
        for (JsonNode item : items) {
            for (LayerDelivery layer : SecMasterCodec.layers(SecMasterCodec.item(item, PolicyRecordDto.class))) {
                String key = layer.connectionId() == null ? "" : layer.connectionId();
                LayerDelivery known = latest.get(key);
                if (known == null || isLater(layer, known)) {
                    latest.put(key, layer);
                }
            }
        }
        return List.copyOf(latest.values());
    }

    private static boolean isLater(LayerDelivery candidate, LayerDelivery known) {
        return candidate.recordedAt() != null && (known.recordedAt() == null
                || !candidate.recordedAt().isBefore(known.recordedAt()));
    }

    /** Builds a removal or ageing change once, as {@link #prepare(EmergencyPolicyRequest)} does a create. */
    @Override
    public PreparedCall prepare(PolicyChange change) {
        SecMasterWorkspace workspace = change.workspace();
        Base base = base();
        String version = version(change.secmasterVersion());
        Map<String, String> values = pathValues(workspace);
        boolean ageing = change instanceof PolicyChange.AgeingChange;
        String path = ageing ? POLICY_PATH : BATCH_DELETE_PATH;
        if (change instanceof PolicyChange.AgeingChange a) {
            values.put("policy_id", a.subject().policyId());
        }
        WireRequest wire = new WireRequest(ageing ? "PUT" : "POST", path, Uris.build(base.uri(), path, values, Map.of()),
                documentedHeaders(version), change instanceof PolicyChange.AgeingChange a
                        ? SecMasterCodec.writeAgeingChange(a.subject().policyId(), a.blockAge())
                        : SecMasterCodec.writeRemoval(change.policyIds()));
        return prepared(wire, path, values, Map.of(), workspace, base,
                change.policyIds().isEmpty() ? "no policy to change" : null, () -> {
                    Exchange exchange = executor.execute(wire, authentication.forScope(scope(workspace)), h -> {
                        AuthHeaders auth = AuthHeaders.from(h, SENT_BY_METHOD);
                        return change instanceof PolicyChange.AgeingChange a
                                ? client().update(workspace.projectId(), workspace.workspaceId(),
                                        a.subject().policyId(), version, auth, wire.bodyBytes())
                                : client().batchDelete(workspace.projectId(), workspace.workspaceId(), version, auth,
                                        wire.bodyBytes());
                    });
                    return Outcomes.ofWrite(exchange, Outcomes.ServerError.MAY_HAVE_APPLIED,
                            SecMasterCodec::changeOutcome);
                });
    }

    /** One page of a list: sends the request for {@code limit} items from {@code offset}. */
    @FunctionalInterface
    private interface PageCall {
        Exchange send(int limit, int offset);
    }

    /** Every item of a paged list, page after page until a short page or the reported total. */
    private List<JsonNode> pages(String what, PageCall call) {
        int pageSize = Math.max(1, settings.paging().pageSize());
        int maxPages = Math.max(1, settings.paging().maxPages());
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; page < maxPages; page++) {
            Exchange exchange = call.send(pageSize, items.size());
            if (!(exchange instanceof Exchange.Answered answer) || !answer.isSuccess()) {
                throw Outcomes.readFailure(what, exchange);
            }
            SecMasterCodec.ListPage result;
            try {
                result = SecMasterCodec.listPage(answer.body());
            } catch (WireJson.UnreadableBodyException e) {
                throw Outcomes.readFailure(what, answer, e.getMessage());
            }
            if (Boolean.FALSE.equals(result.success())) {
                throw Outcomes.readFailure(what, answer, "the service answered success=false");
            }
            items.addAll(result.items());
            boolean lastPage = result.items().size() < pageSize
                    || (result.total() != null && items.size() >= result.total());
            if (lastPage) {
                return items;
            }
        }
        throw new CloudReadException(what + " did not end within " + maxPages + " pages of " + pageSize,
                new CloudOutcome.Failed(0, "CLIENT.TOO_MANY_PAGES", "more than " + maxPages + " pages of "
                        + pageSize + " (policyconsole.cloud.paging.max-pages)", null, null));
    }

    /** A 404, or SecMaster's "policy not found" code. */
    private static boolean isNotFound(Exchange.Answered answer) {
        if (answer.status() == 404) {
            return true;
        }
        return answer.status() == 400 && POLICY_NOT_FOUND_CODES.contains(ErrorBody.parse(answer.body()).code());
    }

    /** SecMaster's codes for a policy that does not exist (the sandbox uses the first). */
    public static final Set<String> POLICY_NOT_FOUND_CODES = Set.of("SecMaster.20041003");

    private void requireAddressed(SecMasterWorkspace workspace, String what) {
        if (isBlank(workspace.projectId()) || isBlank(workspace.workspaceId())) {
            throw new CloudReadException(what + " was not sent: project_id and workspace_id are required",
                    new CloudOutcome.Failed(0, "CLIENT.INVALID_REQUEST", "project_id and workspace_id are required",
                            null, null));
        }
    }

    private String version(String requested) {
        return isBlank(requested) ? settings.secmasterVersion() : requested;
    }

    private WireRequest submitRequest(EmergencyPolicyRequest request, URI base) {
        SecMasterWorkspace workspace = request.workspace();
        String version = isBlank(request.secmasterVersion()) ? settings.secmasterVersion() : request.secmasterVersion();
        Map<String, String> query = new LinkedHashMap<>();
        query.put(ACTION_TYPE, request.actionType());
        URI uri = Uris.build(base, POLICIES_PATH, pathValues(workspace), query);
        String template = POLICIES_PATH + (request.actionType() == null ? "" : "?action_type=" + Uris.encodeQuery(request.actionType()));
        return new WireRequest("POST", template, uri, documentedHeaders(version),
                SecMasterCodec.writeRequest(request));
    }

    private static Map<String, String> documentedHeaders(String version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CONTENT_TYPE_HEADER, WireJson.CONTENT_TYPE);
        headers.put(VERSION_HEADER, version);
        return headers;
    }

    private static Map<String, String> pathValues(SecMasterWorkspace workspace) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("project_id", workspace.projectId());
        values.put("workspace_id", workspace.workspaceId());
        return values;
    }

    private static AuthScope scope(SecMasterWorkspace workspace) {
        return new AuthScope.Project(workspace.projectId());
    }

    private static CloudOutcome notSent(String why) {
        return new CloudOutcome.Failed(0, "CLIENT.NOT_SENT", why + ": the request was not sent", null, null);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Releases the REST client's connections when the application stops. */
    @PreDestroy
    void close() {
        client.close();
    }

    private SecMasterClient client() {
        return client.get();
    }
}
