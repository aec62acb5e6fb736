#!/bin/bash
# Runs once the broker is up (the kafka-setup service of docker-compose.yml): SCRAM users and the per-service ACLs of
# docs/security.md ("Kafka"). The broker denies everything no ACL allows. Idempotent: ACLs are a set and SCRAM
# credentials are overwritten.
set -euo pipefail
BIN=/opt/kafka/bin
CONFIG=/tmp/admin.properties
# the broker's loopback INTERNAL listener (this container shares the broker's network): its principal, ANONYMOUS, is
# the only super user, and nothing outside the broker's container reaches it
BOOT=127.0.0.1:19092
cat > "$CONFIG" <<PROPS
security.protocol=PLAINTEXT
PROPS
SERVICES="api-service orchestrator-service provider-workers callback-service"
PROVIDERS="kling luma runway veo minimax vidu jimeng doubao bfl replicate xai wan"

for user in $SERVICES; do
  var="KAFKA_PASSWORD_$(echo "$user" | tr 'a-z-' 'A-Z_')"
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOT" --command-config "$CONFIG" --alter --entity-type users \
    --entity-name "$user" --add-config "SCRAM-SHA-512=[password=${!var}]"
done

acl() { "$BIN/kafka-acls.sh" --bootstrap-server "$BOOT" --command-config "$CONFIG" --add --force "$@" >/dev/null; }
allow() { local user=$1; shift; acl --allow-principal "User:$user" "$@"; }

# consuming needs Read on the group too; which topics a group may read is decided by the topic ACLs below
for user in orchestrator-service provider-workers callback-service; do
  allow "$user" --operation Read --group '*'
done

# api-service: publishes tasks.submitted.<provider> (and declares those topics)
allow api-service --operation Write --operation Describe --operation Create --topic tasks.submitted. --resource-pattern-type prefixed
# api-service: publishes owners' cancel requests (tasks.cancel), read by the orchestrator and provider-workers
allow api-service --operation Write --operation Describe --operation Create --topic tasks.cancel
allow orchestrator-service --operation Read --operation Describe --operation Create --topic tasks.cancel
allow orchestrator-service --operation Write --operation Describe --operation Create --topic tasks.cancel.DLT
allow provider-workers --operation Read --operation Describe --operation Create --topic tasks.cancel
allow provider-workers --operation Write --operation Describe --operation Create --topic tasks.cancel.DLT

# orchestrator-service: reads submissions and worker reports; writes polls and tasks.changed, the events
# callback-service signs; dead-letters what it cannot process
allow orchestrator-service --operation Read --operation Describe --topic tasks.submitted. --resource-pattern-type prefixed
allow orchestrator-service --operation Read --operation Describe --operation Create --topic tasks.status
allow orchestrator-service --operation Write --operation Describe --operation Create --topic tasks.poll. --resource-pattern-type prefixed
allow orchestrator-service --operation Write --operation Describe --operation Create --topic tasks.changed
allow orchestrator-service --operation Write --operation Describe --operation Create --topic tasks.status.DLT

# provider-workers: reads submissions and polls; writes worker reports (tasks.status), the only thing the
# orchestrator believes about a provider task
allow provider-workers --operation Read --operation Describe --topic tasks.submitted. --resource-pattern-type prefixed
allow provider-workers --operation Read --operation Describe --topic tasks.poll. --resource-pattern-type prefixed
allow provider-workers --operation Write --operation Describe --operation Create --topic tasks.status

# dead-letter topics of the per-provider topics: literal names, so no consumer can write a live topic it reads
for provider in $PROVIDERS; do
  allow orchestrator-service --operation Write --operation Describe --operation Create --topic "tasks.submitted.$provider.DLT"
  allow provider-workers --operation Write --operation Describe --operation Create --topic "tasks.submitted.$provider.DLT"
  allow provider-workers --operation Write --operation Describe --operation Create --topic "tasks.poll.$provider.DLT"
  allow provider-workers --operation Describe --operation Create --topic "tasks.submitted.$provider"
  allow provider-workers --operation Describe --operation Create --topic "tasks.poll.$provider"
done

# callback-service: reads tasks.changed, writes only its dead letters
allow callback-service --operation Read --operation Describe --operation Create --topic tasks.changed
allow callback-service --operation Write --operation Describe --operation Create --topic tasks.changed.DLT
echo "Kafka users and ACLs in place"
