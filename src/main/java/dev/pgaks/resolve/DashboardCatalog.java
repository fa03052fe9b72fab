package dev.pgaks.resolve;

import dev.pgaks.resolve.ResolvedDashboard.Panel;
import dev.pgaks.resolve.ResolvedDashboard.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The panels of {@code /monitoring/dashboard.yaml}, resolved for one cluster and laid out on Grafana's grid. The
 * catalog is part of pgaks, so a malformed entry is a bug: {@link IllegalStateException}.
 */
final class DashboardCatalog {
    static final String RESOURCE = "/monitoring/dashboard.yaml";
    private static final int GRID_COLUMNS = 24;

    private final List<Map<String, Object>> rows;

    private DashboardCatalog(List<Map<String, Object>> rows) {
        this.rows = rows;
    }

    @SuppressWarnings("unchecked")
    static DashboardCatalog load() {
        if (!(AlertCatalog.loadResource(RESOURCE) instanceof List<?> rows)) {
            throw new IllegalStateException(RESOURCE + " must be a YAML list of rows");
        }
        return new DashboardCatalog((List<Map<String, Object>>) rows);
    }

    /** Rows and panels in file order; each row starts on a new line, panels flow left to right and wrap. */
    @SuppressWarnings("unchecked")
    List<Panel> panels(AlertContext ctx) {
        Map<String, String> values = AlertCatalog.clusterPlaceholders(ctx);
        List<Panel> panels = new ArrayList<>();
        int y = 0;
        for (Map<String, Object> row : rows) {
            panels.add(new Panel(panels.size() + 1, "row", text(row, "row"), "", "", "", 0, y, GRID_COLUMNS, 1, List.of()));
            y++;
            int x = 0;
            int lineHeight = 0;
            for (Map<String, Object> panel : (List<Map<String, Object>>) row.get("panels")) {
                String title = text(panel, "title");
                int width = number(panel, "width");
                int height = number(panel, "height");
                if (x + width > GRID_COLUMNS) {
                    y += lineHeight;
                    x = 0;
                    lineHeight = 0;
                }
                panels.add(new Panel(panels.size() + 1, text(panel, "type"), title,
                        AlertCatalog.substitute(title, text(panel, "description"), values),
                        text(panel, "unit"), (String) panel.getOrDefault("textMode", "auto"), x, y, width, height,
                        queries(title, (List<Map<String, Object>>) panel.get("queries"), values)));
                x += width;
                lineHeight = Math.max(lineHeight, height);
            }
            y += lineHeight;
        }
        return List.copyOf(panels);
    }

    private static List<Query> queries(String panel, List<Map<String, Object>> entries, Map<String, String> values) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalStateException("dashboard panel " + panel + " has no queries");
        }
        List<Query> queries = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            // Grafana names a panel's queries A, B, C, ...
            String refId = String.valueOf((char) ('A' + queries.size()));
            queries.add(new Query(refId, AlertCatalog.substitute(panel, text(entry, "expr"), values), text(entry, "legend")));
        }
        return List.copyOf(queries);
    }

    private static String text(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof String s) || s.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": entry " + map + " lacks string field '" + key + "'");
        }
        return s;
    }

    private static int number(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof Integer n) || n < 1 || n > GRID_COLUMNS) {
            throw new IllegalStateException(RESOURCE + ": entry " + map.get("title") + " needs '" + key + "' between 1 and 24");
        }
        return n;
    }
}
