package org.xiaoche.demodata;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where everything goes before any road is drawn: the county town on the south bank of the river,
 * bridges and interchanges, township centres and villages. Villages keep apart from each other and
 * from the river and expressway; two villages sit on the far bank opposite the county town
 * (the eligibility showcase: near in a straight line, far by road, since the bridges are ≥ 3 km away).
 */
final class CountyLayout {

    /** Bridges keep this far (along the river) from the county town, so the far bank really is far by road. */
    static final double BRIDGE_DISTANCE_FROM_TOWN_M = 3_000;

    private final CountyPlan plan;
    private final Terrain terrain;
    private final SplittableRandom random;
    private final PlaceNames names;
    private final List<Settlement> settlements = new ArrayList<>();
    private final List<BarrierCrossing> crossings = new ArrayList<>();
    private final List<Interchange> interchanges = new ArrayList<>();

    private CountyLayout(CountyPlan plan, Terrain terrain, SplittableRandom random) {
        this.plan = plan;
        this.terrain = terrain;
        this.random = random;
        this.names = new PlaceNames(random.split());
    }

    static CountyLayout place(CountyPlan plan, Terrain terrain, SplittableRandom random) {
        CountyLayout layout = new CountyLayout(plan, terrain, random);
        layout.placeCountyTown();
        layout.placeRiverBridges();
        layout.placeInterchanges();
        layout.placeOverpasses();
        layout.placeTownshipCentres();
        layout.placeVillages();
        layout.assignTownships();
        return layout;
    }

    /** County town first, then township centres (index = township number), then villages. */
    List<Settlement> settlements() {
        return settlements;
    }

    List<BarrierCrossing> crossings() {
        return crossings;
    }

    List<Interchange> interchanges() {
        return interchanges;
    }

    Settlement countyTown() {
        return settlements.get(0);
    }

    private void placeCountyTown() {
        MeanderLine river = terrain.river();
        int columns = 6, rows = 5;
        double spacing_m = 160;
        double townX_m = terrain.width_m() * (0.42 + 0.16 * random.nextDouble());
        double westX_m = townX_m - (columns - 1) * spacing_m / 2;
        double lowestRiverY_m = Double.POSITIVE_INFINITY;
        for (double x = westX_m - 100; x <= westX_m + (columns - 1) * spacing_m + 100; x += 20) {
            lowestRiverY_m = Math.min(lowestRiverY_m, river.yAt(x));
        }
        // The town's northern street runs ~350 m from the river bank: a river town.
        double northY_m = lowestRiverY_m - 350;
        StreetGridSpec grid = new StreetGridSpec(new PlanePoint(westX_m, northY_m - (rows - 1) * spacing_m), columns, rows, spacing_m);
        settlements.add(new Settlement(0, "城关", Settlement.Kind.COUNTY_TOWN, grid.centre(),
                terrain.regionOf(grid.centre()), 0, grid, false, 0));
    }

    private void placeRiverBridges() {
        double townX_m = countyTown().centre().x_m();
        double spacing_m = 0.5 * terrain.width_m() / plan.riverBridges();
        List<Double> placed = new ArrayList<>();
        for (int attempt = 0; placed.size() < plan.riverBridges() && attempt < 100_000; attempt++) {
            double x = 800 + random.nextDouble() * (terrain.width_m() - 1_600);
            double minSpacing_m = attempt < 20_000 ? spacing_m : spacing_m / 2;
            if (Math.abs(x - townX_m) >= BRIDGE_DISTANCE_FROM_TOWN_M && farFromAll(x, placed, minSpacing_m)) {
                placed.add(x);
            }
        }
        placed.sort(Double::compare);
        for (double x : placed) {
            crossings.add(new BarrierCrossing(BarrierCrossing.Kind.RIVER_BRIDGE, terrain.river().pointAt(x), terrain.river().northNormalAt(x)));
        }
    }

    private void placeInterchanges() {
        double townX_m = countyTown().centre().x_m();
        // The first interchange serves the county town: 1–2 km east or west of it, ramps on the town side.
        double firstX_m = townX_m + (random.nextBoolean() ? 1 : -1) * (1_000 + 1_000 * random.nextDouble());
        interchanges.add(new Interchange(firstX_m, +1));
        List<Double> placed = new ArrayList<>(List.of(firstX_m));
        for (int attempt = 0; placed.size() < plan.interchanges() && attempt < 100_000; attempt++) {
            double x = 1_500 + random.nextDouble() * (terrain.width_m() - 3_000);
            if (farFromAll(x, placed, 8_000)) {
                placed.add(x);
                interchanges.add(new Interchange(x, random.nextBoolean() ? 1 : -1));
            }
        }
    }

    private void placeOverpasses() {
        List<Double> blocked = new ArrayList<>();
        interchanges.forEach(i -> blocked.add(i.x_m()));
        double spacing_m = 0.5 * terrain.width_m() / plan.overpasses();
        List<Double> placed = new ArrayList<>();
        for (int attempt = 0; placed.size() < plan.overpasses() && attempt < 100_000; attempt++) {
            double x = 800 + random.nextDouble() * (terrain.width_m() - 1_600);
            if (farFromAll(x, blocked, 1_500) && farFromAll(x, placed, attempt < 20_000 ? spacing_m : spacing_m / 2)) {
                placed.add(x);
            }
        }
        placed.sort(Double::compare);
        for (double x : placed) {
            crossings.add(new BarrierCrossing(BarrierCrossing.Kind.EXPRESSWAY_OVERPASS,
                    terrain.expressway().pointAt(x), terrain.expressway().northNormalAt(x)));
        }
    }

