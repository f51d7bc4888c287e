package org.publiccredit.objection.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The e-mails' texts in zh-CN and en, from {@code notifications/zh-CN.properties} and {@code notifications/en.properties}
 * (UTF-8); {@code {name}} placeholders are filled with the values given. A key missing in one language is a startup
 * failure, not a mail with a Java name in it.
 */
@Component
class MailTexts {

    /** A rendered mail. */
    record Text(String subject, String body) {
    }

    private final Map<String, Properties> bundles;

    MailTexts() {
        Properties zh = load(Languages.ZH);
        Properties en = load(Languages.EN);
        for (String key : zh.stringPropertyNames()) {
            if (!key.startsWith("reason.") && !en.containsKey(key)) {
                throw new IllegalStateException("notifications/en.properties lacks " + key);
            }
        }
        for (String key : en.stringPropertyNames()) {
            if (!key.startsWith("reason.") && !zh.containsKey(key)) {
                throw new IllegalStateException("notifications/zh-CN.properties lacks " + key);
            }
        }
        this.bundles = Map.of(Languages.ZH, zh, Languages.EN, en);
    }

    private static Properties load(String language) {
        Properties p = new Properties();
        String path = "notifications/" + language + ".properties";
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + path, e);
        }
        return p;
    }

    /** A single phrase ({@code kind.OBJECTION}, {@code outcome.UPHELD} …), or {@code fallback} when there is none. */
    String phrase(String language, String key, String fallback) {
        return bundle(language).getProperty(key, fallback);
    }

    /** A reason the service wrote in Chinese, in the reader's language (other reasons are the person's own words). */
    String reason(String language, String reason) {
        return reason == null ? "" : bundle(language).getProperty("reason." + reason, reason);
    }

    /** The subject and body of {@code event} (accept, refuse, decide …) with the values filled in. */
    Text render(String language, String event, Map<String, String> values) {
        Properties b = bundle(language);
        String subject = b.getProperty(event + ".subject");
        String body = b.getProperty(event + ".body");
        if (subject == null || body == null) {
            throw new IllegalArgumentException("no mail text for " + event);
        }
        body = body.replace("{link}", values.getOrDefault("url", "").isEmpty() ? "" : b.getProperty("link", ""))
                .replace("{signature}", b.getProperty("signature", ""));
        return new Text(fill(subject, values).replace('\n', ' '), fill(body, values));
    }

    private Properties bundle(String language) {
        return bundles.get(Languages.normalise(language));
    }

    private static String fill(String text, Map<String, String> values) {
        String out = text;
        for (var v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
        }
        return out;
    }
}
