package nl.deurwaarder.avg.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may reach what over HTTP.
 * <ul>
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): Camunda's own login, sessions, CSRF and authorizations.</li>
 *   <li>{@code /engine-rest/**}: HTTP Basic through Camunda's {@link ProcessEngineAuthenticationFilter}; anonymous
 *       calls get 401; authorizations apply.</li>
 *   <li>{@code /api/**}: HTTP Basic against the same users; answers in problem details; stateless.</li>
 *   <li>public: the website form {@code /verzoek}, the portal {@code /ophalen/**} (CSRF on, a token and an access
 *       code per package), their static assets and the health endpoint.</li>
 *   <li>everything else: a logged-in user (HTTP Basic), admin-only for the other actuator endpoints.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class BeveiligingsConfiguratie {

  /** Registers are readable by privacycoordinator, fg and directie only (spec/domain.md). */
  public static final String[] REGISTERLEZERS = {
      Rol.PRIVACYCOORDINATOR.groepId(), Rol.FG.groepId(), Rol.DIRECTIE.groepId()};
  public static final String[] MEDEWERKERS = java.util.Arrays.stream(Rol.medewerkersrollen())
      .map(Rol::groepId).toArray(String[]::new);

  public static final String[] PUBLIEK = {
      "/verzoek", "/verzoek/**", "/ophalen/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
      "/actuator/health", "/actuator/health/**"};

  /** A plain path matcher: /camunda and /engine-rest are served by their own servlets, not by Spring MVC. */
  static RequestMatcher pad(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  @Bean
  AuthenticationManager authenticationManager(CamundaAuthenticatieProvider provider) {
    return new ProviderManager(provider);
  }

  @Bean
  @Order(1)
  SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(pad("/camunda/**"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)   // the webapps have their own login, session and CSRF filter
        .headers(AbstractHttpConfigurer::disable) // ... and set their own security headers
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .build();
  }

  /**
   * /engine-rest: Camunda's own filter authenticates and applies authorizations, but lets {@code GET /engine}
   * through without credentials; this chain makes every path of the REST API require a valid user.
   */
  @Bean
  @Order(2)
  SecurityFilterChain engineRest(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
    return http
        .securityMatcher(pad("/engine-rest/**"))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.realmName("AVG").authenticationEntryPoint(BeveiligingsConfiguratie::nietAangemeld))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  static void nietAangemeld(HttpServletRequest req, HttpServletResponse res, AuthenticationException ex)
      throws IOException {
    res.setHeader("WWW-Authenticate", "Basic realm=\"AVG\", charset=\"UTF-8\"");
    Probleem.schrijf(res, HttpStatus.UNAUTHORIZED, "Niet aangemeld",
        "Meld u aan met gebruikersnaam en wachtwoord (HTTP Basic).");
  }

  @Bean
  @Order(3)
  SecurityFilterChain productApi(HttpSecurity http, AuthenticationManager authenticationManager,
      IdentityService identityService) throws Exception {
    return http
        .securityMatcher(pad("/api/**"))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(a -> a
            // Register AVG-verzoeken: registering is the coordinator's; reading for coordinator, FG and directie
            .requestMatchers(HttpMethod.POST, "/api/verzoeken").hasAuthority(Rol.PRIVACYCOORDINATOR.groepId())
            .requestMatchers(HttpMethod.POST, "/api/verzoeken/*/stukken")
                .hasAuthority(Rol.PRIVACYCOORDINATOR.groepId())
            .requestMatchers("/api/verzoeken", "/api/verzoeken/**").hasAnyAuthority(REGISTERLEZERS)
            // Register datalekken: every staff member reports; reading for coordinator, FG and directie
            .requestMatchers(HttpMethod.POST, "/api/datalekken").hasAnyAuthority(MEDEWERKERS)
            .requestMatchers("/api/datalekken", "/api/datalekken/**").hasAnyAuthority(REGISTERLEZERS)
            .requestMatchers("/api/verwerkingsregister", "/api/verwerkingsregister/**")
                .hasAnyAuthority(REGISTERLEZERS)
            // register of processors (PH-ORG-05): read like the other registers; changed on /beheer/verwerkers
            .requestMatchers("/api/verwerkers", "/api/verwerkers/**").hasAnyAuthority(REGISTERLEZERS)
            .anyRequest().authenticated())
        .httpBasic(b -> b.realmName("AVG").authenticationEntryPoint(BeveiligingsConfiguratie::nietAangemeld))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
            Probleem.schrijf(res, HttpStatus.FORBIDDEN, "Geen toegang",
                "Uw rol geeft geen toegang tot deze gegevens of handeling.")))
        .csrf(AbstractHttpConfigurer::disable)   // stateless HTTP Basic: no session cookie to forge
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new CamundaGebruikerFilter(identityService), BasicAuthenticationFilter.class)
        .build();
  }

  /**
   * /archief/**, /beheer/** and /overzicht: the archive pages of a request or breach, and the page for letters in doubt (ICT and
   * administrators only). A user logged into Tasklist is recognised from the webapp session
   * ({@link CamundaSessieAuthenticatie}); programs use HTTP Basic. CSRF stays on (session token).
   * Which reference a user may read or add to is decided per request by {@code archief.ArchiefToegang}.
   */
  @Bean
  @Order(4)
  SecurityFilterChain archiefPaginas(HttpSecurity http, AuthenticationManager authenticationManager,
      IdentityService identityService, org.camunda.bpm.engine.ProcessEngine processEngine,
      Functiescheiding functiescheiding) throws Exception {
    return http
        .securityMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(
            pad("/archief/**"), pad("/beheer/**"), pad("/overzicht")))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(a -> a
            // resetting a colleague's second factor: administrators only
            .requestMatchers(pad("/beheer/tweefactor"), pad("/beheer/tweefactor/**"))
                .access(medewerker(AuthorityAuthorizationManager.hasAuthority(Rol.BEHEERDER.groepId())))
            // register of processors: read by the register readers, changed by coordinator and FG (page checks)
            .requestMatchers(pad("/beheer/verwerkers"), pad("/beheer/verwerkers/**"))
                .access(medewerker(AuthorityAuthorizationManager.hasAnyAuthority(REGISTERLEZERS)))
            // letters in doubt: decided by the people who can read the mail server's log
            .requestMatchers(pad("/beheer/**")).access(medewerker(AuthorityAuthorizationManager.hasAnyAuthority(
                Rol.ICT.groepId(), Rol.BEHEERDER.groepId())))
            // the overview page for the FG, the directie and the coordinator (overzicht.Onderdeel decides the parts)
            .requestMatchers(pad("/overzicht")).access(medewerker(
                AuthorityAuthorizationManager.hasAnyAuthority(REGISTERLEZERS)))
            .anyRequest().access(medewerker(AuthenticatedAuthorizationManager.authenticated())))
        .addFilterBefore(new CamundaSessieAuthenticatie(identityService, processEngine.getName(), functiescheiding),
            BasicAuthenticationFilter.class)
        .httpBasic(b -> b.realmName("AVG").authenticationEntryPoint(CamundaSessieAuthenticatie::nietAangemeld))
        .exceptionHandling(e -> e.authenticationEntryPoint(CamundaSessieAuthenticatie::nietAangemeld)
            .accessDeniedHandler(CamundaSessieAuthenticatie::geenToegang))
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  /** Staff pages: the rule, and never a technical account (group apikoppeling) that comes with HTTP Basic. */
  private static AuthorizationManager<RequestAuthorizationContext> medewerker(
      AuthorizationManager<RequestAuthorizationContext> regel) {
    return AuthorizationManagers.allOf(regel,
        AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(Rol.API_KOPPELING.groepId())));
  }

  @Bean
  @Order(5)
  SecurityFilterChain overige(HttpSecurity http, AuthenticationManager authenticationManager,
      IdentityService identityService, org.camunda.bpm.engine.ProcessEngine processEngine,
      Functiescheiding functiescheiding) throws Exception {
    return http
        .authenticationManager(authenticationManager)
        // e.g. the printable verwerkingsregister: staff logged in with two factors come with their webapp session
        .addFilterBefore(new CamundaSessieAuthenticatie(identityService, processEngine.getName(), functiescheiding),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/").permitAll()
            .requestMatchers(PUBLIEK).permitAll()
            .requestMatchers("/actuator/**").hasAuthority(Rol.BEHEERDER.groepId())
            .anyRequest().authenticated())
        .httpBasic(b -> b.realmName("AVG"))
        .build();
  }

  /** /engine-rest: HTTP Basic with Camunda's own filter, so that the engine knows the user and its groups. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticatie() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<FunctiescheidingFilter> functiescheidingFilter(Functiescheiding functiescheiding) {
    FilterRegistrationBean<FunctiescheidingFilter> registration =
        new FilterRegistrationBean<>(new FunctiescheidingFilter(functiescheiding));
    registration.setName("functiescheiding");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

}
