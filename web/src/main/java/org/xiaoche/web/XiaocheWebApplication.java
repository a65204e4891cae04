package org.xiaoche.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Xiaoche web service: regions, datasets, eligibility runs and jobs behind a login, with a browser map. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class XiaocheWebApplication {

    public static void main(String[] args) {
        SpringApplication.run(XiaocheWebApplication.class, args);
    }
}
