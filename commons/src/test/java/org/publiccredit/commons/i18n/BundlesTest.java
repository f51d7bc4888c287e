package org.publiccredit.commons.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle of the repository (commons' and each service's {@code i18n/*.properties}) says the same things in
 * zh-CN and English, in words a person reads (no Java names, no constants), and every code the sources throw or
 * answer has its texts in the bundles its module reads.
 */
class BundlesTest {

    /** A Java name or a constant: an exception, a package, null, an UPPER_CASE_CONSTANT, a camelCase identifier. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "Exception|java\\.|\\bnull\\b|\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[a-z]+[A-Z][a-zA-Z]*\\.(?:java|class)\\b");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    /** A code given where a problem or a field error is made: the throw sites, the builders, the gateway's writer. */
    private static final Pattern PROBLEM_CODE = Pattern.compile(
            "(?:ApiException\\.(?:conflict|forbidden|invalid)\\(|new ApiException\\(\\s*HttpStatus\\.\\w+,\\s*|Problems\\.of\\(\\s*HttpStatus\\.\\w+,\\s*"
                    + "|Problems\\.json\\(\\s*(?:\\w+,\\s*)?\\d+,\\s*|ProblemResponses\\.write\\(\\s*exchange,\\s*HttpStatus\\.\\w+,\\s*"
                    + "|new Refusal\\(\\s*HttpResponseStatus\\.\\w+,\\s*)\"([A-Z][A-Z0-9_]+)\"");
    private static final Pattern FIELD_CODE = Pattern.compile(
            "(?:new FieldProblem\\(|FieldProblem\\.of\\()[^;]*?,\\s*\"([A-Z][A-Z0-9_]+)\"");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void zhAndEnHaveTheSameKeysAndReadableValues() throws IOException {
        List<Path> bundles = bundles();
        assertThat(bundles).isNotEmpty();
        for (Path zh : bundles) {
            Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(en).as("English bundle next to %s", zh).exists();
            Map<String, String> zhTexts = read(zh);
            Map<String, String> enTexts = read(en);
            assertThat(enTexts.keySet()).as("keys of %s and %s", zh, en).isEqualTo(zhTexts.keySet());
            zhTexts.forEach((key, value) -> checkValue(zh, key, value, true));
            enTexts.forEach((key, value) -> checkValue(en, key, value, false));
        }
    }

    @Test
    void everyCodeTheSourcesUseHasItsTexts() throws IOException {
        List<String> missing = new ArrayList<>();
        Map<String, String> shared = read(ROOT.resolve("commons/src/main/resources/i18n/problems.properties"));
        for (Path module : modules()) {
            Map<String, String> texts = new TreeMap<>(shared);
            Path own = module.resolve("src/main/resources/i18n/service-problems.properties");
            if (Files.exists(own)) {
                texts.putAll(read(own));
            }
            for (String code : codes(module, PROBLEM_CODE)) {
                if (!texts.containsKey("problem." + code + ".detail") && !texts.containsKey("problem." + code + ".detail.plain")) {
                    missing.add(module.getFileName() + ": problem." + code + ".detail");
                }
            }
            for (String code : codes(module, FIELD_CODE)) {
                if (!texts.containsKey("field." + code) && !texts.containsKey("field." + code + ".plain")) {
                    missing.add(module.getFileName() + ": field." + code);
                }
            }
        }
        assertThat(missing).as("codes without texts").isEmpty();
    }

    @Test
    void patternsNeedingMoreArgumentsFallBackToThePlainText() {
        Messages messages = Messages.shared();
        assertThat(messages.find("problem.PAYLOAD_TOO_LARGE.detail", Languages.EN, 1000)).contains("The body is larger than 1000 bytes");
        assertThat(messages.find("problem.PAYLOAD_TOO_LARGE.detail", Languages.ZH)).contains("请求体超过此请求允许的大小");
        assertThat(messages.find("problem.NOT_FOUND.detail", Languages.ZH, new Ref("noun.record", "Record"))).get().asString().contains("信用记录");
        assertThat(messages.find("problem.NOT_FOUND.detail", Languages.EN, new Ref("noun.record", "Record"))).get().asString().startsWith("Record not found");
        assertThat(messages.find("no.such.key", Languages.EN)).isEmpty();
    }

    @Test
    void labelsAreTakenInTheReadersLanguage() {
        var label = new Text("处罚机关统一社会信用代码", "Unified social credit code of the penalising authority");
        var problem = org.publiccredit.commons.problem.FieldProblem.of("fields.authorityUscc", "USCC_CHECK_DIGIT", label);
        assertThat(Messages.shared().field(problem, Languages.ZH)).isEqualTo("处罚机关统一社会信用代码：统一社会信用代码第18位校验码错误");
        assertThat(Messages.shared().localised(problem, Languages.EN).message()).isEqualTo(
                "Unified social credit code of the penalising authority: The check character (position 18) of the unified social credit code does not match");
        var tooLong = org.publiccredit.commons.problem.FieldProblem.of("purpose", "FIELD_TOO_LONG", null, 500);
        assertThat(Messages.shared().field(tooLong, Languages.ZH)).isEqualTo("超过最大长度 500 个字符");
        assertThat(tooLong.message()).isEqualTo("Longer than 500 characters");
        var plain = new org.publiccredit.commons.problem.FieldProblem("purpose", "FIELD_TOO_LONG", "at most 500 characters");
        assertThat(Messages.shared().field(plain, Languages.ZH)).isEqualTo("超过允许的最大长度");
    }

    @Test
    void acceptLanguageChoosesEnglishForAnyEnAndChineseOtherwise() {
        assertThat(Languages.of(null)).isEqualTo(Languages.ZH);
        assertThat(Languages.of("")).isEqualTo(Languages.ZH);
        assertThat(Languages.of("en")).isEqualTo(Languages.EN);
        assertThat(Languages.of("en-GB,en;q=0.8")).isEqualTo(Languages.EN);
        assertThat(Languages.of("fr-FR, en;q=0.5")).isEqualTo(Languages.EN);
        assertThat(Languages.of("zh-TW, en;q=0.5")).isEqualTo(Languages.ZH);
        assertThat(Languages.of("de")).isEqualTo(Languages.ZH);
        assertThat(Languages.of("en;q=0, zh")).isEqualTo(Languages.ZH);
        assertThat(Languages.of(";;;")).isEqualTo(Languages.ZH);
        assertThat(Languages.tag(Languages.EN)).isEqualTo("en");
        assertThat(Languages.tag(Languages.ZH)).isEqualTo("zh-CN");
    }

    private static void checkValue(Path bundle, String key, String value, boolean chinese) {
        String where = bundle.getFileName() + " " + key + "=" + value;
        assertThat(value).as(where).isNotBlank();
        assertThat(JAVA_NAME.matcher(value).find()).as("Java name or constant in %s", where).isFalse();
        assertThat(LONE_APOSTROPHE.matcher(value).find()).as("lone apostrophe (write two) in %s", where).isFalse();
        String formatted = new MessageFormat(value).format(new Object[] {"x", "1", "2", "3", "4", "5"});
        assertThat(formatted).as("formats %s", where).doesNotContain("{");
        boolean people = key.startsWith("problem.") || key.startsWith("field.") || key.startsWith("noun.") || key.startsWith("reason.");
        if (!chinese) {
            assertThat(CJK.matcher(value).find()).as("Chinese characters in the English %s", where).isFalse();
        } else if (people && !value.matches("\\{\\d}")) {
            assertThat(CJK.matcher(value).find()).as("no Chinese in the Chinese %s", where).isTrue();
        }
    }

    private static List<Path> bundles() throws IOException {
        assumeThat(ROOT.resolve("commons/src/main/resources/i18n")).exists();
        List<Path> out = new ArrayList<>();
        for (Path module : modules()) {
            Path dir = module.resolve("src/main/resources/i18n");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".properties") && !f.getFileName().toString().contains("_"))
                            .sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    private static List<Path> modules() throws IOException {
        assumeThat(ROOT.resolve("commons/src/main/java")).exists();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java")))
                    .filter(d -> d.getFileName().toString().equals("commons") || d.getFileName().toString().equals("gateway")
                            || d.getFileName().toString().endsWith("-service"))
                    .sorted().toList();
        }
    }

    private static Set<String> codes(Path module, Pattern pattern) throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }
}
