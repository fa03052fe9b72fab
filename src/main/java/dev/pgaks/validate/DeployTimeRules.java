package dev.pgaks.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.facts.ManagedRoles;
import dev.pgaks.facts.VmSize;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecSchema;
import dev.pgaks.resolve.AzureNames;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Specs that the schema accepts but that Kubernetes, PostgreSQL, the CNPG webhook or Azure would refuse at deploy
 * time: reserved names, settings the operator rejects, times and schedules it cannot use, sizes no region offers.
 * Like {@link SemanticRules}, each rule reads effective values and stays silent on fields the schema rejected.
 */
final class DeployTimeRules extends CrossFieldRules {

    /** Namespaces AKS and its add-ons own; a PostgreSQL cluster or the operator there would share their fate. */
    private static final Set<String> RESERVED_NAMESPACES = Set.of(
            "default", "kube-system", "kube-public", "kube-node-lease", "gatekeeper-system", "calico-system",
            "tigera-operator", "app-routing-system", "aks-command", "azure-extensions-usage-system", "dataprotection-microsoft");
    /** Names PostgreSQL refuses for a new role ({@code pg_} is reserved, {@code public} is the pseudo-role). */
    private static final Set<String> RESERVED_ROLES = Set.of("public", "none", "current_user", "session_user", "current_role");
    private static final Set<String> BUILT_IN_DATABASES = Set.of("postgres", "template0", "template1");
    /** The operator's PodMonitor file is {@code podmonitor-cnpg-operator.yaml}; a Cluster of that name would plan it twice. */
    /** robfig/cron with seconds, as CNPG parses {@code ScheduledBackup.spec.schedule}: field name, min, max, names. */
    private static final List<CronField> CRON = List.of(
            new CronField("seconds", 0, 59, List.of()),
            new CronField("minutes", 0, 59, List.of()),
            new CronField("hours", 0, 23, List.of()),
            new CronField("day of month", 1, 31, List.of()),
            new CronField("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
            new CronField("day of week", 0, 6, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

    private final Clock clock;

    DeployTimeRules(SpecDocument document, JsonNode spec, SpecSchema schema, Set<String> invalid, Clock clock) {
        super(document, spec, schema, invalid);
        this.clock = clock;
    }

    List<Diagnostic> check() {
        return run(List.of(
                () -> namespace("/postgres/namespace"),
                () -> namespace("/postgres/operatorNamespace"),
                this::bootstrapNames,
                this::roleNames,
                this::clusterName,
                this::walLevel,
                this::restoreTime,
                this::backupSchedule,
                () -> vmSize("/aks/systemPool/vmSize"),
                () -> vmSize("/aks/postgresPool/vmSize")));
    }

    private void namespace(String pointer) {
        String name = value(pointer).asText();
        if (RESERVED_NAMESPACES.contains(name) || name.startsWith("kube-")) {
            report(pointer, SpecValidator.FieldPaths.dotted(pointer) + ": namespace '" + name + "' belongs to Kubernetes or AKS",
                    "use a namespace of its own, such as the default '" + schema.fieldAtPointer(pointer)
                            .map(f -> f.path("default").asText()).orElse("") + "'");
        }
    }

    private void bootstrapNames() {
        String database = value("/postgres/bootstrap/database").asText();
        if (BUILT_IN_DATABASES.contains(database)) {
            report("/postgres/bootstrap/database", "postgres.bootstrap.database '" + database + "' is a database PostgreSQL creates itself",
                    "name the application's database, for example 'app'");
        }
        String owner = value("/postgres/bootstrap/owner").asText();
        roleName("/postgres/bootstrap/owner", owner);
        if (ManagedRoles.NAMES.contains(owner)) {
            report("/postgres/bootstrap/owner", "postgres.bootstrap.owner '" + owner + "' is a role CNPG manages itself",
                    "name the application's owner role, for example 'app'");
        }
    }

    private void roleNames() {
        JsonNode roles = value("/postgres/roles");
        for (int i = 0; i < roles.size(); i++) {
            roleName("/postgres/roles/" + i + "/name", roles.get(i).path("name").asText());
        }
    }

    private void roleName(String pointer, String name) {
        if (name.startsWith("pg_") || RESERVED_ROLES.contains(name)) {
            report(pointer, SpecValidator.FieldPaths.dotted(pointer) + ": '" + name + "' is reserved by PostgreSQL"
                            + (name.startsWith("pg_") ? " (role names starting with pg_ are)" : ""),
                    "choose another role name; to grant a predefined role such as pg_read_all_data, list it under inRoles");
        }
    }

    private void clusterName() {
        if (!written("/postgres/clusterName")) {
            return;
        }
        String name = value("/postgres/clusterName").asText();
        if (name.equals(AzureNames.operatorPodMonitor())) {
            report("/postgres/clusterName", "postgres.clusterName '" + name + "' is the name of the operator's PodMonitor",
                    "choose another name, for example " + AzureNames.postgresCluster(Optional.empty(), value("/metadata/name").asText()));
        }
    }

    private void walLevel() {
        String pointer = "/postgres/parameters/wal_level";
        if (!written(pointer)) {
            return;
        }
        String level = value(pointer).asText();
        if (!Set.of("minimal", "replica", "logical").contains(level)) {
            report(pointer, "wal_level '" + level + "' is not one of minimal, replica, logical", "CNPG accepts only these three");
            return;
        }
        if (!level.equals("minimal")) {
            return;
        }
        if (value("/postgres/instances").asInt() > 1) {
            report(pointer, "wal_level minimal cannot feed replicas: postgres.instances is " + value("/postgres/instances").asInt(),
                    "remove wal_level (CNPG sets logical) or set replica; minimal needs a single instance");
        } else if (value("/backup/enabled").asBoolean()) {
            report(pointer, "wal_level minimal cannot archive WAL, which backup.enabled needs",
                    "remove wal_level, or disable backups");
        } else if (!value("/postgres/parameters/max_wal_senders").asText().equals("0")) {
            report(pointer, "wal_level minimal needs max_wal_senders set to \"0\" (the CNPG webhook refuses it otherwise)",
                    "add max_wal_senders: \"0\" under postgres.parameters, or remove wal_level");
        }
    }

    private void restoreTime() {
        if (!written("/restore/targetTime") || !value("/restore/enabled").asBoolean()) {
            return;
        }
        String text = value("/restore/targetTime").asText();
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            report("/restore/targetTime", "restore.targetTime '" + text + "' is not a valid timestamp",
                    "RFC 3339 with a real date and time, for example 2026-11-20T10:00:00Z");
            return;
        }
        if (time.toInstant().isAfter(clock.instant())) {
            report("/restore/targetTime", "restore.targetTime " + text + " lies in the future: no backup can reach it",
                    "use a past instant, or remove targetTime to recover to the end of the WAL archive");
        }
    }

    private void backupSchedule() {
        if (!written("/backup/schedule")) {
            return;
        }
        if (!value("/backup/enabled").asBoolean()) {
            report("/backup/schedule", "backup.schedule has no effect while backup.enabled is false",
                    "set backup.enabled: true, or remove the schedule");
            return;
        }
        String[] fields = value("/backup/schedule").asText().split(" ");
        if (fields.length != CRON.size()) {
            return;
        }
        for (int i = 0; i < fields.length; i++) {
            Optional<String> problem = CRON.get(i).problem(fields[i]);
            if (problem.isPresent()) {
                report("/backup/schedule", "backup.schedule: " + CRON.get(i).name() + " field '" + fields[i] + "' " + problem.get(),
                        "six fields, seconds first: 'SEC MIN HOUR DAY-OF-MONTH MONTH DAY-OF-WEEK', for example '0 0 2 * * *'");
                return;
            }
        }
    }

    private void vmSize(String pointer) {
        String name = value(pointer).asText();
        Optional<VmSize> size = VmSize.parse(name);
        if (size.isPresent() && !size.get().offered()) {
            report(pointer, SpecValidator.FieldPaths.dotted(pointer) + ": no Azure region offers " + name,
                    VmSize.offeredSizes(size.get()));
        }
    }

    /** One field of a six-field cron expression. */
    record CronField(String name, int min, int max, List<String> names) {
        Optional<String> problem(String field) {
            for (String part : field.split(",", -1)) {
                String range = part;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    String step = part.substring(slash + 1);
                    if (!step.matches("[0-9]{1,2}") || Integer.parseInt(step) == 0) {
                        return Optional.of("has an invalid step '" + step + "'");
                    }
                    range = part.substring(0, slash);
                }
                if (range.equals("*") || range.equals("?") && (name.startsWith("day"))) {
                    continue;
                }
                String[] bounds = range.split("-", -1);
                if (bounds.length > 2) {
                    return Optional.of("is not a number, range or list");
                }
                for (String bound : bounds) {
                    int n = number(bound);
                    if (n < 0) {
                        return Optional.of("is not a number, range or list");
                    }
                    if (n < min || n > max) {
                        return Optional.of("is outside " + min + "-" + max);
                    }
                }
            }
            return Optional.empty();
        }

        private int number(String text) {
            int named = names.indexOf(text.toUpperCase(Locale.ROOT));
            if (named >= 0) {
                return named + min;
            }
            return text.matches("[0-9]{1,2}") ? Integer.parseInt(text) : -1;
        }
    }



}
