package com.policyconsole.console.adapter.in.web.blocks;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.lifecycle.ActiveBlocks;
import com.policyconsole.domain.model.lifecycle.HistoryPolicy;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;

/**
 * One policy as the active-blocks page shows it: SecMaster's view of it and what the history knows (null when the
 * console did not create it: drift).
 */
@TemplateData
public record BlockRow(String policyId, String category, String type, List<String> objects, String agesOut,
                       boolean agesSoon, String status, Instant createdAt, HistoryPolicy known) {

    /** How many objects the row lists before "and N more". */
    static final int SHOWN = 5;

    static BlockRow of(ActiveBlocks.Row row, Instant now) {
        EmergencyPolicy p = row.policy().policy();
        BlockAge age = p.blockAge();
        Instant at = age != null && age.ages() ? age.ageingInstant().orElse(null) : null;
        return new BlockRow(row.policy().policyId(), p.policyCategory(), p.policyType(), p.targets(),
                at == null ? (age != null && age.ages() ? "unreadable" : "never") : at.toString(),
                at != null && at.isBefore(now.plusSeconds(24 * 3600)), row.policy().status(), row.policy().createdAt(),
                row.known());
    }

    public boolean drift() {
        return known == null;
    }

    public List<String> shownObjects() {
        return objects.size() <= SHOWN ? objects : objects.subList(0, SHOWN);
    }

    public int moreObjects() {
        return Math.max(0, objects.size() - SHOWN);
    }
}
