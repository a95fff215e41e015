package com.policyconsole.console.config;

import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyUseCase;
import com.policyconsole.domain.port.out.AccountStore;
import com.policyconsole.domain.port.out.AuditChain;
import com.policyconsole.domain.port.out.BulkJobStore;
import com.policyconsole.domain.port.out.SecurityActs;
import com.policyconsole.domain.port.out.SessionEpochs;
import com.policyconsole.domain.port.out.ConfigRuleGateway;
import com.policyconsole.domain.port.out.ConfigRuleHistory;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.HistoryReader;
import com.policyconsole.domain.port.out.PasswordHashing;
import com.policyconsole.domain.port.out.PolicyInventory;
import com.policyconsole.domain.port.out.RequestHistory;
import com.policyconsole.domain.service.AccountService;
import com.policyconsole.domain.service.AuditIntegrityService;
import com.policyconsole.domain.port.out.PolicyLifecycleStore;
import com.policyconsole.domain.service.BulkDeliveryRunner;
import com.policyconsole.domain.service.DeliveryStatusService;
import com.policyconsole.domain.service.PolicyLifecycleService;
import com.policyconsole.domain.service.BulkDeliveryService;
import com.policyconsole.domain.service.ConfigRuleChecks;
import com.policyconsole.domain.service.ConfigRuleLifecycleService;
import com.policyconsole.domain.service.LoginService;
import com.policyconsole.domain.service.ApprovalService;
import com.policyconsole.domain.model.approval.ApprovalRules;
import com.policyconsole.domain.port.out.ApprovalStore;
import com.policyconsole.domain.service.ApiTokenService;
import com.policyconsole.domain.port.out.ApiTokenStore;
import com.policyconsole.domain.model.login.LoginPolicy;
import com.policyconsole.domain.port.out.LoginRecords;
import com.policyconsole.domain.service.ConfigRuleService;
import com.policyconsole.domain.service.EmergencyPolicyChecks;
import com.policyconsole.domain.service.EmergencyPolicyService;
import com.policyconsole.domain.service.HistoryQueryService;
import com.policyconsole.domain.service.PolicyDefinitionService;
import com.policyconsole.domain.service.RequestPreviewService;
import com.policyconsole.domain.service.RetryDeliveryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the domain's plain-Java services to their ports: the adapters and the PostgreSQL history. */
@ApplicationScoped
public class DomainServices {

    @Produces
    @Singleton
    EmergencyPolicyChecks emergencyPolicyChecks(PolicyInventory inventory, Clock clock, SecMasterLimits limits) {
        return new EmergencyPolicyChecks(inventory, clock, limits);
    }

    /** SecMaster's limits ({@code policyconsole.secmaster.*}; defaults: the 2025 user guide's). */
    @Produces
    @Singleton
    SecMasterLimits secMasterLimits(
            @ConfigProperty(name = "policyconsole.secmaster.objects-per-delivery", defaultValue = "500") int perDelivery,
            @ConfigProperty(name = "policyconsole.secmaster.iam-users-per-delivery", defaultValue = "500") int iamUsers,
            @ConfigProperty(name = "policyconsole.secmaster.vpc-objects-per-minute", defaultValue = "500") int vpc,
            @ConfigProperty(name = "policyconsole.secmaster.concurrent-tasks", defaultValue = "5") int tasks,
            @ConfigProperty(name = "policyconsole.secmaster.policies-with-ageing", defaultValue = "300") int ageing,
            @ConfigProperty(name = "policyconsole.secmaster.policies", defaultValue = "2500") int policies) {
        return new SecMasterLimits(perDelivery, iamUsers, vpc, tasks, ageing, policies);
    }

    @Produces
    @Singleton
    BulkDeliveryService bulkDeliveryService(PolicyInventory inventory, BulkJobStore jobs, SecMasterLimits limits,
                                            Clock clock, DeliveryStatusService status, ApprovalRules approvals,
                                            EmergencyPolicyGateway gateway, SecurityActs acts) {
        return new BulkDeliveryService(inventory, jobs, limits, clock, status, approvals, gateway, acts);
    }

