package com.policyconsole.domain.bulk;

import com.policyconsole.domain.model.bulk.BatchObject;
import com.policyconsole.domain.model.bulk.DroppedObject;
import java.util.List;

/**
 * A bulk batch read by {@link BatchParser}: the objects to deliver in source order, those dropped because another
 * object of the batch covers them, and the findings (lines that are not objects of the type, limits).
 */
public record ParsedBatch(List<BatchObject> objects, List<DroppedObject> dropped, List<LineFinding> findings) {

    public ParsedBatch {
        objects = List.copyOf(objects);
        dropped = List.copyOf(dropped);
        findings = List.copyOf(findings);
    }

    /** Whether any finding is an error: then nothing may be planned or sent. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(LineFinding::isError);
    }
}
