package dev.amends.examples.accountcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.amends.ledger.CreditLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AccountCenter over real HTTP on a random port, on the seed story (examples/grid-2007, with the
 * goodwill campaign): the incident is posted twice as NDJSON and a third time as a JSON array,
 * before the tests; the application starts once per class. Subclasses give the database.
 *
 * <p>The figures, from examples/grid-2007/README.md: December 2007 in US Eastern is 44,640 min;
 * cluster-2's 7 h overrun (420 min; the announced 6 h excluded) leaves 44,220 / 44,640 = 99.0591 %,
 * the 10 % tier; cluster-3's 30 min leaves 99.9328 %, no credit. SLA: acme 10 % of USD 20.00 = 2.00,
 * borealis 10 % of 600.00 / 12 = 5.00, cobalt 10 % of 45.00 = 4.50, elbe 10 % of EUR 30.00 = 3.00.
 * Goodwill, two months at the monthly price per grid subscription: acme 40.00, borealis 100.00,
 * cobalt 90.00, delta 40.00, fjord 240.00 / 12 x 2 = 40.00, elbe EUR 60.00. Ten lines in all:
 * USD 11.50 + 310.00 = 321.50, EUR 3.00 + 60.00 = 63.00.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountCenterContract {
  static final Path GRID_2007 = Path.of("../grid-2007");
  static final JsonMapper JSON = JsonMapper.builder().build();

  private ConfigurableApplicationContext app;
  private final HttpClient http = HttpClient.newHttpClient();
  private URI base;
  JsonNode first;
  JsonNode second;
  JsonNode asJsonArray;

  /** Spring properties naming the database: {@code spring.datasource.*}. */
  abstract Map<String, Object> database();

  /** The ledger's database kind the application must run on: {@code PostgreSQL} or {@code SQLite}. */
  abstract String expectedDatabase();

  @BeforeAll
  void startAndPostTheIncidentThreeTimes() throws Exception {
    Map<String, Object> properties = new java.util.HashMap<>(database());
    properties.put("server.port", "0");
    properties.put("server.address", "127.0.0.1");
    properties.put("logging.level.root", "WARN");
    // as command-line arguments: they beat application.properties (builder properties would not)
    app = new SpringApplicationBuilder(AccountCenterApplication.class)
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    assertThat(app.getBean(CreditLedger.class).database()).isEqualTo(expectedDatabase());
    base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    String ndjson = Files.readString(GRID_2007.resolve("outages.ndjson"));
    first = ok(post(ndjson, "application/x-ndjson"));
    second = ok(post(ndjson, "application/x-ndjson"));
    asJsonArray = ok(post("[" + String.join(",", ndjson.strip().split("\n")) + "]", "application/json"));
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve("/incidents/closed")).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode credits(String account) throws IOException, InterruptedException {
    return ok(get("/accounts/" + account + "/credits?period=2007-12"));
  }

  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** "title amount currency" of each line, in order. */
  static List<String> lines(JsonNode credits) {
    List<String> out = new ArrayList<>();
    credits.get("lines").forEach(l -> out.add(l.get("title").asString() + " " + l.get("currency").asString() + " "
        + l.get("amount").asString()));
    return out;
  }

  @Test
  void theClosedIncidentRecordsTenCreditsForDecemberOnce() {
    // six accounts decided for 2007-12; 4 SLA credits + 6 goodwill grants
    assertThat(first.get("periods").toString()).isEqualTo("[\"2007-12\"]");
    assertThat(first.get("outages").asInt()).isEqualTo(2);
    assertThat(first.get("decided").asLong()).isEqualTo(6);
    assertThat(first.get("rejected").size()).isZero();
    assertThat(first.get("lines").asLong()).isEqualTo(10);
    assertThat(first.get("recorded").asLong()).isEqualTo(10);
  }

  @Test
  void postingTheSameIncidentAgainRecordsNothing() {
    // the decisions reconcile against the ten issued lines: no difference, nothing to record
    for (JsonNode again : List.of(second, asJsonArray)) {
      assertThat(again.get("decided").asLong()).isEqualTo(6);
      assertThat(again.get("lines").asLong()).isZero();
      assertThat(again.get("recorded").asLong()).isZero();
      assertThat(again.get("run").asString()).isNotEqualTo(first.get("run").asString());
    }
  }

  @Test
  void acmeSeesItsServiceCreditAndItsGoodwillWithExplanations() throws Exception {
    JsonNode acme = credits("acme");
    // 10 % of USD 20.00 = 2.00; two months at USD 20.00 = 40.00; total 42.00
    assertThat(lines(acme)).containsExactlyInAnyOrder("Service credit USD 2.00", "Goodwill credit USD 40.00");
    assertThat(acme.get("totals").toString()).isEqualTo("{\"USD\":\"42.00\"}");
    JsonNode sla = find(acme, "Service credit");
    assertThat(sla.get("explanation").asString()).contains("99.0591 %");
    assertThat(sla.get("outages").toString()).isEqualTo("[\"MAINT-2007-12-01\"]");
    assertThat(sla.get("periodStart").asString()).isEqualTo("2007-12-01");
    assertThat(sla.get("periodEnd").asString()).isEqualTo("2008-01-01");
    JsonNode goodwill = find(acme, "Goodwill credit");
    assertThat(goodwill.get("explanation").asString()).contains("2 month(s) free at USD 20.00 a month");
    assertThat(goodwill.get("outages").size()).isZero();
    assertThat(goodwill.get("rule").asString()).contains("goodwill-2007/two-months-free");
  }

  @Test
  void anAnnualCustomerIsShownTheTwelfth() throws Exception {
    JsonNode borealis = credits("borealis");
    // 10 % of USD 600.00 / 12 = 5.00; two months at 50.00 = 100.00; total 105.00
    assertThat(lines(borealis)).containsExactlyInAnyOrder("Service credit USD 5.00", "Goodwill credit USD 100.00");
    assertThat(borealis.get("totals").toString()).isEqualTo("{\"USD\":\"105.00\"}");
    assertThat(find(borealis, "Goodwill credit").get("explanation").asString())
        .contains("2 month(s) free at USD 50.00 a month (USD 600.00 per ANNUAL / 12) = USD 100.00");
  }

  @Test
  void customersOffClusterTwoSeeOnlyTheGoodwill() throws Exception {
    // delta: cluster-1, no outage; fjord: cluster-3, 99.9328 %, not below 99.9 %
    assertThat(lines(credits("delta"))).containsExactly("Goodwill credit USD 40.00");
    assertThat(lines(credits("fjord"))).containsExactly("Goodwill credit USD 40.00");
  }

  @Test
  void theSixAccountsAddUpToTheSeedStorysTotals() throws Exception {
    BigDecimal usd = BigDecimal.ZERO;
    BigDecimal eur = BigDecimal.ZERO;
    int lineCount = 0;
    for (String account : List.of("acme", "borealis", "cobalt", "delta", "elbe", "fjord")) {
      JsonNode c = credits(account);
      lineCount += c.get("lines").size();
      JsonNode totals = c.get("totals");
      usd = usd.add(totals.has("USD") ? new BigDecimal(totals.get("USD").asString()) : BigDecimal.ZERO);
      eur = eur.add(totals.has("EUR") ? new BigDecimal(totals.get("EUR").asString()) : BigDecimal.ZERO);
    }
    // USD 2.00 + 5.00 + 4.50 + 40.00 + 100.00 + 90.00 + 40.00 + 40.00 = 321.50; EUR 3.00 + 60.00 = 63.00
    assertThat(usd).isEqualTo("321.50");
    assertThat(eur).isEqualTo("63.00");
    assertThat(lineCount).isEqualTo(10);
    assertThat(lines(credits("elbe"))).containsExactlyInAnyOrder("Service credit EUR 3.00", "Goodwill credit EUR 60.00");
  }

  @Test
  void aBadRecordRefusesTheWholePostNamingTheLineAndField() throws Exception {
    String bad = """
        {"id":"INC-2007-12-20","scopes":["grid/cluster-1"],"window":{"start":"2007-12-20T10:00:00Z","end":"2007-12-20T20:00:00Z"}}
        {"id":"INC-2007-12-21","scopes":["grid/cluster-1"],"window":{"start":"2007-12-21T10:00:00Z","end":"2007-12-21T09:00:00Z"}}
        """;
    HttpResponse<String> response = post(bad, "application/x-ndjson");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("line 2").contains("window").contains("nothing was decided or recorded");
    // cluster-1's 10 h on the 20th would have credited delta: refused, delta still has the goodwill only
    assertThat(lines(credits("delta"))).containsExactly("Goodwill credit USD 40.00");
  }

  @Test
  void anOutageWithoutAnEndIsRefused() throws Exception {
    String open = "[{\"id\":\"INC-2007-12-22\",\"scopes\":[\"grid/cluster-1\"],"
        + "\"window\":{\"start\":\"2007-12-22T10:00:00Z\"}}]";
    HttpResponse<String> response = post(open, "application/json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("outages[0].window.end: missing");
  }

  @Test
  void anUnknownAccountIsNotFoundAndABadPeriodIsNamed() throws Exception {
    HttpResponse<String> unknown = get("/accounts/nobody/credits?period=2007-12");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("account nobody");
    HttpResponse<String> badPeriod = get("/accounts/acme/credits?period=2007-13");
    assertThat(badPeriod.statusCode()).isEqualTo(400);
    assertThat(badPeriod.body()).contains("period: 2007-13 is not a month");
  }

  @Test
  void aMonthWithoutCreditsShowsNoLines() throws Exception {
    JsonNode november = ok(get("/accounts/acme/credits?period=2007-11"));
    assertThat(november.get("lines").size()).isZero();
    assertThat(november.get("totals").size()).isZero();
  }

  private static JsonNode find(JsonNode credits, String title) {
    for (JsonNode l : credits.get("lines")) {
      if (l.get("title").asString().equals(title)) {
        return l;
      }
    }
    throw new AssertionError("no line titled " + title + " in " + credits);
  }
}
