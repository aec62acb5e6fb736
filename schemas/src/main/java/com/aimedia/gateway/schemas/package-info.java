/**
 * The event contract between the services: Avro single-object encoding of every event
 * type, decodable from every committed schema version, plus topic names and CloudEvents
 * headers. No Spring here.
 */
package com.aimedia.gateway.schemas;
