package org.xiaoche.benchmarks.cvrplib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads CVRPLIB {@code .vrp} (EUC_2D, depot 1) and {@code .sol} files. */
public final class CvrplibLoader {

    /** Best-known routes (customers numbered 1..n) and cost from a {@code .sol} file. */
    public record BestKnown(List<int[]> routes, long cost) {
    }

    private CvrplibLoader() {
    }

    public static CvrpInstance load(Path vrp) {
        List<String> lines = lines(vrp);
        String name = vrp.getFileName().toString().replace(".vrp", "");
        int dimension = -1;
        int capacity = -1;
        double[] x = null;
        double[] y = null;
        int[] demand = null;
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.equals("EOF")) {
                continue;
            }
            if (line.contains(":")) {
                String key = line.substring(0, line.indexOf(':')).strip();
                String value = line.substring(line.indexOf(':') + 1).strip();
                switch (key) {
                    case "DIMENSION" -> dimension = Integer.parseInt(value);
                    case "CAPACITY" -> capacity = Integer.parseInt(value);
                    case "EDGE_WEIGHT_TYPE" -> {
                        if (!value.equals("EUC_2D")) {
                            throw new IllegalArgumentException(vrp.getFileName() + " line " + (i + 1)
                                    + ": only EUC_2D is supported, found " + value);
                        }
                    }
                    default -> { }
                }
                continue;
            }
            if (line.endsWith("_SECTION")) {
                section = line;
                if (dimension < 0) {
                    throw new IllegalArgumentException(vrp.getFileName() + ": DIMENSION must precede " + line);
                }
                if (x == null) {
                    x = new double[dimension];
                    y = new double[dimension];
                    demand = new int[dimension];
                }
                continue;
            }
            String[] f = line.split("\\s+");
            switch (section) {
                case "NODE_COORD_SECTION" -> {
                    int node = Integer.parseInt(f[0]) - 1;
                    x[node] = Double.parseDouble(f[1]);
                    y[node] = Double.parseDouble(f[2]);
                }
                case "DEMAND_SECTION" -> demand[Integer.parseInt(f[0]) - 1] = Integer.parseInt(f[1]);
                case "DEPOT_SECTION" -> {
                    int depot = Integer.parseInt(f[0]);
                    if (depot != 1 && depot != -1) {
                        throw new IllegalArgumentException(vrp.getFileName() + " line " + (i + 1)
                                + ": only depot node 1 is supported");
                    }
                }
                default -> throw new IllegalArgumentException(vrp.getFileName() + " line " + (i + 1)
                        + ": data outside a section: " + line);
            }
        }
        if (capacity <= 0 || x == null) {
            throw new IllegalArgumentException(vrp.getFileName() + ": CAPACITY or NODE_COORD_SECTION missing");
        }
        return new CvrpInstance(name, capacity, x, y, demand);
    }

    public static BestKnown loadBestKnown(Path sol) {
        List<int[]> routes = new ArrayList<>();
        long cost = -1;
        for (String raw : lines(sol)) {
            String line = raw.strip();
            if (line.startsWith("Route")) {
                String[] f = line.substring(line.indexOf(':') + 1).strip().split("\\s+");
                routes.add(java.util.Arrays.stream(f).mapToInt(Integer::parseInt).toArray());
            } else if (line.startsWith("Cost")) {
                cost = Long.parseLong(line.substring(4).strip());
            }
        }
        if (cost < 0) {
            throw new IllegalArgumentException(sol.getFileName() + ": no Cost line");
        }
        return new BestKnown(routes, cost);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
