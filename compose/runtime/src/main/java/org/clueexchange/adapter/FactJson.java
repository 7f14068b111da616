package org.clueexchange.adapter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.wire.ClueEvents;

/**
 * A fact as plain JSON for agency systems: its type, then its fields by name, enums by symbol, times as ISO-8601
 * instants, optional fields left out when absent. The same shape in the feed, the webhook and the histories.
 */
public final class FactJson {

    private FactJson() {
    }

    public static Map<String, Object> of(SpecificRecord event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", ClueEvents.typeOf(event));
        json.putAll(fields(event));
        return json;
    }

    private static Map<String, Object> fields(SpecificRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = value(record.get(field.pos()));
            if (value != null) {
                json.put(field.name(), value);
            }
        }
        return json;
    }

    private static Object value(Object value) {
        if (value instanceof SpecificRecord nested) {
            return fields(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(value(item)));
            return items;
        }
        if (value instanceof Enum<?> symbol) {
            return symbol.name();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value;
    }
}
