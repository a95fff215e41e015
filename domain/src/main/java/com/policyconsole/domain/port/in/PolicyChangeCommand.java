package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import java.util.List;
import java.util.Objects;

/**
 * A removal of policies ({@code newAge} null) or a change of one policy's ageing, as a person asks for it.
 *
 * @param actor who asks
 * @param workspace project and workspace
 * @param secmasterVersion the {@code x-secmaster-version} header
 * @param policyIds the policies (one for an ageing change)
 * @param newAge the new ageing, null for a removal
 * @param warningsAcknowledged whether the person acknowledged the warnings
 */
public record PolicyChangeCommand(String actor, SecMasterWorkspace workspace, String secmasterVersion,
                                  List<String> policyIds, BlockAge newAge, boolean warningsAcknowledged) {

    public PolicyChangeCommand {
        Objects.requireNonNull(actor, "'actor' must not be null");
        Objects.requireNonNull(workspace, "'workspace' must not be null");
        policyIds = policyIds == null ? List.of() : policyIds.stream().filter(Objects::nonNull).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    public boolean isRemoval() {
        return newAge == null;
    }
}
