package nl.deurwaarder.avg.tweefactor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.stereotype.Component;

/**
 * The Camunda webapps' login, made by this app after password and second factor: the same session object
 * ({@link Authentications} under {@code authenticatedUser}) that Camunda's own login resource makes, with the groups,
 * tenants and authorized apps computed by Camunda ({@link AuthenticationUtil#createAuthentication}). The session is
 * replaced by a new one (session fixation), as Camunda does. Tasklist, Cockpit, Admin and the product's archive and
 * beheer pages then all see the user as logged in.
 */
@Component
class WebappSessie {

  static final String SESSIE_ATTRIBUUT = "authenticatedUser";

  private final ProcessEngine engine;

  WebappSessie(ProcessEngine engine) {
    this.engine = engine;
  }

  UserAuthentication meldAan(HttpServletRequest request, String gebruiker) {
    engine.getIdentityService().clearAuthentication();
    UserAuthentication login = AuthenticationUtil.createAuthentication(engine, gebruiker);
    Date cacheValidatie = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
    if (cacheValidatie != null) {
      login.setCacheValidationTime(cacheValidatie);
    }
    AuthenticationUtil.revalidateSession(request, login);
    return login;
  }

  /** The user logged into the webapps in this session, or null. */
  String gebruiker(HttpServletRequest request) {
    HttpSession sessie = request.getSession(false);
    if (sessie == null) {
      return null;
    }
    try {
      if (sessie.getAttribute(SESSIE_ATTRIBUUT) instanceof Authentications a
          && a.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication u) {
        return u.getIdentityId();
      }
    } catch (IllegalStateException verlopen) {
      return null;
    }
    return null;
  }
}
