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
 * {@link EmergencyPolicyGateway} over SecMaster's REST API: creates and retries emergency policies and reads a
 * workspace's policies back. A create or retry that may have reached SecMaster without a definite answer
 * (read timeout, 5xx) becomes {@link CloudOutcome.Unknown} and is never repeated automatically.
 */
@ApplicationScoped
public class SecMasterEmergencyPolicyGateway implements EmergencyPolicyGateway {

    /** Path of the create/retry endpoint. */
    public static final String POLICIES_PATH = "/v1/{project_id}/workspaces/{workspace_id}/soc/policys";
    /** Path of the search endpoint. */
    public static final String SEARCH_PATH = POLICIES_PATH + "/search";
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
        SecMasterWorkspace workspace = request.workspace();
        URI base;
        String unconfigured = null;
        try {
            base = endpoints.secmaster();
        } catch (CloudEndpoints.EndpointNotConfiguredException e) {
            base = CloudEndpoints.UNCONFIGURED;
            unconfigured = e.getMessage();
        }
        WireRequest wire = submitRequest(request, base);
        boolean addressed = !isBlank(workspace.projectId()) && !isBlank(workspace.workspaceId());
        AuthScope scope = addressed ? scope(workspace) : new AuthScope.Domain(null);
        Map<String, String> headers = new LinkedHashMap<>(wire.headers());
        headers.putAll(authentication.preview(wire, scope));
        Map<String, String> query = new LinkedHashMap<>();
        if (request.actionType() != null) {
            query.put(ACTION_TYPE, request.actionType());
        }
        RenderedRequest rendered = new RenderedRequest(wire.method(), wire.uri().toString(), POLICIES_PATH,
                pathValues(workspace), query, headers, wire.body());
        if (!addressed) {
            return new PreparedCall(rendered, () -> notSent("project_id and workspace_id are required"));
        }
        if (unconfigured != null) {
            String why = unconfigured;
            return new PreparedCall(rendered, () -> notSent(why));
        }
        return new PreparedCall(rendered, () -> send(request, wire));
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

    @Override
    public WorkspacePolicies search(SecMasterWorkspace workspace, String secmasterVersion) {
        if (isBlank(workspace.projectId()) || isBlank(workspace.workspaceId())) {
            throw new CloudReadException("the policy search was not sent: project_id and workspace_id are required",
                    new CloudOutcome.Failed(0, "CLIENT.INVALID_REQUEST", "project_id and workspace_id are required",
                            null, null));
        }
        int pageSize = Math.max(1, settings.paging().pageSize());
        int maxPages = Math.max(1, settings.paging().maxPages());
        String version = isBlank(secmasterVersion) ? settings.secmasterVersion() : secmasterVersion;
        List<PolicyViewDto> policies = new ArrayList<>();
        Integer total = null;
        for (int page = 0; page < maxPages; page++) {
            WireRequest wire = searchRequest(workspace, version, pageSize, policies.size());
            Exchange exchange = executor.execute(wire, authentication.forScope(scope(workspace)),
                    headers -> client().search(workspace.projectId(), workspace.workspaceId(), version,
                            AuthHeaders.from(headers, SENT_BY_METHOD), wire.bodyBytes()));
            if (!(exchange instanceof Exchange.Answered answer) || !answer.isSuccess()) {
                throw Outcomes.readFailure("the policy search", exchange);
            }
            SecMasterCodec.SearchPage result;
            try {
                result = SecMasterCodec.searchPage(answer.body());
            } catch (WireJson.UnreadableBodyException e) {
                throw Outcomes.readFailure("the policy search", answer, e.getMessage());
            }
            if (Boolean.FALSE.equals(result.success())) {
                throw Outcomes.readFailure("the policy search", answer, "the service answered success=false");
            }
            policies.addAll(result.policies());
            total = result.total() != null ? result.total() : total;
            boolean lastPage = result.policies().size() < pageSize || (total != null && policies.size() >= total);
            if (lastPage) {
                return SecMasterCodec.toWorkspacePolicies(policies, total);
            }
        }
        throw new CloudReadException("the policy search did not end within " + maxPages + " pages of " + pageSize,
                new CloudOutcome.Failed(0, "CLIENT.TOO_MANY_PAGES", "more than " + maxPages + " pages of "
                        + pageSize + " policies (policyconsole.cloud.paging.max-pages)", null, null));
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

    private WireRequest searchRequest(SecMasterWorkspace workspace, String version, int limit, int offset) {
        URI uri = Uris.build(endpoints.secmaster(), SEARCH_PATH, pathValues(workspace), Map.of());
        return new WireRequest("POST", SEARCH_PATH, uri, documentedHeaders(version),
                SecMasterCodec.writeSearchRequest(limit, offset));
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
