package com.aimedia.gateway.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import org.jspecify.annotations.Nullable;

/**
 * mongo-java-server's in-memory backend that records every filter of a find, update,
 * delete or findAndModify command which none of the collection's indexes can answer, that
 * is every query the embedded default answers by scanning the whole collection. It
 * decides as mongo-java-server itself does ({@code Index.canHandle}), on the commands as
 * the driver sent them over the wire.
 */
public final class ScanRecordingBackend extends MemoryBackend {

    /** A query that scans: the command, the collection and the filter. */
    public record Scan(String command, String collection, String filter) {
    }

    private final List<Scan> scans = new CopyOnWriteArrayList<>();

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        for (Document filter : filters(command, query)) {
            String collectionName = String.valueOf(query.get(command));
            MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(collectionName, false);
            if (collection != null && !filter.isEmpty()
                    && collection.getIndexes().stream().noneMatch(index -> index.canHandle(filter))) {
                scans.add(new Scan(command, collectionName, filter.toString()));
            }
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    /** The scans recorded so far on {@code collection}. */
    public List<Scan> scansOf(String collection) {
        return scans.stream().filter(scan -> scan.collection().equals(collection)).toList();
    }

    public void clear() {
        scans.clear();
    }

    private static List<Document> filters(String command, Document query) {
        List<Document> filters = new ArrayList<>();
        switch (command.toLowerCase()) {
            case "find" -> add(filters, query.get("filter"));
            case "findandmodify" -> add(filters, query.get("query"));
            case "update", "delete" -> {
                Object statements = query.get(command.equalsIgnoreCase("update") ? "updates" : "deletes");
                if (statements instanceof List<?> list) {
                    list.forEach(statement -> add(filters, ((Document) statement).get("q")));
                }
            }
            default -> {
            }
        }
        return filters;
    }

    private static void add(List<Document> filters, @Nullable Object filter) {
        if (filter instanceof Document document) {
            filters.add(document);
        }
    }

}
