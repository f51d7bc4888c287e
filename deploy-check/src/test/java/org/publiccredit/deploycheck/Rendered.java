package org.publiccredit.deploycheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders each overlay once per test run (kubectl kustomize takes ~0.3 s) and hands out fresh parses. */
final class Rendered {

    static final Path ROOT = DeployCheck.repoRoot();
    private static final Map<String, String> YAML = new ConcurrentHashMap<>();
    private static volatile Kustomize kustomize;

    private Rendered() {
    }

    static Kustomize kustomize() {
        if (kustomize == null) {
            synchronized (Rendered.class) {
                if (kustomize == null) {
                    kustomize = new Kustomize(ROOT);
                }
            }
        }
        return kustomize;
    }

    static String yaml(String overlay) {
        return YAML.computeIfAbsent(overlay, o -> kustomize().render("k8s/overlays/" + o));
    }

    /** A fresh, mutable parse of the overlay's rendering. */
    static List<Manifest> manifests(String overlay) {
        return Manifests.parse(yaml(overlay));
    }

    static DeployCheck checker() {
        return new DeployCheck(ROOT);
    }
}