    private void placeTownshipCentres() {
        int columns = 4, rows = 3;
        double spacing_m = 140;
        double minSpacing_m = 0.6 * Math.sqrt(terrain.width_m() * terrain.height_m() / (plan.townships() + 1));
        int failures = 0;
        while (settlements.size() < plan.townships() + 1) {
            PlanePoint centre = new PlanePoint(1_500 + random.nextDouble() * (terrain.width_m() - 3_000),
                    1_200 + random.nextDouble() * (terrain.height_m() - 2_400));
            StreetGridSpec grid = new StreetGridSpec(centre.plus(-(columns - 1) * spacing_m / 2, -(rows - 1) * spacing_m / 2),
                    columns, rows, spacing_m);
            boolean ok = gridClearOfBarriers(grid, 600) && farFromSettlements(centre, minSpacing_m) && farFromCrossings(centre, 1_200);
            if (ok) {
                int township = settlements.size();
                settlements.add(new Settlement(township, names.nextTownship(), Settlement.Kind.TOWNSHIP_CENTRE,
                        grid.centre(), terrain.regionOf(grid.centre()), township, grid, false, 2.2));
            } else if (++failures % 500 == 0) {
                minSpacing_m *= 0.9;
            }
        }
    }

    private void placeVillages() {
        PlanePoint town = countyTown().centre();
        MeanderLine river = terrain.river();
        // The far-bank showcase: two villages ~700 m north of the river, opposite the county town.
        for (double dx_m : new double[] {-500, 550}) {
            double x = town.x_m() + dx_m;
            PlanePoint centre = new PlanePoint(x, river.yAt(x) + 650 + 150 * random.nextDouble());
            addVillage(centre, true, 0.8);
        }
        double typicalSpacing_m = Math.sqrt(terrain.width_m() * terrain.height_m() / plan.villages());
        double minSpacing_m = 0.55 * typicalSpacing_m;
        int failures = 0;
        while (settlements.size() < plan.townships() + 1 + plan.villages()) {
            PlanePoint centre = new PlanePoint(600 + random.nextDouble() * (terrain.width_m() - 1_200),
                    600 + random.nextDouble() * (terrain.height_m() - 1_200));
            boolean ok = terrain.verticalClearance_m(centre) >= 500
                    && farFromVillages(centre, minSpacing_m)
                    && farFromTowns(centre, 1_800)
                    && farFromCrossings(centre, 700)
                    && farFromInterchanges(centre, 900);
            if (ok) {
                addVillage(centre, false, Math.exp(0.55 * random.nextGaussian()));
            } else if (++failures % 400 == 0) {
                minSpacing_m *= 0.93;
            }
        }
    }

    private void addVillage(PlanePoint centre, boolean showcase, double weight) {
        settlements.add(new Settlement(settlements.size(), names.nextVillage(), Settlement.Kind.VILLAGE, centre,
                terrain.regionOf(centre), -1, null, showcase, weight));
    }

    /** Each village belongs to the township whose centre (or the county town) is nearest in a straight line. */
    private void assignTownships() {
        for (int i = plan.townships() + 1; i < settlements.size(); i++) {
            Settlement village = settlements.get(i);
            int best = 0;
            for (int t = 1; t <= plan.townships(); t++) {
                if (settlements.get(t).centre().distance_m(village.centre()) < settlements.get(best).centre().distance_m(village.centre())) {
                    best = t;
                }
            }
            settlements.set(i, village.withTownship(village.farBankShowcase() ? 0 : best));
        }
    }

    private boolean gridClearOfBarriers(StreetGridSpec grid, double clearance_m) {
        PlanePoint sw = grid.southWest(), ne = grid.northEast();
        Region region = terrain.regionOf(sw);
        for (PlanePoint corner : List.of(sw, ne, new PlanePoint(sw.x_m(), ne.y_m()), new PlanePoint(ne.x_m(), sw.y_m()))) {
            if (terrain.regionOf(corner) != region || terrain.verticalClearance_m(corner) < clearance_m) {
                return false;
            }
        }
        return true;
    }

    private boolean farFromSettlements(PlanePoint p, double distance_m) {
        return settlements.stream().allMatch(s -> s.centre().distance_m(p) >= distance_m);
    }

    private boolean farFromTowns(PlanePoint p, double distance_m) {
        return settlements.stream().filter(s -> s.kind() != Settlement.Kind.VILLAGE).allMatch(s -> s.centre().distance_m(p) >= distance_m);
    }

    private boolean farFromVillages(PlanePoint p, double distance_m) {
        return settlements.stream().filter(s -> s.kind() == Settlement.Kind.VILLAGE).allMatch(s -> s.centre().distance_m(p) >= distance_m);
    }

    private boolean farFromCrossings(PlanePoint p, double distance_m) {
        return crossings.stream().allMatch(c -> c.centre().distance_m(p) >= distance_m);
    }

    private boolean farFromInterchanges(PlanePoint p, double distance_m) {
        return interchanges.stream().allMatch(i -> terrain.expressway().pointAt(i.x_m()).distance_m(p) >= distance_m);
    }

    private static boolean farFromAll(double x, List<Double> others, double distance_m) {
        return others.stream().allMatch(o -> Math.abs(o - x) >= distance_m);
    }
}
