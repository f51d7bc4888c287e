package org.publiccredit.objection.filing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.publiccredit.objection.repair.RepairTemplates;

/** The bodies of the filing endpoints (JSON, or the {@code case} part of a multipart request). */
final class FilingRequests {

    private FilingRequests() {
    }

    static final String RECORD_ID = "[A-Za-z0-9-]{1,64}";

    /** An objection (异议) to one record; the reason is stripped on arrival, so its length checks count what is stored. */
    record ObjectionRequest(@NotBlank @Pattern(regexp = RECORD_ID) String recordId, @NotBlank @Size(max = 4000) String reason) {
        ObjectionRequest {
            reason = reason == null ? null : reason.strip();
        }
    }

    /** The applicant accepts this version of this text. */
    record TemplateAcceptance(@NotNull RepairTemplates.Template id, @NotBlank @Size(max = 20) String version) {
    }

    /**
     * A repair application (信用修复) for one record: the reason, the declaration that the obligations are fulfilled
     * (how and when), and the acceptance of the two texts.
     */
    record RepairRequest(@NotBlank @Pattern(regexp = RECORD_ID) String recordId, @NotBlank @Size(max = 4000) String reason,
            boolean obligationsFulfilled, @Size(max = 2000) String obligationsStatement,
            @NotNull @Size(max = 5) List<@Valid @NotNull TemplateAcceptance> acceptedTemplates) {
        RepairRequest {
            reason = reason == null ? null : reason.strip();
        }
    }
}
