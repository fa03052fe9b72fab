package dev.pgaks.k8s;

import dev.pgaks.facts.PostgresParameters;
import dev.pgaks.testsupport.ExternalCommand;
import dev.pgaks.testsupport.ToolRequirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Asks a real PostgreSQL server whether it accepts postgresql.conf parameters.
 *
 * <p>Two stages, because {@code postgres -C} stops at the first bad value and skips the postmaster's
 * cross-parameter checks (verified: {@code -C} accepts {@code wal_level=minimal} with {@code archive_mode=on},
 * starting the server refuses it):
 * <ol>
 *   <li>each parameter alone through {@code postgres -D DIR -C server_version -c name=value}, which parses and
 *       range-checks the value without starting anything, so every bad value gets its own message;</li>
 *   <li>if all pass, the server is started once with all of them (unix socket in the temp dir, 127.0.0.1 on a free
 *       port) and stopped again.</li>
 * </ol>
 * The local server is older than the clusters pgaks targets, so names it does not know, and names later majors
 * dropped, are checked against the majors of pgaks's parameter catalogue ({@link PostgresParameters}).
 */
public final class PostgresParameterChecker {

    /** CloudNativePG 1.30 runs PostgreSQL 18 unless told otherwise. */
    public static final int DEFAULT_TARGET_MAJOR = 18;

