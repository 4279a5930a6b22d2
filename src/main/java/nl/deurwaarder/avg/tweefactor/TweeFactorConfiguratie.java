package nl.deurwaarder.avg.tweefactor;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/** The login pages, and the filters that close the password-only doors of the Camunda webapps. */
@Configuration(proxyBeanMethods = false)
public class TweeFactorConfiguratie {

  /** {@code /aanmelden/**}: public (it is the login), CSRF-protected forms, no caching. */
  @Bean
  @Order(4)
  SecurityFilterChain aanmeldPaginas(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/aanmelden"),
            PathPatternRequestMatcher.withDefaults().matcher("/aanmelden/**")))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  FilterRegistrationBean<WachtwoordAanmeldingFilter> wachtwoordAanmeldingFilter(Aanmeldbeleid beleid,
      IdentityService identityService) {
    FilterRegistrationBean<WachtwoordAanmeldingFilter> registration =
        new FilterRegistrationBean<>(new WachtwoordAanmeldingFilter(beleid, identityService));
    registration.setName("wachtwoord-aanmelding");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11); // after the function separation check
    return registration;
  }

  @Bean
  @ConditionalOnProperty(name = "avg.tweefactor.verplicht", havingValue = "true")
  FilterRegistrationBean<WebappAanmeldomleiding> webappAanmeldomleiding(WebappSessie webappSessie) {
    FilterRegistrationBean<WebappAanmeldomleiding> registration =
        new FilterRegistrationBean<>(new WebappAanmeldomleiding(webappSessie));
    registration.setName("webapp-aanmeldomleiding");
    registration.addUrlPatterns("/camunda", "/camunda/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
    return registration;
  }
}
