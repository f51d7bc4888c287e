package org.publiccredit.commons.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.publiccredit.commons.problem.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles of the texts people read, in zh-CN (the base {@code .properties}) and English ({@code _en}):
 * {@code i18n/service-problems} (a service's own codes, read first) and {@code i18n/problems} (commons' shared codes).
 * Keys: {@code problem.<CODE>.title}, {@code problem.<CODE>.detail}, {@code problem.status.<status>.title},
 * {@code field.<CODE>} (a field error; argument {0} is the field's label or name) and any other key a service uses
 * (e.g. {@code eligibility.…}). Values are {@link MessageFormat} patterns (an apostrophe is written twice).
 *
 * <p>A pattern that needs more arguments than the caller gave is not used: {@code <key>.plain} is tried instead, and
 * when neither fits the caller's own text stands. So a code's detailed text appears when the thrower gave its
 * arguments, and never with a raw {@code {1}} in it.
 */
public final class Messages {

    /** The bundles' base names, the service's first. */
    public static final String[] BASENAMES = {"i18n/service-problems", "i18n/problems"};

    private static final Messages SHARED = new Messages(bundles());

    private final MessageSource source;

    /** Messages from {@code source} (tests); services use {@link #shared()}. */
    public Messages(MessageSource source) {
        this.source = source;
    }

    /** The bundles on the class path of this service. */
    public static Messages shared() {
        return SHARED;
    }

    /** The underlying message source (exposed as a bean by commons' auto-configuration). */
    public MessageSource source() {
        return source;
    }

    private static MessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        ClassLoader loader = Messages.class.getClassLoader();
        // only the bundles present (a missing one is warned about at every lookup)
        source.setBasenames(java.util.Arrays.stream(BASENAMES).filter(b -> loader.getResource(b + ".properties") != null)
                .toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        source.setAlwaysUseMessageFormat(false); // raw patterns: formatted below, with the arguments in the reader's language
        return source;
    }

    /** The raw pattern of {@code key} in the language of {@code locale}, if a bundle has it. */
    public Optional<String> pattern(String key, Locale locale) {
        try {
            return Optional.of(source.getMessage(key, null, Languages.normalise(locale)));
        } catch (NoSuchMessageException absent) {
            return Optional.empty();
        }
    }

    /**
     * The text of {@code key} (or {@code key.plain}) with these arguments, if a bundle has a pattern they fill.
     * Arguments that are {@link Text} or {@link Ref} are put in the reader's language.
     */
    public Optional<String> find(String key, Locale locale, Object... args) {
        return resolve(key, locale, args).map(Resolved::text);
    }

    private record Resolved(String pattern, String text) {
    }

    private Optional<Resolved> resolve(String key, Locale locale, Object... args) {
        Object[] given = args == null ? new Object[0] : args;
        for (String k : List.of(key, key + ".plain")) {
            Optional<String> pattern = pattern(k, locale);
            if (pattern.isPresent()) {
                MessageFormat format = new MessageFormat(pattern.get(), Languages.normalise(locale));
                if (format.getFormatsByArgumentIndex().length <= given.length) {
                    return Optional.of(new Resolved(pattern.get(), format.format(localised(given, locale))));
                }
            }
        }
        return Optional.empty();
    }

    /** The text of {@code key}, or {@code otherwise} when no bundle has a pattern the arguments fill. */
    public String text(String key, String otherwise, Locale locale, Object... args) {
        return find(key, locale, args).orElse(otherwise);
    }

    /** A problem's title: by its code, else by its status ({@code problem.status.404.title}), else {@code otherwise}. */
    public String title(String code, int status, String otherwise, Locale locale) {
        return find("problem." + code + ".title", locale)
                .or(() -> find("problem.status." + status + ".title", locale))
                .orElse(otherwise);
    }

    /** A problem's detail by its code and the thrower's arguments, else the thrower's own text. */
    public String detail(String code, String otherwise, Locale locale, Object... args) {
        return find("problem." + code + ".detail", locale, args).orElse(otherwise);
    }

    /**
     * A field error's message by its code: argument {0} is the label the error carries (its first argument) or the
     * field's name, then the error's further arguments; else the error's own message. A label given as a {@link Text}
     * (a catalog field's) leads a text that does not name it: 处罚机关统一社会信用代码：统一社会信用代码第18位校验码错误.
     */
    public String field(FieldProblem problem, Locale locale) {
        List<Object> args = new ArrayList<>();
        if (problem.args().isEmpty()) {
            args.add(problem.field());
        } else {
            args.addAll(problem.args());
        }
        Optional<Resolved> resolved = resolve("field." + problem.code(), locale, args.toArray());
        if (resolved.isEmpty()) {
            return problem.message() != null ? problem.message() : problem.code();
        }
        if (args.getFirst() instanceof Text label && !resolved.get().pattern().contains("{0}")) {
            return label.in(locale) + (Languages.english(locale) ? ": " : "：") + resolved.get().text();
        }
        return resolved.get().text();
    }

    /** The error with its message in the language of {@code locale}. */
    public FieldProblem localised(FieldProblem problem, Locale locale) {
        return new FieldProblem(problem.field(), problem.code(), field(problem, locale), problem.args());
    }

    private Object[] localised(Object[] args, Locale locale) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // numbers as written (a limit of 10000 or a year is not grouped as 10,000)
            out[i] = args[i] instanceof Text t ? t.in(locale) : args[i] instanceof Ref r ? find(r.key(), locale).orElse(r.otherwise()) : args[i] == null ? "" : args[i] instanceof Number n ? String.valueOf(n) : args[i];
        }
        return out;
    }
}
