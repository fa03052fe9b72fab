package dev.pgaks.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs an external program to completion: the one place tests run one (tools found through
 * {@link ToolRequirement}, bash, git, a fresh pgaks JVM). Standard output and error are read while the program runs,
 * so a chatty one cannot block on a full pipe, and standard input is written the same way; a program that outlives
 * its timeout is killed and fails the test with what it printed. (The PostgreSQL server that PostgresParameterChecker
 * starts runs beside the test instead, until it is stopped.)
 */
public final class ExternalCommand {

    /** What the program did; {@code output} holds standard error too unless {@link #separateErrors()} was asked. */
    public record Result(int exit, String output, String errors) {

        /** Fails the test with the command and everything it printed unless it exited 0; returns the output. */
        public String orFail() {
            if (exit != 0) {
                throw new AssertionError("exit " + exit + ":\n" + output + errors);
            }
            return output;
        }
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** A thread per stream: the common pool may have a single thread on two cores, and these tasks block. */
    private static final Executor STREAMS = task -> {
        Thread thread = new Thread(task, "external-command-io");
        thread.setDaemon(true);
        thread.start();
    };

    private final List<String> command;
    private Path directory;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private byte[] input;
    private Path inputFile;
    private boolean separateErrors;
    private Duration timeout = DEFAULT_TIMEOUT;

    private ExternalCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** The program and its arguments; paths and other objects become their string form. */
    public static ExternalCommand of(Object... command) {
        return new ExternalCommand(Stream.of(command).map(Object::toString).toList());
    }

    public static ExternalCommand of(List<String> command) {
        return new ExternalCommand(command);
    }

    /**
     * The pgaks command line up to its arguments, in a JVM of its own with this test run's classes, for what only a
     * separate process shows (exit codes, the working directory). C1 only and the serial collector, as {@code bin/pgaks}
     * runs it: a run is mostly class loading, where the optimising compiler and parallel GC threads only compete for
     * the cores (measured: half the CPU time of a default JVM for one render).
     */
    public static List<String> pgaksJvm() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.pgaks.cli.PgaksCommand");
    }

    public ExternalCommand in(Path workingDirectory) {
        this.directory = workingDirectory;
        return this;
    }

    public ExternalCommand environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    public ExternalCommand input(String text) {
        this.input = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public ExternalCommand inputFrom(Path file) {
        this.inputFile = file;
        return this;
    }

    /** Keeps standard error out of {@link Result#output()}, in {@link Result#errors()}. */
    public ExternalCommand separateErrors() {
        this.separateErrors = true;
        return this;
    }

    public ExternalCommand timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    public Result run() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(!separateErrors);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        if (inputFile != null) {
            builder.redirectInput(inputFile.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        CompletableFuture<Void> stdin = CompletableFuture.runAsync(() -> write(process.getOutputStream(), inputFile == null ? input : null), STREAMS);
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), STREAMS);
        CompletableFuture<String> stderr = separateErrors
                ? CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), STREAMS)
                : CompletableFuture.completedFuture("");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                // Its children too, which would otherwise hold the pipes open.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command) + "\n"
                        + stdout.completeOnTimeout("", 5, TimeUnit.SECONDS).join() + stderr.completeOnTimeout("", 5, TimeUnit.SECONDS).join());
            }
            stdin.join();
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static void write(OutputStream stdin, byte[] bytes) {
        try (stdin) {
            if (bytes != null) {
                stdin.write(bytes);
            }
        } catch (IOException brokenPipe) {
            // The program stopped reading (bash -n at its first syntax error): its exit code and output say why.
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
