package org.publiccredit.objection.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who a citizen is, asked of subject-service in look-up mode: reading or filing never registers anyone. */
class SubjectsTest {

    private static final class Recording implements SubjectClient {
        final List<Map<String, Object>> bodies = new ArrayList<>();
        SubjectClient.LookupResponse answer;
        SubjectRef registered;

        @Override
        public SubjectClient.LookupResponse lookup(Map<String, Object> body) {
            bodies.add(body);
            return answer;
        }

        @Override
        public SubjectRef get(String id) {
            if (registered == null) {
                throw new IllegalStateException("subject-service down");
            }
            return registered;
        }
    }

    @Test
    void aCitizenIsLookedUpWithCreateFalse() {
        Recording client = new Recording();
        client.answer = new SubjectClient.LookupResponse(List.of(new SubjectClient.LookupItem(0,
                new SubjectRef("s-1", "PERSON", null, "4502**********1237", "张三", "NATURAL_PERSON", "450202", true), null)));
        assertThat(new Subjects(client).lookupId("450202199001011237")).contains("s-1");
        assertThat(client.bodies).singleElement().satisfies(body -> {
            assertThat(body).containsEntry("create", false);
            assertThat(body.get("items")).isEqualTo(List.of(Map.of("identifier", "450202199001011237")));
        });
    }

    @Test
    void anUnknownCitizenIsNobodyNotANewSubject() {
        Recording client = new Recording();
        client.answer = new SubjectClient.LookupResponse(List.of(new SubjectClient.LookupItem(0, null, "SUBJECT_NOT_FOUND")));
        assertThat(new Subjects(client).lookupId("450202199001011237")).isEmpty();
    }

    @Test
    void theRegisteredNameComesFromSubjectServiceAndIsEmptyWhenItCannotBeAsked() {
        Recording client = new Recording();
        client.registered = new SubjectRef("s-1", "USCC", "91450200MA5K00012P", null, " 柳州示范科技有限公司 ", "ENTERPRISE", "450202", true);
        assertThat(new Subjects(client).registeredName("s-1")).contains("柳州示范科技有限公司");
        client.registered = null;
        assertThat(new Subjects(client).registeredName("s-1")).isEmpty();
        assertThat(new Subjects(client).registeredName(null)).isEmpty();
    }
}
