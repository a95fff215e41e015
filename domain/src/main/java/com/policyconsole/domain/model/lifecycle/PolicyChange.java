package com.policyconsole.domain.model.lifecycle;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import java.util.List;
import java.util.Objects;

/** A change to policies that exist: removing them, or changing one's ageing. */
public sealed interface PolicyChange {

    SecMasterWorkspace workspace();

    /** The {@code x-secmaster-version} header. */
    String secmasterVersion();

    /** The policies it changes, with what the history knows of each. */
    List<Subject> subjects();

    /**
     * A policy a change applies to.
     *
     * @param policyId SecMaster's ID
     * @param entryId the history entry that created it, null when the history does not know it
     * @param objects its objects, for the history's search
     * @param category its category as SecMaster showed it, null when it was not shown
     * @param age its ageing as SecMaster showed it, null when it was not shown
     */
    record Subject(String policyId, Long entryId, List<String> objects, PolicyCategory category, BlockAge age) {
        public Subject {
            Objects.requireNonNull(policyId, "'policyId' must not be null");
            objects = List.copyOf(objects);
        }

        /** A policy SecMaster was not asked about. */
        public Subject(String policyId, Long entryId, List<String> objects) {
            this(policyId, entryId, objects, null, null);
        }
    }

    /** {@code POST …/soc/policys/batch-delete} with {@code batch_ids}. */
    record Removal(SecMasterWorkspace workspace, String secmasterVersion, List<Subject> subjects)
            implements PolicyChange {
        public Removal {
            Objects.requireNonNull(workspace, "'workspace' must not be null");
            subjects = List.copyOf(subjects);
        }
    }

    /** {@code PUT …/soc/policys/{policy_id}}: only {@code block_age} changes. */
    record AgeingChange(SecMasterWorkspace workspace, String secmasterVersion, Subject subject, BlockAge blockAge)
            implements PolicyChange {
        public AgeingChange {
            Objects.requireNonNull(workspace, "'workspace' must not be null");
            Objects.requireNonNull(subject, "'subject' must not be null");
            Objects.requireNonNull(blockAge, "'blockAge' must not be null");
        }

        @Override
        public List<Subject> subjects() {
            return List.of(subject);
        }
    }

    /** The policy IDs, as {@code batch_ids} carries them. */
    default List<String> policyIds() {
        return subjects().stream().map(Subject::policyId).toList();
    }
}
