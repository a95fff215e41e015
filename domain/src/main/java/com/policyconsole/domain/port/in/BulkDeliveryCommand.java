package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import java.util.Objects;

/**
 * A bulk batch to plan or start: the template request (its own objects are ignored) and the batch, pasted
 * ({@code fileName} null) or uploaded.
 *
 * @param actor who asks
 * @param template the create request every delivery copies
 * @param fileName the uploaded file's name, null for pasted text
 * @param content the pasted text's or the file's bytes (UTF-8)
 * @param warningsAcknowledged whether the person acknowledged the plan's warnings
 */
public record BulkDeliveryCommand(String actor, EmergencyPolicyRequest template, String fileName, byte[] content,
                                  boolean warningsAcknowledged) {

    public BulkDeliveryCommand {
        Objects.requireNonNull(actor, "'actor' must not be null");
        Objects.requireNonNull(template, "'template' must not be null");
        Objects.requireNonNull(content, "'content' must not be null");
    }
}
