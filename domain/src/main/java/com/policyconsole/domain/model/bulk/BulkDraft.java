package com.policyconsole.domain.model.bulk;

import java.util.Objects;
import java.util.UUID;

/**
 * A bulk batch kept between its plan and its confirmation, so that what is confirmed is what was planned.
 *
 * @param id its ID, which the plan page carries
 * @param fileName the uploaded file's name, null for pasted text
 * @param content the batch's bytes
 */
public record BulkDraft(UUID id, String fileName, byte[] content) {

    public BulkDraft {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(content, "'content' must not be null");
    }
}
