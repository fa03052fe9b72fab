package dev.pgaks.diff;

import dev.pgaks.diff.ObjectChange.FieldChange;
import dev.pgaks.diff.ObjectChange.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Compares two versions of a tree object by object and field by field, then flags the risky changes. */
public final class ObjectDiff {

    static final String MASK = "(secret value)";
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i).*(password|passwd|token|accesskey|account_?key|privatekey|connectionstring|clientsecret)\"?]?$");

    private ObjectDiff() {}

    public static DiffReport compare(TreeSnapshot before, TreeSnapshot after) {
        Map<String, DiffObject> old = DiffObject.of(withoutSameFiles(before, after));
        Map<String, DiffObject> now = DiffObject.of(withoutSameFiles(after, before));
        Set<String> ids = new TreeSet<>(old.keySet());
        ids.addAll(now.keySet());
        List<ObjectChange> changes = new ArrayList<>();
        for (String id : ids) {
            DiffObject was = old.get(id);
            DiffObject is = now.get(id);
            if (was == null) {
                changes.add(new ObjectChange(id, is.kind(), is.file(), Op.ADDED, List.of()));
            } else if (is == null) {
                changes.add(new ObjectChange(id, was.kind(), was.file(), Op.REMOVED, List.of()));
            } else {
                List<FieldChange> fields = DiffObject.TEXT.equals(is.kind()) || DiffObject.TEXT.equals(was.kind())
                        ? lines(List.copyOf(was.fields().values()), List.copyOf(is.fields().values()))
                        : fields(was, is);
                if (!fields.isEmpty()) {
                    changes.add(new ObjectChange(id, is.kind(), is.file(), Op.CHANGED, fields));
                }
            }
        }
        changes.sort(Comparator.comparingInt(ObjectDiff::rank).thenComparing(ObjectChange::id));
        return new DiffReport(changes, RiskRules.flag(changes), files(before, after));
    }

    /**
     * The files of {@code tree} whose bytes differ from {@code other}'s or that {@code other} lacks: an identical file
     * holds identical objects, which make no change, and a render over its previous tree then parses only what it
     * changed. The risk rules judge each changed object on its own, so they see the same changes.
     */
    private static TreeSnapshot withoutSameFiles(TreeSnapshot tree, TreeSnapshot other) {
        Map<String, byte[]> files = new TreeMap<>(tree.files());
        files.entrySet().removeIf(f -> Arrays.equals(f.getValue(), other.files().get(f.getKey())));
        return new TreeSnapshot(files);
    }

    /** Kubernetes objects first, then Azure, then values and JSON, then prose, as a reviewer reads them. */
    private static int rank(ObjectChange change) {
        if (change.isKubernetes()) {
            return 0;
        }
        return switch (change.kind()) {
            case "bicep" -> 1;
            case "manifest" -> 2;
            case DiffObject.TEXT -> 4;
            default -> 3;
        };
    }

    private static List<FieldChange> fields(DiffObject was, DiffObject is) {
        boolean secret = "Secret".equals(is.kind());
        Set<String> paths = new LinkedHashSet<>(was.fields().keySet());
        paths.addAll(is.fields().keySet());
        List<FieldChange> fields = new ArrayList<>();
        for (String path : paths) {
            String a = was.fields().get(path);
            String b = is.fields().get(path);
            if (a != null && a.equals(b)) {
                continue;
            }
            Op op = a == null ? Op.ADDED : b == null ? Op.REMOVED : Op.CHANGED;
            if (secret && (path.startsWith("data") || path.startsWith("stringData")) || SECRET_LIKE.matcher(path).matches()) {
                a = a == null ? null : MASK;
                b = b == null ? null : MASK;
            }
            fields.add(new FieldChange(path, op, a, b));
        }
        return fields;
    }

    /** Text files line by line (longest common subsequence), each differing line as {@code line N}. */
    private static List<FieldChange> lines(List<String> before, List<String> after) {
        // Edits are local: only the middle between the common head and tail needs the quadratic table.
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        List<String> a = before.subList(head, before.size() - tail);
        List<String> b = after.subList(head, after.size() - tail);
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<FieldChange> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                changes.add(new FieldChange("line " + (head + i + 1), Op.REMOVED, a.get(i), null));
                i++;
            } else {
                changes.add(new FieldChange("line " + (head + j + 1), Op.ADDED, null, b.get(j)));
                j++;
            }
        }
        return changes;
    }

    private static DiffReport.Files files(TreeSnapshot before, TreeSnapshot after) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> paths = new TreeSet<>(before.files().keySet());
        paths.addAll(after.files().keySet());
        for (String p : paths) {
            byte[] a = before.files().get(p);
            byte[] b = after.files().get(p);
            if (a == null) {
                added.add(p);
            } else if (b == null) {
                removed.add(p);
            } else if (!Arrays.equals(a, b)) {
                changed.add(p);
            }
        }
        return new DiffReport.Files(added, changed, removed);
    }
}
