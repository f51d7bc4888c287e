package org.publiccredit.bench.id;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.id.Regions;
import org.publiccredit.commons.id.Uscc;

/**
 * Throughput of identifier validation (org.publiccredit.commons.id): one check per operation, cycling through
 * 1024 pre-built inputs per benchmark so that branch prediction cannot learn a single value.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class IdentifierValidationBenchmark {

    private static final int SIZE = 1024;
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[][] PAIRS = {{"9", "1"}, {"9", "2"}, {"9", "3"}, {"1", "1"}, {"1", "2"}, {"5", "1"}, {"5", "3"}, {"N", "2"}};

    private String[] validUsccs;
    private String[] invalidUsccs;
    private String[] idNumbers;
    private String[] mixed;
    private int i;

    @Setup
    public void setUp() {
        Random random = new Random(2025);
        List<String> regions = new ArrayList<>(Regions.countiesOf("4502"));
        regions.addAll(Regions.countiesOf("4504"));
        regions.addAll(List.of("450200", "450400", "440300", "330100", "350100", "110105"));
        validUsccs = new String[SIZE];
        invalidUsccs = new String[SIZE];
        idNumbers = new String[SIZE];
        mixed = new String[SIZE];
        for (int n = 0; n < SIZE; n++) {
            String[] pair = PAIRS[random.nextInt(PAIRS.length)];
            StringBuilder org = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                org.append(CHARSET.charAt(random.nextInt(CHARSET.length())));
            }
            String uscc = Uscc.of(pair[0].charAt(0), pair[1].charAt(0), regions.get(random.nextInt(regions.size())), org.toString()).value();
            validUsccs[n] = uscc;
            invalidUsccs[n] = switch (n % 4) {
                case 0 -> uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');      // check character
                case 1 -> uscc.substring(0, 9) + 'O' + uscc.substring(10);                 // forbidden character
                case 2 -> uscc.substring(0, 2) + "990000" + uscc.substring(8);             // region (and check)
                default -> uscc.substring(0, 17);                                          // length
            };
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30000));
            String first17 = regions.get(random.nextInt(regions.size()))
                    + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), random.nextInt(1000));
            idNumbers[n] = first17 + IdNumber.checkCharacter(first17);
            mixed[n] = switch (n % 4) {
                case 0 -> uscc;
                case 1 -> idNumbers[n];
                case 2 -> " " + uscc.toLowerCase() + " ";
                default -> invalidUsccs[n];
            };
        }
        for (String id : idNumbers) {
            if (!IdNumber.check(id).valid()) {
                throw new IllegalStateException("benchmark input is not a valid id number");
            }
        }
    }

    private int next() {
        i = (i + 1) & (SIZE - 1);
        return i;
    }

    /** {@code Uscc.check} on valid codes. */
    @Benchmark
    public IdentifierCheck usccCheckValid() {
        return Uscc.check(validUsccs[next()]);
    }

    /** {@code Uscc.check} on invalid codes (check character, forbidden character, region, length). */
    @Benchmark
    public IdentifierCheck usccCheckInvalid() {
        return Uscc.check(invalidUsccs[next()]);
    }

    /** {@code IdNumber.check} on valid 18-digit numbers. */
    @Benchmark
    public IdentifierCheck idNumberCheck() {
        return IdNumber.check(idNumbers[next()]);
    }

    /** {@code Identifiers.check} with kind detection on a mix: USCC, id number, USCC needing normalisation, invalid USCC. */
    @Benchmark
    public IdentifierCheck identifiersCheckAutoDetect() {
        return Identifiers.check(mixed[next()]);
    }
}
