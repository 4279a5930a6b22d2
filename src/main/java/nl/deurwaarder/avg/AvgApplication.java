package nl.deurwaarder.avg;

import nl.deurwaarder.avg.gezondheid.DatabaseBereikbaarheid;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The AVG process application: the GDPR procedures of the KBvG PrivacyHandboek on an embedded Camunda 7 engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AvgApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(AvgApplication.class);
    // fail with one readable line, not a wall of stack traces, when the database cannot be reached
    application.addListeners(new DatabaseBereikbaarheid());
    application.run(args);
  }
}
