package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.ACCOUNTS;
import static dev.amends.cli.AmendsCliTest.credit;
import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import dev.amends.cli.report.IncidentPage;
import dev.amends.cli.report.ReportView;
import dev.amends.rules.LiabilitySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credit --report FILE.html} on the seed example (see {@link AmendsCliTest}): acme USD 2.00,
 * borealis USD 5.00, cobalt USD 4.50, elbe EUR 3.00. The page is parsed and its content checked.
 */
class IncidentReportTest {
  @TempDir
  Path tmp;

  String html;
  Document page;

  @BeforeEach
  void report() throws IOException {
    Path file = tmp.resolve("report.html");
    Run r = run(credit(ACCOUNTS, "--report", file.toString()));
    assertThat(r.exit()).isEqualTo(0);
    html = Files.readString(file);
    page = Jsoup.parse(html);
  }

  @Test
  void showsTheTotalsAndCounts() {
    // USD 2.00 + 5.00 + 4.50 = 11.50
    assertThat(page.select(".card.total .value").eachText()).containsExactly("EUR 3.00", "USD 11.50");
    assertThat(stat("accounts read")).isEqualTo("6");
    assertThat(stat("decided")).isEqualTo("6");
    assertThat(stat("accounts credited")).isEqualTo("4");
    assertThat(stat("rejected")).isEqualTo("0");
    assertThat(page.select("p.flags").text()).isEqualTo("None.");
  }

  @Test
  void chartsLiabilityByPlanScopeAndRuleWithBarsInProportion() {
    assertThat(page.select("h3").eachText()).contains("Liability by plan (EUR)", "Liability by plan (USD)",
        "Liability by scope (USD)", "Liability by rule (USD)");
    Element usdPlans = chart("Liability by plan (USD)");
    // grid-monthly USD 2.00 + 4.50 = 6.50 is the longest bar (520 units); grid-annual 5.00 / 6.50 x 520 = 400.0
    assertThat(bar(usdPlans, "grid-monthly").attr("data-amount")).isEqualTo("USD 6.50");
    assertThat(bar(usdPlans, "grid-monthly").selectFirst("rect").attr("width")).isEqualTo("520.0");
    assertThat(bar(usdPlans, "grid-annual").attr("data-amount")).isEqualTo("USD 5.00");
    assertThat(bar(usdPlans, "grid-annual").selectFirst("rect").attr("width")).isEqualTo("400.0");
    assertThat(bar(chart("Liability by scope (USD)"), "grid/cluster-2").attr("data-amount")).isEqualTo("USD 11.50");
    assertThat(bar(chart("Liability by rule (EUR)"), "grid-sla v1 tiers").attr("data-amount")).isEqualTo("EUR 3.00");
  }

  @Test
  void timelineDrawsTheMaintenanceWindowAndItsOverrunApart() {
    Element cluster2 = page.selectFirst("svg.timeline g.lane[data-scope=grid/cluster-2]");
    assertThat(cluster2).isNotNull();
    // December 2007 in UTC is 744 h over 800 units from x = 180. The outage ran 05:00Z-18:00Z on
    // the 1st, announced 05:00Z-11:00Z: inside 180 + 5 x 800 / 744 = 185.4 to 180 + 11 x 800 / 744 = 191.8;
    // the 7 h overrun from 191.8 to 180 + 18 x 800 / 744 = 199.4, 7.6 wide.
    Element window = cluster2.selectFirst("rect.mark.window[data-outage=MAINT-2007-12-01]");
    assertThat(window.attr("x")).isEqualTo("185.4");
    assertThat(window.attr("width")).isEqualTo("6.4");
    Element overrun = cluster2.selectFirst("rect.mark.overrun[data-outage=MAINT-2007-12-01]");
    assertThat(overrun.attr("x")).isEqualTo("191.8");
    assertThat(overrun.attr("width")).isEqualTo("7.6");
    assertThat(overrun.selectFirst("title").text()).contains("overrun 7 h");
    assertThat(cluster2.select("rect.mark.maintenance[data-outage=MAINT-2007-12-01]")).hasSize(1);
    // cluster-3's 30 min unplanned outage on the 14th: drawn at least 2 units wide
    Element cluster3 = page.selectFirst("svg.timeline g.lane[data-scope=grid/cluster-3]");
    assertThat(cluster3.selectFirst("rect.mark.unplanned[data-outage=INC-2007-12-14]").attr("width")).isEqualTo("2.0");
    assertThat(page.select("svg.timeline g.lane").eachAttr("data-scope")).containsExactly("grid/cluster-2", "grid/cluster-3");
  }

  @Test
  void listsEveryOutageWithItsWindowAndOverrun() {
    Element maint = page.selectFirst("table.outages tr[data-outage=MAINT-2007-12-01]");
    assertThat(maint.hasClass("overran")).isTrue();
    assertThat(maint.select("td").stream().map(Element::text)).containsExactly("MAINT-2007-12-01", "grid/cluster-2", "MAINTENANCE",
        "FULL", "2007-12-01 05:00Z", "2007-12-01 18:00Z", "13 h",
        "2007-12-01 05:00Z – 2007-12-01 11:00Z (announced 2007-11-21 05:00Z)", "7 h");
    Element inc = page.selectFirst("table.outages tr[data-outage=INC-2007-12-14]");
    assertThat(inc.hasClass("overran")).isFalse();
    assertThat(inc.select("td").stream().map(Element::text)).containsExactly("INC-2007-12-14", "grid/cluster-3", "UNPLANNED",
        "FULL", "2007-12-14 15:00Z", "2007-12-14 15:30Z", "30 min", "", "");
  }

