package org.xiaoche.web.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description's title and summary (springdoc would call it "OpenAPI definition", version "v0"). */
@Configuration
public class OpenApiDescription {

    @Bean
    OpenAPI xiaocheOpenApi() {
        return new OpenAPI().info(new Info().title("Xiaoche 校车 school-bus planning API").version("1")
                .description("Regions (OSM road networks), rosters of schools and students, eligibility runs, plans with"
                        + " their stops, runs and timetables, and background jobs. What a response carries depends on the"
                        + " caller's role: operators get no student counts, only planners get students and homes."));
    }
}
