package org.xiaoche.web.scenario;

import org.xiaoche.routing.roster.GradeBands;
import org.xiaoche.routing.scenario.ComparedPlan;
import org.xiaoche.routing.scenario.StudentJourneys;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Door-to-school journey times per grade band, baseline against scenario, as counts in bins of
 * {@link #BIN_MINUTES} minutes; the last bin holds every journey of {@link #LAST_BIN_FROM_MINUTES}
 * minutes or more. Counts only, from the engine's one journey definition ({@link StudentJourneys}).
 *
 * @param bands per grade band ({@link GradeBands}), in band order
 */
public record JourneyHistograms(int binMinutes, int lastBinFromMinutes, Map<String, Band> bands) {

    public static final int BIN_MINUTES = 5;
    public static final int LAST_BIN_FROM_MINUTES = 60;

    /** One band's counts per bin, baseline and scenario. */
    public record Band(List<Integer> baseline, List<Integer> scenario) {
    }

    public static JourneyHistograms of(ComparedPlan baseline, ComparedPlan scenario) {
        Map<String, int[]> before = counts(baseline), after = counts(scenario);
        // Band order, not text order: "10-12" after "7-9".
        Map<String, Band> bands = new TreeMap<>(GradeBands.ORDER);
        for (String band : union(before, after)) {
            bands.put(band, new Band(list(before.get(band)), list(after.get(band))));
        }
        return new JourneyHistograms(BIN_MINUTES, LAST_BIN_FROM_MINUTES, bands);
    }

    /** The bin of a journey of {@code journey_s} seconds. */
    static int bin(double journey_s) {
        int bins = LAST_BIN_FROM_MINUTES / BIN_MINUTES + 1;
        return Math.min(bins - 1, (int) Math.floor(journey_s / 60 / BIN_MINUTES));
    }

    private static Map<String, int[]> counts(ComparedPlan plan) {
        Map<String, int[]> out = new TreeMap<>();
        for (StudentJourneys.Journey j : StudentJourneys.of(plan).byStudent().values()) {
            out.computeIfAbsent(GradeBands.of(j.grade()), k -> new int[LAST_BIN_FROM_MINUTES / BIN_MINUTES + 1])
                    [bin(j.journey_s())]++;
        }
        return out;
    }

    private static java.util.Set<String> union(Map<String, int[]> a, Map<String, int[]> b) {
        java.util.Set<String> keys = new java.util.TreeSet<>(GradeBands.ORDER);
        keys.addAll(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static List<Integer> list(int[] counts) {
        int[] c = counts == null ? new int[LAST_BIN_FROM_MINUTES / BIN_MINUTES + 1] : counts;
        return java.util.Arrays.stream(c).boxed().toList();
    }
}
