package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.policyconsole.adapter.json.JsonValues;
import com.policyconsole.adapter.log.Redactor;
import com.policyconsole.adapter.out.http.Exchange;
import com.policyconsole.adapter.out.http.Outcomes;
import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SecMaster emergency-policy wire format, written once over the DTOs of this package: the strict writer of
 * requests (what the gateway sends), the lenient readers of answers (what the gateway receives), and — for the
 * sandbox cloud, which plays the service — the reader of requests and the writer of answers.
 */
public final class SecMasterCodec {

    private static final List<String> LIST_MEMBERS = List.of("records", "list", "data", "items", "policies");
    /** SecMaster's code of a successful answer. */
    private static final String SUCCESS_CODE = "00000000";

    private SecMasterCodec() {
    }

    /** A policy as a search answer lists it: its ID and the policy. */
    public record ListedPolicy(String policyId, EmergencyPolicy policy) {
    }

    /** The body of a policy search: page size and offset, each null when the caller left it out. */
    public record SearchRequest(Integer limit, Integer offset) {
    }

    /** The body of a create or retry, exactly as it goes on the wire. */
    public static String writeRequest(EmergencyPolicyRequest request) {
        return WireJson.write(toDto(request));
    }

    /**
     * Reads the body of a create or retry as SecMaster does, with the path, query and header values beside it.
     *
     * @throws WireJson.UnreadableBodyException when the body is not JSON
     */
    public static WireJson.Typed<EmergencyPolicyRequest> readRequest(SecMasterWorkspace workspace, String version,
                                                                      String actionType, String body) {
        WireJson.Typed<PolicyRequestDto> dto = WireJson.readTyped(body, PolicyRequestDto.class);
        return dto.typeError() != null ? new WireJson.Typed<>(null, dto.typeError())
                : new WireJson.Typed<>(toDomain(workspace, version, actionType, dto.value()), null);
    }

    /** The body of a search for one page of policies. */
    static String writeSearchRequest(int limit, int offset) {
        return WireJson.write(new SearchRequestDto(limit, offset));
    }

    /**
     * Reads the body of a policy search as SecMaster does.
     *
     * @throws WireJson.UnreadableBodyException when the body is not JSON
     */
    public static WireJson.Typed<SearchRequest> readSearchRequest(String body) {
        WireJson.Typed<SearchRequestDto> dto = WireJson.readTyped(body, SearchRequestDto.class);
        return dto.typeError() != null ? new WireJson.Typed<>(null, dto.typeError())
                : new WireJson.Typed<>(new SearchRequest(dto.value().limit(), dto.value().offset()), null);
    }

    /** The 200 answer of a create or retry: the delivery task ID in {@code data}. */
    public static String writeSubmitAnswer(String taskId, String requestId) {
        return WireJson.writeAnswer(new SubmitResponseDto(SUCCESS_CODE, JsonValues.NODES.textNode(taskId), "success",
                requestId, true));
    }

    /** The 200 answer of a policy search: one page of the workspace's policies and their total. */
    public static String writeSearchAnswer(List<ListedPolicy> page, int total, String requestId) {
        return WireJson.writeAnswer(new SearchResponseDto(SUCCESS_CODE, "success", requestId, true, total,
                page.stream().map(SecMasterCodec::toView).toList()));
    }

    /** An error answer, in SecMaster's {@code {code, message}} shape. */
    public static String writeError(String code, String message) {
        return WireJson.writeAnswer(new ErrorDto(code, message));
    }

    private static PolicyViewDto toView(ListedPolicy listed) {
        EmergencyPolicy p = listed.policy();
        return new PolicyViewDto(listed.policyId(), listed.policyId(), p.blockTarget(), p.policyCategory(),
                JsonValues.NODES.objectNode().put("policy_type", p.policyType()),
                p.blockAge() == null ? null : new BlockAgeDto(p.blockAge().isBlockAgeing(), p.blockAge().blockAgeing()));
    }

    private static EmergencyPolicyRequest toDomain(SecMasterWorkspace workspace, String version, String actionType,
                                                   PolicyRequestDto dto) {
        DataObjectDto d = dto.dataObject();
        if (d == null) {
            return new EmergencyPolicyRequest(workspace, version, actionType, null, null);
        }
        List<DefenseConnection> connections = d.defensePolicyList() == null ? null
                : d.defensePolicyList().stream().map(SecMasterCodec::toDomain).toList();
        EmergencyPolicy policy = new EmergencyPolicy(d.regionId(), d.blockTarget(), d.policyCategory(),
                d.policyType() == null ? null : d.policyType().policyType(),
                d.blockAge() == null ? null : new BlockAge(d.blockAge().isBlockAgeing(), d.blockAge().blockAgeing()),
                connections, d.description(), d.labels(), d.policyDirection(), d.accountScope(), d.epsScope(),
                d.regionScope());
        return new EmergencyPolicyRequest(workspace, version, actionType, d.retryList(), policy);
    }

