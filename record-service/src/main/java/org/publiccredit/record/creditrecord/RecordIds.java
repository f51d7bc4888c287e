package org.publiccredit.record.creditrecord;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids of new records: time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.
 * Random (version 4) ids put every insert on a random page of the primary key and of {@code change_log}'s entity index,
 * which at a million records no longer fit the buffer cache; ids that grow with time append at their right edge.
 * The random bits keep an id unguessable from its neighbours (access is checked on every read all the same).
 */
public final class RecordIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordIds() {
    }

    /** A new id, ordered after the ids of earlier milliseconds. */
    public static UUID next() {
        return at(System.currentTimeMillis(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** The version 7 id of this millisecond with these random bits (for tests). */
    static UUID at(long epochMillis, long randomHigh, long randomLow) {
        long high = (epochMillis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
        long low = (randomLow & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
