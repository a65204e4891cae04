package org.xiaoche.web.planedit;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.web.WebTestSupport;

/** Editing a plan on the embedded H2GIS database. */
@SpringBootTest
class H2PlanEditTest extends PlanEditApiContract {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }
}