    private static DefenseConnection toDomain(DefensePolicyDto c) {
        return c == null ? new DefenseConnection(null, null, null, null, null, null, null, null, null)
                : new DefenseConnection(c.defenseConnectionId(), c.defenseConnectionName(),
                        c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), c.defenseType(),
                        c.targetEnterpriseId(), c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName());
    }

    /** The request body of a create or retry, field for field from the domain request. */
    static PolicyRequestDto toDto(EmergencyPolicyRequest request) {
        EmergencyPolicy p = request.policy();
        if (p == null) {
            return new PolicyRequestDto(request.retryList() == null ? null
                    : new DataObjectDto(request.retryList(), null, null, null, null, null, null, null, null, null,
                            null, null, null));
        }
        return new PolicyRequestDto(new DataObjectDto(
                request.retryList(),
                p.regionId(),
                p.blockTarget(),
                p.policyCategory(),
                p.description(),
                p.labels(),
                p.blockAge() == null ? null : new BlockAgeDto(p.blockAge().isBlockAgeing(), p.blockAge().blockAgeing()),
                p.policyType() == null ? null : new PolicyTypeDto(p.policyType()),
                p.defensePolicyList() == null ? null : p.defensePolicyList().stream().map(SecMasterCodec::toDto).toList(),
                p.policyDirection(),
                p.accountScope(),
                p.epsScope(),
                p.regionScope()));
    }

    static DefensePolicyDto toDto(DefenseConnection c) {
        return new DefensePolicyDto(c.defenseConnectionId(), c.defenseConnectionName(), c.defenseType(),
                c.targetEnterpriseId(), c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName(),
                c.defenseConnectionRegionId(), c.defenseConnectionRegionName());
    }

    /**
     * The outcome of a 2xx answer to a create or retry: Accepted with the delivery task ID, Refused when the body
     * says {@code success=false}, Unknown when the body cannot be read.
     */
    static CloudOutcome submitOutcome(Exchange.Answered answer) {
        JsonNode tree = WireJson.treeOrNull(answer.body());
        if (tree == null || !tree.isObject()) {
            return Outcomes.unreadableSuccess(answer, answer.body().isEmpty() ? "an empty body" : "a body that is not JSON");
        }
        SubmitResponseDto response = WireJson.convert(tree, SubmitResponseDto.class);
        if (Boolean.FALSE.equals(response.success())) {
            return Outcomes.refusedDespiteSuccessStatus(answer);
        }
        String requestId = Redactor.redact(answer.requestId() != null ? answer.requestId() : response.requestId());
        return new CloudOutcome.Accepted(Redactor.redact(text(response.data())), null, answer.status(), requestId,
                Outcomes.body(answer));
    }

    /** One page of a search answer: its policies and, when the answer says, the workspace's total. */
    record SearchPage(List<PolicyViewDto> policies, Integer total, Boolean success) {
    }

    /**
     * Reads a search answer. The policies are the array {@code data}, or an array member of an object {@code data}
     * ({@code records}, {@code list}, …); the total is {@code total} at the top or inside {@code data}.
     *
     * @throws WireJson.UnreadableBodyException when the body is not such an object
     */
    static SearchPage searchPage(String body) {
        JsonNode root = WireJson.treeOrNull(body);
        if (root == null || !root.isObject()) {
            throw new WireJson.UnreadableBodyException("the search answer is not a JSON object");
        }
        JsonNode data = root.path("data");
        JsonNode items = null;
        if (data.isArray()) {
            items = data;
        } else if (data.isObject()) {
            items = LIST_MEMBERS.stream().map(data::path).filter(JsonNode::isArray).findFirst().orElse(null);
        }
        if (items == null && data.isMissingNode() && !root.path("success").isBoolean()) {
            throw new WireJson.UnreadableBodyException("the search answer has no data");
        }
        List<PolicyViewDto> policies = new ArrayList<>();
        if (items != null) {
            for (JsonNode item : items) {
                policies.add(WireJson.convert(item, PolicyViewDto.class));
            }
        }
        Integer total = integer(root.path("total")).or(() -> integer(data.path("total"))).orElse(null);
        JsonNode success = root.path("success");
        return new SearchPage(policies, total, success.isBoolean() ? success.booleanValue() : null);
    }

    /**
     * The workspace's policies as the guardrails know them. Policies whose category or objects cannot be read
     * are left out of the list but still counted.
     *
     * @param total the workspace's total as the service reported it, or null to count the policies read
     */
    static WorkspacePolicies toWorkspacePolicies(List<PolicyViewDto> views, Integer total) {
        List<KnownPolicy> known = new ArrayList<>();
        int withAgeing = 0;
        for (int i = 0; i < views.size(); i++) {
            PolicyViewDto view = views.get(i);
            BlockAge age = view.blockAge() == null ? null
                    : new BlockAge(view.blockAge().isBlockAgeing(), view.blockAge().blockAgeing());
            if (age != null && age.ages()) {
                withAgeing++;
            }
            Optional<PolicyCategory> category = PolicyCategory.fromWire(view.policyCategory());
            String id = view.policyId() != null ? view.policyId() : view.id();
            if (category.isEmpty() || id == null) {
                continue;
            }
            EmergencyPolicy policy = EmergencyPolicy.builder()
                    .policyType(policyType(view.policyType()))
                    .blockTarget(view.blockTarget())
                    .build();
            known.add(new KnownPolicy(id, category.get(), policy.parsedTargets(),
                    age == null || !age.ages() ? null : age.ageingInstant().orElse(null)));
        }
        int count = total == null ? views.size() : Math.max(total, views.size());
        return new WorkspacePolicies(known, count, withAgeing);
    }

    private static String policyType(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isObject() ? text(node.get("policy_type")) : text(node);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static Optional<Integer> integer(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Integer.parseInt(node.textValue().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
