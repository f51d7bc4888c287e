package org.publiccredit.gateway.contract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.publiccredit.testkit.Api;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The malformed pieces the fuzz suite is made of, each class of issue 21 and more: what goes into a JSON string (as
 * escapes or as raw bytes), what replaces a value, what is wrong with the whole body, the request line or the headers.
 * Everything is a function of its inputs (and of the suite's seeded {@link Random}), so a failure reproduces.
 */
final class Malformed {

    /** Marks where a payload goes in a serialized body: ASCII, so its bytes can be replaced by any bytes. */
    static final String MARK = "@@FUZZ@@";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Malformed() {
    }

    /** A payload placed inside a JSON string: the bytes that replace {@link #MARK}, and whether it must be refused. */
    record Payload(String name, byte[] bytes, boolean refused) {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** Chinese text in GBK, checked not to be valid UTF-8 by accident. */
    static byte[] gbk(String text) {
        byte[] b = text.getBytes(Charset.forName("GBK"));
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b));
            throw new IllegalStateException(text + " in GBK is valid UTF-8; choose another text");
        } catch (CharacterCodingException expected) {
            return b;
        }
    }

    /** Inside a JSON string: each must be refused (400), whichever field it is in. */
    static List<Payload> refusedInText() {
        return List.of(
                new Payload("escaped NUL", ascii("ab\\u0000cd"), true),
                new Payload("raw NUL byte", bytes('a', 0, 'b'), true),
                new Payload("escaped lone high surrogate", ascii("ab\\ud800cd"), true),
                new Payload("escaped lone low surrogate", ascii("ab\\udc00"), true),
                new Payload("escaped reversed pair", ascii("\\udc00\\ud800"), true),
                new Payload("raw CESU-8 surrogate", bytes('a', 0xED, 0xA0, 0x80, 'b'), true),
                new Payload("overlong / (C0 AF)", bytes('a', 0xC0, 0xAF, 'b'), true),
                new Payload("overlong (C1 BF)", bytes(0xC1, 0xBF), true),
                new Payload("overlong 3-byte (E0 80 AF)", bytes('x', 0xE0, 0x80, 0xAF), true),
                new Payload("overlong 4-byte (F0 80 80 AF)", bytes(0xF0, 0x80, 0x80, 0xAF), true),
                new Payload("5-byte form (F8 88 80 80 80)", bytes(0xF8, 0x88, 0x80, 0x80, 0x80), true),
                new Payload("truncated sequence (E6 9F)", bytes('a', 0xE6, 0x9F), true),
                new Payload("lone continuation byte", bytes('a', 0x80, 'b'), true),
                new Payload("beyond U+10FFFF (F4 90 80 80)", bytes(0xF4, 0x90, 0x80, 0x80), true),
                new Payload("GBK bytes", gbk("柳州市市场"), true),
                new Payload("Latin-1 byte", bytes('c', 'a', 'f', 0xE9), true));
    }

    /** Inside a JSON string: strange but valid text; no 5xx, whatever the answer. */
    static List<Payload> oddText() {
        return List.of(
                new Payload("DEL", bytes('a', 0x7F, 'b'), false),
                new Payload("C1 control (U+0085)", utf8("a\u0085b"), false),
                new Payload("right-to-left override", utf8("\u202Eabc"), false),
                new Payload("zero-width joiner", utf8("契约\u200D测试的值"), false),
                new Payload("supplementary character", utf8("𠀀𝄞"), false),
                new Payload("escaped control (U+001B)", ascii("a\\u001bb"), false),
                new Payload("5,000 characters", utf8("柳".repeat(5_000)), false));
    }

    /** Serializes {@code body} with {@link #MARK} at {@code pointer} (a text field) and puts the payload's bytes there. */
    static byte[] withPayload(ObjectNode body, String pointer, byte[] payload) {
        ObjectNode copy = body.deepCopy();
        set(copy, pointer, NODES.stringNode(MARK));
        return replaceMark(Api.JSON.writeValueAsBytes(copy), payload);
    }

    /** Serializes {@code body} with a raw JSON value (any text, valid JSON or not) at {@code pointer}. */
    static byte[] withRawValue(ObjectNode body, String pointer, String rawJson) {
        ObjectNode copy = body.deepCopy();
        set(copy, pointer, NODES.stringNode(MARK));
        return replaceMark(Api.JSON.writeValueAsBytes(copy), utf8(rawJson), true);
    }

    static byte[] replaceMark(byte[] json, byte[] payload) {
        return replaceMark(json, payload, false);
    }

    /** Replaces the first {@link #MARK} (with its quotes when {@code withQuotes}). */
    private static byte[] replaceMark(byte[] json, byte[] payload, boolean withQuotes) {
        byte[] mark = ascii(withQuotes ? "\"" + MARK + "\"" : MARK);
        int at = indexOf(json, mark);
        if (at < 0) {
            throw new IllegalStateException("no mark in " + new String(json, StandardCharsets.UTF_8));
        }
        return concat(java.util.Arrays.copyOfRange(json, 0, at), payload, java.util.Arrays.copyOfRange(json, at + mark.length, json.length));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Sets the node at a JSON pointer, making the objects (or array slots) on the way. */
    static void set(ObjectNode root, String pointer, JsonNode value) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        } else {
            throw new IllegalArgumentException("no parent for " + pointer + " in " + root);
        }
    }

    /** A JSON value nested {@code depth} deep: arrays or objects. */
    static String nested(int depth, boolean objects) {
        StringBuilder s = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            s.append(objects ? "{\"a\":" : "[");
        }
        s.append("1");
        for (int i = 0; i < depth; i++) {
            s.append(objects ? '}' : ']');
        }
        return s.toString();
    }

    /** Values of the wrong type for a text field that must be refused, and some the JSON reading may coerce. */
    static List<String> refusedForText() {
        return List.of("{}", "[]", "[\"a\",\"b\"]", "{\"$gt\":\"\"}", nested(600, false), nested(3_000, false), nested(600, true));
    }

    static List<String> coercibleForText() {
        return List.of("true", "12", "1e400", "9".repeat(500), "-0.0", "null");
    }

    /** Numbers where a count or version goes: too big, fractional, not a number. */
    static List<String> refusedForInteger() {
        return List.of("1e400", "99999999999999999999999999999", "-99999999999999999999999999999", "1.5", "\"x\"", "[1]", "{}");
    }

    /** An enum given as a number, a numeric string, or another shape: refused (enums are read by name only). */
    static List<String> refusedForEnum() {
        return List.of("0", "1", "\"1\"", "-1", "1.0", "true", "[\"UPHELD\"]", "{}", "\"\"", "\"UPHELD\\u0000\"");
    }

    /** Dates out of range or not dates. */
    static List<String> refusedForDate() {
        return List.of("\"1900-01-01\"", "\"-0001-01-01\"", "\"0000-01-01\"", "\"+10000-01-01\"", "\"2026-02-30\"", "\"2026-13-01\"",
                "\"1949-09-30\"", "\"20260101\"", "\"2026-01-01T00:00:00Z\"", "\"2026-01-01T00:00:00\"", "19000101", "[2026,1,1]");
    }

    /** Text that is blank, or short, once the white space around it is taken away. */
    static List<String> blankReasons() {
        return List.of("\"   \"", "\"\\u3000\\t\\n \"", "\"\\r\\n\"", "\"\\u2003\\u2003\"");
    }

    /** Whole bodies that are not a JSON object of any shape. */
    static List<byte[]> notAnObject(byte[] valid, Random random) {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(new byte[0]);
        bodies.add(ascii("null"));
        bodies.add(ascii("[]"));
        bodies.add(ascii("\"text\""));
        bodies.add(ascii("123"));
        bodies.add(ascii("<case><reason>x</reason></case>"));
        bodies.add(ascii("{"));
        bodies.add(ascii("{\"a\":1}}"));
        bodies.add(bytes(0xEF, 0xBB, 0xBF, '{', '}', 0));
        bodies.add(bytes(0xFE, 0xFF, 0, '{', 0, '}'));
        for (int i = 0; i < 3; i++) {
            bodies.add(java.util.Arrays.copyOf(valid, 1 + random.nextInt(Math.max(1, valid.length - 2))));
        }
        return bodies;
    }

    /** The path with one of the request-target tricks a firewall refuses. */
    static List<String> firewallTargets(String path) {
        int cut = path.indexOf('/', 1);
        String head = path.substring(0, cut);
        String tail = path.substring(cut);
        return List.of(head + "/" + tail, head + "/." + tail, head + "/x/.." + tail, head + "/x/%2e%2e" + tail, head + "/%2E%2E" + tail,
                head + "%2F" + tail.substring(1), head + "%5C" + tail.substring(1), head + "\\" + tail.substring(1),
                path + ";jsessionid=fuzz", head + ";x=1" + tail, path + "%00", head + "%00" + tail, head + "/x/%252e%252e" + tail,
                path + "%2500", head + "/%2e" + tail, path + "/..", path + "%0d%0aX-Injected:%201");
    }
}
