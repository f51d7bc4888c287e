package org.publiccredit.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders an overlay and runs every check on it: schema, operator resources, invariants. */
public final class DeployCheck {

    public static final String README = "k8s/README.md";
    private static final Pattern SECRET_ROW = Pattern.compile("^\\|\\s*`([a-z0-9][-a-z0-9.<>A-Za-z]*)`");

    private final Path repoRoot;
    private final Schema schema = new Schema();

    public DeployCheck(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    /** The repository root: the system property deploycheck.root (set by the pom), else the parent of the working directory. */
    public static Path repoRoot() {
        String prop = System.getProperty("deploycheck.root");
        Path root = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root.resolve("k8s")) && root.getParent() != null && Files.isDirectory(root.getParent().resolve("k8s"))) {
            root = root.getParent();
        }
        return root.toAbsolutePath().normalize();
    }

    /** The outcome of checking one set of manifests. */
    public record Report(List<Manifest> manifests, List<String> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }

        public String describe() {
            return violations.size() + " violation(s):\n  - " + String.join("\n  - ", violations);
        }
    }

    /** Checks already-rendered YAML against the schema and the invariants of {@code profile}. */
    public Report check(String renderedYaml, Invariants.Profile profile) {
        return check(Manifests.parse(renderedYaml), profile);
    }

    public Report check(List<Manifest> parsed, Invariants.Profile profile) {
        List<String> violations = new ArrayList<>();
        List<Manifest> validated = schema.validate(parsed, violations);
        violations.addAll(new Invariants(documentedSecrets()).check(validated, profile));
        return new Report(validated, violations);
    }

    /**
     * The Secret names listed in the "Secrets" table of k8s/README.md (rows starting with a `name`), as
     * patterns: a {@code <placeholder>} in a name stands for any DNS-label text.
     */
    public Set<Pattern> documentedSecrets() {
        Path readme = repoRoot.resolve(README);
        Set<Pattern> names = new LinkedHashSet<>();
        try {
            boolean inSecrets = false;
            for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
                if (line.startsWith("#")) {
                    inSecrets = line.toLowerCase().contains("secrets");
                    continue;
                }
                Matcher m = SECRET_ROW.matcher(line);
                if (inSecrets && m.find()) {
                    names.add(Pattern.compile(Pattern.quote(m.group(1)).replaceAll("<[^>]*>", "\\\\E[-a-z0-9.]+\\\\Q")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + readme + ": " + e.getMessage(), e);
        }
        return names;
    }
}
