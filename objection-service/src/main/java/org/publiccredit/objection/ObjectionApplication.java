package org.publiccredit.objection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Objection service entry point. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ObjectionApplication {

    public static void main(String[] args) {
        SpringApplication.run(ObjectionApplication.class, args);
    }
}
