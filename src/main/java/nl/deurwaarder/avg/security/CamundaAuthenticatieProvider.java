package nl.deurwaarder.avg.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for the product's own pages and API, against the same users and groups as Tasklist (Camunda's identity
 * service). Each Camunda group becomes an authority with the group id as its name.
 *
 * <p>With two factors required ({@code avg.tweefactor.verplicht}, production) HTTP Basic is for integrations only:
 * an account outside the group {@code apikoppeling} is refused here (staff log in with password and code on
 * {@code /aanmelden}). On the embedded default every user keeps HTTP Basic, as spec/api.md says.
 */
@Component
public class CamundaAuthenticatieProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final Functiescheiding functiescheiding;
  private final boolean alleenKoppelingen;

  public CamundaAuthenticatieProvider(IdentityService identityService, Functiescheiding functiescheiding,
      @Value("${avg.tweefactor.verplicht:false}") boolean tweeFactorenVerplicht) {
    this.identityService = identityService;
    this.functiescheiding = functiescheiding;
    this.alleenKoppelingen = tweeFactorenVerplicht;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null
        || !identityService.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord");
    }
    Set<String> groepen = functiescheiding.groepenVan(user);
    if (functiescheiding.geschonden(groepen)) {
      throw new DisabledException(Functiescheiding.MELDING);
    }
    if (alleenKoppelingen && !groepen.contains(Rol.API_KOPPELING.groepId())) {
      // same answer as a wrong password: HTTP Basic does not tell which staff accounts exist
      throw new BadCredentialsException("HTTP Basic is alleen voor technische accounts (apikoppeling)");
    }
    List<SimpleGrantedAuthority> authorities = groepen.stream().sorted().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
