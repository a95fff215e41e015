package com.policyconsole.bench.validation.annotated;

import com.policyconsole.domain.model.emergency.BlockAge;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code block_age} (SecMaster Table 6) as a Bean Validation bean. */
public final class AnnotatedBlockAge {

    @NotNull
    private final Boolean isBlockAgeing;

    @Pattern(regexp = WireFormats.OPTIONAL_MILLIS)
    private final String blockAgeing;

    private AnnotatedBlockAge(Boolean isBlockAgeing, String blockAgeing) {
        this.isBlockAgeing = isBlockAgeing;
        this.blockAgeing = blockAgeing;
    }

    /** The same values as {@code age}; null stays null. */
    public static AnnotatedBlockAge from(BlockAge age) {
        return age == null ? null : new AnnotatedBlockAge(age.isBlockAgeing(), age.blockAgeing());
    }
}
