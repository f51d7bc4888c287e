package org.publiccredit.subject.identifier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.id.OrgCode;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.subject.web.Languages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks a USCC or id number, so partners can validate a batch before pushing it. Anonymous, rate limited at the
 * gateway. Nothing here logs the value (the access log records only the route pattern); an id number is answered
 * masked, so the answer never carries a raw number either.
 */
@RestController
@Tag(name = "identifiers", description = "Identifier checks (GB 32100, GB 11643)")
class IdentifierController {

    private final Clock clock;

    IdentifierController(Clock clock) {
        this.clock = clock;
    }

    /**
     * The check.
     *
     * @param valid      whether the identifier is valid
     * @param kind       USCC, ID_NUMBER, ORG_CODE (a 9-character organisation code, valid to look a subject up by), or null
     *                   when the kind cannot be told
     * @param normalized the normalised value (an upgraded legacy id number in its 18-digit form); masked for id numbers
     * @param errors     every error found, with a message in the caller's language (Chinese unless English is asked for)
     */
    record CheckResponse(boolean valid, IdentifierKind kind, String normalized, List<Error> errors) {
    }

    /**
     * One error.
     *
     * @param code    stable code, e.g. USCC_CHECK_DIGIT
     * @param message message in the caller's language
     */
    record Error(String code, String message) {
    }

    @GetMapping("/api/v1/identifiers/{value}")
    @Operation(operationId = "checkIdentifier", summary = "Check a unified social credit code or resident id number",
            description = "Without kind the kind is detected (see commons Identifiers); with kind=USCC, ID_NUMBER or ORG_CODE the value is "
                    + "checked as that kind, as a partner does for a column that holds only one kind. A valid 9-character organisation code (GB 11714, with or "
                    + "without its hyphen) answers valid with kind ORG_CODE: GET /api/v1/subjects/{it} finds the USCC containing it. Messages in Chinese unless "
                    + "Accept-Language prefers English.")
    CheckResponse check(@PathVariable String value,
            @Parameter(description = "check as this kind instead of detecting it") @RequestParam(required = false) IdentifierKind kind,
            HttpServletRequest request) {
        Locale locale = Languages.of(request);
        java.util.Optional<String> orgCode = kind == null || kind == IdentifierKind.ORG_CODE ? OrgCode.parse(value) : java.util.Optional.empty();
        if (orgCode.isPresent() && (kind == IdentifierKind.ORG_CODE || Identifiers.check(value, clock).hasError("IDENTIFIER_LENGTH"))) {
            // a 9-character organisation code is a valid code to look up by (the USCC containing it), not a length error
            return new CheckResponse(true, IdentifierKind.ORG_CODE, orgCode.get(), List.of());
        }
        if (kind == IdentifierKind.ORG_CODE) {
            return new CheckResponse(false, IdentifierKind.ORG_CODE, Identifiers.normalize(value),
                    List.of(new Error("ORG_CODE_INVALID", locale.getLanguage().equals("en")
                            ? "not an organisation code: 8 digits or capital letters and a check character (GB 11714)"
                            : "不是有效的组织机构代码：应为8位数字或大写字母加1位校验码（GB 11714）")));
        }
        IdentifierCheck check = kind == null ? Identifiers.check(value, clock)
                : kind == IdentifierKind.USCC ? Uscc.check(value) : IdNumber.check(value, clock);
        String normalized = check.kind() == IdentifierKind.USCC ? check.normalized() : Identifiers.mask(check.normalized());
        return new CheckResponse(check.valid(), check.kind(), normalized,
                check.errors().stream().map(e -> new Error(e.code(), e.message(locale))).toList());
    }
}
