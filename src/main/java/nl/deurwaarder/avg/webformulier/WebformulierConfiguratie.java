package nl.deurwaarder.avg.webformulier;

import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.ITemplateEngine;

/** Registers {@link FormulierOntvangst} for the website form, before Spring Security reads the request. */
@Configuration(proxyBeanMethods = false)
public class WebformulierConfiguratie {

  @Bean
  FilterRegistrationBean<FormulierOntvangst> formulierOntvangst(Inzendingslimiet limiet,
      WebformulierInstellingen instellingen, ITemplateEngine templates, KantoorProfiel kantoor) {
    FilterRegistrationBean<FormulierOntvangst> registration =
        new FilterRegistrationBean<>(new FormulierOntvangst(limiet, instellingen, templates, kantoor));
    registration.setName("webformulierOntvangst");
    registration.addUrlPatterns(FormulierOntvangst.PAD, FormulierOntvangst.PAD + "/");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }
}
