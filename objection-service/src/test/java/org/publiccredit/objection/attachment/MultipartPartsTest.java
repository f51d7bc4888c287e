package org.publiccredit.objection.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.ApiException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockPart;

class MultipartPartsTest {

    static MockHttpServletRequest with(String... names) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/objections");
        request.setContentType("multipart/form-data; boundary=x");
        for (String name : names) {
            request.addPart(new MockPart(name, "a.pdf", new byte[] {1}));
        }
        return request;
    }

    @Test
    void theExpectedPartsPass() {
        assertThatCode(() -> MultipartParts.only(with("case", "files", "files"), Set.of("case", "files"))).doesNotThrowAnyException();
    }

    @Test
    void aPartUnderAnotherNameIsRefusedInsteadOfIgnored() {
        assertThatThrownBy(() -> MultipartParts.only(with("case", "fi\u0000les"), Set.of("case", "files")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.errors()).extracting(p -> p.field()).containsExactly("part");
                });
        assertThatThrownBy(() -> MultipartParts.only(with("file"), Set.of("case", "files")))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.errors()).extracting(p -> p.field()).containsExactly("file"));
    }
}
