package org.xiaoche.demodata;

/**
 * What one generation produced: counts and the WGS-84 bounding box of the road network.
 *
 * @param villages  villages (村), not counting the county town and township centres
 * @param townships townships besides the county town
 */
public record DemoCountySummary(long seed, int students, int schools, int villages, int townships,
                                int osmNodes, int osmWays, double minLon, double minLat, double maxLon, double maxLat) {
}
