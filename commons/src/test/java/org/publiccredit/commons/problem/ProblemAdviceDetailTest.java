package org.publiccredit.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Refusals speak the API's words: the parameter's name, never Java types or the framework's resource handling. */
class ProblemAdviceDetailTest {

    @Test
    void aMissingParameterIsNamedWithoutJavaTypes() {
        String detail = ProblemAdvice.detail(new MissingServletRequestParameterException("month", "String"), HttpStatus.BAD_REQUEST);
        assertThat(detail).isEqualTo("The query parameter 'month' is required").doesNotContain("String");
    }

    @Test
    void aParameterOfTheWrongShapeIsNamed() {
        TypeMismatchException mismatch = new TypeMismatchException("x", Integer.class);
        mismatch.initPropertyName("kind");
        assertThat(ProblemAdvice.detail(mismatch, HttpStatus.BAD_REQUEST)).isEqualTo("The parameter 'kind' has an invalid value");
    }

    @Test
    void anUnknownPathIsNotAStaticResource() {
        String detail = ProblemAdvice.detail(new NoResourceFoundException(HttpMethod.GET, "/api/v1/records/x/y", "api/v1/records/x/y"),
                HttpStatus.NOT_FOUND);
        assertThat(detail).isEqualTo("No such resource");
    }

    @Test
    void anyOtherRefusalGivesItsStatusReason() {
        assertThat(ProblemAdvice.detail(new HttpRequestMethodNotSupportedException("DELETE"), HttpStatus.METHOD_NOT_ALLOWED))
                .isEqualTo("The method DELETE is not allowed here");
        assertThat(ProblemAdvice.detail(new IllegalStateException("internal words"), HttpStatus.CONFLICT)).isEqualTo("Conflict");
    }

    @Test
    void aBrokenMultipartBodyIs400NotA500() {
        var answer = new ProblemAdvice().multipart(new org.springframework.web.multipart.MultipartException("Failed to parse"));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "MALFORMED_MULTIPART");
    }

    @Test
    void aHeaderTheFirewallRejectsWhileBindingIs400NotA500() {
        var answer = new ProblemAdvice().rejected(new org.springframework.security.web.firewall.RequestRejectedException(
                "The HTTP header value \"a\u0001b\" is not allowed."));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "REQUEST_REJECTED");
        assertThat(answer.getBody().getDetail()).doesNotContain("a\u0001b");
    }

    @Test
    void anExhaustedConnectionPoolIs503WithRetryAfterNotA500() {
        var timeout = new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");
        var answer = new ProblemAdvice().unexpected(new RuntimeException("Could not open JDBC Connection for transaction", timeout));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "DATABASE_UNAVAILABLE");
        assertThat(answer.getBody().getDetail()).doesNotContain("Hikari");
    }

    @Test
    void aRefusedOrDroppedDatabaseConnectionIs503AndOtherSqlErrorsStay500() {
        assertThat(ProblemAdvice.databaseUnavailable(new IllegalStateException(new java.sql.SQLException("refused", "08001")))).isTrue();
        assertThat(ProblemAdvice.databaseUnavailable(new java.sql.SQLException("too many clients", "53300"))).isTrue();
        assertThat(ProblemAdvice.databaseUnavailable(new java.sql.SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ProblemAdvice.databaseUnavailable(new java.sql.SQLException("canceling statement due to statement timeout", "57014")))
                .isTrue();
        assertThat(ProblemAdvice.databaseUnavailable(new java.sql.SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(ProblemAdvice.databaseUnavailable(new java.sql.SQLException("syntax error", "42601"))).isFalse();
        assertThat(ProblemAdvice.databaseUnavailable(new java.sql.SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemAdvice.databaseUnavailable(new IllegalStateException("no sql at all"))).isFalse();
        assertThat(new ProblemAdvice().unexpected(new IllegalStateException("bug")).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void aMissingPartIsNamed() {
        String detail = ProblemAdvice.detail(new org.springframework.web.multipart.support.MissingServletRequestPartException("case"),
                HttpStatus.BAD_REQUEST);
        assertThat(detail).isEqualTo("The multipart body needs a part 'case'");
    }
}
