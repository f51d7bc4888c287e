package org.publiccredit.record.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogFixtures;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.creditrecord.RecordFacts;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.creditrecord.RecordState;
import org.publiccredit.record.publicity.CreditEvaluation;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credit check's rules with the shipped catalog and the real publicity policy and evaluation: what is answered per
 * subject and scenario, registered or not, cached or read, and what is refused. Records, the registry, the cache and the
 * check log are stand-ins.
 */
class CheckServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(TODAY.atTime(10, 0), PublicityPolicy.ZONE).toInstant(), ZoneOffset.UTC);
    private static final List<String> CATEGORIES = List.of("ADM_LICENSE", "ADM_PENALTY", "COURT_DEFAULTER", "TAX_MAJOR_VIOLATION",
            "SAFETY_SERIOUS", "PROCUREMENT_BAN", "WAGE_ARREARS", "CUSTOMS_DISHONEST", "STATS_SERIOUS", "BUSINESS_ABNORMAL", "TAX_A_GRADE",
            "CONTRACT_HONORED", "TAX_CREDIT_GRADE");

    private static final String ACME = Uscc.of('9', '1', "450202", "MA000001").value();
    private static final String BETA = Uscc.of('9', '1', "450202", "MA000002").value();
    private static final String PERSON = "45020219900101123" + IdNumber.checkCharacter("45020219900101123");
    private static final UUID PERSON_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private static final Caller OFFICER = new Caller("sub-officer", "officer-market", "portal", Set.of(Role.OFFICER), null, "market",
            null, null);
    private static final Caller PARTNER = new Caller("sub-partner", "service-account-partner-bank", "partner-bank",
            Set.of(Role.PARTNER), null, "bank", null, null);

    private final PublicityPolicy policy = new PublicityPolicy(CLOCK);
    private final Catalog catalog = mock(Catalog.class);
    private final RecordRepository records = mock(RecordRepository.class);
    private final SubjectResolver resolver = mock(SubjectResolver.class);
    private final CheckCache cache = mock(CheckCache.class);
    private final JsonMapper json = JsonMapper.builder().build();

    /** The records PostgreSQL holds. */
    private final List<RecordFacts> stored = new ArrayList<>();
    /** What subject-service answers to a look-up; an identifier left out is one it did not answer. */
    private final Map<String, Optional<SubjectRef>> registry = new HashMap<>();
    /** What Redis holds. */
    private final Map<String, CheckCache.Cached> cached = new HashMap<>();
    /** The parameters of each statement run on the check log. */
    private final List<Object[]> logged = new ArrayList<>();

    private CheckService checks;

    @BeforeEach
    void wire() {
        when(catalog.find(anyString())).thenAnswer(inv -> Optional.ofNullable(CatalogFixtures.entry(inv.getArgument(0))));
        when(catalog.all()).thenReturn(CATEGORIES.stream().map(CatalogFixtures::entry).toList());
        when(catalog.evaluation()).thenReturn(CatalogFixtures.evaluation());
        when(catalog.scenarioCodes()).thenReturn(Set.of("GOV_PROCUREMENT", "BIDDING", "ADMIN_LICENSING", "FISCAL_FUNDING", "HONORS",
                "FINANCING"));
        doAnswer(inv -> {
            boolean byCode = inv.getArgument(0);
            Collection<?> subjects = inv.getArgument(1);
            Collection<String> categories = inv.getArgument(2);
            Consumer<RecordFacts> sink = inv.getArgument(4);
            stored.stream().filter(r -> r.state().live() && categories.contains(r.category())
                    && subjects.contains(byCode ? r.subjectCode() : r.subjectId())).forEach(sink);
            return null;
        }).when(records).scanLiveFacts(anyBoolean(), any(), any(), any(), any());
        when(resolver.lookupAnswers(any())).thenAnswer(inv -> {
            Map<String, Optional<SubjectRef>> out = new HashMap<>();
            inv.<Collection<String>>getArgument(0).forEach(id -> {
                if (registry.containsKey(id)) {
                    out.put(id, registry.get(id));
                }
            });
            return out;
        });
        when(cache.read(any())).thenAnswer(inv -> {
            Map<String, String> versions = new HashMap<>();
            Map<String, CheckCache.Cached> hits = new HashMap<>();
            inv.<Collection<String>>getArgument(0).forEach(s -> {
                versions.put(s, "0:" + s + ":0");
                if (cached.containsKey(s)) {
                    hits.put(s, cached.get(s));
                }
            });
            return new CheckCache.Lookup(hits, versions);
        });
        checks = new CheckService(records, catalog, policy, new CreditEvaluation(catalog, policy), resolver, cache, checkLog(), json,
                CLOCK);
    }

    /** The check log: records each statement's parameters; a query finds nothing. */
    private JdbcClient checkLog() {
        JdbcClient.MappedQuerySpec<?> query = mock(JdbcClient.MappedQuerySpec.class, inv ->
                inv.getMethod().getName().equals("optional") ? Optional.empty() : RETURNS_DEFAULTS.answer(inv));
        JdbcClient.StatementSpec statement = mock(JdbcClient.StatementSpec.class, inv -> switch (inv.getMethod().getName()) {
            case "params" -> {
                logged.add(inv.getArguments());
                yield inv.getMock();
            }
            case "update" -> 1;
            case "query" -> query;
            default -> RETURNS_DEFAULTS.answer(inv);
        });
        JdbcClient jdbc = mock(JdbcClient.class);
        when(jdbc.sql(anyString())).thenReturn(statement);
        return jdbc;
    }

    private static SubjectRef organisation(String uscc, String name) {
        return new SubjectRef(UUID.nameUUIDFromBytes(uscc.getBytes(StandardCharsets.UTF_8)), "USCC", uscc, null, name, "ENTERPRISE",
                "450202", true, false);
    }

    private static SubjectRef person(UUID id) {
        return new SubjectRef(id, "ID_NUMBER", null, Identifiers.mask(PERSON), "张三", "NATURAL_PERSON", "450202", true, false);
    }

    private RecordFacts organisationRecord(String uscc, String category, LocalDate decided, RecordState state) {
        RecordFacts r = new RecordFacts(UUID.randomUUID(), UUID.nameUUIDFromBytes(uscc.getBytes(StandardCharsets.UTF_8)), "USCC", uscc,
                "tax", category, decided, state, Map.of());
        stored.add(r);
        return r;
    }

    private CheckService.SubjectResult checkOne(String scenario, String subject) {
        return checks.check(OFFICER, scenario, List.of(subject), "政府采购资格审查").results().getFirst();
    }

    private static void assertInvalid(Throwable e, String field, String code) {
        assertThat(e).isInstanceOfSatisfying(ApiException.class, a -> {
            assertThat(a.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(a.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(a.errors()).extracting(FieldProblem::field, FieldProblem::code).contains(tuple(field, code));
        });
    }

    // --- what a check answers

    @Test
    void aRegisteredSubjectWithoutRecordsIsCheckedCleanWithItsNameAndEvaluation() {
        registry.put(ACME, Optional.of(organisation(ACME, "柳州甲有限公司")));

        CheckService.SubjectResult r = checkOne("GOV_PROCUREMENT", ACME);

        assertThat(r.subject()).isEqualTo(ACME);
        assertThat(r.name()).isEqualTo("柳州甲有限公司");
        assertThat(r.status()).isEqualTo("CHECKED");
        assertThat(r.blackList()).isEmpty();
        assertThat(r.redList()).isEmpty();
        assertThat(r.abnormalList()).isEmpty();
        assertThat(r.measures()).isEmpty();
        assertThat(r.evaluation().grade()).isEqualTo("B");
        assertThat(r.evaluation().score()).isEqualTo(100);
        assertThat(r.errors()).isNull();
    }

    @Test
    void aBlackListEntryInForceBringsTheMeasuresTheCatalogMapsToTheScenario() {
        registry.put(ACME, Optional.of(organisation(ACME, "柳州甲有限公司")));
        LocalDate decided = TODAY.minusDays(20);
        RecordFacts listed = organisationRecord(ACME, "TAX_MAJOR_VIOLATION", decided, RecordState.ACTIVE);

        CheckService.SubjectResult r = checkOne("GOV_PROCUREMENT", ACME);

        assertThat(r.status()).isEqualTo("CHECKED");
        assertThat(r.blackList()).containsExactly(new CheckEntry(listed.id(), "TAX_MAJOR_VIOLATION", "重大税收违法失信主体", "BLACK_LIST",
                "tax", decided, decided.plusMonths(36).minusDays(1), false));
        assertThat(r.measures()).containsExactly(new CheckService.AppliedMeasure("RESTRICT_PROCUREMENT", "限制参与政府采购",
                "Barred from government procurement", "TAX_MAJOR_VIOLATION", listed.id()));
        assertThat(r.evaluation().grade()).isEqualTo("D");
    }

    @Test
    void anEntryInForceIsShownEvenInAScenarioItBringsNoMeasuresFor() {
        organisationRecord(ACME, "TAX_MAJOR_VIOLATION", TODAY.minusDays(20), RecordState.ACTIVE);

        CheckService.SubjectResult r = checkOne("ADMIN_LICENSING", ACME);

        assertThat(r.blackList()).hasSize(1);
        assertThat(r.measures()).isEmpty();
    }

    @Test
    void redAndAbnormalListEntriesAreAnsweredInListsOfTheirOwnWithTheirMeasures() {
        organisationRecord(ACME, "TAX_A_GRADE", TODAY.minusDays(30), RecordState.ACTIVE);
        organisationRecord(ACME, "BUSINESS_ABNORMAL", TODAY.minusDays(100), RecordState.ACTIVE);

        CheckService.SubjectResult r = checkOne("ADMIN_LICENSING", ACME);

        assertThat(r.blackList()).isEmpty();
        assertThat(r.redList()).extracting(CheckEntry::category).containsExactly("TAX_A_GRADE");
        assertThat(r.abnormalList()).extracting(CheckEntry::category).containsExactly("BUSINESS_ABNORMAL");
        // the scenario's measures and the category's measures for every scenario, each once
        assertThat(r.measures()).extracting(CheckService.AppliedMeasure::code)
                .containsExactlyInAnyOrder("GREEN_CHANNEL", "ACCEPT_WITH_GAPS", "KEY_SUPERVISION");
    }

    @Test
    void anExpiredEntryIsNotAnsweredAndADisputedOneIsAnsweredAsDisputed() {
        organisationRecord(ACME, "TAX_MAJOR_VIOLATION", TODAY.minusMonths(36).minusDays(1), RecordState.ACTIVE);
        RecordFacts disputed = organisationRecord(ACME, "COURT_DEFAULTER", TODAY.minusDays(10), RecordState.DISPUTED);

        CheckService.SubjectResult r = checkOne("BIDDING", ACME);

        assertThat(r.blackList()).singleElement().satisfies(e -> {
            assertThat(e.recordId()).isEqualTo(disputed.id());
            assertThat(e.disputed()).isTrue();
        });
        assertThat(r.measures()).extracting(CheckService.AppliedMeasure::recordId).containsOnly(disputed.id());
    }

    @Test
    void entriesAreAnsweredNewestDecisionFirst() {
        RecordFacts older = organisationRecord(ACME, "TAX_MAJOR_VIOLATION", TODAY.minusDays(200), RecordState.ACTIVE);
        RecordFacts newer = organisationRecord(ACME, "COURT_DEFAULTER", TODAY.minusDays(10), RecordState.ACTIVE);

        assertThat(checkOne("BIDDING", ACME).blackList()).extracting(CheckEntry::recordId).containsExactly(newer.id(), older.id());
    }

    // --- subjects the registry does not know

    @Test
    void aCodeTheRegistryDoesNotKnowIsNotRegisteredWithoutEvaluation() {
        registry.put(ACME, Optional.empty());

        CheckService.SubjectResult r = checkOne("GOV_PROCUREMENT", ACME);

        assertThat(r.status()).isEqualTo("NOT_REGISTERED");
        assertThat(r.name()).isNull();
        assertThat(r.evaluation()).isNull();
    }

    @Test
    void aCodeTheRegistryDoesNotKnowButWithEntriesInForceIsChecked() {
        registry.put(ACME, Optional.empty());
        organisationRecord(ACME, "TAX_MAJOR_VIOLATION", TODAY.minusDays(20), RecordState.ACTIVE);

        CheckService.SubjectResult r = checkOne("GOV_PROCUREMENT", ACME);

        assertThat(r.status()).isEqualTo("CHECKED");
        assertThat(r.blackList()).hasSize(1);
        assertThat(r.evaluation().grade()).isEqualTo("D");
    }

    @Test
    void aCodeTheRegistryCouldNotBeAskedAboutIsCheckedFromTheRecordsWithoutAName() {
        organisationRecord(ACME, "TAX_MAJOR_VIOLATION", TODAY.minusDays(20), RecordState.ACTIVE);

        CheckService.SubjectResult r = checkOne("GOV_PROCUREMENT", ACME);

        assertThat(r.status()).isEqualTo("CHECKED");
        assertThat(r.name()).isNull();
        assertThat(r.blackList()).hasSize(1);
    }

    @Test
    void aPersonIsCheckedByHisSubjectIdAndShownMaskedWithoutAName() {
        registry.put(PERSON, Optional.of(person(PERSON_ID)));
        RecordFacts listed = new RecordFacts(UUID.randomUUID(), PERSON_ID, "ID_NUMBER", Identifiers.mask(PERSON), "court",
                "COURT_DEFAULTER", TODAY.minusDays(30), RecordState.ACTIVE, Map.of());
        stored.add(listed);

        CheckService.CheckResult result = checks.check(OFFICER, "FINANCING", List.of(PERSON), "贷款审查");
        CheckService.SubjectResult r = result.results().getFirst();

        assertThat(r.subject()).isEqualTo(Identifiers.mask(PERSON));
        assertThat(r.name()).isNull();
        assertThat(r.status()).isEqualTo("CHECKED");
        assertThat(r.blackList()).extracting(CheckEntry::recordId).containsExactly(listed.id());
        assertThat(r.measures()).extracting(CheckService.AppliedMeasure::code)
                .containsExactlyInAnyOrder("CAUTIOUS_CREDIT", "RESTRICT_HIGH_CONSUMPTION");
        assertThat(json.writeValueAsString(result)).doesNotContain(PERSON);
    }

    @Test
    void aPersonTheRegistryDoesNotKnowIsNotRegisteredAndOneItCouldNotBeAskedAboutIsUnknown() {
        String other = "45020219850505123" + IdNumber.checkCharacter("45020219850505123");
        registry.put(PERSON, Optional.empty());

        List<CheckService.SubjectResult> r = checks.check(OFFICER, "FINANCING", List.of(PERSON, other), "贷款审查").results();

        assertThat(r).extracting(CheckService.SubjectResult::subject, CheckService.SubjectResult::status).containsExactly(
                tuple(Identifiers.mask(PERSON), "NOT_REGISTERED"),
                tuple(Identifiers.mask(other), "UNKNOWN"));
        assertThat(r).allSatisfy(s -> {
            assertThat(s.evaluation()).isNull();
            assertThat(s.blackList()).isEmpty();
        });
    }

    @Test
    void aCheckIsAReadThatNeverRegistersASubject() {
        registry.put(ACME, Optional.empty());
        registry.put(PERSON, Optional.empty());

        checks.check(OFFICER, "GOV_PROCUREMENT", List.of(ACME, PERSON, ACME), "政府采购资格审查");

        ArgumentCaptor<Collection<String>> asked = ArgumentCaptor.captor();
        verify(resolver, times(2)).lookupAnswers(asked.capture());
        assertThat(asked.getAllValues().stream().flatMap(Collection::stream).toList()).containsExactlyInAnyOrder(PERSON, ACME);
        verify(resolver, never()).resolve(any(), any(), any());
        verify(resolver, never()).resolveAll(any(), anyInt());
    }

    // --- invalid requests

    @Test
    void anInvalidCodeAmongValidOnesIsAnsweredInvalidAndTheOthersAreCheckedInTheOrderAsked() {
        String mistyped = "91450200MA5K00012X";

        List<CheckService.SubjectResult> r = checks.check(OFFICER, "BIDDING", List.of(BETA, mistyped, ACME), "招标审查").results();

        assertThat(r).extracting(CheckService.SubjectResult::status).containsExactly("CHECKED", "INVALID", "CHECKED");
        assertThat(r.getFirst().subject()).isEqualTo(BETA);
        assertThat(r.get(2).subject()).isEqualTo(ACME);
        CheckService.SubjectResult invalid = r.get(1);
        assertThat(invalid.subject()).isNotEqualTo(mistyped).startsWith("914502").endsWith("2X");
        assertThat(invalid.errors()).extracting(CheckService.ItemError::code).contains("USCC_CHECK_DIGIT");
        assertThat(invalid.evaluation()).isNull();
    }

    @Test
    void aCheckWithoutAnyValidCodeIsRefusedNamingEachItemAndNothingIsRecorded() {
        assertThatThrownBy(() -> checks.check(OFFICER, "BIDDING", List.of("not a code", "91450200MA5K00012X"), "招标审查"))
                .satisfies(e -> assertInvalid(e, "subjects[0]", "IDENTIFIER_LENGTH"))
                .satisfies(e -> assertThat(((ApiException) e).errors()).extracting(FieldProblem::field).contains("subjects[1]"));
        assertThat(logged).isEmpty();
        verifyNoInteractions(resolver, records);
    }

    @Test
    void moreThanAThousandSubjectsAreRefused() {
        List<String> subjects = IntStream.range(0, 1001).mapToObj(i -> Uscc.of('9', '1', "450202", String.format("MA%06d", i)).value())
                .toList();

        assertThatThrownBy(() -> checks.check(OFFICER, "BIDDING", subjects, "招标审查"))
                .satisfies(e -> assertInvalid(e, "subjects", "TOO_MANY_SUBJECTS"));
        verifyNoInteractions(resolver, records);
    }

    @Test
    void aThousandSubjectsAreChecked() {
        List<String> subjects = IntStream.range(0, 1000).mapToObj(i -> Uscc.of('9', '1', "450202", String.format("MA%06d", i)).value())
                .toList();

        assertThat(checks.check(OFFICER, "BIDDING", subjects, "招标审查").results()).hasSize(1000)
                .extracting(CheckService.SubjectResult::subject).containsExactlyElementsOf(subjects);
    }

    @Test
    void anUnknownScenarioNoSubjectsAndNoPurposeAreRefusedTogether() {
        assertThatThrownBy(() -> checks.check(OFFICER, "LOTTERY", List.of(), " ")).satisfies(e -> {
            assertInvalid(e, "scenario", "SCENARIO_UNKNOWN");
            assertInvalid(e, "subjects", "FIELD_REQUIRED");
            assertInvalid(e, "purpose", "FIELD_REQUIRED");
        });
        assertThatThrownBy(() -> checks.check(OFFICER, "BIDDING", List.of(ACME), "审".repeat(501)))
                .satisfies(e -> assertInvalid(e, "purpose", "FIELD_TOO_LONG"));
        assertThat(logged).isEmpty();
    }

    // --- cache

    @Test
    void aCachedSubjectIsAnsweredWithoutReadingTheDatabase() {
        CheckEntry entry = new CheckEntry(UUID.randomUUID(), "WAGE_ARREARS", "拖欠农民工工资失信联合惩戒对象", "BLACK_LIST", "hr",
                TODAY.minusDays(5), TODAY.plusMonths(6), false);
        cached.put(CheckService.enterpriseKey(ACME), new CheckCache.Cached(List.of(entry), null, null));

        CheckService.SubjectResult r = checkOne("FISCAL_FUNDING", ACME);

        assertThat(r.blackList()).containsExactly(entry);
        assertThat(r.measures()).extracting(CheckService.AppliedMeasure::code).containsExactly("RESTRICT_FUNDING");
        verifyNoInteractions(records);
        verify(cache, never()).write(any(), any(), any());
    }

    @Test
    void whatWasReadFromTheDatabaseIsCachedUnderTheGenerationReadWithTheDayItNextChanges() {
        LocalDate decided = TODAY.minusDays(20);
        organisationRecord(ACME, "TAX_MAJOR_VIOLATION", decided, RecordState.ACTIVE);
        String key = CheckService.enterpriseKey(ACME);

        checkOne("GOV_PROCUREMENT", ACME);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, CheckCache.Cached>> written = ArgumentCaptor.forClass(Map.class);
        verify(cache).write(eq(Map.of(key, "0:" + key + ":0")), written.capture(), eq(TODAY));
        CheckCache.Cached value = written.getValue().get(key);
        assertThat(value.entries()).hasSize(1);
        assertThat(value.nextChange()).isEqualTo(decided.plusMonths(36));
        assertThat(value.evaluation().grade()).isEqualTo("D");
    }

    // --- callers

    @Test
    void aPartnerAndAnOfficerAreAnsweredTheSame() {
        registry.put(ACME, Optional.of(organisation(ACME, "柳州甲有限公司")));
        registry.put(PERSON, Optional.of(person(PERSON_ID)));
        organisationRecord(ACME, "TAX_MAJOR_VIOLATION", TODAY.minusDays(20), RecordState.ACTIVE);
        stored.add(new RecordFacts(UUID.randomUUID(), PERSON_ID, "ID_NUMBER", Identifiers.mask(PERSON), "court", "COURT_DEFAULTER",
                TODAY.minusDays(30), RecordState.ACTIVE, Map.of()));

        CheckService.CheckResult byOfficer = checks.check(OFFICER, "BIDDING", List.of(ACME, PERSON), "招标审查");
        CheckService.CheckResult byPartner = checks.check(PARTNER, "BIDDING", List.of(ACME, PERSON), "招标审查");

        assertThat(byPartner.results()).isEqualTo(byOfficer.results());
        assertThat(byPartner.results()).allSatisfy(r -> assertThat(r.blackList()).hasSize(1));
    }

    @Test
    void theCheckIsRecordedWithItsCallerPurposeAndSubjectsButNeverARawIdNumber() {
        registry.put(PERSON, Optional.of(person(PERSON_ID)));

        CheckService.CheckResult result = checks.check(PARTNER, "FINANCING", List.of(ACME, PERSON), "  贷款审查 ");

        assertThat(result.purpose()).isEqualTo("贷款审查");
        assertThat(result.checkedAt()).isEqualTo(CLOCK.instant());
        assertThat(logged).singleElement().satisfies(p -> {
            assertThat(List.of(p).subList(0, 7)).containsExactly(result.checkId(), "sub-partner", "service-account-partner-bank",
                    "partner-bank", "bank", "FINANCING", "贷款审查");
            assertThat(json.readValue((String) p[8], CheckService.CheckResult.class)).isEqualTo(result);
            assertThat(json.readValue((String) p[10], String[].class)).containsExactlyInAnyOrder(CheckService.enterpriseKey(ACME),
                    CheckService.personKey(PERSON_ID));
            assertThat(List.of(p)).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(PERSON));
        });
    }

    @Test
    void aRecordedCheckIsFoundForItsCallerOnly() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> checks.find(PARTNER, id)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));

        assertThat(logged).singleElement().satisfies(p -> assertThat(p).containsExactly(id, "sub-partner"));
    }
}
