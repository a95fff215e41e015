package com.policyconsole.console.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import java.util.ArrayList;
import java.util.List;

/** Reads a SecMaster emergency-policy body (Tables 4–8) into the domain, reporting fields of the wrong JSON type. */
public final class EmergencyPolicyWire {

    private EmergencyPolicyWire() {
    }

    /** Reads {@code root} (the whole body) with the path, query and header values beside it. */
    public static EmergencyPolicyRequest read(SecMasterWorkspace workspace, String version, String actionType,
                                               JsonNode root, WireReader r) {
        JsonNode data = r.object(root, "data_object", "data_object");
        if (data == null) {
            return new EmergencyPolicyRequest(workspace, version, actionType, null, null);
        }
        JsonNode age = r.object(data, "block_age", "data_object.block_age");
        JsonNode type = r.object(data, "policy_type", "data_object.policy_type");
        List<JsonNode> connections = r.array(data, "defense_policy_list", "data_object.defense_policy_list");
        List<DefenseConnection> parsed = null;
        if (connections != null) {
            parsed = new ArrayList<>();
            for (int i = 0; i < connections.size(); i++) {
                JsonNode c = connections.get(i);
                String p = "data_object.defense_policy_list[" + i + "].";
                parsed.add(new DefenseConnection(
                        r.text(c, "defense_connection_id", p + "defense_connection_id"),
                        r.text(c, "defense_connection_name", p + "defense_connection_name"),
                        r.text(c, "defense_connection_region_id", p + "defense_connection_region_id"),
                        r.text(c, "defense_connection_region_name", p + "defense_connection_region_name"),
                        r.text(c, "defense_type", p + "defense_type"),
                        r.text(c, "target_enterprise_id", p + "target_enterprise_id"),
                        r.text(c, "target_enterprise_name", p + "target_enterprise_name"),
                        r.text(c, "target_project_id", p + "target_project_id"),
                        r.text(c, "target_project_name", p + "target_project_name")));
            }
        }
        EmergencyPolicy policy = new EmergencyPolicy(
                r.text(data, "region_id", "data_object.region_id"),
                r.text(data, "block_target", "data_object.block_target"),
                r.text(data, "policy_category", "data_object.policy_category"),
                r.text(type, "policy_type", "data_object.policy_type.policy_type"),
                age == null ? null : new BlockAge(r.bool(age, "is_block_ageing", "data_object.block_age.is_block_ageing"),
                        r.text(age, "block_ageing", "data_object.block_age.block_ageing")),
                parsed,
                r.text(data, "description", "data_object.description"),
                r.text(data, "labels", "data_object.labels"),
                r.text(data, "policy_direction", "data_object.policy_direction"),
                r.text(data, "account_scope", "data_object.account_scope"),
                r.text(data, "eps_scope", "data_object.eps_scope"),
                r.text(data, "region_scope", "data_object.region_scope"));
        List<String> retryList = r.texts(data, "retry_list", "data_object.retry_list");
        return new EmergencyPolicyRequest(workspace, version, actionType, retryList, policy);
    }
}
