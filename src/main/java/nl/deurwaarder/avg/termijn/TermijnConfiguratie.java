package nl.deurwaarder.avg.termijn;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the office settings ({@code avg.kantoor.*}) used by {@link Termijnberekening}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Kantoorsluitingsdagen.class)
public class TermijnConfiguratie {
}
