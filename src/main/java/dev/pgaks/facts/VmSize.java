package dev.pgaks.facts;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pgaks knows of an Azure VM size from its name: vCPUs and memory. Azure's general-purpose (D), memory-optimised
 * (E), compute-optimised (F) and storage-optimised (L) families have a fixed memory per vCPU from v3 on, so the name
 * is enough; other families are unknown and need explicit {@code postgres.resources}.
 */
public record VmSize(String name, String family, int vcpus, int memoryGiB, boolean localNvme) {

    private static final Pattern NAME = Pattern.compile("^Standard_([A-Z])(\\d+)([a-z]*)_v(\\d+)$");
    private static final Map<String, Integer> GIB_PER_VCPU = Map.of("D", 4, "E", 8, "F", 2, "L", 8);

    public static Optional<VmSize> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches() || Integer.parseInt(m.group(4)) < 3 && !m.group(1).equals("L")) {
            return Optional.empty();
        }
        Integer perVcpu = GIB_PER_VCPU.get(m.group(1));
        if (perVcpu == null) {
            return Optional.empty();
        }
        int vcpus = Integer.parseInt(m.group(2));
        boolean nvme = m.group(1).equals("L") && Integer.parseInt(m.group(4)) >= 2;
        return Optional.of(new VmSize(name, m.group(1), vcpus, vcpus * perVcpu, nvme));
    }
}
