package dev.amends.cli.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The HTML incident report drawn by the jte template {@code src/main/jte/report.jte}, compiled to
 * Java in this package at build time (the jte-maven-plugin in the module's pom), so that running
 * it needs only jte's runtime. Content type HTML: jte escapes every text by its context (element,
 * attribute). One self-contained page: inline CSS and SVG, no script, nothing fetched.
 */
public final class IncidentPage {
  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
      null, ContentType.Html, IncidentPage.class.getClassLoader(), IncidentPage.class.getPackageName());

  private IncidentPage() {}

  /**
   * The page of a view.
   *
   * @param view what to show, not null
   * @return the HTML document
   */
  public static String render(ReportView view) {
    StringOutput out = new StringOutput();
    TEMPLATES.render("report.jte", view, out);
    return out.toString();
  }
}
