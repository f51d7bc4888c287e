package org.publiccredit.commons.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;
import java.util.List;
import org.publiccredit.commons.i18n.Languages;
import org.publiccredit.commons.i18n.Messages;

/**
 * One offending field of a rejected request: which field, a stable code, and a human message. The message a reader
 * sees comes from the bundles ({@code field.<CODE>}, in the language of the request, see
 * {@link org.publiccredit.commons.i18n.Messages}) with {@link #args()}; {@link #message()} is the fallback.
 *
 * @param field the JSON path or parameter name, e.g. {@code subjects[3]} or {@code code}
 * @param code a stable machine code, e.g. {@code USCC_CHECK_DIGIT}
 * @param message a short human-readable message (used when no bundle has the code)
 * @param args the message's arguments: {0} the field's label (a {@link org.publiccredit.commons.i18n.Text} or a
 *             string; the field's name when there are none), then any others (a limit, a date …); never the value
 */
public record FieldProblem(String field, String code, String message, @JsonIgnore List<Object> args) {

    /** Null arguments are none. */
    public FieldProblem {
        args = args == null ? List.of() : List.copyOf(args.stream().map(a -> a == null ? (Object) "" : a).toList());
    }

    /** An error with its own message and no arguments. */
    public FieldProblem(String field, String code, String message) {
        this(field, code, message, List.of());
    }

    /**
     * An error whose message comes from the bundles: {@code label} is argument {0} (null: the field's name), the rest
     * follow. The fallback message is the English text.
     */
    public static FieldProblem of(String field, String code, Object label, Object... more) {
        Object[] args = new Object[1 + (more == null ? 0 : more.length)];
        args[0] = label == null ? field : label;
        if (more != null) {
            System.arraycopy(more, 0, args, 1, more.length);
        }
        FieldProblem bare = new FieldProblem(field, code, null, Arrays.asList(args));
        return new FieldProblem(field, code, Messages.shared().field(bare, Languages.EN), bare.args());
    }
}
