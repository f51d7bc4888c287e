package org.publiccredit.commons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.mock.web.MockPart;

class InputRulesFilterTest {

    private final InputRulesFilter filter = new InputRulesFilter();

    @Test
    void aNulInAQueryParameterIsA400NamingIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/records");
        request.addParameter("purpose", "loan\u0000");
        MockHttpServletResponse response = run(request, new AtomicReference<>());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"VALIDATION_FAILED\"")
                .contains("{\"field\":\"purpose\",\"code\":\"TEXT_INVALID_CHARACTER\"");
    }

    @Test
    void aBadMultipartTextFieldOrFileNameIsRefused() throws Exception {
        MockMultipartHttpServletRequest request = new MockMultipartHttpServletRequest();
        request.setContentType("multipart/form-data; boundary=x");
        MockPart part = new MockPart("attachments", "scan\u0000.pdf", new byte[] {1});
        request.addPart(part);
        MockHttpServletResponse response = run(request, new AtomicReference<>());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"field\":\"attachments\"");
    }

    @Test
    void aBodyTomcatCannotParseIsLeftToTheMultipartResolver() throws Exception {
        MockHttpServletRequest broken = new MockHttpServletRequest("POST", "/api/v1/objections");
        broken.setContentType("multipart/form-data; boundary=x");
        // Tomcat 11 throws from getParameterMap when the multipart body is broken: that must not become a 500 here
        HttpServletRequest throwing = new jakarta.servlet.http.HttpServletRequestWrapper(broken) {
            @Override
            public java.util.Map<String, String[]> getParameterMap() {
                throw new IllegalStateException("Stream ended unexpectedly");
            }
        };
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(throwing, response, (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(passed.get()).isSameAs(throwing);
    }

    @Test
    void cleanParametersPassThrough() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/records");
        request.addParameter("purpose", "贷款审批 😀");
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
        assertThat(run(request, passed).getStatus()).isEqualTo(200);
        assertThat(passed.get()).isNotNull();
    }

    @Test
    void aJsonBodyIsReadAsStrictUtf8() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/records");
        request.setContentType("application/json");
        request.setContent(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
        run(request, passed);
        assertThatThrownBy(() -> passed.get().getInputStream().readAllBytes()).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void aWellFormedJsonBodyAndOtherTypesAreUntouched() throws Exception {
        MockHttpServletRequest json = new MockHttpServletRequest("POST", "/x");
        json.setContentType("application/problem+json;charset=UTF-8");
        json.setContent("{\"a\":\"广西\"}".getBytes(StandardCharsets.UTF_8));
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
        run(json, passed);
        assertThat(new String(passed.get().getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"广西\"}");

        MockHttpServletRequest csv = new MockHttpServletRequest("POST", "/x");
        csv.setContentType("text/csv");
        assertThat(InputRulesFilter.isUtf8Json(csv)).isFalse();
        csv.setContentType("application/x-ndjson");
        assertThat(InputRulesFilter.isUtf8Json(csv)).isFalse();
    }

    @Test
    void aQueryParameterThatIsNotUtf8IsRefusedNotDropped() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases/x/attachments");
        request.setQueryString("purpose=%C0%AF&size=1");
        MockHttpServletResponse response = run(request, new AtomicReference<>());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("{\"field\":\"purpose\",\"code\":\"ENCODING_NOT_UTF8\"");
        assertThat(InputRulesFilter.queryProblems("q=%E6%9F%B3%E5%B7%9E&r=a+b")).isEmpty();
        assertThat(InputRulesFilter.queryProblems("q=%E6%9F")).extracting(f -> f.field()).containsExactly("q");
        assertThat(InputRulesFilter.queryProblems("%ED%A0%80=1")).extracting(f -> f.field()).containsExactly("parameter");
        assertThat(InputRulesFilter.queryProblems("q=100%")).extracting(f -> f.field()).containsExactly("q");
    }

    @Test
    void anExtendedFileNameMustDecodeToUtf8() {
        assertThat(InputRulesFilter.extendedFileNameDecodes("form-data; name=\"files\"; filename*=UTF-8''%E8%AF%81.pdf")).isTrue();
        assertThat(InputRulesFilter.extendedFileNameDecodes("form-data; name=\"files\"; filename=\"a.pdf\"")).isTrue();
        assertThat(InputRulesFilter.extendedFileNameDecodes("form-data; name=\"files\"; filename*=UTF-8''a%ED%A0%80.pdf")).isFalse();
        assertThat(InputRulesFilter.extendedFileNameDecodes("form-data; name=\"files\"; filename*=UTF-8''a%00.pdf")).isFalse();
        assertThat(InputRulesFilter.extendedFileNameDecodes("form-data; name=\"files\"; filename*=a%C0%AF.pdf")).isFalse();
    }

    @Test
    void jsonInAnotherCharsetIsRefused() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PATCH", "/api/v1/records/x");
        request.setContentType("application/json; charset=GBK");
        request.setContent(new byte[] {'{', '}'});
        MockHttpServletResponse response = run(request, new AtomicReference<>());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"code\":\"ENCODING_NOT_UTF8\"");
    }

    @Test
    void aJsonBodyOverTheLimitIs413DeclaredOrNot() throws Exception {
        InputRulesFilter small = new InputRulesFilter(16);
        MockHttpServletRequest declared = new MockHttpServletRequest("PATCH", "/api/v1/records/x");
        declared.setContentType("application/json");
        declared.setContent(("{\"pad\":\"" + "p".repeat(40) + "\"}").getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        small.doFilter(declared, response, (req, res) -> { });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");

        MockHttpServletRequest chunked = new MockHttpServletRequest("PATCH", "/api/v1/records/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContentType("application/json");
        chunked.setContent(("{\"pad\":\"" + "p".repeat(40) + "\"}").getBytes(StandardCharsets.UTF_8));
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
        small.doFilter(chunked, new MockHttpServletResponse(), (req, res) -> passed.set((HttpServletRequest) req));
        assertThatThrownBy(() -> passed.get().getInputStream().readAllBytes()).isInstanceOf(BodyTooLargeException.class);
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, AtomicReference<HttpServletRequest> passed) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> passed.set((HttpServletRequest) req));
        return response;
    }
}
