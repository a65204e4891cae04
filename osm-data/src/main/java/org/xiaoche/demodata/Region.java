package org.xiaoche.demodata;

/**
 * The three strips the river and the expressway cut the county into. Local roads stay inside one
 * region and reach the others only over bridges, which is what makes the river a real barrier.
 */
enum Region { NORTH_OF_RIVER, BETWEEN_RIVER_AND_EXPRESSWAY, SOUTH_OF_EXPRESSWAY }
