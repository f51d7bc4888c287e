package org.publiccredit.commons.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.problem.Problems;
import org.publiccredit.commons.text.TextRules;
import org.publiccredit.commons.text.Utf8Check;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The input rules for what does not pass through Jackson: query and form parameters and multipart text fields and
 * file names follow {@link TextRules} (a 400 {@code VALIDATION_FAILED} naming the parameter), and a query's %-escapes
 * must decode to UTF-8 (Tomcat silently dropped a parameter that did not: {@code ?purpose=%C0%AF} became the default),
 * as must a file name's RFC 5987 form ({@code filename*=UTF-8''…}, which is decoded leniently into U+FFFD). A JSON body
 * must be strict UTF-8 (its stream fails with a {@link java.nio.charset.MalformedInputException}, which the problem
 * advice answers as 400 {@code ENCODING_NOT_UTF8}), is not read in any other declared charset (400
 * {@code ENCODING_NOT_UTF8}), and is read up to {@code platform.input.max-json-bytes} (1 MiB): a larger declared body
 * is a 413 problem at once, a chunked one fails when it grows past the limit ({@link BodyTooLargeException}, 413).
 * Runs after Spring Security, so nobody unauthenticated gets a body parsed.
 */
public class InputRulesFilter extends OncePerRequestFilter {

    /** The default largest JSON body a service reads (the gateway's default limit of a request too). */
    public static final long DEFAULT_MAX_JSON_BYTES = 1024 * 1024;

    private final long maxJsonBytes;

    public InputRulesFilter() {
        this(DEFAULT_MAX_JSON_BYTES);
    }

    public InputRulesFilter(long maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (idNumberInPath(request.getRequestURI()) || idNumberInPath(decodedOrNull(request.getRequestURI()))) {
            refuse(request, response, 400, ID_NUMBER_IN_URL, "An id number is never sent in a URL (URLs are kept in logs): your own file is "
                    + "GET /api/v1/subjects/mine/records, officers look a person's records up with POST /api/v1/subjects/records:lookup "
                    + "and the number in the body", List.of(new FieldProblem("path", ID_NUMBER_IN_URL, "holds a resident id number")));
            return;
        }
        List<FieldProblem> problems;
        try {
            problems = parameterProblems(request);
        } catch (RuntimeException unparsable) {
            // a body Tomcat cannot parse (a broken multipart, a part over the limit): the multipart resolver meets the
            // same stored failure and the problem advice answers it (400 MALFORMED_MULTIPART, 413)
            problems = List.of();
        }
        if (!problems.isEmpty()) {
            refuse(request, response, 400, "VALIDATION_FAILED", "The request has invalid fields", problems);
            return;
        }
        if (isJson(request) && !isUtf8Json(request)) {
            refuse(request, response, 400, "ENCODING_NOT_UTF8", "JSON is read as UTF-8 only; send the body in UTF-8 (charset=utf-8 or none)",
                    List.of());
            return;
        }
        if (isUtf8Json(request) && request.getContentLengthLong() > maxJsonBytes) {
            refuse(request, response, 413, "PAYLOAD_TOO_LARGE", "The body is larger than " + maxJsonBytes + " bytes", List.of(), maxJsonBytes);
            return;
        }
        chain.doFilter(isUtf8Json(request) ? new StrictUtf8Request(request, maxJsonBytes) : request, response);
    }

    /** The code of a request whose path holds a resident id number. */
    public static final String ID_NUMBER_IN_URL = "ID_NUMBER_IN_URL";

    /**
     * Whether a segment of the path (or its part before a {@code :verb}) is a valid resident id number. The identifier
     * check ({@code /api/v1/identifiers/…}) is the one place that takes any code in its path, by its published contract.
     */
    static boolean idNumberInPath(String uri) {
        if (uri == null || uri.startsWith("/api/v1/identifiers/")) {
            return false;
        }
        for (String segment : uri.split("/")) {
            int colon = segment.indexOf(':');
            String s = colon >= 0 ? segment.substring(0, colon) : segment;
            if ((s.length() == 18 || s.length() == 15) && Character.isDigit(s.charAt(0))
                    && org.publiccredit.commons.id.IdNumber.check(s).valid()) {
                return true;
            }
        }
        return false;
    }

    private static String decodedOrNull(String uri) {
        if (uri == null || uri.indexOf('%') < 0) {
            return null;
        }
        return decodeStrictly(uri.replace("+", "%2B"));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code, String detail,
            List<FieldProblem> problems, Object... args) throws IOException {
        Locale locale = org.publiccredit.commons.i18n.Languages.of(request.getHeader("Accept-Language"));
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", org.publiccredit.commons.i18n.Languages.tag(locale));
        response.getWriter().write(Problems.json(locale, status, code, detail, RequestIds.current(), problems, args));
    }

