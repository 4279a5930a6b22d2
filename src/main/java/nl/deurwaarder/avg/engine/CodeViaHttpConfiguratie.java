package nl.deurwaarder.avg.engine;

import nl.deurwaarder.avg.security.ProductieControle.OnveiligeInstellingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Production ({@code avg.engine-rest.deployen-toegestaan=false}): {@link CodeViaHttpWeigering} on the engine REST API
 * and the webapps' engine API. On the embedded default a process owner may still deploy from Camunda Modeler to try
 * a change.
 */
@Configuration(proxyBeanMethods = false)
public class CodeViaHttpConfiguratie {

  /** Production (no demo users) never allows it: an environment variable cannot switch the refusal off. */
  public CodeViaHttpConfiguratie(@Value("${avg.engine-rest.deployen-toegestaan:true}") boolean toegestaan,
      @Value("${avg.demo-gebruikers:false}") boolean demoGebruikers) {
    if (toegestaan && !demoGebruikers) {
      throw new OnveiligeInstellingException("deployen via HTTP kan in productie niet aan: verwijder "
          + "AVG_ENGINE_REST_DEPLOYEN_TOEGESTAAN=true");
    }
  }

  @Bean
  @ConditionalOnProperty(name = "avg.engine-rest.deployen-toegestaan", havingValue = "false")
  FilterRegistrationBean<CodeViaHttpWeigering> codeViaHttpWeigering() {
    FilterRegistrationBean<CodeViaHttpWeigering> registration = new FilterRegistrationBean<>(new CodeViaHttpWeigering());
    registration.setName("code-via-http-weigering");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // after Camunda's HTTP Basic check of /engine-rest (HIGHEST_PRECEDENCE + 20): anonymous callers still get 401
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return registration;
  }
}