    public record Problem(String parameter, String value, String message) {
        @Override
        public String toString() {
            return parameter + "=" + value + ": " + message;
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern SERVER_MESSAGE = Pattern.compile("(?:FATAL|ERROR|HINT|DETAIL):\\s+(.*)");
    private static PostgresParameterChecker instance;

    private final Path bin;
    private final boolean asPostgresUser;
    private final Path workDir;
    private final Path dataDir;
    private final int serverMajor;
    private final PostgresParameters catalogue = PostgresParameters.catalogue();
    /**
     * What the server said about each setting and each set of them: the golden cases share most of their parameters,
     * and a process per setting is most of this checker's time.
     */
    private final Map<String, Result> settings = new HashMap<>();
    private final Map<Map<String, String>, Optional<Problem>> servers = new HashMap<>();

    private PostgresParameterChecker(Path bin, boolean asPostgresUser) throws IOException {
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        this.serverMajor = parseMajor(run(bin.resolve("postgres"), List.of("--version")).output());
        this.workDir = Files.createTempDirectory("pgaks-postgres-");
        this.dataDir = workDir.resolve("data");
        if (asPostgresUser) {
            UserPrincipalLookupService users = workDir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(workDir, users.lookupPrincipalByName("postgres"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::deleteWorkDir));
        Result initdb = run(bin.resolve("initdb"), List.of("-D", dataDir.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"));
        if (initdb.exitCode() != 0) {
            throw new IllegalStateException("initdb failed:\n" + initdb.output());
        }
    }

    /**
     * The checker for this JVM (one initdb), or a skipped/failed test via {@link ToolRequirement} when PostgreSQL or,
     * when running as root, the {@code postgres} OS user is missing: PostgreSQL refuses to run as root.
     */
    public static synchronized PostgresParameterChecker get() {
        if (instance == null) {
            Optional<Path> bin = findBinDir();
            ToolRequirement.require(bin.isPresent(),
                    "PostgreSQL server binaries (postgres, initdb) not found on PATH or in /usr/lib/postgresql/*/bin");
            boolean root = "root".equals(System.getProperty("user.name"));
            ToolRequirement.require(!root || postgresUserExists(),
                    "running as root and there is no 'postgres' OS user to run PostgreSQL as"
                            + " (PostgreSQL refuses root; .ci/run creates the user)");
            try {
                instance = new PostgresParameterChecker(bin.get(), root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** {@code postgres --describe-config}: one tab-separated line per parameter the server documents. */
    public List<String> describeConfig() {
        Result result = run(bin.resolve("postgres"), List.of("--describe-config"));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("postgres --describe-config failed:\n" + result.output());
        }
        return result.output().lines().toList();
    }

    public int serverMajor() {
        return serverMajor;
    }

    public List<Problem> check(Map<String, String> parameters) {
        return check(DEFAULT_TARGET_MAJOR, parameters);
    }

    /** Problems with {@code parameters} for a cluster running PostgreSQL {@code targetMajor}; empty when fine. */
    public synchronized List<Problem> check(int targetMajor, Map<String, String> parameters) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> checkedByServer = new TreeMap<>();
        new TreeMap<>(parameters).forEach((name, value) -> {
            Integer removedIn = catalogue.removedIn(name).orElse(null);
            if (removedIn != null && targetMajor >= removedIn) {
                problems.add(new Problem(name, value, "removed in PostgreSQL " + removedIn
                        + ", target is " + targetMajor));
            }
            Result result = settings.computeIfAbsent(name + "=" + value, setting -> postgres(List.of("-C", "server_version", "-c", setting)));
            if (result.exitCode() == 0) {
                checkedByServer.put(name, value);
            } else if (result.output().contains("unrecognized configuration parameter")) {
                unknownToServer(name, value, targetMajor).ifPresent(problems::add);
            } else {
                problems.add(new Problem(name, value, serverMessage(result.output())));
            }
        });
        if (problems.isEmpty()) {
            servers.computeIfAbsent(checkedByServer, this::startAndStop).ifPresent(problems::add);
        }
        return problems;
    }

    private Optional<Problem> unknownToServer(String name, String value, int targetMajor) {
        Integer since = catalogue.introducedIn(name).orElse(null);
        if (since == null || since <= serverMajor) {
            return Optional.of(new Problem(name, value, "unrecognized configuration parameter (PostgreSQL "
                    + serverMajor + ", and not a later major's parameter in the catalogue)"));
        }
        if (since > targetMajor) {
            return Optional.of(new Problem(name, value, "introduced in PostgreSQL " + since
                    + ", target is " + targetMajor));
        }
        return Optional.empty(); // newer than this server: the name is known, the value cannot be checked here
    }

    /** Starts the server with all parameters so the postmaster's checks across parameters run too. */
    private Optional<Problem> startAndStop(Map<String, String> parameters) {
        List<String> args = new ArrayList<>(List.of("-D", dataDir.toString()));
        parameters.forEach((name, value) -> args.addAll(List.of("-c", name + "=" + value)));
        // Last -c wins. Memory is sized for the target node, not this machine, and stage 1 already checked those
        // values, so shared memory is kept small here; the connection settings are the test's own.
        args.addAll(List.of("-c", "shared_buffers=128MB", "-c", "huge_pages=off"));
        args.addAll(List.of("-c", "listen_addresses=127.0.0.1", "-c", "port=" + freePort(),
                "-c", "unix_socket_directories=" + workDir));
        Path log = workDir.resolve("server.log");
        String combination = parameters.keySet().stream().collect(Collectors.joining(","));
        Process server;
        try {
            server = new ProcessBuilder(command(bin.resolve("postgres"), args))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (!awaitReady(server)) {
                return Optional.of(new Problem(combination, "(set together)",
                        "server did not start: " + serverMessage(Manifests.read(log))));
            }
            return Optional.empty();
        } finally {
            stop(server);
        }
    }

    /** The postmaster writes "ready" as the status line of postmaster.pid once it accepts connections. */
    private boolean awaitReady(Process server) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                return false;
            }
            if (Files.exists(pidFile) && Manifests.read(pidFile).lines().anyMatch(l -> l.strip().equals("ready"))) {
                return true;
            }
            sleep(50);
        }
        return false;
    }

    private void stop(Process server) {
        if (server.isAlive()) {
            run(bin.resolve("pg_ctl"), List.of("-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
        }
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Result postgres(List<String> args) {
        List<String> all = new ArrayList<>(List.of("-D", dataDir.toString()));
        all.addAll(args);
        return run(bin.resolve("postgres"), all);
    }

    /**
     * Runs SQL statements (each ending in {@code ;} followed by a blank line) in single-user mode against the
     * checker's database {@code postgres}: no server, no connection. Returns the output, where a failing statement
     * shows up as an {@code ERROR:} line.
     */
    public synchronized String singleUser(String statements) {
        try {
            Path input = workDir.resolve("statements.sql");
            Files.writeString(input, statements);
            if (asPostgresUser) {
                UserPrincipalLookupService users = workDir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(input, users.lookupPrincipalByName("postgres"));
            }
            return ExternalCommand.of(command(bin.resolve("postgres"), List.of("--single", "-j", "-D", dataDir.toString(), "postgres")))
                    .inputFrom(input).in(workDir).run().output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(Path executable, List<String> args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(executable.toString());
        command.addAll(args);
        return command;
    }

    private Result run(Path executable, List<String> args) {
        return Result.of(command(executable, args));
    }

    private record Result(int exitCode, String output) {
        static Result of(List<String> command) {
            ExternalCommand.Result result = ExternalCommand.of(command).in(Path.of(System.getProperty("java.io.tmpdir"))).run();
            return new Result(result.exit(), result.output());
        }
    }

    /** The FATAL/HINT lines without the log prefix, or the whole output if there are none. */
    private static String serverMessage(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = SERVER_MESSAGE.matcher(line);
            if (m.find()) {
                lines.add(m.group(1).strip());
            }
        }
        return lines.isEmpty() ? output.strip() : String.join(" ", lines);
    }

    private static int parseMajor(String version) {
        Matcher m = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(version);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the major version from: " + version);
        }
        return Integer.parseInt(m.group(1));
    }

    private static Optional<Path> findBinDir() {
        Optional<Path> onPath = ToolRequirement.find("postgres").map(PostgresParameterChecker::realParent);
        if (onPath.isPresent() && Files.isExecutable(onPath.get().resolve("initdb"))) {
            return onPath;
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** /usr/local/bin/postgres is a symlink; initdb and pg_ctl live beside its target. */
    private static Path realParent(Path executable) {
        try {
            return executable.toRealPath().getParent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean postgresUserExists() {
        return Result.of(List.of("id", "-u", "postgres")).exitCode() == 0;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteWorkDir() {
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit; the directory is in the temp dir anyway
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
