package org.publiccredit.record.stats;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.record.config.WebSlice;
import org.publiccredit.testkit.SliceTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The department statistics: who may read which departments' figures, and the month parameter. */
@WebMvcTest(StatsController.class)
@Import(WebSlice.class)
class StatsControllerTest {

    /** An officer whose token carries no department claim (a misconfigured account). */
    private static final String OFFICER_WITHOUT_DEPARTMENT = "officer-without-department";

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private DepartmentStats stats;

    /** The slice tokens, and one more: an officer without a department claim. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MoreTokens {

        @Bean
        @Primary
        JwtDecoder tokensWithAnOfficerWithoutDepartment() {
            JwtDecoder slice = SliceTokens.decoder();
            return token -> {
                if (!OFFICER_WITHOUT_DEPARTMENT.equals(token)) {
                    return slice.decode(token);
                }
                Instant now = Instant.now();
                return Jwt.withTokenValue(token).header("alg", "none").subject("s-officer-x")
                        .claim("preferred_username", "officer-x").claim("azp", "portal")
                        .claim("realm_access", Map.of("roles", List.of("officer"))).issuedAt(now).expiresAt(now.plusSeconds(300))
                        .build();
            };
        }
    }

    @Test
    void withoutATokenIs401() throws Exception {
        mvc.perform(get("/api/v1/stats/departments").param("month", "2026-11"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/stats/departments").param("month", "2026-11").with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(stats);
    }

    @ParameterizedTest
    @ValueSource(strings = {"partner", "ent1", "citizen1", "internal"})
    void onlyOfficersReviewersAndAdminsReadTheStatistics(String who) throws Exception {
        mvc.perform(get("/api/v1/stats/departments").param("month", "2026-11").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(stats);
    }

    @Test
    void anOfficerWithoutDepartmentIs403() throws Exception {
        mvc.perform(get("/api/v1/stats/departments").param("month", "2026-11").with(bearer(OFFICER_WITHOUT_DEPARTMENT)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "DEPARTMENT_REQUIRED"));
        verifyNoInteractions(stats);
    }

    @Test
    void aMissingMonthIs400OnMonth() throws Exception {
        mvc.perform(get("/api/v1/stats/departments").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "PARAMETER_MISSING"))
                .andExpect(field("month", "PARAMETER_MISSING"));
        verifyNoInteractions(stats);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026/11", "November", "2026-11-01"})
    void aMonthThatIsNotYearDashMonthIs400OnMonth(String month) throws Exception {
        mvc.perform(get("/api/v1/stats/departments").param("month", month).with(as("reviewer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("month", "PARAMETER_INVALID"));
        verifyNoInteractions(stats);
    }

    @Test
    void anOfficerReadsOnlyHisOwnDepartment() throws Exception {
        when(stats.departments(any(), anyString())).thenReturn(List.of(
                new StatsController.DepartmentMonth("tax", "2026-11", 10, 2, 1, 3, 4, 3, 0.75)));
        mvc.perform(get("/api/v1/stats/departments").param("month", "2026-11").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2026-11"))
                .andExpect(jsonPath("$.departments[0].department").value("tax"))
                .andExpect(jsonPath("$.departments[0].timelinessRate").value(0.75));
        verify(stats).departments(YearMonth.of(2026, 11), "tax");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reviewer", "admin"})
    void reviewersAndAdminsReadEveryDepartment(String who) throws Exception {
        mvc.perform(get("/api/v1/stats/departments").param("month", "2026-11").with(as(who)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departments").isArray());
        verify(stats).departments(any(), isNull());
    }
}
