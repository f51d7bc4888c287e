package org.publiccredit.record.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogFixtures;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.NaturalKey;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.creditrecord.Transition;
import org.publiccredit.record.lifecycle.RecordWriter;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingestion's batch and single-push rules, through {@link IngestService} and the real {@link ChunkStore} and
 * {@link RecordDiff}: storage is an in-memory table behind stand-ins for {@link RecordRepository} and
 * {@link RecordWriter}, subject-service a stand-in {@link SubjectResolver}.
 */
class IngestServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(TODAY.atTime(10, 0), PublicityPolicy.ZONE).toInstant(), ZoneOffset.UTC);
    private static final String ACME = Uscc.of('9', '1', "450202", "MA000001").value();
    private static final String BETA = Uscc.of('9', '1', "450202", "MA000002").value();
    private static final String GAMMA = Uscc.of('9', '1', "450202", "MA000003").value();
    private static final Caller TAX_OFFICER = new Caller("sub-tax", "officer-tax", "portal", Set.of(Role.OFFICER), null, "tax", null,
            null);
    private static final Caller WITHOUT_DEPARTMENT = new Caller("sub-x", "officer-x", "portal", Set.of(Role.OFFICER), null, null, null,
            null);

    private final JsonMapper json = JsonMapper.builder().build();
    private final PublicityPolicy policy = new PublicityPolicy(CLOCK);
    private final Catalog catalog = mock(Catalog.class);
    private final SubjectResolver resolver = mock(SubjectResolver.class);
    private final RecordRepository records = mock(RecordRepository.class);
    private final RecordWriter writer = mock(RecordWriter.class);
    private final IngestCounters counters = mock(IngestCounters.class);
    private final ChunkStore store = new ChunkStore(records, writer, policy, counters, new WithoutDatabase(), CLOCK, false);

    /** credit_record, by natural key (one department). */
    private final Map<NaturalKey, CreditRecord> table = new ConcurrentHashMap<>();
    /** The document numbers of each chunk as it was stored, in order. */
    private final List<List<String>> chunks = new CopyOnWriteArrayList<>();
    /** The new versions written, with their history. */
    private final List<RecordWriter.Change> versions = new CopyOnWriteArrayList<>();
    /** The identifiers of each bulk resolve, in order. */
    private final List<List<String>> resolved = new ArrayList<>();
    /** What subject-service refuses, by identifier. */
    private final Map<String, ApiException> refusals = new HashMap<>();

    /** Runs the callback in no transaction: the stand-ins keep no state to roll back. */
    private static final class WithoutDatabase extends TransactionTemplate {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return action.doInTransaction(new SimpleTransactionStatus());
        }
    }

    @BeforeEach
    void wire() {
        when(catalog.find(anyString())).thenAnswer(inv -> Optional.ofNullable(CatalogFixtures.entry(inv.getArgument(0))));
        when(records.findByKeysForUpdate(anyString(), any())).thenAnswer(inv -> lookUp(inv.getArgument(1)));
        when(writer.claim(any(), any())).thenAnswer(inv -> {
            Set<UUID> claimed = new HashSet<>();
            for (CreditRecord r : inv.<List<CreditRecord>>getArgument(0)) {
                if (table.putIfAbsent(key(r), r) == null) {
                    claimed.add(r.id());
                }
            }
            return claimed;
        });
        doAnswer(inv -> {
            inv.<List<RecordWriter.Change>>getArgument(1).forEach(c -> {
                table.put(key(c.after()), c.after());
                versions.add(c);
            });
            return null;
        }).when(writer).write(any(), any(), any());
        when(resolver.resolveAll(any(), anyInt())).thenAnswer(inv -> {
            Collection<SubjectResolver.Request> requests = inv.getArgument(0);
            resolved.add(requests.stream().map(SubjectResolver.Request::identifier).toList());
            Map<String, SubjectResolver.Resolution> out = new HashMap<>();
            requests.forEach(r -> out.put(r.identifier(), refusals.containsKey(r.identifier())
                    ? new SubjectResolver.Resolution.Failed(refusals.get(r.identifier()))
                    : new SubjectResolver.Resolution.Resolved(subject(r.identifier(), r.name()))));
            return out;
        });
        when(resolver.resolve(anyString(), any(), any())).thenAnswer(inv -> {
            String identifier = inv.getArgument(0);
            if (refusals.containsKey(identifier)) {
                throw refusals.get(identifier);
            }
            return subject(identifier, inv.getArgument(1));
        });
    }

    private Map<NaturalKey, CreditRecord> lookUp(Collection<NaturalKey> keys) {
        if (!keys.isEmpty()) {
            chunks.add(keys.stream().map(NaturalKey::documentNumber).toList());
        }
        Map<NaturalKey, CreditRecord> found = new HashMap<>();
        keys.forEach(k -> Optional.ofNullable(table.get(k)).ifPresent(r -> found.put(k, r)));
        return found;
    }

    private static NaturalKey key(CreditRecord r) {
        return new NaturalKey(r.category(), r.documentNumber());
    }

    private static SubjectRef subject(String identifier, String name) {
        return new SubjectRef(UUID.nameUUIDFromBytes(identifier.getBytes(StandardCharsets.UTF_8)), "USCC", identifier, null, name,
                "ENTERPRISE", "450202", true, false);
    }

    private IngestService service(int chunkSize, int maxRows, long maxBytes) {
        return new IngestService(catalog, resolver, policy, store, new ChunkWriters(store, new SimpleMeterRegistry(), 3, 4), counters,
                json, chunkSize, maxRows, maxBytes, 4, BatchReader.DEFAULT_MAX_LINE_BYTES);
    }

    private IngestService service(int chunkSize) {
        return service(chunkSize, 100_000, 256L * 1024 * 1024);
    }

    /** A major tax violation (supplied by tax) of {@code subject}, decided 20 days ago. */
    private static RecordInput taxViolation(String subject, String documentNumber, String facts) {
        return new RecordInput("TAX_MAJOR_VIOLATION", new RecordInput.SubjectInput(subject, "柳州某某有限公司", null), documentNumber,
                TODAY.minusDays(20).toString(), Map.of("violationFacts", facts, "authority", "国家税务总局柳州市税务局"));
    }

    private String line(String subject, String documentNumber, String facts) {
        return json.writeValueAsString(taxViolation(subject, documentNumber, facts));
    }

    private static byte[] ndjson(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private BatchReport batch(IngestService ingest, byte[] body) throws IOException {
        return ingest.batch(TAX_OFFICER, new ByteArrayInputStream(body), BatchReader.Format.NDJSON);
    }

    private static ApiException refused(String code, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, "subject-service refused the identifier", errors);
    }

    private Set<String> storedDocuments() {
        Set<String> out = new HashSet<>();
        table.keySet().forEach(k -> out.add(k.documentNumber()));
        return out;
    }

    // --- the per-row report

    @Test
    void everyRowIsReportedWithItsRowNumberInInputOrder() throws IOException {
        RecordInput otherDepartments = new RecordInput("COURT_DEFAULTER", new RecordInput.SubjectInput(ACME, "柳州某某有限公司", null),
                "柳法执〔2026〕1号", TODAY.minusDays(3).toString(), Map.of());
        byte[] body = ndjson(
                line(ACME, "柳税稽罚〔2026〕1号", "虚开发票"),
                "{not json",
                json.writeValueAsString(otherDepartments),
                line("91450200MA5K00012X", "柳税稽罚〔2026〕2号", "虚开发票"),
                line(BETA, "柳税稽罚〔2026〕3号", "偷税"),
                line(ACME, "柳税稽罚〔2026〕4号", "抗税"));

        BatchReport report = batch(service(2), body);

        assertThat(report.rows()).extracting(RowResult::row, RowResult::result, RowResult::code, RowResult::documentNumber).containsExactly(
                tuple(1, "created", null, "柳税稽罚〔2026〕1号"),
                tuple(2, "rejected", "MALFORMED_ROW", null),
                tuple(3, "rejected", "DEPARTMENT_NOT_SUPPLIER", "柳法执〔2026〕1号"),
                tuple(4, "rejected", "VALIDATION_FAILED", "柳税稽罚〔2026〕2号"),
                tuple(5, "created", null, "柳税稽罚〔2026〕3号"),
                tuple(6, "created", null, "柳税稽罚〔2026〕4号"));
        assertThat(report.rows().get(3).errors()).extracting(FieldProblem::field).contains("subject.identifier");
        assertThat(report.rows()).filteredOn(RowResult::stored).allSatisfy(r -> {
            assertThat(r.id()).isNotNull();
            assertThat(r.version()).isEqualTo(1);
        });
        assertThat(report.totals()).isEqualTo(new BatchReport.Totals(6, 3, 0, 0, 3));
        assertThat(report.complete()).isTrue();
        assertThat(storedDocuments()).containsExactlyInAnyOrder("柳税稽罚〔2026〕1号", "柳税稽罚〔2026〕3号", "柳税稽罚〔2026〕4号");
    }

    @Test
    void aRefusedIdentifierIsRejectedWithTheResolversCodeAndTheRestOfTheChunkIsStored() throws IOException {
        List<FieldProblem> why = List.of(new FieldProblem("subject.identifier", "SUBJECT_IDENTIFIER_INVALID", "refused (USCC_REVOKED)"));
        refusals.put(BETA, refused("SUBJECT_IDENTIFIER_INVALID", why));

        BatchReport report = batch(service(10), ndjson(line(ACME, "D1", "事实"), line(BETA, "D2", "事实"), line(ACME, "D3", "事实")));

        assertThat(report.rows()).extracting(RowResult::row, RowResult::result, RowResult::code).containsExactly(
                tuple(1, "created", null), tuple(2, "rejected", "SUBJECT_IDENTIFIER_INVALID"), tuple(3, "created", null));
        assertThat(report.rows().get(1).errors()).isEqualTo(why);
        assertThat(report.rows().get(1).documentNumber()).isEqualTo("D2");
        assertThat(storedDocuments()).containsExactlyInAnyOrder("D1", "D3");
        assertThat(chunks).containsExactly(List.of("D1", "D3"));
        // the refused row is counted with its chunk
        verify(counters).add("tax", new IngestCounts(2, 0, 0, 1));
    }

    @Test
    void aSubjectTheRegistryCouldNotAnswerForIsRejectedWithAnErrorOnTheIdentifier() throws IOException {
        refusals.put(BETA, new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SUBJECT_SERVICE_UNAVAILABLE", "cannot be reached"));

        BatchReport report = batch(service(10), ndjson(line(BETA, "D1", "事实"), line(ACME, "D2", "事实")));

        assertThat(report.rows()).extracting(RowResult::result).containsExactly("rejected", "created");
        assertThat(report.rows().getFirst().code()).isEqualTo("SUBJECT_SERVICE_UNAVAILABLE");
        assertThat(report.rows().getFirst().errors()).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.identifier", "SUBJECT_SERVICE_UNAVAILABLE"));
    }

    @Test
    void aBatchOfWhichNoSubjectCouldBeResolvedForWantOfTheRegistryIsRefusedWith503() {
        ApiException down = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SUBJECT_SERVICE_UNAVAILABLE", "cannot be reached");
        refusals.put(ACME, down);
        refusals.put(BETA, down);

        assertThatThrownBy(() -> batch(service(1), ndjson(line(ACME, "D1", "事实"), line(BETA, "D2", "事实"), "{not json")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.code()).isEqualTo("SUBJECT_SERVICE_UNAVAILABLE");
                });
        assertThat(table).isEmpty();
    }

    // --- chunks

    @Test
    void everyChunkIsStoredOnceAndTheReportIsInInputOrder() throws IOException {
        byte[] body = ndjson(IntStream.rangeClosed(1, 5).mapToObj(i -> line(i % 2 == 0 ? ACME : BETA, "D" + i, "事实")).toArray(String[]::new));

        BatchReport report = batch(service(2), body);

        assertThat(chunks).containsExactlyInAnyOrder(List.of("D1", "D2"), List.of("D3", "D4"), List.of("D5"));
        assertThat(report.rows()).extracting(RowResult::row).containsExactly(1, 2, 3, 4, 5);
        assertThat(report.rows()).extracting(RowResult::result).containsOnly("created");
    }

    @Test
    void onceABatchIsMostlyNewRecordsItsChunksClaimTheirKeysFirstAndLookUpOnlyTheKeysTaken() throws IOException {
        ChunkStore claimFirst = new ChunkStore(records, writer, policy, counters, new WithoutDatabase(), CLOCK, true);
        // one chunk at a time, so that each chunk knows the results of the ones before it
        IngestService ingest = new IngestService(catalog, resolver, policy, claimFirst,
                new ChunkWriters(claimFirst, new SimpleMeterRegistry(), 1, 0), counters, json, 2, 100_000, 256L * 1024 * 1024, 4,
                BatchReader.DEFAULT_MAX_LINE_BYTES);
        batch(ingest, ndjson(line(ACME, "D5", "原事实"), line(ACME, "D6", "原事实")));
        chunks.clear();

        BatchReport report = batch(ingest, ndjson(line(ACME, "D1", "事实"), line(ACME, "D2", "事实"), line(ACME, "D3", "事实"),
                line(BETA, "D4", "事实"), line(ACME, "D5", "新事实"), line(ACME, "D6", "原事实")));

        assertThat(report.rows()).extracting(RowResult::result, RowResult::version).containsExactly(tuple("created", 1),
                tuple("created", 1), tuple("created", 1), tuple("created", 1), tuple("updated", 2), tuple("unchanged", 1));
        // the first chunk looks its keys up; the next ones claim first, and the third looks up the two keys it found taken
        assertThat(chunks).containsExactly(List.of("D1", "D2"), List.of("D5", "D6"));
        assertThat(table.get(new NaturalKey("TAX_MAJOR_VIOLATION", "D5")).fields()).containsEntry("violationFacts", "新事实");
        assertThat(versions).extracting(c -> c.history().fields().get("violationFacts")).containsExactly("原事实");
    }

    @Test
    void theNextChunkIsReadWhileTheSubjectsOfTheChunkBeforeAreResolved() throws IOException {
        Thread requestThread = Thread.currentThread();
        AtomicInteger validated = new AtomicInteger();
        when(catalog.find(anyString())).thenAnswer(inv -> {
            if (Thread.currentThread() == requestThread) {
                validated.incrementAndGet();
            }
            return Optional.ofNullable(CatalogFixtures.entry(inv.getArgument(0)));
        });
        AtomicInteger validatedDuringFirstResolve = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        doAnswer(inv -> {
            if (calls.getAndIncrement() == 0) {
                // subject-service is slow: the rows of the next chunk (3, 4) and the row after it (5) are read meanwhile
                long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
                while (validated.get() < 5 && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                validatedDuringFirstResolve.set(validated.get());
            }
            Map<String, SubjectResolver.Resolution> out = new HashMap<>();
            inv.<Collection<SubjectResolver.Request>>getArgument(0).forEach(r -> out.put(r.identifier(),
                    new SubjectResolver.Resolution.Resolved(subject(r.identifier(), r.name()))));
            return out;
        }).when(resolver).resolveAll(any(), anyInt());

        BatchReport report = batch(service(2), ndjson(IntStream.rangeClosed(1, 6).mapToObj(i -> line(i % 2 == 0 ? ACME : BETA, "D" + i,
                "事实")).toArray(String[]::new)));

        assertThat(validatedDuringFirstResolve.get()).as("rows read and validated while the first chunk was resolved").isEqualTo(5);
        assertThat(report.rows()).extracting(RowResult::row).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(report.totals().created()).isEqualTo(6);
    }

    @Test
    void chunksWithDisjointKeysAreStoredAtOnce() throws IOException {
        AtomicInteger storing = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        slowLookUps(key -> true, storing, most);

        BatchReport report = batch(service(2), ndjson(IntStream.rangeClosed(1, 8).mapToObj(i -> line(ACME, "D" + i, "事实"))
                .toArray(String[]::new)));

        assertThat(most.get()).as("chunks being stored at the same time").isEqualTo(3);
        assertThat(report.totals().created()).isEqualTo(8);
    }

    @Test
    void aKeyRepeatedInALaterChunkIsStoredAfterTheChunkHoldingItsEarlierVersion() throws IOException {
        // the first chunk's look-up is slow: without the wait the later chunks would read D1 before it exists
        slowLookUps(key -> key.documentNumber().equals("D2"), new AtomicInteger(), new AtomicInteger());

        BatchReport report = batch(service(2), ndjson(line(ACME, "D1", "第一稿"), line(ACME, "D2", "事实"), line(BETA, "D3", "事实"),
                line(ACME, "D1", "第二稿"), line(GAMMA, "D5", "事实"), line(ACME, "D1", "第三稿")));

        assertThat(report.rows()).filteredOn(r -> "D1".equals(r.documentNumber())).extracting(RowResult::result, RowResult::version)
                .containsExactly(tuple("created", 1), tuple("updated", 2), tuple("updated", 3));
        assertThat(versions).extracting(c -> c.history().fields().get("violationFacts")).containsExactly("第一稿", "第二稿");
        assertThat(table.get(new NaturalKey("TAX_MAJOR_VIOLATION", "D1")).fields()).containsEntry("violationFacts", "第三稿");
    }

    @Test
    void aChunkFailingAsAWholeFailsTheBatchAfterTheChunksBeingStored() {
        doThrow(new IllegalStateException("disk on fire")).when(counters).add(anyString(), any());

        assertThatThrownBy(() -> batch(service(2), ndjson(IntStream.rangeClosed(1, 6).mapToObj(i -> line(ACME, "D" + i, "事实"))
                .toArray(String[]::new)))).isInstanceOf(IllegalStateException.class).hasMessage("disk on fire");
    }

    /** Look-ups of chunks holding a key {@code slow} accepts take 150 ms; {@code most} keeps the most at once. */
    private void slowLookUps(Predicate<NaturalKey> slow, AtomicInteger storing, AtomicInteger most) {
        doAnswer(inv -> {
            Collection<NaturalKey> keys = inv.getArgument(1);
            most.accumulateAndGet(storing.incrementAndGet(), Math::max);
            try {
                if (keys.stream().anyMatch(slow)) {
                    Thread.sleep(150);
                }
                return lookUp(keys);
            } finally {
                storing.decrementAndGet();
            }
        }).when(records).findByKeysForUpdate(anyString(), any());
    }

    @Test
    void aSubjectIsResolvedOncePerBatch() throws IOException {
        byte[] body = ndjson(line(ACME, "D1", "事实"), line(ACME, "D2", "事实"), line(BETA, "D3", "事实"), line(ACME, "D4", "事实"),
                line(GAMMA, "D5", "事实"), line(BETA, "D6", "事实"));

        batch(service(3), body);

        assertThat(resolved).containsExactly(List.of(ACME, BETA), List.of(GAMMA));
    }

    @Test
    void aRowRejectedForItsSubjectDoesNotKeepTheSubjectFromBeingAskedAgainInTheNextChunk() throws IOException {
        refusals.put(BETA, new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SUBJECT_SERVICE_UNAVAILABLE", "cannot be reached"));
        IngestService ingest = service(1);

        BatchReport report = batch(ingest, ndjson(line(BETA, "D1", "事实"), line(ACME, "D2", "事实"), line(BETA, "D3", "事实")));

        assertThat(resolved).containsExactly(List.of(BETA), List.of(ACME), List.of(BETA));
        assertThat(report.rows()).extracting(RowResult::result).containsExactly("rejected", "created", "rejected");
    }

    // --- versioning by natural key

    @Test
    void theSameKeyTwiceInABatchIsStoredBeforeTheSecondIsComparedWithIt() throws IOException {
        BatchReport report = batch(service(10), ndjson(line(ACME, "D1", "第一稿"), line(ACME, "D1", "更正稿"), line(ACME, "D1", "更正稿")));

        assertThat(report.rows()).extracting(RowResult::result, RowResult::version)
                .containsExactly(tuple("created", 1), tuple("updated", 2), tuple("unchanged", 2));
        assertThat(report.rows()).extracting(RowResult::id).containsOnly(report.rows().getFirst().id());
        assertThat(chunks).containsExactly(List.of("D1"), List.of("D1"), List.of("D1"));
        assertThat(table.values()).singleElement().satisfies(r -> assertThat(r.fields()).containsEntry("violationFacts", "更正稿"));
    }

    @Test
    void aRePushOfTheSameContentIsUnchangedAndNewContentIsANewVersionWithTheOldOneInHistory() throws IOException {
        IngestService ingest = service(10);
        BatchReport first = batch(ingest, ndjson(line(ACME, "D1", "原事实"), line(ACME, "D2", "原事实")));

        BatchReport again = batch(ingest, ndjson(line(ACME, "D1", "原事实"), line(ACME, "D2", "新事实")));

        assertThat(again.rows()).extracting(RowResult::result, RowResult::version)
                .containsExactly(tuple("unchanged", 1), tuple("updated", 2));
        assertThat(again.rows()).extracting(RowResult::id).containsExactlyElementsOf(first.rows().stream().map(RowResult::id).toList());
        assertThat(again.totals()).isEqualTo(new BatchReport.Totals(2, 0, 1, 1, 0));
        assertThat(versions).singleElement().satisfies(c -> {
            assertThat(c.after().documentNumber()).isEqualTo("D2");
            assertThat(c.after().version()).isEqualTo(2);
            assertThat(c.history().version()).isEqualTo(1);
            assertThat(c.history().fields()).containsEntry("violationFacts", "原事实");
        });
        assertThat(table).hasSize(2);
    }

    @Test
    void aClosedRecordRefusesNewContentInABatchRowAndInASinglePush() throws IOException {
        IngestService ingest = service(10);
        IngestService.Pushed pushed = ingest.pushOne(TAX_OFFICER, taxViolation(ACME, "D1", "原事实"));
        table.computeIfPresent(new NaturalKey("TAX_MAJOR_VIOLATION", "D1"),
                (k, r) -> r.transition(Transition.REVOKE, "决定已撤销", CLOCK.instant()));

        BatchReport report = batch(ingest, ndjson(line(ACME, "D1", "新事实")));

        assertThat(report.rows()).extracting(RowResult::result, RowResult::code).containsExactly(tuple("rejected", "ILLEGAL_TRANSITION"));
        assertThatThrownBy(() -> ingest.pushOne(TAX_OFFICER, taxViolation(ACME, "D1", "新事实")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                });
        assertThat(table.get(new NaturalKey("TAX_MAJOR_VIOLATION", "D1")).fields()).containsEntry("violationFacts", "原事实");
        assertThat(pushed.result()).isEqualTo("created");
    }

    // --- single pushes

    @Test
    void aSinglePushIsCreatedThenUnchangedThenANewVersion() {
        IngestService ingest = service(10);

        IngestService.Pushed created = ingest.pushOne(TAX_OFFICER, taxViolation(ACME, "D1", "原事实"));
        IngestService.Pushed unchanged = ingest.pushOne(TAX_OFFICER, taxViolation(ACME, "D1", "原事实"));
        IngestService.Pushed updated = ingest.pushOne(TAX_OFFICER, taxViolation(ACME, "D1", "新事实"));

        assertThat(List.of(created, unchanged, updated)).extracting(IngestService.Pushed::result, IngestService.Pushed::version)
                .containsExactly(tuple("created", 1), tuple("unchanged", 1), tuple("updated", 2));
        assertThat(List.of(created.id(), unchanged.id(), updated.id())).containsOnly(created.id());
    }

    @Test
    void aSinglePushOfACategoryTheDepartmentDoesNotSupplyIsRefusedAndCounted() {
        RecordInput court = new RecordInput("COURT_DEFAULTER", new RecordInput.SubjectInput(ACME, "柳州某某有限公司", null), "柳法执〔2026〕1号",
                TODAY.minusDays(3).toString(), Map.of());

        assertThatThrownBy(() -> service(10).pushOne(TAX_OFFICER, court)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(e.code()).isEqualTo("DEPARTMENT_NOT_SUPPLIER");
        });
        verify(counters).add("tax", IngestCounts.rejected(1));
        verifyNoInteractions(resolver, records, writer);
    }

    @Test
    void anInvalidSinglePushIsRefusedNamingEveryOffendingFieldBeforeAskingTheRegistry() {
        RecordInput bad = new RecordInput("TAX_MAJOR_VIOLATION", new RecordInput.SubjectInput("91450200MA5K00012X", "柳州某某有限公司", null),
                "D1", TODAY.plusDays(1).toString(), Map.of("authority", "国家税务总局柳州市税务局"));

        assertThatThrownBy(() -> service(10).pushOne(TAX_OFFICER, bad)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.errors()).extracting(FieldProblem::field).contains("subject.identifier", "decisionDate", "fields.violationFacts");
        });
        verify(counters).add("tax", IngestCounts.rejected(1));
        verifyNoInteractions(resolver, records, writer);
    }

    @Test
    void aSinglePushWhoseSubjectIsRefusedStoresNothingAndIsCountedAsRejected() {
        refusals.put(ACME, refused("SUBJECT_IDENTIFIER_INVALID", List.of()));

        assertThatThrownBy(() -> service(10).pushOne(TAX_OFFICER, taxViolation(ACME, "D1", "事实")))
                .isSameAs(refusals.get(ACME));
        assertThat(table).isEmpty();
        verify(counters).add("tax", IngestCounts.rejected(1));
    }

    // --- refusals of the caller and of the upload

    @Test
    void anOfficerWithoutADepartmentClaimIsRefusedBeforeAnythingIsRead() {
        IngestService ingest = service(10);

        assertThatThrownBy(() -> ingest.batch(WITHOUT_DEPARTMENT, new ByteArrayInputStream(ndjson(line(ACME, "D1", "事实"))),
                BatchReader.Format.NDJSON)).satisfies(IngestServiceTest::assertDepartmentRequired);
        assertThatThrownBy(() -> ingest.pushOne(WITHOUT_DEPARTMENT, taxViolation(ACME, "D1", "事实")))
                .satisfies(IngestServiceTest::assertDepartmentRequired);
        verifyNoInteractions(resolver, records, writer, counters);
    }

    private static void assertDepartmentRequired(Throwable e) {
        assertThat(e).isInstanceOfSatisfying(ApiException.class, a -> {
            assertThat(a.status()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(a.code()).isEqualTo("DEPARTMENT_REQUIRED");
        });
    }

    @Test
    void rowsBeyondTheRowLimitAreNotReadAndTheReportSaysWhy() throws IOException {
        BatchReport report = batch(service(10, 2, 256L * 1024 * 1024),
                ndjson(line(ACME, "D1", "事实"), line(ACME, "D2", "事实"), line(ACME, "D3", "事实")));

        assertThat(report.complete()).isFalse();
        assertThat(report.stoppedReason()).isEqualTo("ROW_LIMIT");
        assertThat(report.rows()).extracting(RowResult::row).containsExactly(1, 2);
        assertThat(storedDocuments()).containsExactlyInAnyOrder("D1", "D2");
    }

    @Test
    void anUploadThatIsNotUtf8IsRefusedAsAWholeAndNothingIsStored() {
        byte[] gb18030 = (line(ACME, "柳税稽罚〔2026〕1号", "虚开发票") + "\n").getBytes(Charset.forName("GB18030"));

        assertThatThrownBy(() -> batch(service(10), gb18030)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.code()).isEqualTo("ENCODING_NOT_UTF8");
        });
        assertThat(table).isEmpty();
        verifyNoInteractions(resolver);
    }

    @Test
    void anUploadThatTurnsOutNotUtf8AfterChunksWereStoredIsReportedUpToWhereItStopped() throws IOException {
        // more than the reader's first 64 Ki characters of good rows, then a byte that is not UTF-8
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ndjson(IntStream.rangeClosed(1, 600).mapToObj(i -> line(ACME, "D" + i, "事实".repeat(40))).toArray(String[]::new)));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});

        BatchReport report = batch(service(50), body.toByteArray());

        assertThat(report.complete()).isFalse();
        assertThat(report.stoppedReason()).isEqualTo("ENCODING_NOT_UTF8");
        assertThat(report.rows()).hasSizeGreaterThan(50).hasSizeLessThanOrEqualTo(600);
        assertThat(report.rows()).extracting(RowResult::row)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, report.rows().size()).boxed().toList());
        assertThat(report.rows()).extracting(RowResult::result).containsOnly("created");
        assertThat(table).hasSize(report.rows().size());
    }

    @Test
    void anUploadOverTheByteLimitAfterChunksWereStoredIsReportedUpToWhereItStopped() throws IOException {
        byte[] body = ndjson(IntStream.rangeClosed(1, 1000).mapToObj(i -> line(ACME, "D" + i, "facts " + i)).toArray(String[]::new));

        BatchReport report = batch(service(50, 100_000, body.length / 2), body);

        assertThat(report.complete()).isFalse();
        assertThat(report.stoppedReason()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(report.rows()).hasSizeGreaterThan(50).hasSizeLessThan(1000);
        assertThat(report.rows()).extracting(RowResult::result).containsOnly("created");
    }

    @Test
    void anUploadOverASmallByteLimitIsRefusedAsAWholeEvenWhenTheReaderPassesTheLimitFillingItsFirstBuffer() {
        byte[] body = ndjson(IntStream.rangeClosed(1, 20).mapToObj(i -> line(ACME, "D" + i, "facts " + i)).toArray(String[]::new));

        assertThatThrownBy(() -> batch(service(10, 100_000, 1000), body)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        });
        assertThat(table).isEmpty();
    }
}
