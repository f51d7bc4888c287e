package org.publiccredit.commons.problem;

import java.util.Locale;
import org.publiccredit.commons.i18n.Languages;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A problem a controller answers itself (e.g. a repair that is not eligible, an import report) is put in the reader's
 * language on its way out, like those of {@link ProblemAdvice}: title and detail by its code, field messages by
 * theirs. A problem that already carries {@code Content-Language} was put in it by {@link ProblemAdvice}.
 */
@RestControllerAdvice
public class ProblemLanguageAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && !response.getHeaders().containsHeader(HttpHeaders.CONTENT_LANGUAGE)) {
            Locale locale = Languages.of(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
            Problems.localise(problem, locale);
            response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, Languages.tag(locale));
        }
        return body;
    }
}
