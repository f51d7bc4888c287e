package org.publiccredit.subject;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.Regions;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Tokens;

/** Object Mother of the integration tests: fresh valid identifiers (never seed data) and subject bodies. */
final class Subjects {

    static final String ENT1 = "91450200MA5K00012P";
    static final String ENT2 = "91450403MA5K000470";
    static final String CITIZEN1 = "450202199001011237";
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final List<String> COUNTIES = List.copyOf(Regions.countiesOf("4502"));

    private Subjects() {
    }

    /** A fresh valid code of authority 9 (market regulation) and this category ('1' enterprise, '2' 个体工商户, '3' co-operative). */
    static String freshUscc(char category) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder org = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            org.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return Uscc.of('9', category, COUNTIES.get(random.nextInt(COUNTIES.size())), org.toString()).value();
    }

    /** A fresh valid id number from Liuzhou (random birth date and sequence). */
    static String freshIdNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
        String first17 = "450202" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        String number = first17 + IdNumber.checkCharacter(first17);
        return IdNumber.parse(number).value();
    }

    static Map<String, Object> enterprise(String code, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("legalRepresentative", "测试法人");
        body.put("registrationDate", "2018-06-01");
        body.put("registrationStatus", "存续");
        body.put("industry", "C");
        body.put("address", "柳州市城中区测试路1号");
        return body;
    }

    static Map<String, Object> person(String idNumber, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", idNumber);
        body.put("name", name);
        return body;
    }

    static String name(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    /** The gateway as an anonymous caller with its own rate-limit bucket (the local gateway trusts X-Forwarded-For from loopback). */
    static Api anonymous() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Api.gateway().header("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(250)));
    }

    /** subject-service itself, as record-service calls it. */
    static Api internal() {
        return Api.service("subject").as(Tokens.client("svc-record"));
    }

    /** Makes sure a subject exists without changing an existing one (the internal resolve). */
    static String ensure(String identifier) {
        return internal().post("/internal/v1/subjects:resolve", Map.of("identifier", identifier)).expect(200).json().path("id").asString();
    }
}
