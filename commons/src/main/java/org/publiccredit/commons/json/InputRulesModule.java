package org.publiccredit.commons.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.publiccredit.commons.text.TextRules;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link TextRules} to every string a JSON body carries: typed {@code String} properties (also inside lists,
 * arrays and maps), untyped values ({@code Object}, {@code Map<String, Object>}, {@code List<Object>}) and
 * {@code JsonNode} trees, with their object keys. A breach is an {@link InvalidTextException} whose path names the
 * field ({@code fields.violationFacts}, {@code subject.name}). Registered for every servlet service by commons'
 * auto-configuration (Boot adds every {@code JacksonModule} bean to its {@code JsonMapper}).
 */
public final class InputRulesModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public InputRulesModule() {
        super("publiccredit-input-rules");
        setDeserializerModifier(new Checks());
        // trees are not built by the deserializer factory, so the modifier never sees them
        TreeChecks deserializers = new TreeChecks();
        deserializers.addDeserializer(LocalDate.class, new StrictLocalDate());
        setDeserializers(deserializers);
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addHandler(new UnknownKeys());
    }

    /**
     * A key the target type does not know is skipped by the bean deserializer without being read as a string, so the
     * checks above never saw it: a NUL or an unpaired surrogate in it is refused here ({"re\u0000ason": …} was taken).
     */
    private static final class UnknownKeys extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws JacksonException {
            if (!TextRules.isValid(propertyName)) {
                // the parser stands on the key's value; the path is cut at the bad key, so its object is named, never the key
                throw new InvalidTextException(p, p.streamReadContext(), List.of());
            }
            return false;
        }
    }

    /**
     * One reading of a date for every field: a JSON string {@code yyyy-MM-dd} (ISO 8601), a real calendar date (ISO's
     * strict resolver). Jackson's own reader also took {@code "2026-01-01T00:00:00Z"} (the date of an instant), numbers and
     * arrays: a PATCH took what a push refused. Ranges are each field's own rule; an empty string stays "no date".
     */
    static final class StrictLocalDate extends StdDeserializer<LocalDate> {
        // ISO's own shape (a signed year past 9999 or before 0 included): how far back or ahead is each field's rule
        private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("[+-]?\\d{4,9}-\\d{2}-\\d{2}");

        StrictLocalDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString().strip();
            if (text.isEmpty()) {
                return null;
            }
            if (SHAPE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (java.time.format.DateTimeParseException notADay) {
                    // falls through to the refusal
                }
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date of the form yyyy-MM-dd");
        }
    }

    private static boolean checked(Class<?> type) {
        return type == String.class || type == Object.class || JsonNode.class.isAssignableFrom(type);
    }

    private static final class TreeChecks extends SimpleDeserializers {
        private static final long serialVersionUID = 1L;

        @Override
        public ValueDeserializer<?> findTreeNodeDeserializer(JavaType nodeType, DeserializationConfig config,
                BeanDescription.Supplier description) {
            return new TextChecking(JsonNodeDeserializer.getDeserializer(nodeType.getRawClass()));
        }
    }

    private static final class Checks extends ValueDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                ValueDeserializer<?> deserializer) {
            if (deserializer instanceof TextChecking || !checked(description.getBeanClass())) {
                return deserializer;
            }
            return new TextChecking(deserializer);
        }

        /** Jackson trims an enum's name before looking it up, and String.trim() takes a NUL: "UPHELD\u0000" was UPHELD. */
        @Override
        public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription.Supplier description,
                ValueDeserializer<?> deserializer) {
            return deserializer instanceof EnumTextChecking ? deserializer : new EnumTextChecking(deserializer);
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
            Class<?> raw = type.getRawClass();
            return (raw == String.class || raw == Object.class) && !(deserializer instanceof CheckedKeys)
                    ? new CheckedKeys(deserializer) : deserializer;
        }
    }

    /** Lets the standard deserializer read the value, then checks every string (and key) in what it read. */
    private static final class TextChecking extends DelegatingDeserializer {

        TextChecking(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextChecking(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            return checked(super.deserialize(p, ctxt), p);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws JacksonException {
            return checked(super.deserialize(p, ctxt, intoValue), p);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
                throws JacksonException {
            return checked(super.deserializeWithType(p, ctxt, typeDeserializer), p);
        }

        private static Object checked(Object value, JsonParser p) {
            List<Object> path = new ArrayList<>();
            if (breaks(value, path)) {
                // the parser stands on the value just read (or on the end of it): its context names the value
                throw new InvalidTextException(p, p.streamReadContext(), path);
            }
            return value;
        }

        /** Whether {@code value} holds a bad string; if so {@code path} ends up as the way to it. */
        private static boolean breaks(Object value, List<Object> path) {
            switch (value) {
                case null -> {
                    return false;
                }
                case CharSequence text -> {
                    return !TextRules.isValid(text);
                }
                case Map<?, ?> map -> {
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        if (entry.getKey() instanceof CharSequence key && !TextRules.isValid(key)) {
                            return true; // the key itself cannot be echoed: the map is named
                        }
                        path.add(String.valueOf(entry.getKey()));
                        if (breaks(entry.getValue(), path)) {
                            return true;
                        }
                        path.removeLast();
                    }
                    return false;
                }
                case Collection<?> items -> {
                    return breaksAny(items, path);
                }
                case Object[] items -> {
                    return breaksAny(List.of(items), path);
                }
                case JsonNode node -> {
                    return breaksNode(node, path);
                }
                default -> {
                    return false;
                }
            }
        }

        private static boolean breaksAny(Collection<?> items, List<Object> path) {
            int index = 0;
            for (Object item : items) {
                path.add(index++);
                if (breaks(item, path)) {
                    return true;
                }
                path.removeLast();
            }
            return false;
        }

        private static boolean breaksNode(JsonNode node, List<Object> path) {
            if (node.isString()) {
                return !TextRules.isValid(node.stringValue());
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    if (!TextRules.isValid(entry.getKey())) {
                        return true;
                    }
                    path.add(entry.getKey());
                    if (breaksNode(entry.getValue(), path)) {
                        return true;
                    }
                    path.removeLast();
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    path.add(i);
                    if (breaksNode(node.get(i), path)) {
                        return true;
                    }
                    path.removeLast();
                }
            }
            return false;
        }
    }

    /** An enum's name is text too: checked before the enum deserializer trims and looks it up. */
    private static final class EnumTextChecking extends DelegatingDeserializer {

        EnumTextChecking(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new EnumTextChecking(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (p.hasToken(JsonToken.VALUE_STRING) && !TextRules.isValid(p.getString())) {
                throw new InvalidTextException(p, p.streamReadContext(), List.of());
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Map keys: refused before the standard key deserializer sees them. */
    private static final class CheckedKeys extends KeyDeserializer {
        private final KeyDeserializer delegate;

        CheckedKeys(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JacksonException {
            delegate.resolve(ctxt);
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws JacksonException {
            if (!TextRules.isValid(key)) {
                JsonParser p = ctxt.getParser();
                // the parser stands on the key: its object's path names the map, never the key itself
                throw new InvalidTextException(p, p.streamReadContext().getParent(), List.of());
            }
            return delegate.deserializeKey(key, ctxt);
        }
    }
}
