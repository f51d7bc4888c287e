package org.publiccredit.record.catalog;

/** The types a catalog field may have; values arrive as JSON or CSV text and are normalised by {@link FieldSpec}. */
public enum FieldType {
    STRING, TEXT, DATE, DECIMAL, INTEGER, BOOLEAN, ENUM, USCC
}
