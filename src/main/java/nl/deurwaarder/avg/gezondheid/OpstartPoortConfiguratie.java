package nl.deurwaarder.avg.gezondheid;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link OpstartPoort} in front of every other filter, Spring Security and Camunda's included. */
@Configuration(proxyBeanMethods = false)
public class OpstartPoortConfiguratie {

  @Bean
  FilterRegistrationBean<OpstartPoort> opstartPoort(ApplicationAvailability beschikbaarheid) {
    FilterRegistrationBean<OpstartPoort> registration = new FilterRegistrationBean<>(new OpstartPoort(beschikbaarheid));
    registration.setName("opstartPoort");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
