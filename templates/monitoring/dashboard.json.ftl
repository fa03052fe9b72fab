<#-- JSON has no comments, so no header; the uid is stable so that re-importing replaces the dashboard.
     Every panel and query reads the ${datasource} variable, so the file imports into any Grafana, Azure Managed
     Grafana included, and asks for a Prometheus data source. -->
<#assign d = spec.monitoring.dashboard>
<#assign datasource = r"${datasource}">
{
  "uid": ${d.uid},
  "title": ${d.title},
  "description": "Rendered by pgaks; do not edit, render again.",
  "tags": ["cloudnative-pg", "pgaks"],
  "editable": true,
  "graphTooltip": 1,
  "refresh": "1m",
  "schemaVersion": 39,
  "version": 1,
  "time": {"from": "now-6h", "to": "now"},
  "timezone": "",
  "annotations": {"list": []},
  "links": [],
  "templating": {
    "list": [
      {
        "name": "datasource",
        "label": "Prometheus",
        "type": "datasource",
        "query": "prometheus",
        "current": {},
        "hide": 0,
        "includeAll": false,
        "multi": false,
        "options": [],
        "refresh": 1,
        "regex": "",
        "skipUrlSync": false
      },
      {
        "name": "cluster",
        "label": "AKS cluster",
        "type": "query",
        "datasource": {"type": "prometheus", "uid": ${datasource}},
        "query": {"query": ${d.clusterVariable}, "refId": "cluster"},
        "definition": ${d.clusterVariable},
        "current": {},
        "hide": 0,
        "includeAll": true,
        "allValue": ".*",
        "multi": false,
        "options": [],
        "refresh": 1,
        "regex": "",
        "sort": 1,
        "skipUrlSync": false
      }
    ]
  },
  "panels": [
<#list d.panels as panel>
    {
      "id": ${panel.id},
      "type": ${panel.type},
      "title": ${panel.title},
      "datasource": {"type": "prometheus", "uid": ${datasource}},
      "gridPos": {"h": ${panel.height}, "w": ${panel.width}, "x": ${panel.x}, "y": ${panel.y}},
<#if panel.row()>
      "collapsed": false,
      "panels": []
<#else>
      "description": ${panel.description},
      "fieldConfig": {
        "defaults": {
          "unit": ${panel.unit},
<#if panel.unit == "percentunit">
          "min": 0,
          "max": 1,
</#if>
          "color": {"mode": <#if panel.type == "timeseries">"palette-classic"<#else>"thresholds"</#if>},
          "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}]}
        },
        "overrides": []
      },
      "options": {
<#if panel.type == "timeseries">
        "legend": {"displayMode": "list", "placement": "bottom", "showLegend": true},
        "tooltip": {"mode": "multi", "sort": "desc"}
<#else>
        "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": false},
<#if panel.type == "stat">
        "colorMode": "value",
        "graphMode": "none",
        "justifyMode": "auto",
        "textMode": ${panel.textMode},
</#if>
        "orientation": "horizontal"
</#if>
      },
      "targets": [
<#list panel.queries as query>
        {
          "refId": ${query.refId},
          "datasource": {"type": "prometheus", "uid": ${datasource}},
          "expr": ${query.expr},
          "legendFormat": ${query.legend},
          "range": true
        }<#sep>,</#sep>
</#list>
      ]
</#if>
    }<#sep>,</#sep>
</#list>
  ]
}