  @Test
  void listsTheLargestCreditsWithTheirExplanations() {
    List<String> rows = new ArrayList<>();
    for (Element tr : page.select("table.largest tr:has(td)")) {
      rows.add(tr.child(0).text() + " " + tr.child(4).text());
    }
    assertThat(rows).containsExactly("elbe EUR 3.00", "borealis USD 5.00", "cobalt USD 4.50", "acme USD 2.00");
    assertThat(page.select("details.explanation").eachAttr("data-account"))
        .containsExactly("elbe", "borealis", "cobalt", "acme");
    String borealis = page.selectFirst("details.explanation[data-account=borealis] pre").wholeText();
    assertThat(borealis).contains("Credit decision for account borealis", "USD 5.00 CREDIT borealis-grid",
        "Trace:", "MAINT-2007-12-01: down 13h in period; counted 7h; excluded 6h", "overrun 7h counts");
  }

  @Test
  void isOneSelfContainedFileWithoutScriptsOrExternalResources() {
    assertThat(html).doesNotContain("src=\"http", "href=\"http", "src='http", "href='http", "url(");
    assertThat(page.select("script, link, img, iframe, object, embed")).isEmpty();
    assertThat(page.select("style")).hasSize(1);
    assertThat(page.select("svg")).hasSizeGreaterThan(4);
  }

  @Test
  void userTextIsEscaped() throws IOException {
    Path accounts = tmp.resolve("accounts.ndjson");
    Files.writeString(accounts, "{\"id\":\"<script>alert(1)</script>\",\"currency\":\"USD\",\"zone\":\"America/New_York\","
        + "\"subscriptions\":[{\"id\":\"s\\\"><b>x</b>\",\"plan\":\"<i>plan</i>\",\"prices\":[{\"amount\":{\"amount\":\"20.00\","
        + "\"currency\":\"USD\"},\"per\":\"MONTHLY\"}],\"active\":{\"start\":\"2006-01-01T05:00:00Z\"},"
        + "\"placements\":[\"grid/cluster-2\"]}]}\n");
    Path file = tmp.resolve("hostile.html");
    Run r = run(credit(accounts.toString(), "--report", file.toString()));

    assertThat(r.exit()).isEqualTo(0);
    String text = Files.readString(file);
    Document doc = Jsoup.parse(text);
    assertThat(doc.select("script, b, i")).isEmpty();
    assertThat(text).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(doc.selectFirst("table.largest td").text()).isEqualTo("<script>alert(1)</script>");
    assertThat(doc.selectFirst("details.explanation").attr("data-account")).isEqualTo("<script>alert(1)</script>");
    assertThat(doc.select("svg.chart g.bar").eachAttr("data-label")).contains("<i>plan</i>");
  }

  @Test
  void aReportOfARunWithoutOutagesOrCreditsSaysSo() {
    LiabilitySummary empty = LiabilitySummary.builder().build();
    Document doc = Jsoup.parse(IncidentPage.render(
        ReportView.of(YearMonth.of(2008, 2), "p.json", List.of(), empty, Map.of(), Map.of())));

    assertThat(doc.text()).contains("No outages in 2008-02.");
    assertThat(doc.select(".card.total")).isEmpty();
    assertThat(doc.select("svg.chart, details.explanation")).isEmpty();
    // February 2008 has 29 days: a tick each
    assertThat(ReportView.timeline(YearMonth.of(2008, 2), List.of()).ticks()).hasSize(29);
  }

  @Test
  void aNegativeSubtotalHasAnEmptyBar() {
    List<ReportView.Chart> charts = ReportView.charts("Liability by plan", List.of(
        new LiabilitySummary.Subtotal("gold", Money.parse("USD -1.10")),
        new LiabilitySummary.Subtotal("silver", Money.parse("USD 0.35"))));
    assertThat(charts).hasSize(1);
    assertThat(charts.get(0).bars()).extracting(ReportView.Bar::width).containsExactly("0.0", "520.0");
  }

  @Test
  void lengthsReadAsHoursAndMinutes() {
    assertThat(ReportView.length(Duration.ofMinutes(30))).isEqualTo("30 min");
    assertThat(ReportView.length(Duration.ofHours(7))).isEqualTo("7 h");
    assertThat(ReportView.length(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
    assertThat(ReportView.length(Duration.ZERO)).isEqualTo("0 min");
  }

  private String stat(String label) {
    for (Element card : page.select(".card.stat")) {
      if (card.selectFirst(".label").text().equals(label)) {
        return card.selectFirst(".value").text();
      }
    }
    throw new AssertionError("no stat " + label);
  }

  private Element chart(String title) {
    for (Element h : page.select("h3")) {
      if (h.text().equals(title)) {
        Element svg = h.nextElementSibling();
        assertThat(svg.tagName()).isEqualTo("svg");
        return svg;
      }
    }
    throw new AssertionError("no chart " + title);
  }

  private static Element bar(Element chart, String label) {
    for (Element g : chart.select("g.bar")) {
      if (g.attr("data-label").equals(label)) {
        return g;
      }
    }
    throw new AssertionError("no bar " + label + " in " + chart.attr("aria-label"));
  }
}