    private static List<FieldProblem> parameterProblems(HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>(queryProblems(request.getQueryString()));
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean valid = TextRules.isValid(parameter.getKey());
            for (String value : parameter.getValue()) {
                valid &= TextRules.isValid(value);
            }
            if (!valid) {
                problems.add(TextRules.problem(TextRules.isValid(parameter.getKey()) ? parameter.getKey() : "parameter"));
            }
        }
        if (isMultipart(request)) {
            problems.addAll(fileNameProblems(request));
        }
        return problems;
    }

    /**
     * The query's parameters whose %-escapes are broken or do not decode to UTF-8, each named when its name decodes
     * ({@code parameter} otherwise). Tomcat drops such a parameter without a word, so it never reaches the checks above.
     */
    static List<FieldProblem> queryProblems(String query) {
        if (query == null || query.indexOf('%') < 0 && query.chars().allMatch(c -> c < 0x80)) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            String decodedName = decodeStrictly(name);
            if (decodedName == null || decodeStrictly(value) == null) {
                String field = decodedName != null && TextRules.isValid(decodedName) && !decodedName.isEmpty() ? decodedName : "parameter";
                problems.add(new FieldProblem(field, "ENCODING_NOT_UTF8", "is not valid UTF-8 once its %-escapes are decoded"));
            }
        }
        return problems;
    }

    /** A %-encoded text (with + for space) decoded as strict UTF-8, or null when an escape is broken or the bytes are not UTF-8. */
    static String decodeStrictly(String encoded) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0 || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** A part that cannot be parsed is left to the multipart resolver, whose failure the problem advice answers. */
    private static List<FieldProblem> fileNameProblems(HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        try {
            for (Part part : request.getParts()) {
                String fileName = part.getSubmittedFileName();
                String field = TextRules.isValid(part.getName()) ? part.getName() : "file";
                if (!TextRules.isValid(fileName)) {
                    problems.add(TextRules.problem(field));
                } else if (!extendedFileNameDecodes(part.getHeader("Content-Disposition"))) {
                    problems.add(new FieldProblem(field, "ENCODING_NOT_UTF8", "the file name is not valid UTF-8"));
                }
            }
        } catch (IOException | ServletException | RuntimeException unreadable) {
            return List.of();
        }
        return problems;
    }

    /**
     * Whether a part's {@code filename*=UTF-8''…} (RFC 5987), if any, decodes to UTF-8 without NUL or unpaired
     * surrogates: Spring decodes it leniently (invalid bytes become U+FFFD), so it is checked from the raw header.
     */
    static boolean extendedFileNameDecodes(String disposition) {
        if (disposition == null) {
            return true;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)filename\\*\\s*=\\s*([^;]*)").matcher(disposition);
        if (!m.find()) {
            return true;
        }
        String value = m.group(1).strip();
        int quote = value.indexOf("''");
        if (quote < 0) {
            return false;
        }
        String charset = value.substring(0, quote);
        String decoded = decodeStrictly(value.substring(quote + 2).replace("+", "%2B"));
        return decoded != null && TextRules.isValid(decoded) && (charset.equalsIgnoreCase("UTF-8") || decoded.chars().allMatch(c -> c < 0x80));
    }

    /** Whether the body is declared JSON ({@code application/json} or {@code +json}), in whatever charset. */
    static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return "json".equals(media.getSubtype()) || media.getSubtype().endsWith("+json");
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    static boolean isUtf8Json(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            boolean json = "json".equals(media.getSubtype()) || media.getSubtype().endsWith("+json");
            return json && (media.getCharset() == null || StandardCharsets.UTF_8.equals(media.getCharset()));
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    private static final class StrictUtf8Request extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        StrictUtf8Request(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new StrictUtf8Stream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    /** Checks the bytes as they are read; the check fails the read at the first invalid byte or at an open end. */
    static final class StrictUtf8Stream extends ServletInputStream {
        private final ServletInputStream in;
        private final Utf8Check check = new Utf8Check();
        private final long maxBytes;

        StrictUtf8Stream(ServletInputStream in) {
            this(in, Long.MAX_VALUE);
        }

        StrictUtf8Stream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                check.finish();
            } else {
                check.update(b);
                bounded();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                check.finish();
            } else {
                check.update(buffer, offset, n);
                bounded();
            }
            return n;
        }

        private void bounded() throws BodyTooLargeException {
            if (check.offset() > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
