package org.publiccredit.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Where the local stack is, and how a test stops and starts one piece of it (through {@code ./platform}). */
public final class Stack {

    private Stack() {
    }

    public static String gateway() {
        return System.getProperty("gateway.url", "http://localhost:8080");
    }

    public static String keycloak() {
        return System.getProperty("keycloak.url", "http://localhost:8180");
    }

    /** A service's own base URL (for internal endpoints that the gateway does not route). */
    public static String service(String name) {
        int port = switch (name) {
            case "subject" -> 8081;
            case "record" -> 8082;
            case "search" -> 8083;
            case "objection" -> 8084;
            case "report" -> 8085;
            default -> throw new IllegalArgumentException(name);
        };
        return "http://127.0.0.1:" + port;
    }

    public static Path root() {
        String configured = System.getProperty("platform.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("platform"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the ./platform script above " + start);
    }

    /** {@code ./platform stop NAME}. */
    public static void stop(String name) {
        platform(Duration.ofSeconds(60), "stop", name);
    }

    /** {@code ./platform start NAME}: starts it and waits until it is ready. */
    public static void start(String name) {
        platform(Duration.ofMinutes(4), "start", name);
    }

    private static void platform(Duration timeout, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = root().resolve("platform").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("./platform " + String.join(" ", args) + " took longer than " + timeout);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("./platform " + String.join(" ", args) + " failed with " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
