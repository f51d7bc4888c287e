package org.publiccredit.deploycheck;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Parses multi-document YAML (Kustomize's output) into {@link Manifest}s. */
public final class Manifests {

    public static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private Manifests() {
    }

    public static List<Manifest> parse(String yaml) {
        List<Manifest> out = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml);
             MappingIterator<JsonNode> it = YAML.readValues(parser, JsonNode.class)) {
            int index = 0;
            while (it.hasNext()) {
                JsonNode doc = it.next();
                index++;
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                if (!(doc instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("document " + index + " is not a mapping: " + doc);
                }
                out.add(Manifest.of(object));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the rendered YAML: " + e.getMessage(), e);
        }
        return out;
    }
}
