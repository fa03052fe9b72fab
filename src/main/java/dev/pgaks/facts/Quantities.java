package dev.pgaks.facts;

/** Kubernetes quantities (Mi, Gi, Ti) and retention periods (d, w, m) as the spec writes them. */
public final class Quantities {

    private Quantities() {}

    public static long mebibytes(String quantity) {
        long n = Long.parseLong(quantity.substring(0, quantity.length() - 2));
        return switch (quantity.substring(quantity.length() - 2)) {
            case "Mi" -> n;
            case "Gi" -> n * 1024;
            case "Ti" -> n * 1024 * 1024;
            default -> throw new IllegalArgumentException("unsupported quantity " + quantity);
        };
    }

    public static long gibibytes(String quantity) {
        return mebibytes(quantity) / 1024;
    }

    public static int days(String retention) {
        int n = Integer.parseInt(retention.substring(0, retention.length() - 1));
        return switch (retention.charAt(retention.length() - 1)) {
            case 'd' -> n;
            case 'w' -> n * 7;
            case 'm' -> n * 31;
            default -> throw new IllegalArgumentException("unsupported retention " + retention);
        };
    }
}
