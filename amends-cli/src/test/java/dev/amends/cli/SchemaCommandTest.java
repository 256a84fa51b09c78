package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaCommandTest {
  @Test
  void withoutAKindPrintsThePolicySchemaAsBefore() {
    Run r = run("schema");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out().strip()).isEqualTo(PolicyDocuments.schema().strip());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void theCampaignOptionAndTheCampaignKindPrintTheCampaignSchema() {
    Run option = run("schema", "--campaign");
    Run kind = run("schema", "campaign");

    assertThat(option.exit()).isEqualTo(0);
    assertThat(option.out().strip()).isEqualTo(CampaignDocuments.schema().strip());
    assertThat(kind.out()).isEqualTo(option.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"accounts", "outages", "telemetry", "claims", "issued-credits", "carried-credits"})
  void eachRecordKindPrintsItsOwnSchema(String kind) {
    Run r = run("schema", kind);

    RecordFormat<?> format = RecordFormat.all().stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out().strip()).isEqualTo(format.schema().strip());
    assertThat(r.out()).contains("\"$id\": \"https://amends.dev/schemas/records/1/" + kind + ".schema.json\"");
  }

  @Test
  void decisionsPrintsTheSchemaOfWhatCreditWrites() {
    Run r = run("schema", "decisions");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out().strip()).isEqualTo(DecisionJson.schema().strip());
  }

  @Test
  void anUnknownKindIsOneLineNamingTheKinds() {
    Run r = run("schema", "acounts");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).isEqualTo("amends schema: unknown kind \"acounts\"; expected one of policy, campaign, accounts,"
        + " outages, telemetry, claims, issued-credits, carried-credits, decisions");
  }

  @Test
  void theCampaignOptionWithAnotherKindIsRefused() {
    Run r = run("schema", "--campaign", "accounts");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--campaign cannot be given with the kind \"accounts\"");
  }
}
