package nl.deurwaarder.avg;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The app with its production security settings ({@code productie} profile: two factors required, HTTP Basic for
 * technical accounts only, no deployment over HTTP, no demo users) on the test's in-memory H2 instead of PostgreSQL.
 * The mail server is never reached in these tests.
 *
 * <p>Integration tests only ({@code *IT}, each in its own JVM): Camunda keeps its engines in a JVM-wide registry by
 * name, so a second Spring context in the surefire JVM would replace the suite's engine "default" and the webapps and
 * {@code /engine-rest} of {@link AvgSpringTest} would then talk to this one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.id=beheerder",
    "camunda.bpm.admin-user.password=" + AvgProductieTest.BEHEERDER_WACHTWOORD,
    "spring.mail.host=localhost",
    "spring.mail.port=1",
    "avg.tweefactor.sleutel=ll3w+lAJPJnrdybYYUd6+BJAKApzrEn1owwQNjQsKO4=",
    "AVG_HTTPS=false"})
@ActiveProfiles({"productie", "test"})
public @interface AvgProductieTest {
  String BEHEERDER_WACHTWOORD = "Beheer-Wachtwoord-2026!";
}
