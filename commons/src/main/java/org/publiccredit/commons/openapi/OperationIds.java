package org.publiccredit.commons.openapi;

import java.util.Locale;

/**
 * The operation id of an operation that does not state one, derived from its contract (method and path) rather than from
 * a Java method name: {@code GET /api/v1/search/mine} is {@code getSearchMine}, {@code POST /api/v1/admin/search:rebuild}
 * is {@code postAdminSearchRebuild}, {@code GET /api/v1/public/subjects/{code}} is {@code getPublicSubjectsByCode}. It
 * changes only when the route changes, and two routes never share one (springdoc's own ids were method names: three
 * services had a {@code mine}, one an {@code action} and a {@code get_1}).
 */
public final class OperationIds {

    private OperationIds() {
    }

    public static String of(String httpMethod, String path) {
        StringBuilder id = new StringBuilder(httpMethod.toLowerCase(Locale.ROOT));
        String rest = path;
        for (String prefix : new String[] {"/api/v1/", "/api/"}) {
            if (rest.startsWith(prefix)) {
                rest = rest.substring(prefix.length());
                break;
            }
        }
        for (String segment : rest.split("/")) {
            for (String part : segment.split(":")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (part.startsWith("{") && part.endsWith("}")) {
                    id.append("By").append(words(part.substring(1, part.length() - 1)));
                } else {
                    id.append(words(part));
                }
            }
        }
        return id.toString();
    }

    /** {@code id-number} and {@code id_number} as {@code IdNumber}. */
    private static String words(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
