-- One chunk of generated history: entries :from to :from + :count - 1 of :rows (psql variables), spread over the 365
-- days after :t0 (epoch seconds), with their objects. bench/audit-scale.sh runs it chunk after chunk, each its own
-- transaction, and seals the chunk's audit records in between. Plain INSERTs only, so that the append-only triggers
-- and the audit trail accept them like any console write (every entry gets its REQUESTED record at commit).
--
-- Distributions (one row per request, IDs in time order as the console writes them):
--   operation  70% CREATE_EMERGENCY_POLICY, 10% RETRY_EMERGENCY_POLICY (retry_of an entry shortly before), 20% ADD_CONFIG_RULE
--   actor      40 operators, skewed: operator-00 is the busiest (index = floor(40 * u^2))
--   status     86% SUCCEEDED, 6% FAILED, 5% REFUSED, 3% UNKNOWN (no PENDING: nothing is in flight)
--   where      SecMaster: 30 projects (skewed) with 2 workspaces each; Config: 10 accounts (domain_id)
--   policy     90% BLOCK, 10% WHITE; 85% Source Ip, 8% User Name, 7% Domain Name; half age out after 7 days
--   objects    1-3 per policy: 80% addresses spread over 12 public /8s, 10% a pool of 1,000 repeat offenders
--              (185.220.100.0/22), 10% /24 blocks; user and domain names for those types; the rule name for Config
--   time       uniform over 365 days, increasing with the ID; completed 50 ms - 2 s later
WITH base AS (SELECT coalesce(max(id), 0) AS base FROM request_history),
src AS (
    SELECT i, random() AS r_op, random() AS r_actor, random() AS r_status, random() AS r_proj,
           random() AS r_cat, random() AS r_type, random() AS r_age, random() AS r_dur
      FROM generate_series(:from::bigint, :from::bigint + :count::bigint - 1) AS i
), shaped AS (
    SELECT i,
           CASE WHEN r_op < 0.70 THEN 'CREATE_EMERGENCY_POLICY'
                WHEN r_op < 0.80 THEN 'RETRY_EMERGENCY_POLICY' ELSE 'ADD_CONFIG_RULE' END AS operation,
           'operator-' || lpad(floor(40 * r_actor * r_actor)::int::text, 2, '0') AS actor,
           CASE WHEN r_status < 0.86 THEN 'SUCCEEDED' WHEN r_status < 0.92 THEN 'FAILED'
                WHEN r_status < 0.97 THEN 'REFUSED' ELSE 'UNKNOWN' END AS status,
           to_timestamp(:t0) + (i::float8 / :rows) * interval '365 days' + (r_dur * interval '20 seconds') AS requested_at,
           (50 + 1950 * r_dur * r_dur * r_dur)::bigint AS duration_ms,
           floor(30 * r_proj * sqrt(r_proj))::int AS proj,
           floor(r_cat * 1000)::int % 2 AS ws,
           floor(10 * r_proj)::int AS dom,
           CASE WHEN r_cat < 0.90 THEN 'BLOCK' ELSE 'WHITE' END AS category,
           CASE WHEN r_type < 0.85 THEN 'SOURCE_IP' WHEN r_type < 0.93 THEN 'USER_NAME' ELSE 'DOMAIN_NAME' END AS block_type,
           r_age < 0.5 AS ages
      FROM src
), rows AS (
    SELECT s.*,
           md5('project-' || proj) AS project_id,
           substr(md5('workspace-' || proj || '-' || ws), 1, 8) || '-' || substr(md5('workspace-' || proj || '-' || ws), 9, 4)
               || '-' || substr(md5('workspace-' || proj || '-' || ws), 13, 4) || '-'
               || substr(md5('workspace-' || proj || '-' || ws), 17, 4) || '-' || substr(md5('workspace-' || proj || '-' || ws), 21, 12) AS workspace_id,
           md5('domain-' || dom) AS domain_id
      FROM shaped s
), inserted AS (
    INSERT INTO request_history (operation, actor, status, requested_at, completed_at, duration_ms, project_id,
                                 workspace_id, domain_id, policy_category, block_type, ages_out_at, rule_name,
                                 retry_of, http_status, error_code, error_message, cloud_request_id, result_id,
                                 result_state, request_method, request_url, request_headers, request_body,
                                 response_body)
    SELECT r.operation, r.actor, r.status, r.requested_at,
           r.requested_at + r.duration_ms * interval '1 millisecond', r.duration_ms,
           CASE WHEN r.operation <> 'ADD_CONFIG_RULE' THEN r.project_id END,
           CASE WHEN r.operation <> 'ADD_CONFIG_RULE' THEN r.workspace_id END,
           CASE WHEN r.operation = 'ADD_CONFIG_RULE' THEN r.domain_id END,
           CASE WHEN r.operation <> 'ADD_CONFIG_RULE' THEN r.category END,
           CASE WHEN r.operation <> 'ADD_CONFIG_RULE' THEN r.block_type END,
           CASE WHEN r.operation <> 'ADD_CONFIG_RULE' AND r.ages THEN r.requested_at + interval '7 days' END,
           CASE WHEN r.operation = 'ADD_CONFIG_RULE' THEN 'rule-' || r.i END,
           CASE WHEN r.operation = 'RETRY_EMERGENCY_POLICY' AND r.i - :from >= 50
                THEN b.base + (r.i - :from) + 1 - (1 + (r.i % 50)) END,
           CASE r.status WHEN 'SUCCEEDED' THEN 200 WHEN 'REFUSED' THEN 400
                         WHEN 'UNKNOWN' THEN 500 ELSE NULL END,
           CASE r.status WHEN 'REFUSED' THEN 'SecMaster.20041002' WHEN 'FAILED' THEN 'NETWORK.CONNECTION_REFUSED'
                         ELSE NULL END,
           CASE r.status WHEN 'REFUSED' THEN 'connection not found' WHEN 'FAILED' THEN 'Connection refused'
                         WHEN 'UNKNOWN' THEN 'HTTP 500: the request may have been applied' ELSE NULL END,
           md5('request-' || r.i),
           CASE WHEN r.status = 'SUCCEEDED' THEN 'task-' || md5('task-' || r.i) END,
           CASE WHEN r.status = 'SUCCEEDED' AND r.operation = 'ADD_CONFIG_RULE' THEN 'Enabled' END,
           CASE WHEN r.operation = 'ADD_CONFIG_RULE' THEN 'PUT' ELSE 'POST' END,
           CASE WHEN r.operation = 'ADD_CONFIG_RULE'
                THEN 'https://rms.myhuaweicloud.com/v1/resource-manager/domains/' || r.domain_id || '/policy-assignments'
                ELSE 'https://secmaster.cn-north-4.myhuaweicloud.com/v1/' || r.project_id || '/workspaces/'
                     || r.workspace_id || '/soc/policys?action_type='
                     || CASE WHEN r.operation = 'RETRY_EMERGENCY_POLICY' THEN 'retry' ELSE 'create' END END,
           E'content-type: application/json;charset=UTF-8\nx-secmaster-version: 25.5.0\nX-Auth-Token: ****\n',
           '{"data_object":{"region_id":"cn-north-4","policy_category":"' || r.category || '","description":"INC-'
               || r.i || ': blocked after the SOC alert","labels":"soc","policy_type":{"policy_type":"'
               || r.block_type || '"},"defense_policy_list":[{"defense_connection_id":"84b273d3-47a8-3aba-bd00-7bdd1431d635",'
               || '"defense_connection_name":"CFW","defense_type":"CFW","target_enterprise_id":"0","target_enterprise_name":"default",'
               || '"target_project_id":"' || r.project_id || '","target_project_name":"cn-north-4",'
               || '"defense_connection_region_id":"cn-north-4","defense_connection_region_name":"CN North-Beijing4"}],'
               || '"policy_direction":"INGRESS"}}',
           CASE WHEN r.status = 'SUCCEEDED' THEN '{"code":"00000000","data":"task-' || md5('task-' || r.i)
                || '","message":"success","success":true}'
                WHEN r.status = 'REFUSED' THEN '{"code":"SecMaster.20041002","message":"connection not found"}' END
      FROM rows r CROSS JOIN base b
     ORDER BY r.i
    RETURNING id, operation, block_type, rule_name
)
INSERT INTO request_target (entry_id, target, network)
SELECT x.id, o.target, CASE WHEN x.block_type = 'SOURCE_IP' THEN o.target::cidr END
  FROM inserted x
  CROSS JOIN LATERAL (
      SELECT CASE
                 WHEN x.operation = 'ADD_CONFIG_RULE' THEN x.rule_name
                 WHEN x.block_type = 'USER_NAME' THEN 'iam-user-' || floor(random() * 5000)::int
                 WHEN x.block_type = 'DOMAIN_NAME' THEN 'bad' || floor(random() * 20000)::int || '.example.net'
                 WHEN u < 0.10 THEN '185.220.' || (100 + floor(random() * 4)::int) || '.' || floor(random() * 250)::int
                 WHEN u < 0.20 THEN (ARRAY[5, 31, 37, 45, 46, 77, 89, 91, 103, 185, 193, 194])[1 + floor(random() * 12)::int]
                                    || '.' || floor(random() * 256)::int || '.' || floor(random() * 256)::int || '.0/24'
                 ELSE (ARRAY[5, 31, 37, 45, 46, 77, 89, 91, 103, 185, 193, 194])[1 + floor(random() * 12)::int]
                      || '.' || floor(random() * 256)::int || '.' || floor(random() * 256)::int || '.'
                      || (1 + floor(random() * 254)::int)
             END AS target
        FROM (SELECT random() AS u, k FROM generate_series(1, CASE WHEN x.operation = 'ADD_CONFIG_RULE' THEN 1
                                                                    ELSE 1 + floor(random() * 3)::int END) AS k) AS g
  ) AS o;;
