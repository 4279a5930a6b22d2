package nl.deurwaarder.avg.tasklist;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Custom plans for task queries only (PostgreSQL). The task queries behind Tasklist's filters join the user's grants
 * with {@code A.PERMS_ & $5 = $6}; once the JDBC driver has prepared such a statement on the server, PostgreSQL may
 * switch to a <i>generic</i> plan that cannot use the permission statistics of {@link TasklistIndexen} and joins
 * every task with every grant (seconds at 20 000 open tasks). Planning each execution prevents that.
 *
 * <p>This used to be a setting of the application's database user ({@code plan_cache_mode = force_custom_plan}),
 * which made PostgreSQL plan <b>every</b> statement each time: about 100 ms of database CPU per request lifecycle,
 * 40 % of the database's work for the application, spent on inserts and updates that have one plan anyway
 * (docs/performance.md). Now a command interceptor sets it for the transaction of a task query or a filter execution
 * only ({@code SET LOCAL}: it ends with the transaction, so a pooled connection never carries it to other work).
 * {@link TasklistIndexen} removes the old user setting. Switched off together with it
 * ({@code avg.tasklist.indexen=false}).
 */
@Component
@ConditionalOnProperty(name = "avg.tasklist.indexen", havingValue = "true", matchIfMissing = true)
public class TaakqueryPlannen extends AbstractProcessEnginePlugin {

  static final String OPDRACHT = "SET LOCAL plan_cache_mode = force_custom_plan";
  private static final Logger LOG = LoggerFactory.getLogger(TaakqueryPlannen.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> na = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      na.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    na.add(new Interceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(na);
  }

  /** A task query (list, page, count) or the execution of a saved filter, as Tasklist runs them. */
  static boolean isTaakquery(Command<?> command) {
    return command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd;
  }

  static final class Interceptor extends CommandInterceptor {

    /** null: not yet known; plan_cache_mode exists from PostgreSQL 12. */
    private volatile Boolean postgres12;

    @Override
    public <T> T execute(Command<T> command) {
      if (isTaakquery(command) && "postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
        Connection verbinding = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        try {
          if (postgres12 == null) {
            postgres12 = verbinding.getMetaData().getDatabaseMajorVersion() >= 12;
          }
          if (postgres12 && !verbinding.getAutoCommit()) {
            try (Statement s = verbinding.createStatement()) {
              s.execute(OPDRACHT);
            }
          }
        } catch (SQLException e) {
          LOG.debug("Planinstelling voor de taakquery niet gezet", e);
        }
      }
      return next.execute(command);
    }
  }
}
