package org.xiaoche.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The planner's path on the embedded H2GIS database. */
@SpringBootTest
class H2PlanningFlowTest extends PlanningFlowContract {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }
}
