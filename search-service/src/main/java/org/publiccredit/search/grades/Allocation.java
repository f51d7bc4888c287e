package org.publiccredit.search.grades;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.publiccredit.search.index.Grade;

/**
 * How many subjects of each credit grade a supervision sample (双随机抽查) draws: pure arithmetic, no Elasticsearch.
 * <ul>
 *   <li>By rates: k = round(rate × population) per grade (half up), at least 1 when the rate and the population are above
 *       0, never more than the population.</li>
 *   <li>By size: the total is shared across the grades in proportion to population × rate (Hamilton's largest remainder:
 *       each grade its whole share, then one more to the largest remainders, the riskier grade first on a tie), never more
 *       than a grade's population — what a grade cannot take goes to the others by the same rule. The result sums to the
 *       size, or to every subject that can be drawn (a rate above 0) when there are fewer.</li>
 * </ul>
 */
final class Allocation {

    private Allocation() {
    }

    static Map<Grade, Integer> byRates(Map<Grade, Long> population, Map<Grade, Double> rates) {
        Map<Grade, Integer> out = new EnumMap<>(Grade.class);
        for (Grade g : Grade.ALL) {
            long n = population.getOrDefault(g, 0L);
            double rate = rates.getOrDefault(g, 0.0);
            long k = 0;
            if (n > 0 && rate > 0) {
                k = BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.HALF_UP).longValueExact();
                k = Math.min(n, Math.max(1, k));
            }
            out.put(g, (int) Math.min(k, Integer.MAX_VALUE));
        }
        return out;
    }

    static Map<Grade, Integer> bySize(Map<Grade, Long> population, Map<Grade, Double> rates, int size) {
        Map<Grade, Integer> out = new EnumMap<>(Grade.class);
        Grade.ALL.forEach(g -> out.put(g, 0));
        List<Grade> open = new ArrayList<>();
        for (Grade g : Grade.ALL) {
            if (population.getOrDefault(g, 0L) > 0 && rates.getOrDefault(g, 0.0) > 0) {
                open.add(g);
            }
        }
        long left = size;
        // each round either places everything left or fills at least one grade up to its population
        while (left > 0 && !open.isEmpty()) {
            double total = 0;
            for (Grade g : open) {
                total += weight(population, rates, g);
            }
            Map<Grade, Long> share = new EnumMap<>(Grade.class);
            Map<Grade, Double> remainder = new EnumMap<>(Grade.class);
            long placed = 0;
            for (Grade g : open) {
                double exact = left * weight(population, rates, g) / total;
                long whole = (long) Math.floor(exact);
                share.put(g, whole);
                remainder.put(g, exact - whole);
                placed += whole;
            }
            List<Grade> byRemainder = new ArrayList<>(open);
            byRemainder.sort(Comparator.comparingDouble((Grade g) -> remainder.get(g)).reversed()
                    .thenComparing(Comparator.<Grade>reverseOrder()));
            for (int i = 0; placed < left; i++) {
                Grade g = byRemainder.get(i % byRemainder.size());
                share.merge(g, 1L, Long::sum);
                placed++;
            }
            boolean capped = false;
            for (Grade g : List.copyOf(open)) {
                long room = population.get(g) - out.get(g);
                long take = Math.min(room, share.get(g));
                out.merge(g, (int) take, Integer::sum);
                left -= take;
                if (take == room) {
                    open.remove(g);
                    capped |= share.get(g) > room;
                }
            }
            if (!capped) {
                break;
            }
        }
        return out;
    }

    private static double weight(Map<Grade, Long> population, Map<Grade, Double> rates, Grade g) {
        return population.get(g) * rates.get(g);
    }
}
