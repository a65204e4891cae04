package org.xiaoche.routing.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Which schools a layout closes, each into one receiving school; keyed and ordered by closed school id. */
public record LayoutChoice(SortedMap<String, String> closures) {

    public LayoutChoice {
        closures = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(closures));
    }

    public static LayoutChoice of(Collection<ClosureOption> options) {
        SortedMap<String, String> map = new TreeMap<>();
        for (ClosureOption o : options) {
            if (map.put(o.schoolId(), o.receivingSchoolId()) != null) {
                throw new IllegalArgumentException("school " + o.schoolId() + " is closed twice");
            }
        }
        return new LayoutChoice(map);
    }

    public static LayoutChoice none() {
        return new LayoutChoice(new TreeMap<>());
    }

    public List<ClosureOption> options() {
        return closures.entrySet().stream().map(e -> new ClosureOption(e.getKey(), e.getValue())).toList();
    }

    /** A stable text form, e.g. {@code S004>S001,S006>S003}; empty for no closure. */
    public String key() {
        return closures.entrySet().stream().map(e -> e.getKey() + ">" + e.getValue()).collect(Collectors.joining(","));
    }

    public LayoutChoice with(ClosureOption option) {
        SortedMap<String, String> map = new TreeMap<>(closures);
        map.put(option.schoolId(), option.receivingSchoolId());
        return new LayoutChoice(map);
    }

    public LayoutChoice without(String schoolId) {
        SortedMap<String, String> map = new TreeMap<>(closures);
        map.remove(schoolId);
        return new LayoutChoice(map);
    }

    /** The scenario closing these schools. */
    public Scenario scenario(String name, String baselineFingerprint) {
        return new Scenario(name, baselineFingerprint, closures.entrySet().stream()
                .map((Map.Entry<String, String> e) -> new Scenario.Closure(e.getKey(), e.getValue())).toList(),
                List.of(), null, null);
    }
}
