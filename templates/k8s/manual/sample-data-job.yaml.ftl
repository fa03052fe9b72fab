<#import "../../common/labels.yaml.ftl" as l>
<#assign p = spec.postgres>
# ${spec.header?no_esc}
# The guide's sample dataset, written into the application database (the guide's interactive psql landed it in
# `postgres`). Applied by hand, outside the kustomization; safe to run again: it never duplicates rows.
apiVersion: batch/v1
kind: Job
metadata:
  name: ${p.sampleData.jobName}
  namespace: ${p.namespace}
  labels:
<@l.labels indent=4 component="sample-data"/>
spec:
  backoffLimit: 3
  ttlSecondsAfterFinished: 86400
  template:
    metadata:
      labels:
<@l.labels indent=8 component="sample-data"/>
    spec:
      restartPolicy: OnFailure
      securityContext:
        runAsNonRoot: true
        runAsUser: 26
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: psql
          image: ${p.image}
          env:
            - name: PGHOST
              value: ${p.readWriteService}
            - name: PGDATABASE
              value: ${p.bootstrap.database}
            - name: PGSSLMODE
              value: require
            - name: PGUSER
              valueFrom:
                secretKeyRef:
                  name: ${p.bootstrap.secretName}
                  key: username
            - name: PGPASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${p.bootstrap.secretName}
                  key: password
          command:
            - psql
            - --no-psqlrc
            - --set=ON_ERROR_STOP=1
            - --command
            - |
              CREATE TABLE IF NOT EXISTS datasample (id INTEGER, name VARCHAR(255));
              INSERT INTO datasample (id, name)
                SELECT v.id, v.name FROM (VALUES (1, 'John'), (2, 'Jane'), (3, 'Alice')) AS v(id, name)
                WHERE NOT EXISTS (SELECT 1 FROM datasample d WHERE d.id = v.id);
              SELECT COUNT(*) FROM datasample;
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop:
                - ALL
