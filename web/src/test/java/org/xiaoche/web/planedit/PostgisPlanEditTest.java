package org.xiaoche.web.planedit;

import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.web.PostgisTestDatabase;
import org.xiaoche.web.WebTestSupport;

/** Editing a plan on PostgreSQL + PostGIS. */
@SpringBootTest
@DisabledIfEnvironmentVariable(named = PostgisTestDatabase.SKIP_VARIABLE, matches = "1")
class PostgisPlanEditTest extends PlanEditApiContract {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
        PostgisTestDatabase.use("xiaoche_plan_edit_test", r);
    }
}
