package dev.pgaks.facts;

import java.util.List;
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

    private static final Pattern NAME = Pattern.compile("^Standard_([A-Z])(\\d{1,4})([a-z]*)_v(\\d{1,2})$");
    private static final Map<String, Integer> GIB_PER_VCPU = Map.of("D", 4, "E", 8, "F", 2, "L", 8);
    /** The vCPU counts Azure offers in each family from v3 on (the union over versions: v5 and v6 add the largest). */
    private static final Map<String, List<Integer>> OFFERED_VCPUS = Map.of(
            "D", List.of(2, 4, 8, 16, 32, 48, 64, 96, 128, 192),
            "E", List.of(2, 4, 8, 16, 20, 32, 48, 64, 96, 104, 128, 192),
            "F", List.of(2, 4, 8, 16, 32, 48, 64, 72),
            "L", List.of(2, 4, 8, 16, 32, 48, 64, 80, 96));

    /** Whether some region offers this size: its vCPU count is one Azure sells in the family. */
    public boolean offered() {
        return OFFERED_VCPUS.get(family).contains(vcpus);
    }

    /** The sizes of this size's family, for a hint. */
    public static String offeredSizes(VmSize size) {
        return "Standard_" + size.family() + " sizes have " + OFFERED_VCPUS.get(size.family()).stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + " vCPUs";
    }

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
