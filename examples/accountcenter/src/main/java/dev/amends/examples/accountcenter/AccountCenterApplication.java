package dev.amends.examples.accountcenter;

import dev.amends.ledger.CreditLedger;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * AccountCenter's credit backend: on "incident closed" it decides the credits of the outage and
 * records them in the issued-credit ledger exactly once; the billing page reads them back.
 *
 * <ul>
 *   <li>{@code POST /incidents/closed}: outage records (NDJSON, or JSON: one object or an array);
 *       see {@link IncidentController}.
 *   <li>{@code GET /accounts/{id}/credits?period=2007-12}: the account's credit lines and their
 *       explanations; see {@link CreditsController}.
 * </ul>
 *
 * <p>The database is Spring's {@code spring.datasource.*} (PostgreSQL, or an SQLite file); the
 * policy, campaigns and accounts are files named by {@code accountcenter.*} (see {@link
 * AccountCenterProperties}).
 */
@SpringBootApplication
@EnableConfigurationProperties(AccountCenterProperties.class)
public class AccountCenterApplication {
  /** Creates the application; Spring calls it. */
  public AccountCenterApplication() {}

  /**
   * The ledger, in the application's database (its pool): created or migrated at start.
   *
   * @param dataSource the pooled data source Spring Boot configures
   * @return the ledger
   */
  @Bean
  public CreditLedger creditLedger(DataSource dataSource) {
    return new CreditLedger(dataSource);
  }

  /**
   * Starts the service.
   *
   * @param args Spring Boot's arguments, such as {@code --server.port=8080}
   */
  public static void main(String[] args) {
    SpringApplication.run(AccountCenterApplication.class, args);
  }
}
