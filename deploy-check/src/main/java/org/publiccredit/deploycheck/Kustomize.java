package org.publiccredit.deploycheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize} (Kustomize is built into kubectl).
 * The kubectl used is, in order: the system property {@code deploycheck.kubectl} or the environment
 * variable {@code KUBECTL}; a {@code kubectl} on the PATH whose built-in Kustomize is 5.4 or newer;
 * the one {@code deploy/k8s-tools.sh} installs (from the npm registry) when neither is there.
 */
public final class Kustomize {

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.(\\d+)");
    /** 5.4: `labels.includeTemplates` and the patch targets used under k8s/ (kubectl 1.31 ships 5.4.2). */
    private static final int MIN_KUSTOMIZE = 5_004;

    private final Path repoRoot;
    private final String kubectl;

    public Kustomize(Path repoRoot) {
        this.repoRoot = repoRoot;
        this.kubectl = locate(repoRoot);
    }

    public String kubectl() {
        return kubectl;
    }

    /** The rendered multi-document YAML of {@code dir} (relative to the repository root). */
    public String render(String dir) {
        Result r = run(List.of(kubectl, "kustomize", repoRoot.resolve(dir).toString()), 60);
        if (r.exit != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + r.exit + "):\n" + r.err);
        }
        return r.out;
    }

    private static String locate(Path repoRoot) {
        String explicit = System.getProperty("deploycheck.kubectl", System.getenv("KUBECTL"));
        if (explicit != null && !explicit.isBlank()) {
            requireKustomize5(explicit);
            return explicit;
        }
        if (kustomizeVersion("kubectl") >= MIN_KUSTOMIZE) {
            return "kubectl";
        }
        // deploy/k8s-tools.sh finds or installs a suitable kubectl and prints its path on the last line
        Result r = run(List.of("bash", repoRoot.resolve("deploy/k8s-tools.sh").toString(), "--print-path"), 300);
        String[] lines = r.out.strip().split("\n");
        String path = lines[lines.length - 1].strip();
        if (r.exit != 0 || path.isEmpty()) {
            throw new IllegalStateException("""
                    No kubectl with Kustomize 5.4+ found and deploy/k8s-tools.sh could not install one \
                    (exit %d):
                    %s%s""".formatted(r.exit, r.out, r.err));
        }
        requireKustomize5(path);
        return path;
    }

    private static void requireKustomize5(String kubectl) {
        int version = kustomizeVersion(kubectl);
        if (version < MIN_KUSTOMIZE) {
            throw new IllegalStateException(kubectl + " has no Kustomize 5.4+ built in (found "
                    + (version < 0 ? "none" : version / 1000 + "." + version % 1000) + "); run deploy/k8s-tools.sh");
        }
    }

    /** The version of the Kustomize built into {@code kubectl} as major * 1000 + minor, or -1. */
    static int kustomizeVersion(String kubectl) {
        try {
            Result r = run(List.of(kubectl, "version", "--client"), 30);
            Matcher m = KUSTOMIZE_VERSION.matcher(r.out);
            return r.exit == 0 && m.find() ? Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2)) : -1;
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> command, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("deploycheck", ".out");
            Path err = Files.createTempFile("deploycheck", ".err");
            try {
                Process p = new ProcessBuilder(new ArrayList<>(command))
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}
