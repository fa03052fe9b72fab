package dev.pgaks.resolve;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kube-state-metrics series the alert rules read, which Azure managed Prometheus must keep. Its default minimal
 * ingestion profile keeps only a fixed list of them (kube_persistentvolumeclaim_status_phase is not on it), so any
 * other is dropped at scrape time and the alerts reading it stay silent. Derived from the resolved rules, so a new
 * alert cannot forget it.
 */
final class KubeStateKeepList {
    /** kube-state-metrics names all its series kube_<object>_...; kubelet's are kubelet_... and not matched. */
    private static final Pattern KUBE_STATE_METRIC = Pattern.compile("\\bkube_[a-z_]+[a-z]\\b");

    private KubeStateKeepList() {}

    /** The metric names, sorted and distinct. */
    static List<String> of(List<ResolvedAlert> alerts) {
        TreeSet<String> names = new TreeSet<>();
        for (ResolvedAlert alert : alerts) {
            Matcher m = KUBE_STATE_METRIC.matcher(alert.expr());
            while (m.find()) {
                names.add(m.group());
            }
        }
        return List.copyOf(names);
    }
}
