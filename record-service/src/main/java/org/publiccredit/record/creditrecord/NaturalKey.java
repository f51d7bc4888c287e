package org.publiccredit.record.creditrecord;

/**
 * The natural key of a record within one department: (category, document number).
 * <p>
 * {@code equals} and {@code hashCode} are written out: a batch looks keys up in hash sets and maps several times per row,
 * and the record's generated methods (through method handles) were 3-6 % of an ingesting service's CPU.
 *
 * @param category the catalog code
 * @param documentNumber the decision document number
 */
public record NaturalKey(String category, String documentNumber) {

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof NaturalKey k && java.util.Objects.equals(documentNumber, k.documentNumber)
                && java.util.Objects.equals(category, k.category);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(category) + java.util.Objects.hashCode(documentNumber);
    }
}