    @Produces
    @Singleton
    DeliveryStatusService deliveryStatusService(PolicyLifecycleStore store, EmergencyPolicyGateway gateway,
                                                HistoryReader history, RetryEmergencyPolicyUseCase retries,
                                                Clock clock) {
        return new DeliveryStatusService(store, gateway, history, retries, clock);
    }

    @Produces
    @Singleton
    PolicyLifecycleService policyLifecycleService(EmergencyPolicyGateway gateway, PolicyLifecycleStore store,
                                                  PolicyInventory inventory, RequestHistory history,
                                                  SecMasterLimits limits, Clock clock, ApprovalRules approvals,
                                                  ApprovalStore holds) {
        return new PolicyLifecycleService(gateway, store, inventory, history, limits, clock, approvals, holds);
    }

    @Produces
    @Singleton
    BulkDeliveryRunner bulkDeliveryRunner(BulkJobStore jobs, EmergencyPolicyGateway gateway, RequestHistory history,
                                          SecMasterLimits limits, Clock clock,
                                          @ConfigProperty(name = "policyconsole.secmaster.busy-codes",
                                                  defaultValue = "SecMaster.20048003") java.util.Set<String> busy) {
        return new BulkDeliveryRunner(jobs, gateway, history, limits, clock, busy);
    }

    @Produces
    @Singleton
    ConfigRuleChecks configRuleChecks(PolicyInventory inventory, ConfigRuleGateway catalog) {
        return new ConfigRuleChecks(inventory, catalog);
    }

    @Produces
    @Singleton
    EmergencyPolicyService emergencyPolicyService(EmergencyPolicyGateway gateway, EmergencyPolicyChecks checks,
                                                  RequestHistory history, Clock clock,
                                                  ApprovalRules approvals, ApprovalStore holds) {
        return new EmergencyPolicyService(gateway, checks, history, clock, approvals, holds);
    }

    @Produces
    @Singleton
    ConfigRuleService configRuleService(ConfigRuleGateway gateway, ConfigRuleChecks checks, RequestHistory history,
                                        Clock clock) {
        return new ConfigRuleService(gateway, checks, history, clock);
    }

    @Produces
    @Singleton
    ConfigRuleLifecycleService configRuleLifecycleService(ConfigRuleGateway gateway, ConfigRuleChecks checks,
                                                          ConfigRuleHistory ruleHistory, RequestHistory history,
                                                          Clock clock, ApprovalRules approvals, ApprovalStore holds,
                                                          @ConfigProperty(name = "policyconsole.config.disable-wait",
                                                                  defaultValue = "30s") java.time.Duration disableWait,
                                                          @ConfigProperty(name = "policyconsole.config.poll-interval",
                                                                  defaultValue = "500ms") java.time.Duration poll) {
        return new ConfigRuleLifecycleService(gateway, checks, ruleHistory, history, clock, disableWait, poll,
                duration -> Thread.sleep(duration.toMillis()), approvals, holds);
    }

    @Produces
    @Singleton
    RequestPreviewService requestPreviewService(EmergencyPolicyChecks emergencyChecks, ConfigRuleChecks ruleChecks,
                                                EmergencyPolicyGateway emergencyPolicies, ConfigRuleGateway rules,
                                                ApprovalRules approvals) {
        return new RequestPreviewService(emergencyChecks, ruleChecks, emergencyPolicies, rules, approvals);
    }

    @Produces
    @Singleton
    HistoryQueryService historyQueryService(HistoryReader reader, Clock clock) {
        return new HistoryQueryService(reader, clock);
    }

    @Produces
    @Singleton
    RetryDeliveryService retryDeliveryService(HistoryReader reader, EmergencyPolicyGateway gateway,
                                              RetryEmergencyPolicyUseCase retries) {
        return new RetryDeliveryService(reader, gateway, retries);
    }

