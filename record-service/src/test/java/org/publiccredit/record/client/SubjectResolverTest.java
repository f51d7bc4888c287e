package org.publiccredit.record.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call policy towards subject-service: cache, refusal versus unavailability, retries, circuit breaker, the bulk
 * resolve's parts and fallbacks, and look-ups that never create a subject.
 */
class SubjectResolverTest {

    private static final String ENT = "91450200MA5K00012P";
    private static final String ENT2 = "91450202MA5N000017";
    private static final Request REQUEST = Request.create(Request.HttpMethod.POST, "http://subject/internal/v1/subjects:resolve",
            Map.of(), Request.Body.empty(), null);

    private final SubjectClient client = mock(SubjectClient.class);
    private final SubjectBatchClient batch = mock(SubjectBatchClient.class);
    private final SubjectResolver resolver = new SubjectResolver(client, batch);

    private static SubjectRef ref(String identifier) {
        return new SubjectRef(UUID.nameUUIDFromBytes(identifier.getBytes(StandardCharsets.UTF_8)), "USCC", identifier, null,
                "柳州某某有限公司", "ENTERPRISE", "450202", true, false);
    }

    private static FeignException status(int status) {
        return FeignException.errorStatus("SubjectClient#resolve", Response.builder().status(status).reason("status " + status)
                .request(REQUEST).headers(Map.of()).build());
    }

    private static RetryableException connectionRefused() {
        return new RetryableException(-1, "Connection refused", Request.HttpMethod.POST, new ConnectException("Connection refused"),
                (Long) null, REQUEST);
    }

