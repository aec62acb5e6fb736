{{/* Labels of one workload; component is the service name, group the provider-workers group (optional). */}}
{{- define "gateway.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: media-task-gateway
{{- end }}

{{/*
The environment every service gets: Kafka (as the service's own user), MongoDB (its own user), the management port,
graceful shutdown, tracing. Argument: dict "root" (the root context) and "service" (the Kafka user and the key of the
service's MongoDB URI and Kafka password: api-service, orchestrator-service, provider-workers, callback-service).
*/}}
{{- define "gateway.commonEnv" -}}
{{- $root := .root }}
- { name: SERVER_PORT, value: "8080" }
- { name: MANAGEMENT_PORT, value: {{ $root.Values.managementPort | quote }} }
- { name: MANAGEMENT_SERVER_SSL_ENABLED, value: "false" }
- { name: SERVER_SHUTDOWN, value: graceful }
- { name: SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE, value: {{ $root.Values.shutdown.timeout | quote }} }
- { name: GATEWAY_KAFKA_BOOTSTRAP_SERVERS, value: {{ $root.Values.kafka.bootstrapServers | quote }} }
- { name: GATEWAY_KAFKA_REPLICATION_FACTOR, value: {{ $root.Values.kafka.replicationFactor | quote }} }
- { name: GATEWAY_KAFKA_PARTITIONS, value: {{ $root.Values.kafka.partitions | quote }} }
# each service its own Kafka user, whose ACLs allow only its topics (docs/security.md)
- { name: GATEWAY_KAFKA_SECURITY_PROTOCOL, value: {{ $root.Values.kafka.security.protocol | quote }} }
- { name: GATEWAY_KAFKA_SECURITY_SASL_MECHANISM, value: {{ $root.Values.kafka.security.saslMechanism | quote }} }
{{- if hasPrefix "SASL" $root.Values.kafka.security.protocol }}
- { name: GATEWAY_KAFKA_SECURITY_USERNAME, value: {{ .service | quote }} }
- name: GATEWAY_KAFKA_SECURITY_PASSWORD
  valueFrom: { secretKeyRef: { name: {{ $root.Values.kafka.security.passwordSecret }}, key: {{ .service }} } }
{{- end }}
{{- if $root.Values.kafka.security.truststoreSecret }}
- { name: GATEWAY_KAFKA_SECURITY_TRUSTSTORE_LOCATION, value: /etc/gateway/kafka-tls/truststore.p12 }
- name: GATEWAY_KAFKA_SECURITY_TRUSTSTORE_PASSWORD
  valueFrom: { secretKeyRef: { name: {{ $root.Values.kafka.security.truststoreSecret }}, key: password } }
{{- end }}
- { name: GATEWAY_MONGO_DATABASE, value: {{ $root.Values.mongo.database | quote }} }
# each service its own MongoDB user with only its collections: one URI per service in the Secret
- name: GATEWAY_MONGO_URI
  valueFrom: { secretKeyRef: { name: {{ $root.Values.mongo.uriSecret.name }}, key: {{ .service }} } }
- { name: MANAGEMENT_TRACING_SAMPLING_PROBABILITY, value: {{ $root.Values.tracing.samplingProbability | quote }} }
{{- if $root.Values.tracing.otlpEndpoint }}
- { name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT, value: {{ $root.Values.tracing.otlpEndpoint | quote }} }
{{- end }}
{{- /* the same on every service: each deletes its own records, api-service answers 410 task_expired */}}
{{- if $root.Values.retention.taskRecords }}
- { name: GATEWAY_RETENTION_TASK_RECORDS_DEFAULT_PERIOD, value: {{ $root.Values.retention.taskRecords | quote }} }
{{- end }}
{{- end }}

{{/* Pod-level settings shared by every workload. Argument: the root context. */}}
{{- define "gateway.podSpec" -}}
terminationGracePeriodSeconds: {{ .Values.shutdown.terminationGracePeriodSeconds }}
securityContext: { runAsNonRoot: true, runAsUser: 10001 }
{{- end }}

{{/*
Probes, ports and the preStop pause of a service container. Argument: the root context. Actuator answers on the
management port only, which no Service exposes (docs/security.md).
*/}}
{{- define "gateway.containerRuntime" -}}
ports:
  - { name: http, containerPort: 8080 }
  - { name: management, containerPort: {{ .Values.managementPort }} }
startupProbe: { httpGet: { path: /actuator/health/liveness, port: management }, periodSeconds: 5, failureThreshold: {{ .Values.probes.startupFailureThreshold }} }
readinessProbe: { httpGet: { path: /actuator/health/readiness, port: management }, periodSeconds: {{ .Values.probes.readinessPeriodSeconds }} }
livenessProbe: { httpGet: { path: /actuator/health/liveness, port: management }, periodSeconds: {{ .Values.probes.livenessPeriodSeconds }}, failureThreshold: {{ .Values.probes.livenessFailureThreshold }} }
lifecycle:
  preStop: { exec: { command: ["sleep", {{ .Values.shutdown.preStopSeconds | quote }}] } }
{{- end }}

{{/* Scrape annotations for Prometheus: actuator lives on the management port. Argument: the root context. */}}
{{- define "gateway.scrapeAnnotations" -}}
prometheus.io/scrape: "true"
prometheus.io/path: /actuator/prometheus
prometheus.io/port: "{{ .Values.managementPort }}"
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

{{/* The Kafka trust store volume, when kafka.security.truststoreSecret is set. Argument: the root context. */}}
{{- define "gateway.kafkaTlsVolume" -}}
{{- if .Values.kafka.security.truststoreSecret }}
- name: kafka-tls
  secret: { secretName: {{ .Values.kafka.security.truststoreSecret }}, items: [ { key: truststore.p12, path: truststore.p12 } ] }
{{- end }}
{{- end }}
