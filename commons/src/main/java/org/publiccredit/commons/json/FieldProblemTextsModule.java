package org.publiccredit.commons.json;

import org.publiccredit.commons.i18n.Languages;
import org.publiccredit.commons.i18n.Messages;
import org.publiccredit.commons.problem.FieldProblem;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes every {@link FieldProblem} an answer carries ({@code errors} of a problem, {@code warnings} of a push, the
 * rows of a batch report) as {@code field}, {@code code} and the {@code message} of its code in the language of the
 * request being answered ({@link Languages#current()}). Registered for every servlet service by commons'
 * auto-configuration.
 */
public final class FieldProblemTextsModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public FieldProblemTextsModule() {
        super("publiccredit-field-problem-texts");
        addSerializer(FieldProblem.class, new Writer());
    }

    private static final class Writer extends StdSerializer<FieldProblem> {

        Writer() {
            super(FieldProblem.class);
        }

        @Override
        public void serialize(FieldProblem value, JsonGenerator gen, SerializationContext context) {
            FieldProblem shown = Messages.shared().localised(value, Languages.current());
            gen.writeStartObject();
            gen.writeStringProperty("field", shown.field());
            gen.writeStringProperty("code", shown.code());
            gen.writeStringProperty("message", shown.message());
            gen.writeEndObject();
        }
    }
}
