package org.publiccredit.search.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.search.names.CompanyName;
import org.publiccredit.search.names.NameText;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The subjects of the relevance suite: the real companies of {@code relevance/companies.tsv}, and for each of them
 * look-alikes of the kinds that confuse a search (the trade name with more characters and another industry, the trade
 * name in another place, another trade name in the same place and industry, the whole name with more words), some of
 * them deregistered or unverified, plus other names of Guangxi, about 2,000 in all. Everything is fixed by a seed and
 * the codes are fixed per name, so a second run changes nothing.
 */
record Corpus(List<Company> real, List<Company> lookAlikes) {

    /**
     * A subject of the corpus.
     *
     * @param name its name
     * @param region its division code
     * @param code its USCC (fixed per name)
     * @param shortNames its short names (简称)
     * @param formerName its former name, or null
     * @param status registration status
     * @param verified whether the registration authority sends it (else a partner does)
     */
    record Company(String name, String region, String code, List<String> shortNames, String formerName, String status, boolean verified) {
    }

    private static final String[] TRADES = {"华信", "鑫达", "恒通", "宏源", "金桂", "盛达", "永兴", "东盛", "瑞丰", "嘉禾", "新宇", "明辉",
        "天润", "汇丰", "佳美", "富民", "兴旺", "顺达", "广源", "祥和", "凯瑞", "远航", "博雅", "中联", "力拓", "康达", "安顺", "金穗",
        "荣昌", "德润", "益民", "海川", "银河", "桂花", "红星", "南方", "宏达", "建华", "长青", "正邦"};
    private static final String[] INDUSTRIES = {"机械", "食品", "科技", "贸易", "物流", "建设", "置业", "医药", "电子", "农业", "汽车配件",
        "商贸", "文化传媒", "投资", "环保科技", "建材", "酒店管理", "信息技术", "五金", "装饰工程"};
    private static final String[] PLACES = {"南宁", "柳州", "桂林", "梧州", "北海", "玉林", "百色", "钦州", "贵港", "河池", "来宾", "崇左",
        "防城港", "贺州", "广西", "柳州市柳南区", "南宁市青秀区", "桂林市七星区"};
    private static final String[] FORMS = {"有限公司", "有限责任公司", "股份有限公司", "经营部", "有限公司"};
    private static final String[] EXTRA = {"华", "新", "达", "源", "丰", "盛", "佳", "恒"};
    private static final String[] MORE = {"配件销售", "销售服务", "物资供应", "技术服务", "设备租赁"};
    private static final Map<String, String> PLACE_CODES = Map.ofEntries(Map.entry("南宁", "450100"), Map.entry("柳州", "450200"),
            Map.entry("桂林", "450300"), Map.entry("梧州", "450400"), Map.entry("北海", "450500"), Map.entry("防城港", "450600"),
            Map.entry("钦州", "450700"), Map.entry("贵港", "450800"), Map.entry("玉林", "450900"), Map.entry("百色", "451000"),
            Map.entry("贺州", "451100"), Map.entry("河池", "451200"), Map.entry("来宾", "451300"), Map.entry("崇左", "451400"),
            Map.entry("广西", "450000"), Map.entry("柳州市柳南区", "450204"), Map.entry("南宁市青秀区", "450100"),
            Map.entry("桂林市七星区", "450300"));
    private static final int FILLERS = 900;

    int size() {
        return real.size() + lookAlikes.size();
    }

