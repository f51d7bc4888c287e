package org.publiccredit.objection.attachment;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;

/**
 * The parts a multipart request may have. A part under any other name (a misspelt "file", a name with a NUL or a
 * control character) would be ignored silently and the case filed without the file the applicant meant to send: it is
 * refused instead, 400 {@code VALIDATION_FAILED} naming the part (or "part" when its name cannot be shown).
 */
public final class MultipartParts {

    private MultipartParts() {
    }

    public static void only(HttpServletRequest request, Set<String> allowed) {
        List<FieldProblem> unknown = new ArrayList<>();
        try {
            for (Part part : request.getParts()) {
                String name = part.getName();
                if (name == null || !allowed.contains(name)) {
                    String shown = name != null && name.length() <= 64 && name.chars().allMatch(c -> c >= 0x21 && c <= 0x7E) ? name : "part";
                    unknown.add(new FieldProblem(shown, "UNKNOWN_PART", "not a part of this request; expected " + String.join(", ",
                            allowed.stream().sorted().toList())));
                }
            }
        } catch (IOException | ServletException e) {
            // the parts were read already when the controller's arguments were resolved; a failure there was answered
            return;
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalid("VALIDATION_FAILED", "The request has parts this endpoint does not take", unknown);
        }
    }
}
