package org.publiccredit.objection.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The record categories' names (ADM_PENALTY → 行政处罚 / Administrative penalty) from record-service's catalog, kept for
 * ten minutes. When the catalog cannot be read the last known names stand; never known: empty (callers fall back to the
 * name the record carries, then to the code).
 */
@Component
public class CategoryNames {

    private static final Logger log = LoggerFactory.getLogger(CategoryNames.class);
    private static final Duration KEEP = Duration.ofMinutes(10);

    /** A category's names. */
    public record Names(String zh, String en) {
    }

    private final CatalogClient client;
    private final Clock clock;
    private volatile Map<String, Names> names = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    CategoryNames(CatalogClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public Optional<Names> of(String category) {
        if (category == null) {
            return Optional.empty();
        }
        refreshIfOld();
        return Optional.ofNullable(names.get(category));
    }

    /** The category's name in a language tag's language (English for {@code en…}, else Chinese). */
    public Optional<String> name(String category, String language) {
        boolean en = language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
        return of(category).map(n -> en ? n.en() : n.zh()).filter(s -> s != null && !s.isBlank());
    }

    private void refreshIfOld() {
        Instant now = clock.instant();
        if (now.isBefore(readAt.plus(KEEP))) {
            return;
        }
        try {
            CatalogClient.Catalog catalog = client.catalog();
            Map<String, Names> read = new HashMap<>();
            if (catalog != null && catalog.entries() != null) {
                for (CatalogClient.Entry e : catalog.entries()) {
                    if (e != null && e.code() != null) {
                        read.put(e.code(), new Names(e.nameZh(), e.nameEn()));
                    }
                }
            }
            names = Map.copyOf(read);
            readAt = now;
        } catch (RuntimeException e) {
            log.warn("record-service's catalog could not be read: {}", CallFailure.of(e).summary());
            readAt = now.minus(KEEP).plusSeconds(30); // try again in 30 s, keep what is known meanwhile
        }
    }
}
