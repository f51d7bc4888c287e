package org.publiccredit.commons.json;

import java.util.ArrayList;
import java.util.List;
import org.publiccredit.commons.text.TextRules;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string or object key broke {@link TextRules}; {@link #field()} names where, e.g. {@code fields.list[1].x}.
 * The field comes from the parser's position (not from the deserializers' reference chain, which stops at values
 * read as a whole, such as an untyped map), plus the way into the value that was read.
 */
public class InvalidTextException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidTextException(JsonParser parser, TokenStreamContext at, List<Object> inside) {
        super(parser, "A string " + TextRules.MESSAGE, String.class);
        List<Object> path = new ArrayList<>();
        for (TokenStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.addFirst(Math.max(c.getCurrentIndex(), 0));
            } else if (c.currentName() != null) {
                path.addFirst(c.currentName());
            }
        }
        path.addAll(inside);
        StringBuilder out = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else if (TextRules.isValid((String) step)) {
                out.append(out.isEmpty() ? "" : ".").append(step);
            } else {
                break; // a bad key is not echoed: its container is named
            }
        }
        this.field = out.isEmpty() ? "body" : out.length() > 200 ? out.substring(0, 200) : out.toString();
    }

    /** The JSON path of the offending string, e.g. {@code subject.name}; {@code body} at the root. */
    public String field() {
        return field;
    }
}
