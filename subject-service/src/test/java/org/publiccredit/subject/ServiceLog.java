package org.publiccredit.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.publiccredit.testkit.Stack;

/** The running subject-service's log, to prove that raw id numbers never reach it. */
final class ServiceLog {

    private ServiceLog() {
    }

    static void assertNeverContains(String... values) {
        Path log = Stack.root().resolve(".platform/logs/subject.log");
        assertThat(log).as("the service log of the local stack").exists();
        String text;
        try {
            text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String value : values) {
            assertThat(text.contains(value)).as("subject.log contains a raw id number ending %s", value.substring(value.length() - 4))
                    .isFalse();
        }
    }
}
