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
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.SecMasterPolicy;
import java.time.Instant;
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

    /** A policy as a search or show answer gives it: its ID, the policy, its status, when and by whom created. */
    public record ListedPolicy(String policyId, EmergencyPolicy policy, String status, Instant createdAt,
                               String creator) {
    }

    /** One delivery record of a policy as the sandbox writes it: when, and each layer's part. */
    public record DeliveryRecord(String id, String policyId, String category, String direction, String blockTarget,
                                 Instant createdAt, Instant updatedAt, List<LayerDelivery> layers) {
    }

    /** The body of a policy update: the IDs it names and the fields of {@code data_object} it sends. */
    public record PolicyUpdate(List<String> batchIds, EmergencyPolicy changes, boolean changesObjects) {
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

    /** The fields of a create or retry body that the document does not define, by wire path. */
    public static List<String> unknownFields(String body) {
        return WireJson.unknownFields(WireJson.treeOrNull(body), PolicyRequestDto.class);
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
        return WireJson.writeAnswer(new ListResponseDto<>(SUCCESS_CODE, "success", requestId, true, total,
                page.stream().map(p -> new DataObjectWrapperDto<>(toView(p))).toList()));
    }

    /** The 200 answer of a policy show: the policy in {@code data.data_object}. */
    public static String writeShowAnswer(ListedPolicy policy, String requestId) {
        return WireJson.writeAnswer(new ItemResponseDto<>(SUCCESS_CODE, "success", requestId, true,
                new DataObjectWrapperDto<>(toView(policy))));
    }

    /** The 200 answer of a policy's delivery records: one page of records (each in {@code data_object}). */
    public static String writeRecordsAnswer(List<DeliveryRecord> page, int total, String requestId) {
        return WireJson.writeAnswer(new ListResponseDto<>(SUCCESS_CODE, "success", requestId, true, total,
                page.stream().map(r -> new DataObjectWrapperDto<>(toDto(r))).toList()));
    }

    /** The 200 answer of a batch delete or an update: {@code data} names what was changed. */
    public static String writeChangeAnswer(String data, String requestId) {
        return WireJson.writeAnswer(new ItemResponseDto<>(SUCCESS_CODE, "", requestId, true, data));
    }

    /** The body of a batch delete. */
    static String writeRemoval(List<String> policyIds) {
        return WireJson.write(new BatchIdsDto(policyIds));
    }

    /** The body of an ageing change: only {@code block_age} is sent, so only it changes. */
    static String writeAgeingChange(String policyId, BlockAge age) {
        DataObjectDto changes = new DataObjectDto(null, null, null, null, null, null,
                new BlockAgeDto(age.isBlockAgeing(), age.blockAgeing()), null, null, null, null, null, null);
        return WireJson.write(new UpdatePolicyDto(List.of(policyId), changes));
    }

    /** The body of a records search for one page. */
    static String writeRecordsSearch(int limit, int offset) {
        return WireJson.write(new SearchRequestDto(limit, offset));
    }

    /**
     * Reads the body of a batch delete as SecMaster does: the IDs, null when {@code batch_ids} is missing.
     *
     * @throws WireJson.UnreadableBodyException when the body is not JSON
     */
    public static WireJson.Typed<List<String>> readRemoval(String body) {
        WireJson.Typed<BatchIdsDto> dto = WireJson.readTyped(body, BatchIdsDto.class);
        return dto.typeError() != null ? new WireJson.Typed<>(null, dto.typeError())
                : new WireJson.Typed<>(dto.value().batchIds(), null);
    }

    /**
     * Reads the body of a policy update as SecMaster does.
     *
     * @throws WireJson.UnreadableBodyException when the body is not JSON
     */
    public static WireJson.Typed<PolicyUpdate> readUpdate(String body) {
        WireJson.Typed<UpdatePolicyDto> dto = WireJson.readTyped(body, UpdatePolicyDto.class);
        if (dto.typeError() != null) {
            return new WireJson.Typed<>(null, dto.typeError());
        }
        DataObjectDto d = dto.value().dataObject();
        EmergencyPolicy changes = d == null ? EmergencyPolicy.builder().build()
                : toDomain(new SecMasterWorkspace(null, null), null, null, new PolicyRequestDto(d)).policy();
        boolean objects = d != null && (d.blockTarget() != null || d.policyType() != null);
        return new WireJson.Typed<>(new PolicyUpdate(dto.value().batchIds(), changes, objects), null);
    }

    /**
     * The outcome of a 2xx answer to a batch delete or an update: Accepted (with {@code data}), Refused when the body
     * says {@code success=false} or a code other than SecMaster's success code, Unknown when it cannot be read.
     */
    static CloudOutcome changeOutcome(Exchange.Answered answer) {
        JsonNode tree = WireJson.treeOrNull(answer.body());
        if (tree == null || !tree.isObject()) {
            return Outcomes.unreadableSuccess(answer, answer.body().isEmpty() ? "an empty body" : "a body that is not JSON");
        }
        JsonNode code = tree.path("code");
        if (Boolean.FALSE.equals(tree.path("success").isBoolean() ? tree.path("success").booleanValue() : null)
                || code.isTextual() && !code.textValue().isEmpty() && !SUCCESS_CODE.equals(code.textValue())) {
            return Outcomes.refusedDespiteSuccessStatus(answer);
        }
        String requestId = Redactor.redact(answer.requestId() != null ? answer.requestId()
                : text(tree.get("request_id")));
        return new CloudOutcome.Accepted(Redactor.redact(text(tree.get("data"))), null, answer.status(), requestId,
                Outcomes.body(answer));
    }

    /** A listed or shown policy as the domain knows it; null when the item names no ID. */
    static SecMasterPolicy toPolicy(PolicyViewDto view) {
        String id = view.policyId() != null ? view.policyId() : view.id();
        if (id == null) {
            return null;
        }
        List<DefenseConnection> layers = view.defensePolicyList() == null ? null
                : view.defensePolicyList().stream().map(SecMasterCodec::toDomain).toList();
        EmergencyPolicy policy = EmergencyPolicy.builder()
                .regionId(view.regionId())
                .policyCategory(category(view.policyCategory()))
                .policyType(policyType(view.policyType()))
                .blockTarget(view.blockTarget())
                .blockAge(view.blockAge() == null ? null
                        : new BlockAge(view.blockAge().isBlockAgeing(), view.blockAge().blockAgeing()))
                .defensePolicyList(layers)
                .policyDirection(view.policyDirection())
                .description(view.description())
                .labels(view.labels())
                .build();
        return new SecMasterPolicy(id, policy, view.status(), instant(view.createTime()), view.creatorName());
    }

    /** The layers of one delivery record. */
    static List<LayerDelivery> layers(PolicyRecordDto record) {
        if (record.defensePolicyList() == null) {
            return List.of();
        }
        Instant at = instant(record.updateTime()) != null ? instant(record.updateTime()) : instant(record.createTime());
        return record.defensePolicyList().stream().filter(java.util.Objects::nonNull)
                .map(l -> new LayerDelivery(l.defenseConnectionId(), l.defenseConnectionName(), l.defenseType(),
                        l.defenseBlockStatus(), l.defenseBlockAction(),
                        l.defenseFailureDescription() == null ? null : Redactor.redact(l.defenseFailureDescription()),
                        record.policyDirection(), at))
                .toList();
    }

    /** An item of a list: its {@code data_object} when it has one, else the item itself. */
    static <T> T item(JsonNode node, Class<T> type) {
        JsonNode inner = node.path("data_object");
        return WireJson.convert(inner.isObject() ? inner : node, type);
    }

    /** Records spell the categories BLOCK/ALLOW where the create API takes BLOCK/WHITE. */
    private static String category(String wire) {
        return "ALLOW".equalsIgnoreCase(wire) ? "WHITE" : wire;
    }

    private static PolicyRecordDto toDto(DeliveryRecord r) {
        return new PolicyRecordDto(r.id(), r.policyId(), "WHITE".equals(r.category()) ? "ALLOW" : r.category(),
                r.direction(), "MANUAL", r.blockTarget(), instantNode(r.createdAt()), instantNode(r.updatedAt()),
                null, r.layers().stream().map(l -> new PolicyRecordDto.Layer(l.connectionId(), l.connectionName(),
                        l.defenseType(), l.blockStatus(), l.blockAction(), l.failure(), null)).toList());
    }

    private static JsonNode instantNode(Instant at) {
        return at == null ? null : JsonValues.NODES.numberNode(at.toEpochMilli());
    }

    /** A time as SecMaster writes it: epoch milliseconds, ISO-8601, or {@code 2025-12-04T14:58:50.256Z+0800}. */
    static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        String text = node.asText().strip();
        try {
            if (text.matches("\\d{10,16}")) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            java.util.regex.Matcher odd = java.util.regex.Pattern.compile("(.*)Z([+-]\\d{2}):?(\\d{2})").matcher(text);
            if (odd.matches()) {
                return java.time.OffsetDateTime.parse(odd.group(1) + odd.group(2) + ":" + odd.group(3)).toInstant();
            }
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An error answer, in SecMaster's {@code {code, message}} shape. */
    public static String writeError(String code, String message) {
        return WireJson.writeAnswer(new ErrorDto(code, message));
    }

    private static PolicyViewDto toView(ListedPolicy listed) {
        EmergencyPolicy p = listed.policy();
        return new PolicyViewDto(listed.policyId(), listed.policyId(), p.blockTarget(), p.policyCategory(),
                JsonValues.NODES.objectNode().put("policy_type", p.policyType()),
                p.blockAge() == null ? null : new BlockAgeDto(p.blockAge().isBlockAgeing(), p.blockAge().blockAgeing()),
                p.defensePolicyList() == null ? null
                        : p.defensePolicyList().stream().map(SecMasterCodec::toDto).toList(),
                p.policyDirection(), p.description(), p.labels(), p.regionId(), listed.status(),
                instantNode(listed.createdAt()), listed.creator());
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

    /** One page of a list answer: its items and, when the answer says, the total. */
    record ListPage(List<JsonNode> items, Integer total, Boolean success) {
    }

    /**
     * Reads a list answer (policies, records). The items are the array {@code data}, or an array member of an object
     * {@code data} ({@code records}, {@code list}, …); the total is {@code total} at the top or inside {@code data}.
     *
     * @throws WireJson.UnreadableBodyException when the body is not such an object
     */
    static ListPage listPage(String body) {
        JsonNode root = WireJson.treeOrNull(body);
        if (root == null || !root.isObject()) {
            throw new WireJson.UnreadableBodyException("the answer is not a JSON object");
        }
        JsonNode data = root.path("data");
        JsonNode items = null;
        if (data.isArray()) {
            items = data;
        } else if (data.isObject()) {
            items = LIST_MEMBERS.stream().map(data::path).filter(JsonNode::isArray).findFirst().orElse(null);
        }
        if (items == null && data.isMissingNode() && !root.path("success").isBoolean()) {
            throw new WireJson.UnreadableBodyException("the answer has no data");
        }
        if (items == null && !data.isMissingNode() && !data.isNull()
                && !(data.isObject() && integer(data.path("total")).orElse(-1) == 0)) {
            // a data that is no list (and no empty page) is not an empty workspace: it is an answer not understood
            throw new WireJson.UnreadableBodyException("the answer's data is " + data.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", not a list of " + String.join(", ", LIST_MEMBERS));
        }
        List<JsonNode> list = new ArrayList<>();
        if (items != null) {
            items.forEach(list::add);
        }
        Integer total = integer(root.path("total")).or(() -> integer(data.path("total"))).orElse(null);
        JsonNode success = root.path("success");
        return new ListPage(list, total, success.isBoolean() ? success.booleanValue() : null);
    }

    /**
     * The workspace's policies as the guardrails know them. Policies whose category cannot be read are left out of
     * the list but still counted.
     *
     * @param total the workspace's total as the service reported it, or null to count the policies read
     */
    static WorkspacePolicies toWorkspacePolicies(List<SecMasterPolicy> listed, Integer total) {
        List<KnownPolicy> known = new ArrayList<>();
        int withAgeing = 0;
        for (SecMasterPolicy p : listed) {
            BlockAge age = p.policy().blockAge();
            if (age != null && age.ages()) {
                withAgeing++;
            }
            Optional<PolicyCategory> category = PolicyCategory.fromWire(p.policy().policyCategory());
            if (category.isEmpty()) {
                continue;
            }
            known.add(new KnownPolicy(p.policyId(), category.get(), p.policy().parsedTargets(),
                    age == null || !age.ages() ? null : age.ageingInstant().orElse(null)));
        }
        int count = total == null ? listed.size() : Math.max(total, listed.size());
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
