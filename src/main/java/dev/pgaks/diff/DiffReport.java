package dev.pgaks.diff;

import java.util.List;

/** The semantic difference of two trees: risks first, then every object change, then the files behind them. */
public record DiffReport(List<ObjectChange> changes, List<Risk> risks, Files files) {

    /** Files by path relative to the tree. */
    public record Files(List<String> added, List<String> changed, List<String> removed) {

        public int count() {
            return added.size() + changed.size() + removed.size();
        }
    }

    public DiffReport {
        changes = List.copyOf(changes);
        risks = List.copyOf(risks);
    }

    public boolean isEmpty() {
        return files.count() == 0;
    }

    public long count(ObjectChange.Op op) {
        return changes.stream().filter(c -> c.op() == op).count();
    }
}
