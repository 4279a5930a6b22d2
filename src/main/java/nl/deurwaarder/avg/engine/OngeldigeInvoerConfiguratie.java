package nl.deurwaarder.avg.engine;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link OngeldigeInvoerFilter} on the engine REST API and the webapps' engine API, after the security
 * filters (function separation {@code +10}, HTTP Basic of /engine-rest {@code +20}, no code over HTTP {@code +25}).
 * Here rather than in {@code security}, so that security does not depend on the engine package.
 */
@Configuration(proxyBeanMethods = false)
public class OngeldigeInvoerConfiguratie {

  /** Bad task form input refused by a listener: 400 with the Dutch message instead of Camunda's 500. */
  @Bean
  FilterRegistrationBean<OngeldigeInvoerFilter> ongeldigeInvoerFilter() {
    FilterRegistrationBean<OngeldigeInvoerFilter> registration =
        new FilterRegistrationBean<>(new OngeldigeInvoerFilter());
    registration.setName("ongeldige-invoer");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
