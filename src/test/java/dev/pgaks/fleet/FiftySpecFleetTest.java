package dev.pgaks.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgaks.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet of 50 specs (2 platforms, 48 databases) validates and renders in one call; prints the wall time. */
class FiftySpecFleetTest {

    @TempDir
    Path dir;

    @Test
    void fiftySpecsValidateAndRenderInOneCall() throws IOException {
        for (String platform : new String[] {"east", "west"}) {
            Files.writeString(dir.resolve(platform + ".yaml"), """
                    apiVersion: pgaks.dev/v1
                    kind: Platform
                    metadata:
                      name: %s
                      environment: prod
                    namespaces: [shared]
                    storageClasses: [premium-ssd-zrs, premium-ssd-v2]
                    azure:
                      location: canadacentral
                    aks:
                      apiServerAccess: private
                    monitoring:
                      alertEmail: dba@example.com
                    """.formatted(platform));
        }
        for (int i = 0; i < 48; i++) {
            Files.writeString(dir.resolve("db" + i + ".yaml"), """
                    apiVersion: pgaks.dev/v1
                    kind: Database
                    metadata:
                      name: db%d
                    platform:
                      spec: %s.yaml
                    postgres:
                    %s  storage:
                        type: %s
                        size: 16Gi
                    """.formatted(i, i % 2 == 0 ? "east" : "west", i % 3 == 0 ? "  namespace: shared\n" : "",
                    i % 4 == 0 ? "premium-ssd-v2" : "premium-ssd-zrs"));
        }
        long start = System.nanoTime();
        CliRun validate = CliRun.run("validate", dir.toString());
        long validated = System.nanoTime();
        CliRun render = CliRun.run("render", dir.toString(), "-o", dir.resolve("out").toString());
        long rendered = System.nanoTime();
        assertEquals(0, validate.exit(), validate.err());
        assertEquals(50, validate.out().lines().count(), validate.out());
        assertEquals(0, render.exit(), render.err());
        try (var trees = Files.list(dir.resolve("out/prod/east"))) {
            assertEquals(25, trees.count(), "east: its platform and 24 databases");
        }
        System.out.printf("50-spec fleet: validate %.1f s, render %.1f s (in one test JVM, after its warm-up)%n",
                (validated - start) / 1e9, (rendered - validated) / 1e9);
    }
}
