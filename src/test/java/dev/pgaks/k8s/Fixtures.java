package dev.pgaks.k8s;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;

/** Locates test fixtures and reads the "# expect: ..." line a defective fixture starts with. */
final class Fixtures {

    private static final String EXPECT = "# expect: ";

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/k8s-fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture k8s-fixtures/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text a defective fixture's first line says the reported problem must contain. */
    static String expectation(Path fixture) {
        Optional<String> first = Manifests.read(fixture).lines().findFirst();
        if (first.isEmpty() || !first.get().startsWith(EXPECT)) {
            throw new IllegalArgumentException(fixture + " must start with '" + EXPECT + "<text of the problem>'");
        }
        return first.get().substring(EXPECT.length());
    }
}
