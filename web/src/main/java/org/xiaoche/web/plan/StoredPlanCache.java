package org.xiaoche.web.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.export.PlanLayers;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What the map and the timetables read of a stored plan, read from the database once per process and
 * kept (bounded). A stored plan never changes: an edit is stored as a new plan, and a deleted plan is
 * refused by its existence check ({@link PlanScopes#of}) before anything is read from here, so an
 * entry is never stale; each instance on a shared database keeps its own.
 */
@Component
public class StoredPlanCache {

    /** A map layer as one audience and set of buses gets it. */
    private record LayerKey(long planId, String layer, PlanAudience audience, Set<String> buses) {
    }

    private final PlanRepository plans;
    private final Cache<Long, List<PlanRepository.RunRow>> runs = Caffeine.newBuilder().maximumSize(16).build();
    private final Cache<Long, List<PlanRepository.StopRow>> stops = Caffeine.newBuilder().maximumSize(16).build();
    private final Cache<Long, List<PlanLayers.StopCall>> stopCalls = Caffeine.newBuilder().maximumSize(16).build();
    // Plan values hold every journey: few of them.
    private final Cache<Long, Optional<org.xiaoche.routing.plan.Plan>> values = Caffeine.newBuilder().maximumSize(4).build();
    private final Cache<LayerKey, byte[]> layers = Caffeine.newBuilder()
            .maximumWeight(64L << 20).weigher((LayerKey k, byte[] v) -> v.length).build();

    public StoredPlanCache(PlanRepository plans) {
        this.plans = plans;
    }

    /** {@link PlanRepository#runs}, road lines included. */
    public List<PlanRepository.RunRow> runs(long planId) {
        return runs.get(planId, plans::runs);
    }

    public List<PlanRepository.StopRow> stops(long planId) {
        return stops.get(planId, plans::stops);
    }

    public List<PlanLayers.StopCall> stopCalls(long planId) {
        return stopCalls.get(planId, plans::stopCalls);
    }

    public Optional<org.xiaoche.routing.plan.Plan> planValue(long planId) {
        return values.get(planId, plans::findPlanValue);
    }

    /** The bytes of map layer {@code layer} as {@code scope} sees it, written by {@code write} the first time. */
    public byte[] layer(PlanScope scope, String layer, Supplier<byte[]> write) {
        LayerKey key = new LayerKey(scope.plan().id(), layer, scope.audience(),
                scope.all() ? null : new TreeSet<>(scope.buses()));
        return layers.get(key, k -> write.get());
    }

    /** Forgets plan {@code planId} (after deleting it). */
    public void evict(long planId) {
        runs.invalidate(planId);
        stops.invalidate(planId);
        stopCalls.invalidate(planId);
        values.invalidate(planId);
        layers.asMap().keySet().removeIf(k -> k.planId() == planId);
    }
}
