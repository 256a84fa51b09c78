package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyBookFileTest {
  @TempDir
  Path dir;

  @Test
  void isBookTellsABookByItsSchemaOnly() throws IOException {
    Path book = Files.writeString(dir.resolve("book.json"), "{\"schema\": \"amends.policy-book/1\", \"policies\": []}");
    Path policy = Files.writeString(dir.resolve("policy.json"), "{\"schema\": \"amends.policy/1\", \"id\": \"x\"}");
    Path notJson = Files.writeString(dir.resolve("x.json"), "{\"schema\": ");
    Path array = Files.writeString(dir.resolve("a.json"), "[\"amends.policy-book/1\"]");

    assertThat(PolicyDocuments.isBook(book)).isTrue();
    assertThat(PolicyDocuments.isBook(policy)).isFalse();
    assertThat(PolicyDocuments.isBook(notJson)).isFalse();
    assertThat(PolicyDocuments.isBook(array)).isFalse();
  }
}
