package org.publiccredit.search.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The held-in relevance suite: about 2,000 subjects (the real Guangxi companies of {@code relevance/companies.tsv} and
 * look-alikes made from them, see {@link Corpus}) are imported through the gateway, then the judged queries of
 * {@link Judged} — every way people type a name: exact, another legal form, 股份 left out, traditional characters,
 * place + trade name, trade name, pinyin, initials, homophone typos, short names, former names, codes with separators,
 * organisation codes — are searched through the gateway. Fails below 90 % first and 98 % in the first five; prints
 * nDCG@10 and the figures per class.
 */
@IntegrationTest
class RelevanceIT {

    private static final Api SEARCH = Api.gateway().as(Tokens.client("partner-bank"));
    private static final double MIN_TOP1 = 0.90;
    private static final double MIN_HIT5 = 0.98;

    private static Corpus corpus;

    @BeforeAll
    static void importTheCorpus() throws Exception {
        corpus = Corpus.build();
        corpus.importThroughTheGateway();
        // visible when the last subject is found by its short name (a key the indexer computed)
        Corpus.Company last = corpus.real().getLast();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (rank(last.shortNames().getFirst(), last.code()) != 1 || rank(corpus.lookAlikes().getLast().name(),
                corpus.lookAlikes().getLast().code()) != 1) {
            assertThat(Instant.now()).as("the corpus was not searchable within 90 s").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    /** The 1-based rank of the subject among the first 10 results, or 0 when it is not among them. */
    static int rank(String q, String code) {
        Reply r = SEARCH.get("/api/v1/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (r.status() == 429) {
            sleep(1000);
            return rank(q, code);
        }
        JsonNode items = r.expect(200).json().path("items");
        for (int i = 0; i < items.size(); i++) {
            if (code.equals(items.get(i).path("code").asString())) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void peopleFindTheCompanyHoweverTheyTypeItsName() {
        List<Judged.Query> queries = Judged.queries(corpus);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(200);
        assertThat(corpus.size()).isGreaterThanOrEqualTo(2_000);
        Map<String, int[]> byClass = new TreeMap<>(); // class → queries, first, in 5
        double dcg = 0;
        int top1 = 0;
        int hit5 = 0;
        List<String> misses = new ArrayList<>();
        for (Judged.Query q : queries) {
            int rank = rank(q.text(), q.code());
            int[] c = byClass.computeIfAbsent(q.kind(), k -> new int[3]);
            c[0]++;
            if (rank == 1) {
                top1++;
                c[1]++;
            }
            if (rank >= 1 && rank <= 5) {
                hit5++;
                c[2]++;
            }
            if (rank != 1) {
                misses.add(q.kind() + " \"" + q.text() + "\" → " + (rank == 0 ? "not in 10" : "rank " + rank) + " (" + q.expected() + ")");
            }
            dcg += rank == 0 ? 0 : 1 / (Math.log(rank + 1) / Math.log(2));
        }
        int n = queries.size();
        Map<String, String> report = new LinkedHashMap<>();
        byClass.forEach((kind, c) -> report.put(kind, c[0] + " queries, top-1 " + c[1] + ", hit@5 " + c[2]));
        System.out.printf("relevance: %d queries over %d subjects: top-1 %.1f %%, hit@5 %.1f %%, nDCG@10 %.3f%n", n, corpus.size(),
                100.0 * top1 / n, 100.0 * hit5 / n, dcg / n);
        report.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat((double) top1 / n).as("top-1 (misses: %s)", misses).isGreaterThanOrEqualTo(MIN_TOP1);
        assertThat((double) hit5 / n).as("hit@5 (misses: %s)", misses).isGreaterThanOrEqualTo(MIN_HIT5);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