    @Produces
    @Singleton
    AccountService accountService(AccountStore store, PasswordHashing hashing, SessionEpochs epochs, Clock clock) {
        return new AccountService(store, hashing, epochs, clock);
    }

    @Produces
    @Singleton
    LoginService loginService(AccountService accounts, LoginRecords records, Clock clock,
                              @ConfigProperty(name = "policyconsole.login.lock-after", defaultValue = "10") int lockAfter,
                              @ConfigProperty(name = "policyconsole.login.lock-duration", defaultValue = "15m")
                              java.time.Duration lockDuration,
                              @ConfigProperty(name = "policyconsole.login.delay-base", defaultValue = "1s")
                              java.time.Duration delayBase,
                              @ConfigProperty(name = "policyconsole.login.delay-max", defaultValue = "30s")
                              java.time.Duration delayMax) {
        return new LoginService(accounts, records, new LoginPolicy(lockAfter, lockDuration, delayBase, delayMax), clock);
    }

    @Produces
    @Singleton
    ApiTokenService apiTokenService(ApiTokenStore tokens, AccountService accounts, SecurityActs acts,
                                    @ConfigProperty(name = "policyconsole.api.live-tokens-per-user", defaultValue = "10")
                                    int liveTokens, Clock clock) {
        return new ApiTokenService(tokens, accounts, acts, liveTokens, clock);
    }

    @Produces
    @Singleton
    ApprovalRules approvalRules(
            @ConfigProperty(name = "policyconsole.approval.white-entries", defaultValue = "true") boolean white,
            @ConfigProperty(name = "policyconsole.approval.user-name-blocks", defaultValue = "true") boolean users,
            @ConfigProperty(name = "policyconsole.approval.widest-ipv4-prefix", defaultValue = "16") int ipv4,
            @ConfigProperty(name = "policyconsole.approval.widest-ipv6-prefix", defaultValue = "48") int ipv6,
            @ConfigProperty(name = "policyconsole.approval.rule-deletes", defaultValue = "true") boolean ruleDeletes,
            @ConfigProperty(name = "policyconsole.approval.rule-disables", defaultValue = "true") boolean ruleDisables,
            @ConfigProperty(name = "policyconsole.approval.largest-bulk-job", defaultValue = "1000") int largestBulkJob,
            @ConfigProperty(name = "policyconsole.approval.white-changes", defaultValue = "true") boolean whiteChanges,
            @ConfigProperty(name = "policyconsole.approval.block-ageing-changes", defaultValue = "false")
            boolean blockAgeing,
            @ConfigProperty(name = "policyconsole.approval.rule-updates", defaultValue = "true") boolean ruleUpdates,
            @ConfigProperty(name = "policyconsole.approval.validity", defaultValue = "1h") java.time.Duration validity,
            @ConfigProperty(name = "policyconsole.approval.one-person-trial", defaultValue = "false") boolean trial) {
        return new ApprovalRules(white, users, ipv4, ipv6, ruleDeletes, ruleDisables, largestBulkJob, whiteChanges,
                blockAgeing, ruleUpdates, validity, trial);
    }

    @Produces
    @Singleton
    ApprovalService approvalService(ApprovalStore holds, HistoryReader reader, RequestHistory history,
                                    EmergencyPolicyGateway gateway, ConfigRuleLifecycleService rules,
                                    PolicyLifecycleService policies, BulkJobStore jobs, AccountService accounts,
                                    ApprovalRules approvals, Clock clock) {
        return new ApprovalService(holds, reader, history, gateway, rules, policies, jobs, accounts, approvals, clock);
    }

    @Produces
    @Singleton
    AuditIntegrityService auditIntegrityService(AuditChain chain) {
        return new AuditIntegrityService(chain);
    }

    @Produces
    @Singleton
    PolicyDefinitionService policyDefinitionService(ConfigRuleGateway gateway, Clock clock) {
        return new PolicyDefinitionService(gateway, clock);
    }
}
