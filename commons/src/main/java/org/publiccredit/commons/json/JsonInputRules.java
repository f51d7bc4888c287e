package org.publiccredit.commons.json;

import java.util.Optional;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.text.TextRules;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads JSON: {@link InputRulesModule} for text (and dates), enums only by name ({@code "DELETED"}, never
 * {@code 1} or {@code "1"}, which would pick a constant by its position), and no fraction for an integer ({@code 1.5} is
 * refused, not read as 1). Also turns a binding failure into the
 * field problem the API answers with.
 */
public final class JsonInputRules {

    private JsonInputRules() {
    }

    /** Applies the rules to a mapper builder (what commons' auto-configuration does to Boot's {@code JsonMapper}). */
    public static <B extends MapperBuilder<?, B>> B configure(B builder) {
        return configureEnums(builder.addModule(new InputRulesModule()));
    }

    /** Only the settings a module cannot carry (the module itself comes as a bean). */
    public static <B extends MapperBuilder<?, B>> B configureEnums(B builder) {
        // a count or version of 1.5 is not silently 1
        return builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS).disable(tools.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /**
     * The field problem for a value that was valid JSON but not acceptable for its field, or empty for a body that is
     * not valid JSON at all (a syntax error has no field to name).
     */
    public static Optional<FieldProblem> fieldProblem(JacksonException e) {
        if (e instanceof InvalidTextException text) {
            return Optional.of(TextRules.problem(text.field()));
        }
        String path = path(e);
        if (!(e instanceof MismatchedInputException) || path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (e) {
            case PropertyBindingException p -> new FieldProblem(path, "FIELD_UNKNOWN", "is not a known field");
            case InvalidFormatException f -> new FieldProblem(path, "FIELD_INVALID_VALUE", "has a value this field does not accept");
            default -> new FieldProblem(path, "FIELD_INVALID_TYPE", "has the wrong type");
        });
    }

    /** The JSON path of a failure, e.g. {@code fields.violationFacts} or {@code subjects[3].name}; empty at the root. */
    public static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null && TextRules.isValid(reference.getPropertyName())) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.length() > 200 ? out.substring(0, 200) : out.toString();
    }
}
