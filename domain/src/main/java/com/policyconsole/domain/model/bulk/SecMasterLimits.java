package com.policyconsole.domain.model.bulk;

import com.policyconsole.domain.model.emergency.DefenseLayer;
import java.util.Collection;

/**
 * SecMaster's limits that deliveries must keep (user guide 2025, "Limitations and Constraints"; docs/cloud-apis.md,
 * Limits). They differ by region and edition, so the console takes them from configuration, with these defaults.
 *
 * @param objectsPerDelivery most IPs or domain names in one delivery to CFW or WAF (500)
 * @param iamUsersPerDelivery most IAM users in one delivery (500)
 * @param vpcObjectsPerMinute most IPs delivered to VPC in any minute (500)
 * @param concurrentTasks most policy tasks running at once (5)
 * @param policiesWithAgeing most policies with block ageing per workspace (300)
 * @param policies most policies per workspace (2,500)
 */
public record SecMasterLimits(int objectsPerDelivery, int iamUsersPerDelivery, int vpcObjectsPerMinute,
                              int concurrentTasks, int policiesWithAgeing, int policies) {

    /** The 2025 user guide's values. */
    public static final SecMasterLimits DEFAULTS = new SecMasterLimits(500, 500, 500, 5, 300, 2_500);

    public SecMasterLimits {
        for (int value : new int[] {objectsPerDelivery, iamUsersPerDelivery, vpcObjectsPerMinute, concurrentTasks,
                policiesWithAgeing, policies}) {
            if (value < 1) {
                throw new IllegalArgumentException("every SecMaster limit must be at least 1, got " + value);
            }
        }
    }

    /** Most objects one delivery to all of {@code layers} may carry: the smallest of their limits. */
    public int objectsPerDelivery(Collection<DefenseLayer> layers) {
        int most = Integer.MAX_VALUE;
        for (DefenseLayer layer : layers) {
            most = Math.min(most, switch (layer) {
                case CFW, WAF -> objectsPerDelivery;
                case IAM -> iamUsersPerDelivery;
                case VPC -> Math.min(objectsPerDelivery, vpcObjectsPerMinute);
            });
        }
        return most == Integer.MAX_VALUE ? objectsPerDelivery : most;
    }
}
