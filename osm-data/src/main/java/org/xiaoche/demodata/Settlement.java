package org.xiaoche.demodata;

/**
 * A place where students live: the county town, a township centre or a village.
 *
 * @param index          position in {@link CountyLayout#settlements()} (0 is the county town)
 * @param township       0 for the county town's own township, 1.. for the others
 * @param grid           street grid of a town or township centre; null for villages
 * @param farBankShowcase a village across the river from the county town: close in a straight line, far by road
 * @param weight         relative number of students
 */
record Settlement(int index, String name, Kind kind, PlanePoint centre, Region region, int township,
                  StreetGridSpec grid, boolean farBankShowcase, double weight) {

    enum Kind { COUNTY_TOWN, TOWNSHIP_CENTRE, VILLAGE }

    Settlement withTownship(int newTownship) {
        return new Settlement(index, name, kind, centre, region, newTownship, grid, farBankShowcase, weight);
    }
}
