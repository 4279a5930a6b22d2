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
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for the product's own pages and API, against the same users and groups as Tasklist (Camunda's identity
 * service). Each Camunda group becomes an authority with the group id as its name.
 */
@Component
public class CamundaAuthenticatieProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final Functiescheiding functiescheiding;

  public CamundaAuthenticatieProvider(IdentityService identityService, Functiescheiding functiescheiding) {
    this.identityService = identityService;
    this.functiescheiding = functiescheiding;
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
    if (Functiescheiding.geschonden(groepen)) {
      throw new DisabledException(Functiescheiding.MELDING);
    }
    List<SimpleGrantedAuthority> authorities = groepen.stream().sorted().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
