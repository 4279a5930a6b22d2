package nl.deurwaarder.avg.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the engine know who acts during an authenticated request of the product's own API, so that Camunda's
 * authorizations apply and the user operation log names the user. Cleared after the request.
 */
public class CamundaGebruikerFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  public CamundaGebruikerFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getAuthorities().isEmpty() && auth.getName() == null) {
      chain.doFilter(request, response);
      return;
    }
    identityService.setAuthentication(auth.getName(),
        auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
