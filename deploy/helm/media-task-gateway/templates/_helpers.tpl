{{/* Labels of one workload; component is the service name, group the provider-workers group (optional). */}}
{{- define "gateway.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: media-task-gateway
{{- end }}

{{/* The environment every service gets: Kafka, MongoDB, graceful shutdown, tracing. Argument: the root context. */}}
{{- define "gateway.commonEnv" -}}
- { name: SERVER_PORT, value: "8080" }
- { name: SERVER_SHUTDOWN, value: graceful }
- { name: SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE, value: {{ .Values.shutdown.timeout | quote }} }
- { name: GATEWAY_KAFKA_BOOTSTRAP_SERVERS, value: {{ .Values.kafka.bootstrapServers | quote }} }
- { name: GATEWAY_KAFKA_REPLICATION_FACTOR, value: {{ .Values.kafka.replicationFactor | quote }} }
- { name: GATEWAY_KAFKA_PARTITIONS, value: {{ .Values.kafka.partitions | quote }} }
- { name: GATEWAY_MONGO_DATABASE, value: {{ .Values.mongo.database | quote }} }
- name: GATEWAY_MONGO_URI
  valueFrom: { secretKeyRef: { name: {{ .Values.mongo.uriSecret.name }}, key: {{ .Values.mongo.uriSecret.key }} } }
- { name: MANAGEMENT_TRACING_SAMPLING_PROBABILITY, value: {{ .Values.tracing.samplingProbability | quote }} }
{{- if .Values.tracing.otlpEndpoint }}
- { name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT, value: {{ .Values.tracing.otlpEndpoint | quote }} }
{{- end }}
{{- end }}

{{/* Pod-level settings shared by every workload. Argument: the root context. */}}
{{- define "gateway.podSpec" -}}
terminationGracePeriodSeconds: {{ .Values.shutdown.terminationGracePeriodSeconds }}
securityContext: { runAsNonRoot: true, runAsUser: 10001 }
{{- end }}

{{/* Probes, ports and the preStop pause of a service container. Argument: the root context. */}}
{{- define "gateway.containerRuntime" -}}
ports: [ { name: http, containerPort: 8080 } ]
startupProbe: { httpGet: { path: /actuator/health/liveness, port: http }, periodSeconds: 5, failureThreshold: {{ .Values.probes.startupFailureThreshold }} }
readinessProbe: { httpGet: { path: /actuator/health/readiness, port: http }, periodSeconds: {{ .Values.probes.readinessPeriodSeconds }} }
livenessProbe: { httpGet: { path: /actuator/health/liveness, port: http }, periodSeconds: {{ .Values.probes.livenessPeriodSeconds }}, failureThreshold: {{ .Values.probes.livenessFailureThreshold }} }
lifecycle:
  preStop: { exec: { command: ["sleep", {{ .Values.shutdown.preStopSeconds | quote }}] } }
{{- end }}

{{/* Scrape annotations for Prometheus. */}}
{{- define "gateway.scrapeAnnotations" -}}
prometheus.io/scrape: "true"
prometheus.io/path: /actuator/prometheus
prometheus.io/port: "8080"
{{- end }}

{{/* The output store (README "Output storage"): provider-workers writes it, api-service and callback-service sign its links. */}}
{{- define "gateway.storageEnv" -}}
- { name: GATEWAY_STORAGE_TYPE, value: {{ .Values.storage.type | quote }} }
- { name: GATEWAY_STORAGE_RETENTION_DEFAULT_PERIOD, value: {{ .Values.storage.retention | quote }} }
- { name: GATEWAY_STORAGE_LINKS_TTL, value: {{ .Values.storage.linkTtl | quote }} }
{{- if .Values.storage.dailyBytes }}
- { name: GATEWAY_STORAGE_QUOTA_DAILY_BYTES, value: {{ .Values.storage.dailyBytes | quote }} }
{{- end }}
{{- if eq .Values.storage.type "s3" }}
- { name: GATEWAY_STORAGE_S3_BUCKET, value: {{ .Values.storage.s3.bucket | quote }} }
- { name: GATEWAY_STORAGE_S3_REGION, value: {{ .Values.storage.s3.region | quote }} }
- { name: AWS_REGION, value: {{ .Values.storage.s3.region | quote }} }
{{- with .Values.storage.s3.endpoint }}
- { name: GATEWAY_STORAGE_S3_ENDPOINT, value: {{ . | quote }} }
{{- end }}
{{- with .Values.storage.s3.publicEndpoint }}
- { name: GATEWAY_STORAGE_S3_PUBLIC_ENDPOINT, value: {{ . | quote }} }
{{- end }}
{{- with .Values.storage.s3.cdnBaseUrl }}
- { name: GATEWAY_STORAGE_S3_CDN_BASE_URL, value: {{ . | quote }} }
{{- end }}
- { name: GATEWAY_STORAGE_S3_PATH_STYLE_ACCESS, value: {{ .Values.storage.s3.pathStyleAccess | quote }} }
- { name: GATEWAY_STORAGE_S3_ABORT_INCOMPLETE_UPLOADS, value: {{ .Values.storage.s3.abortIncompleteUploads | quote }} }
{{- else }}
- { name: GATEWAY_STORAGE_LOCAL_BASE_URL, value: {{ .Values.providerWorkers.publicBaseUrl | quote }} }
- name: GATEWAY_STORAGE_LOCAL_SIGNING_SECRET
  valueFrom: { secretKeyRef: { name: {{ .Values.secrets.urlSigningSecret.name }}, key: {{ .Values.secrets.urlSigningSecret.key }} } }
- { name: GATEWAY_STORAGE_LOCAL_DIRECTORY, value: /var/lib/gateway/outputs }
{{- end }}
{{- end }}
