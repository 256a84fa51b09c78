package dev.amends.examples.accountcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * AccountCenter without the goodwill campaign, on SQLite: the seed incident gives the SLA's four
 * lines only. 10 % of acme's USD 20.00 = 2.00, of borealis' 600.00 / 12 = 50.00 -> 5.00, of cobalt's
 * 45.00 = 4.50 (USD 11.50 in all), of elbe's EUR 30.00 = 3.00; delta and fjord nothing.
 */
class SlaOnlyAccountCenterTest {
  @TempDir
  Path tmp;

  @Test
  void withoutTheCampaignTheIncidentGivesTheSlaCreditsOnly() throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AccountCenterApplication.class).run(
        "--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN", "--accountcenter.campaigns=",
        "--spring.datasource.url=jdbc:sqlite:" + tmp.resolve("ledger.db"))) {
      HttpClient http = HttpClient.newHttpClient();
      URI base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
      HttpResponse<String> posted = http.send(HttpRequest.newBuilder(base.resolve("/incidents/closed"))
          .header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(Files.readString(Path.of("../grid-2007/outages.ndjson")))).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode closed = AccountCenterContract.ok(posted);
      assertThat(closed.get("lines").asLong()).isEqualTo(4);
      assertThat(closed.get("recorded").asLong()).isEqualTo(4);
      String[] expected = {"acme", "{\"USD\":\"2.00\"}", "borealis", "{\"USD\":\"5.00\"}", "cobalt", "{\"USD\":\"4.50\"}",
          "delta", "{}", "elbe", "{\"EUR\":\"3.00\"}", "fjord", "{}"};
      for (int i = 0; i < expected.length; i += 2) {
        JsonNode credits = AccountCenterContract.ok(http.send(HttpRequest.newBuilder(
            base.resolve("/accounts/" + expected[i] + "/credits?period=2007-12")).GET().build(),
            HttpResponse.BodyHandlers.ofString()));
        assertThat(credits.get("totals").toString()).as(expected[i]).isEqualTo(expected[i + 1]);
      }
    }
  }
}
