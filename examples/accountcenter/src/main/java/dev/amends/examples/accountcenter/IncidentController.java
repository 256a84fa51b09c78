package dev.amends.examples.accountcenter;

import dev.amends.core.outage.Outage;
import dev.amends.ledger.LedgerConflictException;
import dev.amends.ledger.LedgerException;
import dev.amends.rules.json.JsonDocumentException;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /incidents/closed}: the incident's outage records, in the outage record format of
 * {@code dev.amends.rules.json.RecordFormat#OUTAGES}: NDJSON ({@code application/x-ndjson}, one
 * record a line) or JSON ({@code application/json}: one record, or an array of them).
 *
 * <p>All or nothing: one bad record refuses the whole post with 400, listing every problem with
 * its place ({@code line 2: ...} or {@code outages[1]: ...}, then the field, value and rule). An
 * incident decided without one of its outages would be a silent under-credit. An outage without
 * an end is refused too: a closed incident has ended. Answers 200 with what was decided and
 * recorded ({@link IncidentService.Closed}); posting it again answers {@code "recorded": 0}.
 */
@RestController
class IncidentController {
  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  /** Decimals as BigDecimal, never through a double, on their way back to the record reader. */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final IncidentService incidents;

  IncidentController(IncidentService incidents) {
    this.incidents = incidents;
  }

  @PostMapping(path = "/incidents/closed", consumes = "application/x-ndjson", produces = "application/json")
  ResponseEntity<?> closedNdjson(@RequestBody String body) {
    List<Outage> outages = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (RecordReader<Outage> in = RecordFormat.OUTAGES.reader(new StringReader(body), "request body")) {
      in.forEachRemaining(line -> {
        switch (line) {
          case RecordLine.Accepted<Outage> a -> outages.add(a.record());
          case RecordLine.Rejected<Outage> r -> problems.add("line " + r.lineNumber() + ": " + r.problem().getMessage());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return decide(outages, problems, "line ");
  }

  @PostMapping(path = "/incidents/closed", consumes = "application/json", produces = "application/json")
  ResponseEntity<?> closedJson(@RequestBody String body) {
    List<Outage> outages = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (JacksonException e) {
      return refused(List.of("the body is not JSON: " + e.getOriginalMessage()));
    }
    List<JsonNode> records = new ArrayList<>();
    if (tree.isArray()) {
      tree.forEach(records::add);
    } else {
      records.add(tree);
    }
    for (int i = 0; i < records.size(); i++) {
      try {
        outages.add(RecordFormat.OUTAGES.fromLine(JSON.writeValueAsString(records.get(i))));
      } catch (JsonDocumentException e) {
        problems.add("outages[" + i + "]: " + e.getMessage());
      }
    }
    return decide(outages, problems, "outages[");
  }

  private ResponseEntity<?> decide(List<Outage> outages, List<String> problems, String place) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < outages.size(); i++) {
      Outage o = outages.get(i);
      String where = place.equals("line ") ? "outage " + o.id() : "outages[" + i + "]";
      if (o.window().isUnboundedEnd()) {
        problems.add(where + ".window.end: missing; the outages of a closed incident have ended");
      }
      if (!ids.add(o.id())) {
        problems.add(where + ".id: " + o.id() + " is given twice in one post");
      }
    }
    if (outages.isEmpty() && problems.isEmpty()) {
      problems.add("no outage records in the body");
    }
    if (!problems.isEmpty()) {
      return refused(problems);
    }
    return ResponseEntity.ok(incidents.close(outages));
  }

  /** A line already recorded with other content (a race with another writer): 409, nothing overwritten. */
  @ExceptionHandler(LedgerConflictException.class)
  ResponseEntity<Problem> conflict(LedgerConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
        .body(new Problem("the ledger holds a line with the same key and other content (another writer decided at the same "
            + "time); nothing was overwritten: post the incident again to reconcile with it",
            List.of(e.getMessage())));
  }

  /** The database failed partway: the whole chunks recorded before stay; posting again completes them. */
  @ExceptionHandler(LedgerException.class)
  ResponseEntity<Problem> ledgerFailed(LedgerException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
        .body(new Problem("the ledger failed; whole chunks recorded before stay: post the incident again to complete it",
            List.of(e.getMessage())));
  }

  static ResponseEntity<?> refused(List<String> problems) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
        .body(new Problem("outages refused; nothing was decided or recorded", problems));
  }

  /**
   * A refused request.
   *
   * @param error what was refused
   * @param problems each problem with its place
   */
  record Problem(String error, List<String> problems) {}
}