    static Corpus build() throws IOException {
        List<Company> real = new ArrayList<>();
        try (InputStream in = Corpus.class.getResourceAsStream("/relevance/companies.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<String> shortNames = f[2].isBlank() ? List.of() : List.of(f[2].split(";"));
                real.add(new Company(f[0], f[1], code(f[0], f[1]), shortNames, f[3].isBlank() ? null : f[3], "ACTIVE", true));
            }
        }
        Random random = new Random(20261206);
        Set<String> names = new HashSet<>();
        real.forEach(c -> names.add(NameText.normalize(c.name())));
        List<Company> lookAlikes = new ArrayList<>();
        for (Company c : real) {
            CompanyName p = CompanyName.parse(NameText.normalize(c.name()));
            String trade = p.trade() != null ? p.trade() : p.body();
            String place = p.regions().isEmpty() ? "广西" : c.name().substring(0, p.regions().getFirst().length());
            String industry = p.industry() != null ? p.industry() : "实业";
            for (int i = 0; i < 6; i++) {
                add(lookAlikes, names, random, place + trade + pick(random, EXTRA) + pick(random, INDUSTRIES) + pick(random, FORMS));
            }
            for (int i = 0; i < 4; i++) {
                add(lookAlikes, names, random, pick(random, PLACES) + trade + pick(random, INDUSTRIES) + pick(random, FORMS));
            }
            for (int i = 0; i < 4; i++) {
                add(lookAlikes, names, random, place + pick(random, TRADES) + industry + pick(random, FORMS));
            }
            for (int i = 0; i < 3; i++) {
                add(lookAlikes, names, random, p.core() + pick(random, MORE) + pick(random, FORMS));
            }
        }
        while (lookAlikes.size() < 17 * real.size() + FILLERS) {
            add(lookAlikes, names, random, pick(random, PLACES) + pick(random, TRADES) + pick(random, EXTRA) + pick(random, INDUSTRIES)
                    + pick(random, FORMS));
        }
        return new Corpus(List.copyOf(real), List.copyOf(lookAlikes));
    }

    private static void add(List<Company> out, Set<String> names, Random random, String name) {
        if (!names.add(NameText.normalize(name))) {
            return;
        }
        String region = PLACE_CODES.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
                .max(Map.Entry.comparingByKey((a, b) -> a.length() - b.length())).map(Map.Entry::getValue).orElse("450100");
        int roll = random.nextInt(10);
        out.add(new Company(name, region, code(name, region), List.of(), null, roll < 2 ? "CANCELLED" : "ACTIVE", roll >= 5));
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    /** A valid USCC fixed by the name: a legal person's (91), its region's code, an organisation code from the name's hash. */
    static String code(String name, String region) {
        long h = name.hashCode() & 0x7fffffffL;
        String first8 = "7" + String.format("%07d", h % 10_000_000L);
        return Uscc.of('9', '1', region, first8).value();
    }

    /**
     * Imports the corpus through the gateway: verified subjects as the registration authority (officer-market), the others
     * as a partner (their data do not verify). A subject with a former name is first imported under it, once.
     */
    void importThroughTheGateway() {
        Api registry = Api.gateway().as(Tokens.user("officer-market"));
        Api partner = Api.gateway().as(Tokens.client("partner-tax"));
        List<Company> renamed = new ArrayList<>();
        for (Company c : real) {
            if (c.formerName() != null && registry.get("/api/v1/subjects/" + c.code()).status() == 404) {
                renamed.add(new Company(c.formerName(), c.region(), c.code(), List.of(), null, c.status(), true));
            }
        }
        upload(registry, renamed);
        upload(registry, real);
        upload(registry, lookAlikes.stream().filter(Company::verified).toList());
        upload(partner, lookAlikes.stream().filter(c -> !c.verified()).toList());
    }

    private static void upload(Api api, List<Company> companies) {
        for (int from = 0; from < companies.size(); from += 1_000) {
            StringBuilder ndjson = new StringBuilder();
            for (Company c : companies.subList(from, Math.min(companies.size(), from + 1_000))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", c.code());
                row.put("name", c.name());
                row.put("region", c.region());
                row.put("registrationStatus", c.status());
                if (!c.shortNames().isEmpty()) {
                    row.put("shortNames", c.shortNames());
                }
                ndjson.append(Api.JSON.writeValueAsString(row)).append('\n');
            }
            JsonNode report = api.post("/api/v1/subjects:import", "application/x-ndjson", ndjson.toString().getBytes(StandardCharsets.UTF_8))
                    .expect(200).json();
            assertThat(report.path("totals").path("rejected").asInt()).as("rejected rows: %s", report).isZero();
        }
    }
}
