package org.xiaoche.routing.export.edition;

import org.xiaoche.routing.timetable.Bus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which operator runs which bus. Buses without an entry are run by {@code fallback}.
 *
 * @param byBus operator per bus id
 */
public record OperatorAssignment(Map<String, Operator> byBus, Operator fallback) {

    public OperatorAssignment {
        byBus = Map.copyOf(new TreeMap<>(byBus));
        if (fallback == null) {
            throw new IllegalArgumentException("an operator assignment needs a fallback operator");
        }
        Map<String, Operator> byId = new TreeMap<>();
        for (Operator o : byBus.values()) {
            Operator seen = byId.putIfAbsent(o.id(), o);
            if (seen != null && !seen.equals(o)) {
                throw new IllegalArgumentException("operator id '" + o.id() + "' is given twice with different details");
            }
        }
    }

    /** Every bus run by one operator. */
    public static OperatorAssignment single(Operator operator) {
        return new OperatorAssignment(Map.of(), operator);
    }

    public Operator operatorOf(String busId) {
        return byBus.getOrDefault(busId, fallback);
    }

    /** The operators of {@code buses}, each once, in bus order. */
    public List<Operator> operatorsOf(List<Bus> buses) {
        Map<String, Operator> seen = new LinkedHashMap<>();
        buses.forEach(b -> seen.putIfAbsent(operatorOf(b.busId()).id(), operatorOf(b.busId())));
        return new ArrayList<>(seen.values());
    }
}
