package com.policyconsole.console.adapter.in.web.bulk;

import com.policyconsole.console.adapter.in.web.policy.EmergencyPolicyForm;
import com.policyconsole.domain.bulk.BatchParser;
import io.quarkus.qute.TemplateData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.ByteBuffer;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The bulk form: the template policy's fields (its objects left empty) and the batch, pasted into {@code batch} or
 * uploaded as {@code batch_file}. An uploaded file's text moves into {@code batch} (its name into {@code batch_name}),
 * so that the plan page carries it on and the person can fix its lines in place.
 */
@TemplateData
public class BulkForm extends EmergencyPolicyForm {

    @RestForm("batch") public String batch;
    @RestForm("batch_name") public String batchName;
    @RestForm("batch_file") public FileUpload batchFile;
    @RestForm("draft") public String draft;

    /** A bulk form with the console's defaults. */
    public static BulkForm defaults(String projectId, String workspaceId, String version, String region) {
        BulkForm f = new BulkForm();
        EmergencyPolicyForm d = EmergencyPolicyForm.defaults(projectId, workspaceId, version, region);
        f.projectId = d.projectId;
        f.workspaceId = d.workspaceId;
        f.secmasterVersion = d.secmasterVersion;
        f.regionId = d.regionId;
        f.policyCategory = d.policyCategory;
        f.policyType = d.policyType;
        return f;
    }

    /** The batch as the planner reads it: the uploaded file's bytes, else the pasted text. */
    public Batch content() throws IOException {
        if (batchFile != null && batchFile.size() > 0) {
            byte[] bytes = readAtMost(batchFile, BatchParser.MAX_BYTES + 1);
            String name = batchFile.fileName() == null || batchFile.fileName().isBlank() ? "upload.txt"
                    : batchFile.fileName().strip();
            batchName = name;
            String text = bytes.length <= BatchParser.MAX_BYTES ? strictUtf8(bytes) : null;
            batch = text;
            return new Batch(name, bytes);
        }
        String name = batchName == null || batchName.isBlank() ? null : batchName.strip();
        return new Batch(name, (batch == null ? "" : batch).getBytes(StandardCharsets.UTF_8));
    }

    /** The batch has the parser's own limits ({@link BatchParser#MAX_BYTES}), the other fields the form's. */
    @Override
    protected boolean limitsLength(String name) {
        return !"batch".equals(name);
    }

    /** The draft the form carries, when it names one. */
    public java.util.Optional<java.util.UUID> draftId() {
        try {
            return draft == null || draft.isBlank() ? java.util.Optional.empty()
                    : java.util.Optional.of(java.util.UUID.fromString(draft.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Shows {@code text} in the batch's text area when it fits in a form field ({@link #EDITABLE}), else keeps it out
     * of the page; whether it was put there.
     */
    boolean showInTextArea(String text) {
        if (text != null && text.getBytes(StandardCharsets.UTF_8).length <= EDITABLE) {
            batch = text;
            return true;
        }
        batch = null;
        return false;
    }

    /** Most bytes of a batch the form shows to edit: a form field holds 256 KB. */
    static final int EDITABLE = 200_000;

    /** A batch to plan: the file's name (null when pasted) and its bytes. */
    public record Batch(String fileName, byte[] bytes) {

        boolean isEmpty() {
            return bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank();
        }
    }

    private static byte[] readAtMost(FileUpload upload, int most) throws IOException {
        try (InputStream in = Files.newInputStream(upload.uploadedFile())) {
            return in.readNBytes(most);
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
