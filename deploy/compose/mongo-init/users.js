// Runs once, when the MongoDB data volume is first initialised (docker-entrypoint-initdb.d): one user per service,
// each with a role over exactly the collections that service touches (docs/security.md, "MongoDB users").
// Passwords come from the environment of the mongo container; nothing is baked in.
const gateway = db.getSiblingDB("gateway");
const write = ["find", "insert", "update", "remove", "createIndex", "listIndexes"];
const read = ["find", "listIndexes"];
const grants = {
  "api-service": { write: ["idempotency_keys", "api_keys"], read: ["tasks", "provider_status"] },
  "orchestrator-service": { write: ["tasks"], read: [] },
  "provider-workers": { write: ["submissions", "provider_status", "storage_usage"], read: [] },
  "callback-service": { write: ["deliveries", "webhook_endpoints", "webhook_secrets"], read: ["tasks"] },
};
const passwords = {
  "api-service": process.env.MONGO_API_PASSWORD,
  "orchestrator-service": process.env.MONGO_ORCHESTRATOR_PASSWORD,
  "provider-workers": process.env.MONGO_WORKERS_PASSWORD,
  "callback-service": process.env.MONGO_CALLBACK_PASSWORD,
};
for (const [service, grant] of Object.entries(grants)) {
  const privileges = [
    ...grant.write.map((collection) => ({ resource: { db: "gateway", collection }, actions: write })),
    ...grant.read.map((collection) => ({ resource: { db: "gateway", collection }, actions: read })),
  ];
  gateway.createRole({ role: service, privileges, roles: [] });
  gateway.createUser({ user: service, pwd: passwords[service], roles: [{ role: service, db: "gateway" }] });
}
