package org.publiccredit.record.client;

import java.util.UUID;

/**
 * subject-service's answer to a resolve (docs/contracts.md).
 *
 * @param id subject id
 * @param kind USCC or ID_NUMBER
 * @param code the USCC (null for persons)
 * @param masked the masked id number (persons)
 * @param name registered name
 * @param type subject type
 * @param region administrative division
 * @param verified whether the registry has verified it
 * @param created whether this call created it
 */
public record SubjectRef(UUID id, String kind, String code, String masked, String name, String type, String region,
        boolean verified, boolean created) {
}
