package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.ACCOUNTS;
import static dev.amends.cli.AmendsCliTest.GOODWILL;
import static dev.amends.cli.AmendsCliTest.POLICY;
import static dev.amends.cli.AmendsCliTest.credit;
import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import dev.amends.cli.report.ReportView;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.money.Ratio;
import dev.amends.core.scope.Scope;
import dev.amends.rules.LiabilitySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.Interval;

/**
 * The HTML report's zoomed incident days, its impact column, wrapped traces and open-ended
 * windows, on the seed example (see {@link AmendsCliTest}).
 */
class IncidentReportZoomTest {
  @TempDir
  Path tmp;

  private Document report(String accounts, String... more) throws IOException {
    Path file = tmp.resolve("report-" + more.length + ".html");
    List<String> args = new java.util.ArrayList<>(List.of(credit(accounts, "--report", file.toString())));
    args.addAll(List.of(more));
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(0);
    return Jsoup.parse(Files.readString(file));
  }

  @Test
  void eachIncidentDayIsZoomedSoAThirteenHourIncidentIsNoSliver() throws IOException {
    Document page = report(ACCOUNTS);

    assertThat(page.select("h4")).extracting(Element::text).containsExactly("2007-12-01 (UTC)", "2007-12-14 (UTC)");
    List<Element> zooms = page.select("svg.zoom");
    assertThat(zooms).hasSize(2);
    // one day on 800 units: 05:00 is 180 + 800 x 5 / 24 = 346.7; 11:00 is 546.7; 18:00 is 780.0
    Element day = zooms.get(0).selectFirst("g.lane[data-scope=grid/cluster-2]");
    Element inside = day.selectFirst("rect.mark.maintenance");
    assertThat(inside.attr("x")).isEqualTo("346.7");
    assertThat(inside.attr("width")).isEqualTo("200.0");
    Element overrun = day.selectFirst("rect.mark.overrun");
    assertThat(overrun.attr("x")).isEqualTo("546.7");
    assertThat(overrun.attr("width")).isEqualTo("233.3");
    // on the month's axis (744 hours) the 7-hour overrun is a sliver: 11:00 is 180 + 800 x 11 / 744 = 191.8,
    // 18:00 is 180 + 800 x 18 / 744 = 199.4; 7.6 units wide
    assertThat(page.select("svg.timeline g.lane[data-scope=grid/cluster-2] rect.mark.overrun").attr("width"))
        .isEqualTo("7.6");
    // the hours are marked every 3 hours on a one-day view; midnight as the date
    assertThat(zooms.get(0).select("text").eachText()).containsSubsequence("12-01", "03:00", "06:00", "21:00");
  }

  @Test
  void theOutageTableShowsTheShareOfAPartialImpactOutage() throws IOException {
    Path outages = Files.writeString(tmp.resolve("partial.ndjson"), "{\"id\":\"ZONE-B\",\"scopes\":[\"grid/cluster-2\"],"
        + "\"window\":{\"start\":\"2007-12-03T00:00:00Z\",\"end\":\"2007-12-04T01:00:00Z\"},\"kind\":\"UNPLANNED\","
        + "\"impact\":{\"level\":\"FULL\",\"affectedShare\":\"1/3\"},\"cause\":\"PROVIDER\"}\n");
    Path file = tmp.resolve("partial.html");

    Run r = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", outages.toString(),
        "--period", "2007-12", "--report", file.toString());

    assertThat(r.exit()).isEqualTo(0);
    Document page = Jsoup.parse(Files.readString(file));
    // 1/3 = 33.333...: truncated to 33.33
    assertThat(page.selectFirst("table.outages tr[data-outage=ZONE-B]").select("td").get(3).text())
        .isEqualTo("FULL, 1/3 of users (33.33 %)");
    // 25 hours over two days: one zoomed view of both
    assertThat(page.select("h4")).extracting(Element::text).containsExactly("2007-12-03 – 2007-12-04 (UTC)");
  }

  @Test
  void impactReadsAsTheLevelAndTheShareTruncated() {
    assertThat(ReportView.impact(Impact.full())).isEqualTo("FULL");
    assertThat(ReportView.impact(Impact.degraded())).isEqualTo("DEGRADED");
    // 2/3 = 66.666...: never rounded up to 66.67
    assertThat(ReportView.impact(Impact.degraded().withAffectedShare(Ratio.of(2, 3))))
        .isEqualTo("DEGRADED, 2/3 of users (66.66 %)");
    assertThat(ReportView.impact(Impact.full().withAffectedUsers(1, 2))).isEqualTo("FULL, 1/2 of users (50 %)");
  }

  @Test
  void runsOfMoreThanAWeekOfIncidentDaysAreNotZoomedAndTheReportSaysSo() {
    Outage tenDays = Outage.builder().id("LONG").addScopes(Scope.of("grid"))
        .window(Interval.of(Instant.parse("2008-02-02T00:00:00Z"), Instant.parse("2008-02-12T00:00:00Z")))
        .kind(OutageKind.UNPLANNED).build();

    ReportView view = ReportView.of(YearMonth.of(2008, 2), "p.json", List.of(tenDays),
        LiabilitySummary.builder().build(), Map.of(), Map.of());

    assertThat(view.zoomed()).isEmpty();
    assertThat(view.zoomNote()).startsWith("1 run(s) of more than 7 incident days in a row are seen on the whole axis");
  }

  @Test
  void explanationsSayOpenEndedAndTheirLinesWrap() throws IOException {
    Document page = report(ACCOUNTS, "--campaign", GOODWILL);

    assertThat(page.select("details.explanation pre").text()).contains("2006-01-01T05:00:00Z/open-ended")
        .doesNotContain("+1000000000");
    assertThat(page.selectFirst("style").data()).contains("white-space: pre-wrap; overflow-wrap: anywhere;")
        .doesNotContain("overflow-x: auto");
  }

  @Test
  void aReportOverSeveralMonthsSpansThemAndZoomsAnIncidentAcrossTheMonthEnd() throws IOException {
    Path outages = Files.writeString(tmp.resolve("across.ndjson"), "{\"id\":\"INC-ACROSS\",\"scopes\":[\"grid/cluster-2\"],"
        + "\"window\":{\"start\":\"2007-11-30T23:00:00Z\",\"end\":\"2007-12-01T10:00:00Z\"},\"kind\":\"UNPLANNED\","
        + "\"impact\":{\"level\":\"FULL\"},\"cause\":\"PROVIDER\"}\n");
    Path file = tmp.resolve("months.html");

    Run r = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", outages.toString(),
        "--period", "2007-11..2007-12", "--report", file.toString());

    assertThat(r.exit()).isEqualTo(0);
    Document page = Jsoup.parse(Files.readString(file));
    assertThat(page.title()).isEqualTo("Incident report 2007-11..2007-12 (policy.json)");
    // 30 + 31 days, a tick each; the 1st of each month labelled with the month
    assertThat(page.select("svg.timeline line.tick")).hasSize(61);
    assertThat(page.select("svg.timeline text").eachText()).contains("2007-11", "2007-12");
    assertThat(page.select("h4")).extracting(Element::text).containsExactly("2007-11-30 – 2007-12-01 (UTC)");
    // the largest credits (EUR first, then USD) hold each account twice, once a month: each is explained once
    assertThat(page.select("details.explanation").eachAttr("data-account"))
        .containsExactly("elbe", "borealis", "cobalt", "acme");
    assertThat(page.select("details.explanation pre").first().text())
        .startsWith("Credit decision for account elbe, period 2007-11");
  }
}
