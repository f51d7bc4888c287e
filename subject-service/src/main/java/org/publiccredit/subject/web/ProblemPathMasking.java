package org.publiccredit.subject.web;

import java.net.URI;
import org.publiccredit.commons.web.LogSafe;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Spring fills a problem's {@code instance} with the request path, and a framework {@code detail} may quote it; on
 * this service a path can carry an identifier someone typed (even a raw id number). Both are masked the way the logs
 * mask paths ({@link LogSafe#path}) before the problem is written.
 */
@ControllerAdvice
class ProblemPathMasking implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getInstance() != null) {
                try {
                    problem.setInstance(URI.create(LogSafe.path(problem.getInstance().toString())));
                } catch (IllegalArgumentException e) {
                    problem.setInstance(null);
                }
            }
            if (problem.getDetail() != null) {
                problem.setDetail(LogSafe.path(problem.getDetail()));
            }
        }
        return body;
    }
}
