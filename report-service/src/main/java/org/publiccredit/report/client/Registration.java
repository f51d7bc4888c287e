package org.publiccredit.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * An organisation's registration data as subject-service's public view shows it (登记注册基础信息).
 *
 * @param id subject id
 * @param code USCC
 * @param name registered name
 * @param formerNames former names with the day they ended
 * @param typeLabel type (zh)
 * @param regionName region (zh)
 * @param legalRepresentative legal representative
 * @param registrationDate registration date
 * @param registrationStatusLabel status (zh)
 * @param industryLabel industry (zh)
 * @param address address
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Registration(String id, String code, String name, List<FormerName> formerNames, String typeLabel,
        String regionName, String legalRepresentative, LocalDate registrationDate, String registrationStatusLabel,
        String industryLabel, String address) {

    public Registration {
        formerNames = formerNames == null ? List.of() : formerNames;
    }

    /**
     * A name the subject had until a day.
     *
     * @param name the former name
     * @param until the last day it was used
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FormerName(String name, LocalDate until) {
    }
}
