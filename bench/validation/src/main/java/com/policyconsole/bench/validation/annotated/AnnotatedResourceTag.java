package com.policyconsole.bench.validation.annotated;

import com.policyconsole.domain.model.config.ResourceTag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One {@code tags} entry (Config Table 7) as a Bean Validation bean. */
public final class AnnotatedResourceTag {

    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    @Pattern(regexp = WireFormats.TAG_KEY)
    @Pattern(regexp = WireFormats.NOT_RESERVED_TAG_KEY)
    private final String key;

    @NotNull
    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    @Pattern(regexp = WireFormats.TAG_VALUE)
    private final String value;

    private AnnotatedResourceTag(ResourceTag t) {
        this.key = t.key();
        this.value = t.value();
    }

    /** The same values as {@code tag}; null stays null. */
    public static AnnotatedResourceTag from(ResourceTag tag) {
        return tag == null ? null : new AnnotatedResourceTag(tag);
    }
}
