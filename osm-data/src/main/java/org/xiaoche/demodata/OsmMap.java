package org.xiaoche.demodata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * The OSM objects being generated: nodes (positive ids from 1, in creation order, positions on the
 * county plane) and ways (ids from 1, in creation order). Tags keep the order they were given in,
 * so the written file depends on nothing but the generation steps.
 */
final class OsmMap {

    record Tag(String key, String value) {
    }

    record Way(long id, long[] nodeIds, List<Tag> tags) {
        String tag(String key) {
            return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
        }
    }

    private double[] xy = new double[2 * 4096];
    private int nodeCount;
    private final TreeMap<Long, List<Tag>> nodeTags = new TreeMap<>();
    private final List<Way> ways = new ArrayList<>();

    long addNode(PlanePoint p) {
        if (2 * nodeCount + 2 > xy.length) {
            xy = Arrays.copyOf(xy, xy.length * 2);
        }
        xy[2 * nodeCount] = p.x_m();
        xy[2 * nodeCount + 1] = p.y_m();
        return ++nodeCount;
    }

    void tagNode(long id, List<Tag> tags) {
        nodeTags.computeIfAbsent(id, k -> new ArrayList<>()).addAll(tags);
    }

    long addWay(long[] nodeIds, List<Tag> tags) {
        long id = ways.size() + 1;
        ways.add(new Way(id, nodeIds.clone(), new ArrayList<>(tags)));
        return id;
    }

    PlanePoint node(long id) {
        int i = (int) (id - 1);
        return new PlanePoint(xy[2 * i], xy[2 * i + 1]);
    }

    int nodeCount() {
        return nodeCount;
    }

    List<Tag> nodeTags(long id) {
        return nodeTags.getOrDefault(id, List.of());
    }

    List<Way> ways() {
        return Collections.unmodifiableList(ways);
    }

    /** Tags from alternating keys and values; null values are left out. */
    static List<Tag> tags(String... keysAndValues) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                tags.add(new Tag(keysAndValues[i], keysAndValues[i + 1]));
            }
        }
        return tags;
    }
}
