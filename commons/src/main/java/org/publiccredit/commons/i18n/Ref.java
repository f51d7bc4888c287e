package org.publiccredit.commons.i18n;

/**
 * A message argument that is itself a bundle entry, e.g. the noun of a 404 ({@code noun.record}: 信用记录 / Record):
 * {@link Messages} puts in its text in the reader's language, or {@code otherwise} when no bundle has it.
 *
 * @param key the bundle key
 * @param otherwise the text when no bundle has the key
 */
public record Ref(String key, String otherwise) {

    @Override
    public String toString() {
        return otherwise;
    }
}
