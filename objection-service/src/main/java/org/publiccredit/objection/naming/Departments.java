package org.publiccredit.objection.naming;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The supplying departments' names by code (market → 市场监督管理局), from the resource file {@code departments.tsv}
 * (code, Chinese name, English name; a data file other services can read too). An unknown code names itself.
 */
@Component
public class Departments {

    /** A department's names. */
    public record Names(String code, String zh, String en) {
    }

    private final Map<String, Names> byCode;

    public Departments() {
        this("departments.tsv");
    }

    Departments(String resource) {
        Map<String, Names> table = new LinkedHashMap<>();
        try (InputStream in = new ClassPathResource(resource).getInputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (header) {
                    header = false;
                    continue;
                }
                if (cols.length != 3 || cols[0].isBlank() || cols[1].isBlank() || cols[2].isBlank()) {
                    throw new IllegalStateException(resource + ": a line needs code, Chinese name and English name: " + line);
                }
                if (table.put(cols[0].strip(), new Names(cols[0].strip(), cols[1].strip(), cols[2].strip())) != null) {
                    throw new IllegalStateException(resource + ": department " + cols[0] + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        this.byCode = Map.copyOf(table);
    }

    /** The department's names; an unknown code (or null) has its code (or "") as both names. */
    public Names of(String code) {
        Names n = code == null ? null : byCode.get(code);
        if (n != null) {
            return n;
        }
        String c = code == null ? "" : code;
        return new Names(c, c, c);
    }

    /** The department's name in a language tag's language (English for {@code en…}, else Chinese). */
    public String name(String code, String language) {
        Names n = of(code);
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? n.en() : n.zh();
    }

    public boolean known(String code) {
        return code != null && byCode.containsKey(code);
    }
}
