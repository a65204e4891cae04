package org.xiaoche.demodata;

/** A rectangular street grid of {@code columns × rows} junctions, {@code spacing_m} apart, from its south-west corner. */
record StreetGridSpec(PlanePoint southWest, int columns, int rows, double spacing_m) {

    PlanePoint junction(int column, int row) {
        return southWest.plus(column * spacing_m, row * spacing_m);
    }

    PlanePoint centre() {
        return southWest.plus((columns - 1) * spacing_m / 2, (rows - 1) * spacing_m / 2);
    }

    PlanePoint northEast() {
        return junction(columns - 1, rows - 1);
    }
}
