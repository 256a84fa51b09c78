package dev.amends.examples.accountcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * AccountCenter without the goodwill campaign, on SQLite: the seed incident gives the SLA's four
 * lines only; then the provider corrects the maintenance record and the post of the correction
 * records only the differences. In order: the correction builds on the first post.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlaOnlyAccountCenterTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private ConfigurableApplicationContext app;
  private URI base;

  @BeforeAll
  void start() throws IOException {
    Path dir = Files.createTempDirectory("accountcenter-sla");
    app = new SpringApplicationBuilder(AccountCenterApplication.class).run(
        "--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN", "--accountcenter.campaigns=",
        "--spring.datasource.url=jdbc:sqlite:" + dir.resolve("ledger.db"));
    base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private JsonNode post(String ndjson) throws IOException, InterruptedException {
    return AccountCenterContract.ok(http.send(HttpRequest.newBuilder(base.resolve("/incidents/closed"))
        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(),
        HttpResponse.BodyHandlers.ofString()));
  }

  private JsonNode credits(String account) throws IOException, InterruptedException {
    return AccountCenterContract.ok(http.send(HttpRequest.newBuilder(
        base.resolve("/accounts/" + account + "/credits?period=2007-12")).GET().build(),
        HttpResponse.BodyHandlers.ofString()));
  }

  private void assertTotals(String... accountAndTotals) throws IOException, InterruptedException {
    for (int i = 0; i < accountAndTotals.length; i += 2) {
      assertThat(credits(accountAndTotals[i]).get("totals").toString()).as(accountAndTotals[i])
          .isEqualTo(accountAndTotals[i + 1]);
    }
  }

  @Test
  @Order(1)
  void withoutTheCampaignTheIncidentGivesTheSlaCreditsOnly() throws Exception {
    JsonNode closed = post(Files.readString(AccountCenterContract.GRID_2007.resolve("outages.ndjson")));
    assertThat(closed.get("lines").asLong()).isEqualTo(4);
    assertThat(closed.get("recorded").asLong()).isEqualTo(4);
    // 10 % of acme's USD 20.00 = 2.00, of borealis' 600.00 / 12 = 50.00 -> 5.00, of cobalt's 45.00 = 4.50
    // (USD 11.50 in all), of elbe's EUR 30.00 = 3.00; delta and fjord nothing
    assertTotals("acme", "{\"USD\":\"2.00\"}", "borealis", "{\"USD\":\"5.00\"}", "cobalt", "{\"USD\":\"4.50\"}",
        "delta", "{}", "elbe", "{\"EUR\":\"3.00\"}", "fjord", "{}");
  }

  @Test
  @Order(2)
  void aCorrectedOutageRecordsOnlyTheTopUps() throws Exception {
    // the maintenance really ended at 20:00 UTC, not 18:00: 11:00-20:00 = 540 min counted;
    // 44,100 / 44,640 = 98.7903 %, the [95, 99) tier: 25 % of the fee
    String corrected = Files.readString(AccountCenterContract.GRID_2007.resolve("outages.ndjson")).lines()
        .filter(l -> l.contains("MAINT-2007-12-01")).findFirst().orElseThrow()
        .replace("\"end\":\"2007-12-01T18:00:00Z\"", "\"end\":\"2007-12-01T20:00:00Z\"");
    assertThat(corrected).contains("2007-12-01T20:00:00Z");
    JsonNode closed = post(corrected);
    assertThat(closed.get("lines").asLong()).isEqualTo(4);
    assertThat(closed.get("recorded").asLong()).isEqualTo(4);
    // acme 25 % of 20.00 = 5.00 (top-up 3.00); borealis 25 % of 50.00 = 12.50 (+7.50);
    // cobalt 25 % of 45.00 = 11.25 (+6.75); elbe 25 % of EUR 30.00 = 7.50 (+4.50)
    assertThat(AccountCenterContract.lines(credits("acme")))
        .containsExactly("Service credit USD 2.00", "Service credit correction (more) USD 3.00");
    assertTotals("acme", "{\"USD\":\"5.00\"}", "borealis", "{\"USD\":\"12.50\"}", "cobalt", "{\"USD\":\"11.25\"}",
        "delta", "{}", "elbe", "{\"EUR\":\"7.50\"}", "fjord", "{}");
    // and the correction posted again records nothing
    assertThat(post(corrected).get("recorded").asLong()).isZero();
  }
}
