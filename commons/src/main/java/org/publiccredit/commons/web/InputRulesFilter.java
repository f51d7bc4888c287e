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
 * file names follow {@link TextRules} (a 400 {@code VALIDATION_FAILED} naming the parameter); a JSON body must be
 * strict UTF-8 (its stream fails with a {@link java.nio.charset.MalformedInputException}, which the problem advice
 * answers as 400 {@code ENCODING_NOT_UTF8}). Runs after Spring Security, so nobody unauthenticated gets a body parsed.
 */
public class InputRulesFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> problems;
        try {
            problems = parameterProblems(request);
        } catch (RuntimeException unparsable) {
            // a body Tomcat cannot parse (a broken multipart, a part over the limit): the multipart resolver meets the
            // same stored failure and the problem advice answers it (400 MALFORMED_MULTIPART, 413)
            problems = List.of();
        }
        if (!problems.isEmpty()) {
            response.setStatus(400);
            response.setContentType(Problems.MEDIA_TYPE.toString());
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.json(400, "VALIDATION_FAILED", "The request has invalid fields",
                    RequestIds.current(), problems));
            return;
        }
        chain.doFilter(isUtf8Json(request) ? new StrictUtf8Request(request) : request, response);
    }

    private static List<FieldProblem> parameterProblems(HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
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
                if (!TextRules.isValid(fileName)) {
                    problems.add(TextRules.problem(TextRules.isValid(part.getName()) ? part.getName() : "file"));
                }
            }
        } catch (IOException | ServletException | RuntimeException unreadable) {
            return List.of();
        }
        return problems;
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
        private ServletInputStream stream;

        StrictUtf8Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new StrictUtf8Stream(super.getInputStream());
            }
            return stream;
        }
    }

    /** Checks the bytes as they are read; the check fails the read at the first invalid byte or at an open end. */
    static final class StrictUtf8Stream extends ServletInputStream {
        private final ServletInputStream in;
        private final Utf8Check check = new Utf8Check();

        StrictUtf8Stream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                check.finish();
            } else {
                check.update(b);
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
            }
            return n;
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