    /** subject-service's bulk answer: a subject for each item, except those in {@code refused} (SUBJECT_IDENTIFIER_INVALID). */
    private static SubjectBatchClient.BatchResponse answer(SubjectBatchClient.BatchRequest request, Set<String> refused) {
        List<SubjectBatchClient.BatchItem> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            String identifier = request.items().get(i).identifier();
            items.add(refused.contains(identifier)
                    ? new SubjectBatchClient.BatchItem(i, null, "SUBJECT_IDENTIFIER_INVALID",
                            List.of(new FieldProblem("identifier", "USCC_CHECK_DIGIT", "bad check digit")))
                    : new SubjectBatchClient.BatchItem(i, ref(identifier), null, null));
        }
        return new SubjectBatchClient.BatchResponse(items);
    }

    private void bulkAnswersEveryItem() {
        when(batch.resolveBatch(any())).thenAnswer(inv -> answer(inv.getArgument(0), Set.of()));
    }

    private static List<SubjectResolver.Request> requests(int n, String name) {
        return IntStream.range(0, n).mapToObj(i -> new SubjectResolver.Request(String.format("9145020200%08d", i), name, null)).toList();
    }

    private static void assertUnavailable(Throwable e) {
        assertThat(e).isInstanceOfSatisfying(ApiException.class, a -> {
            assertThat(a.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(a.code()).isEqualTo("SUBJECT_SERVICE_UNAVAILABLE");
        });
    }

    private static void assertRefused(Throwable e) {
        assertThat(e).isInstanceOfSatisfying(SubjectResolver.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.code()).isEqualTo("SUBJECT_IDENTIFIER_INVALID");
            assertThat(r.errors()).extracting(FieldProblem::field).containsExactly("subject.identifier");
        });
    }

    /** Fails until the breaker has seen enough failures to open (10 calls at least, all failing). */
    private void openTheCircuit() {
        when(client.resolve(any())).thenThrow(status(503));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> resolver.resolve(ENT, "甲公司", null)).satisfies(SubjectResolverTest::assertUnavailable);
        }
    }

    // --- resolve

    @Test
    void aResolvedSubjectIsCachedSoTheSecondResolveMakesNoCall() {
        when(client.resolve(any())).thenReturn(ref(ENT));

        SubjectRef first = resolver.resolve(ENT, "柳州某某有限公司", "ENTERPRISE");
        SubjectRef second = resolver.resolve(ENT, "another name", null);

        assertThat(second).isEqualTo(first).isEqualTo(ref(ENT));
        verify(client, times(1)).resolve(new SubjectClient.ResolveRequest(ENT, "柳州某某有限公司", "ENTERPRISE"));
    }

    @Test
    void anIdentifierSubjectServiceRefusesIsRefusedWithoutRetrying() {
        when(client.resolve(any())).thenThrow(status(400));

        assertThatThrownBy(() -> resolver.resolve(ENT, "甲公司", null)).satisfies(SubjectResolverTest::assertRefused);
        verify(client, times(1)).resolve(any());
    }

    @Test
    void aServerErrorIsRetriedThreeTimesThenTheRegistryIsUnavailable() {
        when(client.resolve(any())).thenThrow(status(503));

        assertThatThrownBy(() -> resolver.resolve(ENT, "甲公司", null)).satisfies(SubjectResolverTest::assertUnavailable);
        verify(client, times(3)).resolve(any());
    }

    @Test
    void aConnectionFailureIsRetriedThreeTimesThenTheRegistryIsUnavailable() {
        when(client.resolve(any())).thenThrow(connectionRefused());

        assertThatThrownBy(() -> resolver.resolve(ENT, "甲公司", null)).satisfies(SubjectResolverTest::assertUnavailable);
        verify(client, times(3)).resolve(any());
    }

    @Test
    void aServerErrorThatClearsOnTheNextAttemptResolves() {
        when(client.resolve(any())).thenThrow(status(502)).thenReturn(ref(ENT));

        assertThat(resolver.resolve(ENT, "甲公司", null)).isEqualTo(ref(ENT));
        verify(client, times(2)).resolve(any());
    }

    @Test
    void aTokenRefusalIsRetriedAndNeverTakenForAnInvalidIdentifier() {
        when(client.resolve(any())).thenThrow(status(401));

        assertThatThrownBy(() -> resolver.resolve(ENT, "甲公司", null)).satisfies(SubjectResolverTest::assertUnavailable);
        verify(client, times(3)).resolve(any());
    }

    @Test
    void anAnswerWithoutASubjectIdIsUnavailableAndNotCached() {
        when(client.resolve(any())).thenReturn(null).thenReturn(ref(ENT));

        assertThatThrownBy(() -> resolver.resolve(ENT, "甲公司", null)).satisfies(SubjectResolverTest::assertUnavailable);
        assertThat(resolver.resolve(ENT, "甲公司", null)).isEqualTo(ref(ENT));
        verify(client, times(2)).resolve(any());
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndThenSubjectServiceIsNotCalledAtAll() {
        assertThat(resolver.available()).isTrue();

        openTheCircuit();

        assertThat(resolver.available()).isFalse();
        clearInvocations(client);
        assertThatThrownBy(() -> resolver.resolve(ENT2, "乙公司", null)).satisfies(SubjectResolverTest::assertUnavailable);
        verify(client, never()).resolve(any());
    }

    @Test
    void refusedIdentifiersDoNotOpenTheCircuit() {
        when(client.resolve(any())).thenThrow(status(400));

        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> resolver.resolve(ENT, "甲公司", null)).isInstanceOf(SubjectResolver.Refused.class);
        }

        assertThat(resolver.available()).isTrue();
    }

    // --- lookup

    @Test
    void aLookUpAsksTheBulkEndpointWithoutCreating() {
        bulkAnswersEveryItem();

        assertThat(resolver.lookup(ENT)).contains(ref(ENT));

        ArgumentCaptor<SubjectBatchClient.BatchRequest> sent = ArgumentCaptor.forClass(SubjectBatchClient.BatchRequest.class);
        verify(batch).resolveBatch(sent.capture());
        assertThat(sent.getValue().create()).isFalse();
        assertThat(sent.getValue().items()).containsExactly(new SubjectClient.ResolveRequest(ENT, null, null));
        verify(client, never()).resolve(any());
    }

    @Test
    void aLookedUpSubjectIsCachedForLaterResolves() {
        bulkAnswersEveryItem();

        resolver.lookup(ENT);

        assertThat(resolver.resolve(ENT, "甲公司", null)).isEqualTo(ref(ENT));
        assertThat(resolver.lookup(ENT)).contains(ref(ENT));
        verify(client, never()).resolve(any());
        verify(batch, times(1)).resolveBatch(any());
    }

    @Test
    void anUnregisteredIdentifierLooksUpEmptyAndIsAskedAgainNextTime() {
        when(batch.resolveBatch(any())).thenReturn(new SubjectBatchClient.BatchResponse(
                List.of(new SubjectBatchClient.BatchItem(0, null, "SUBJECT_NOT_FOUND", List.of()))));

        assertThat(resolver.lookup(ENT)).isEmpty();
        assertThat(resolver.lookup(ENT)).isEmpty();

        verify(batch, times(2)).resolveBatch(any());
    }

    @Test
    void aLookUpOfAnIdentifierSubjectServiceRefusesIsRefused() {
        when(batch.resolveBatch(any())).thenThrow(status(400));
        assertThatThrownBy(() -> resolver.lookup(ENT)).satisfies(SubjectResolverTest::assertRefused);

        doAnswer(inv -> answer(inv.getArgument(0), Set.of(ENT2))).when(batch).resolveBatch(any());
        assertThatThrownBy(() -> resolver.lookup(ENT2)).satisfies(SubjectResolverTest::assertRefused);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 405, 503})
    void aLookUpSubjectServiceCannotAnswerIsUnavailableAndNeverFallsBackToACreatingResolve(int status) {
        when(batch.resolveBatch(any())).thenThrow(status(status));

        assertThatThrownBy(() -> resolver.lookup(ENT)).satisfies(SubjectResolverTest::assertUnavailable);
        verify(client, never()).resolve(any());
    }

    @Test
    void anEmptyBulkAnswerToALookUpIsUnavailable() {
        when(batch.resolveBatch(any())).thenReturn(new SubjectBatchClient.BatchResponse(List.of()));

        assertThatThrownBy(() -> resolver.lookup(ENT)).satisfies(SubjectResolverTest::assertUnavailable);
    }

    // --- resolveAll

    @Test
    void resolveAllAnswersOneResolutionPerIdentifier() {
        when(client.resolve(any())).thenReturn(ref(ENT));
        resolver.resolve(ENT, "甲公司", null); // cached from here on
        String refused = "91450202MA5N000025";
        String missing = "91450202MA5N000033";
        when(batch.resolveBatch(any())).thenAnswer(inv -> {
            SubjectBatchClient.BatchRequest r = inv.getArgument(0);
            SubjectBatchClient.BatchResponse all = answer(r, Set.of(refused));
            // subject-service leaves one item out of its answer
            return new SubjectBatchClient.BatchResponse(all.results().stream()
                    .filter(i -> !r.items().get(i.index()).identifier().equals(missing)).toList());
        });

        Map<String, SubjectResolver.Resolution> out = resolver.resolveAll(List.of(
                new SubjectResolver.Request(ENT, "甲公司", null),
                new SubjectResolver.Request(ENT2, "乙公司", "ENTERPRISE"),
                new SubjectResolver.Request(ENT2, "乙公司", "ENTERPRISE"),
                new SubjectResolver.Request(refused, "丙公司", null),
                new SubjectResolver.Request(missing, "丁公司", null)), 4);

        assertThat(out).containsOnlyKeys(ENT, ENT2, refused, missing);
        assertThat(out.get(ENT)).isEqualTo(new SubjectResolver.Resolution.Resolved(ref(ENT)));
        assertThat(out.get(ENT2)).isEqualTo(new SubjectResolver.Resolution.Resolved(ref(ENT2)));
        assertThat(out.get(refused)).isInstanceOfSatisfying(SubjectResolver.Resolution.Failed.class,
                f -> assertRefused(f.problem()));
        assertThat(out.get(missing)).isInstanceOfSatisfying(SubjectResolver.Resolution.Failed.class,
                f -> assertUnavailable(f.problem()));
        ArgumentCaptor<SubjectBatchClient.BatchRequest> sent = ArgumentCaptor.forClass(SubjectBatchClient.BatchRequest.class);
        verify(batch).resolveBatch(sent.capture());
        // the cached one is not asked again, a duplicate is asked once, and resolving may create (create left out)
        assertThat(sent.getValue().items()).extracting(SubjectClient.ResolveRequest::identifier).containsExactly(ENT2, refused, missing);
        assertThat(sent.getValue().items().getFirst()).isEqualTo(new SubjectClient.ResolveRequest(ENT2, "乙公司", "ENTERPRISE"));
        assertThat(sent.getValue().create()).isNull();
    }

    @Test
    void resolveAllSendsAtMostAThousandIdentifiersPerCallInBodiesSubjectServiceAccepts() {
        bulkAnswersEveryItem();
        List<SubjectResolver.Request> all = requests(2500, "柳州市某某商贸有限责任公司".repeat(4));

        Map<String, SubjectResolver.Resolution> out = resolver.resolveAll(all, 16);

        ArgumentCaptor<SubjectBatchClient.BatchRequest> sent = ArgumentCaptor.forClass(SubjectBatchClient.BatchRequest.class);
        verify(batch, atLeastOnce()).resolveBatch(sent.capture());
        JsonMapper json = JsonMapper.builder().build();
        assertThat(sent.getAllValues()).hasSizeGreaterThan(2).allSatisfy(r -> {
            assertThat(r.items()).hasSizeLessThanOrEqualTo(1000);
            assertThat(json.writeValueAsBytes(r).length).as("subject-service refuses JSON bodies over 64 KiB").isLessThan(64 * 1024);
        });
        assertThat(sent.getAllValues().stream().flatMap(r -> r.items().stream()).map(SubjectClient.ResolveRequest::identifier))
                .containsExactlyElementsOf(all.stream().map(SubjectResolver.Request::identifier).toList());
        assertThat(out).hasSize(2500).allSatisfy((id, r) -> assertThat(r).isEqualTo(new SubjectResolver.Resolution.Resolved(ref(id))));
        verify(client, never()).resolve(any());
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 405})
    void againstASubjectServiceWithoutBulkResolveIdentifiersAreResolvedOneByOneFromThenOn(int status) {
        when(batch.resolveBatch(any())).thenThrow(status(status));
        when(client.resolve(any())).thenAnswer(inv -> ref(inv.<SubjectClient.ResolveRequest>getArgument(0).identifier()));

        Map<String, SubjectResolver.Resolution> out = resolver.resolveAll(requests(3, "甲公司"), 2);
        Map<String, SubjectResolver.Resolution> later = resolver.resolveAll(List.of(new SubjectResolver.Request(ENT, "乙公司", null)), 2);

        assertThat(out).hasSize(3).allSatisfy((id, r) -> assertThat(r).isEqualTo(new SubjectResolver.Resolution.Resolved(ref(id))));
        assertThat(later).containsOnly(Map.entry(ENT, new SubjectResolver.Resolution.Resolved(ref(ENT))));
        verify(batch, times(1)).resolveBatch(any());
        verify(client, times(4)).resolve(any());
    }

    @Test
    void aPartRefusedAsTooLargeIsResolvedOneByOneAndTheNextPartStillInBulk() {
        // names of 1,000 characters: about 15 identifiers per part
        List<SubjectResolver.Request> all = requests(20, "名".repeat(1000));
        when(batch.resolveBatch(any())).thenThrow(status(413)).thenAnswer(inv -> answer(inv.getArgument(0), Set.of()));
        when(client.resolve(any())).thenAnswer(inv -> ref(inv.<SubjectClient.ResolveRequest>getArgument(0).identifier()));

        Map<String, SubjectResolver.Resolution> out = resolver.resolveAll(all, 4);

        ArgumentCaptor<SubjectBatchClient.BatchRequest> sent = ArgumentCaptor.forClass(SubjectBatchClient.BatchRequest.class);
        verify(batch, times(2)).resolveBatch(sent.capture());
        List<String> firstPart = sent.getAllValues().getFirst().items().stream().map(SubjectClient.ResolveRequest::identifier).toList();
        ArgumentCaptor<SubjectClient.ResolveRequest> single = ArgumentCaptor.forClass(SubjectClient.ResolveRequest.class);
        verify(client, times(firstPart.size())).resolve(single.capture());
        assertThat(single.getAllValues()).extracting(SubjectClient.ResolveRequest::identifier).containsExactlyInAnyOrderElementsOf(firstPart);
        assertThat(out).hasSize(20).allSatisfy((id, r) -> assertThat(r).isEqualTo(new SubjectResolver.Resolution.Resolved(ref(id))));
    }

    @Test
    void aBulkResolveSubjectServiceCannotAnswerFailsItsIdentifiersAsUnavailableAfterTheRetries() {
        when(batch.resolveBatch(any())).thenThrow(status(500));

        Map<String, SubjectResolver.Resolution> out = resolver.resolveAll(requests(3, "甲公司"), 2);

        assertThat(out).hasSize(3).allSatisfy((id, r) -> assertThat(r).isInstanceOfSatisfying(SubjectResolver.Resolution.Failed.class,
                f -> assertUnavailable(f.problem())));
        verify(batch, times(3)).resolveBatch(any());
        verify(client, never()).resolve(any());
    }

    @Test
    void oneByOneEachIdentifierGetsItsOwnAnswer() {
        when(batch.resolveBatch(any())).thenThrow(status(404));
        when(client.resolve(any())).thenAnswer(inv -> {
            String identifier = inv.<SubjectClient.ResolveRequest>getArgument(0).identifier();
            if (identifier.equals(ENT2)) {
                throw status(400);
            }
            return ref(identifier);
        });

        Map<String, SubjectResolver.Resolution> out = resolver.resolveAll(List.of(new SubjectResolver.Request(ENT, "甲公司", null),
                new SubjectResolver.Request(ENT2, "乙公司", null)), 2);

        assertThat(out.get(ENT)).isEqualTo(new SubjectResolver.Resolution.Resolved(ref(ENT)));
        assertThat(out.get(ENT2)).isInstanceOfSatisfying(SubjectResolver.Resolution.Failed.class, f -> assertRefused(f.problem()));
    }

    // --- lookupAll / lookupAnswers

    @Test
    void lookupAnswersTellNotRegisteredFromNotAnsweredAndCreateNothing() {
        String unknown = "91450202MA5N000025";
        String refused = "91450202MA5N000033";
        when(batch.resolveBatch(any())).thenAnswer(inv -> {
            SubjectBatchClient.BatchRequest r = inv.getArgument(0);
            List<SubjectBatchClient.BatchItem> items = new ArrayList<>();
            for (int i = 0; i < r.items().size(); i++) {
                String id = r.items().get(i).identifier();
                items.add(id.equals(ENT) ? new SubjectBatchClient.BatchItem(i, ref(ENT), null, null)
                        : new SubjectBatchClient.BatchItem(i, null, id.equals(unknown) ? "SUBJECT_NOT_FOUND" : "SUBJECT_IDENTIFIER_INVALID",
                                List.of()));
            }
            return new SubjectBatchClient.BatchResponse(items);
        });

        Map<String, Optional<SubjectRef>> answers = resolver.lookupAnswers(List.of(ENT, unknown, refused, ENT));

        assertThat(answers).containsOnlyKeys(ENT, unknown);
        assertThat(answers.get(ENT)).contains(ref(ENT));
        assertThat(answers.get(unknown)).isEmpty();
        assertThat(resolver.lookupAll(List.of(ENT, unknown, refused))).containsOnlyKeys(ENT);
        ArgumentCaptor<SubjectBatchClient.BatchRequest> sent = ArgumentCaptor.forClass(SubjectBatchClient.BatchRequest.class);
        verify(batch, times(2)).resolveBatch(sent.capture());
        assertThat(sent.getAllValues()).allSatisfy(r -> assertThat(r.create()).isFalse());
        // a duplicate is asked once; a known subject is not asked again
        assertThat(sent.getAllValues().getFirst().items()).extracting(SubjectClient.ResolveRequest::identifier)
                .containsExactly(ENT, unknown, refused);
        assertThat(sent.getAllValues().get(1).items()).extracting(SubjectClient.ResolveRequest::identifier).containsExactly(unknown, refused);
        verify(client, never()).resolve(any());
    }

    @Test
    void bulkLookUpsAreSentInPartsOfAtMostAThousand() {
        bulkAnswersEveryItem();
        List<String> identifiers = requests(2500, null).stream().map(SubjectResolver.Request::identifier).toList();

        assertThat(resolver.lookupAll(identifiers)).hasSize(2500);

        ArgumentCaptor<SubjectBatchClient.BatchRequest> sent = ArgumentCaptor.forClass(SubjectBatchClient.BatchRequest.class);
        verify(batch, atLeastOnce()).resolveBatch(sent.capture());
        assertThat(sent.getAllValues()).hasSizeGreaterThan(2)
                .allSatisfy(r -> assertThat(r.items()).hasSizeLessThanOrEqualTo(1000))
                .allSatisfy(r -> assertThat(r.create()).isFalse());
    }

    @Test
    void lookUpsSubjectServiceCannotAnswerAreLeftOutNeverA503() {
        when(batch.resolveBatch(any())).thenThrow(status(503));

        assertThat(resolver.lookupAll(List.of(ENT, ENT2))).isEmpty();
        assertThat(resolver.lookupAnswers(List.of(ENT))).isEmpty();
    }

    @Test
    void withoutTheBulkEndpointNothingIsLookedUpFromThenOn() {
        when(batch.resolveBatch(any())).thenThrow(status(404));

        assertThat(resolver.lookupAll(List.of(ENT))).isEmpty();
        assertThat(resolver.lookupAll(List.of(ENT2))).isEmpty();

        verify(batch, times(1)).resolveBatch(any());
        verify(client, never()).resolve(any());
    }

    @Test
    void withTheCircuitOpenBulkLookUpsAskNothingButCachedSubjectsAreStillAnswered() {
        bulkAnswersEveryItem();
        resolver.lookup(ENT2); // cached
        openTheCircuit();
        clearInvocations(batch);

        assertThat(resolver.lookupAll(List.of(ENT2, ENT))).containsOnlyKeys(ENT2);

        verify(batch, never()).resolveBatch(any());
    }
}
