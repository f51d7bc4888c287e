package org.publiccredit.search.grades;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.index.Grade;

class AllocationTest {

    private static final Map<Grade, Double> DEFAULT_RATES = rates(0.03, 0.05, 0.10, 0.20);

    private static Map<Grade, Double> rates(double a, double b, double c, double d) {
        Map<Grade, Double> r = new EnumMap<>(Grade.class);
        r.put(Grade.A, a);
        r.put(Grade.B, b);
        r.put(Grade.C, c);
        r.put(Grade.D, d);
        return r;
    }

    private static Map<Grade, Long> population(long a, long b, long c, long d) {
        Map<Grade, Long> p = new EnumMap<>(Grade.class);
        p.put(Grade.A, a);
        p.put(Grade.B, b);
        p.put(Grade.C, c);
        p.put(Grade.D, d);
        return p;
    }

    private static int sum(Map<Grade, Integer> k) {
        return k.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void byRatesEachGradeIsItsRateOfItsPopulationRoundedHalfUp() {
        Map<Grade, Integer> k = Allocation.byRates(population(1000, 8000, 700, 300), DEFAULT_RATES);
        assertThat(k).containsEntry(Grade.A, 30).containsEntry(Grade.B, 400).containsEntry(Grade.C, 70).containsEntry(Grade.D, 60);
        // 0.05 × 30 = 1.5 → 2 (half up), 0.10 × 14 = 1.4 → 1
        assertThat(Allocation.byRates(population(0, 30, 14, 0), DEFAULT_RATES)).containsEntry(Grade.B, 2).containsEntry(Grade.C, 1);
    }

    @Test
    void byRatesAGradeWithSubjectsAndARateDrawsAtLeastOneAndNeverMoreThanItHas() {
        Map<Grade, Integer> k = Allocation.byRates(population(5, 1, 0, 2), rates(0.03, 0.01, 0.5, 1.0));
        assertThat(k).containsEntry(Grade.A, 1).containsEntry(Grade.B, 1).containsEntry(Grade.C, 0).containsEntry(Grade.D, 2);
        assertThat(Allocation.byRates(population(100, 100, 100, 100), rates(0, 0, 0, 0)).values()).containsOnly(0);
    }

    @Test
    void bySizeTheTotalIsSharedInProportionToPopulationTimesRate() {
        // weights 30, 400, 70, 60 (sum 560): 100 → 5.36, 71.43, 12.5, 10.71 → 5, 71, 12, 10 (+2 by the largest remainders: D .71, C .5)
        Map<Grade, Integer> k = Allocation.bySize(population(1000, 8000, 700, 300), DEFAULT_RATES, 100);
        assertThat(sum(k)).isEqualTo(100);
        assertThat(k).containsEntry(Grade.A, 5).containsEntry(Grade.B, 71).containsEntry(Grade.C, 13).containsEntry(Grade.D, 11);
    }

    @Test
    void bySizeOnATieOfRemaindersTheRiskierGradeGetsTheSubject() {
        // equal weights 10 each (A 100 × 0.1, D 50 × 0.2), size 3: 1.5 each → 1 + 1, the last one to D
        Map<Grade, Integer> k = Allocation.bySize(population(100, 0, 0, 50), rates(0.1, 0.1, 0.1, 0.2), 3);
        assertThat(k).containsEntry(Grade.A, 1).containsEntry(Grade.D, 2);
    }

    @Test
    void bySizeAGradeNeverGetsMoreThanItHasAndTheRestGoesToTheOthers() {
        // weights A 1, B 2, D 4: D's share of 50 would be 28.6 of its 4 subjects; it takes 4, and the other 46 go to A and B
        // in proportion 1 : 2 → 15.33, 30.67 → 15 and 31
        Map<Grade, Integer> k = Allocation.bySize(population(100, 200, 0, 4), rates(0.01, 0.01, 0.10, 1.0), 50);
        assertThat(k).containsEntry(Grade.A, 15).containsEntry(Grade.B, 31).containsEntry(Grade.C, 0).containsEntry(Grade.D, 4);
    }

    @Test
    void bySizeLargerThanWhatCanBeDrawnTakesEverySubjectWithARate() {
        Map<Grade, Integer> k = Allocation.bySize(population(3, 5, 7, 0), rates(0.03, 0.0, 0.10, 0.20), 1000);
        assertThat(k).containsEntry(Grade.A, 3).containsEntry(Grade.B, 0).containsEntry(Grade.C, 7).containsEntry(Grade.D, 0);
        assertThat(Allocation.bySize(population(0, 0, 0, 0), DEFAULT_RATES, 10).values()).containsOnly(0);
    }

    @Test
    void bySizeAlwaysSumsToTheSizeOrToAllThatCanBeDrawnAndRespectsEveryPopulation() {
        Random random = new Random(23);
        for (int i = 0; i < 5_000; i++) {
            Map<Grade, Long> p = population(random.nextInt(5) == 0 ? 0 : random.nextInt(20_000), random.nextInt(50_000), random.nextInt(300),
                    random.nextInt(40));
            Map<Grade, Double> r = rates(random.nextDouble(), random.nextInt(4) == 0 ? 0 : random.nextDouble(), random.nextDouble(), random.nextDouble());
            int size = 1 + random.nextInt(10_000);
            Map<Grade, Integer> k = Allocation.bySize(p, r, size);
            long drawable = 0;
            for (Grade g : Grade.ALL) {
                assertThat(k.get(g)).as("case %d %s", i, g).isBetween(0, (int) Math.min(Integer.MAX_VALUE, p.get(g)));
                if (r.get(g) == 0) {
                    assertThat(k.get(g)).isZero();
                } else {
                    drawable += p.get(g);
                }
            }
            assertThat((long) sum(k)).as("case %d: %s %s size %d", i, p, r, size).isEqualTo(Math.min(size, drawable));
        }
    }
}
