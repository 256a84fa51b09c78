package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link CreditEngine#decideAll}: order, one result per request, rejections, threads, memory. */
class BatchRunTest {
  static final long SEED = 2024L;

  /** Everything a decision says, as text, to compare two runs. */
  static String summary(BatchResult r) {
    return switch (r) {
      case BatchResult.Decided d -> d.index() + " " + d.decision().lines() + " " + d.decision().flags() + " "
          + d.decision().warnings() + "\n" + d.decision().explain();
      case BatchResult.Rejected x -> x.index() + " rejected " + x.accountId() + " " + x.reason();
    };
  }

  static List<BatchResult> all(Iterator<BatchResult> it) {
    List<BatchResult> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void givesEveryDecisionInInputOrderAsDecideDoes() {
    CreditEngine engine = BatchFleet.engine(SEED);
    List<DecisionRequest> requests = BatchFleet.requests(SEED, 300);

    List<BatchResult> results = all(engine.decideAll(requests.iterator(), BatchOptions.defaults().threads(3).window(17)));

    assertThat(results).hasSize(300);
    for (int i = 0; i < 300; i++) {
      BatchResult r = results.get(i);
      assertThat(r.index()).isEqualTo(i);
      assertThat(r).isInstanceOf(BatchResult.Decided.class);
      CreditDecision alone = engine.decide(requests.get(i));
      CreditDecision batched = ((BatchResult.Decided) r).decision();
      assertThat(batched.lines()).isEqualTo(alone.lines());
      assertThat(batched.flags()).isEqualTo(alone.flags());
      assertThat(batched.warnings()).isEqualTo(alone.warnings());
      assertThat(batched.explain()).isEqualTo(alone.explain());
    }
    // the fleet is not trivial: credits, shared placements and several policies are involved
    assertThat(results).map(r -> ((BatchResult.Decided) r).decision().lines().size()).anyMatch(n -> n > 1);
  }

  @Property(tries = 6)
  void outputIsTheSameForOneThreadAndMany(@ForAll @IntRange(min = 2, max = 6) int threads,
      @ForAll @IntRange(min = 1, max = 64) int window, @ForAll @IntRange(min = 0, max = 1000) int seed) {
    CreditEngine engine = BatchFleet.engine(seed);
    List<DecisionRequest> requests = BatchFleet.requests(seed, 120);

    List<String> one = all(engine.decideAll(requests.iterator(), BatchOptions.defaults().threads(1)))
        .stream().map(BatchRunTest::summary).toList();
    List<String> many = all(engine.decideAll(requests.iterator(),
        BatchOptions.defaults().threads(threads).window(window))).stream().map(BatchRunTest::summary).toList();

    assertThat(many).isEqualTo(one);
  }

  @Test
  void aBadRequestInTheMiddleIsRejectedAndItsNeighboursDecided() {
    CreditEngine engine = BatchFleet.engine(SEED);
    List<DecisionRequest> requests = new ArrayList<>(BatchFleet.requests(SEED, 5));
    DecisionRequest good = requests.get(2);
    requests.set(2, DecisionRequest.builder().from(good)
        .addIssued(new IssuedCredit("cr-0000", usd("1.00"), "sla", "sub-0", "cap"))
        .build());

    List<BatchResult> results = all(engine.decideAll(requests.iterator(), BatchOptions.defaults().threads(2)));

    assertThat(results).extracting(BatchResult::index).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(results).extracting(r -> r.getClass().getSimpleName())
        .containsExactly("Decided", "Decided", "Rejected", "Decided", "Decided");
    BatchResult.Rejected rejected = (BatchResult.Rejected) results.get(2);
    assertThat(rejected.accountId()).contains("acct-2");
    assertThat(rejected.cause()).isInstanceOf(InvalidInputException.class);
    assertThat(rejected.reason()).contains("request.issued[0].key").contains("cr-0000");
    assertThat(rejected.isBug()).isFalse();
  }

  /** A user's rule that fails for one account only. */
  static final class FailsFor implements CreditRule {
    @Override
    public String id() {
      return "fragile";
    }

    @Override
    public String kind() {
      return "fragile";
    }

    @Override
    public Outcome evaluate(RuleContext context) {
      if (context.account().id().equals("acct-2")) {
        throw new IllegalStateException("no rate for acct-2");
      }
      return Outcome.noCredit("nothing owed");
    }
  }

  @Test
  void aFailingRuleRejectsOnlyItsAccount() {
    CreditEngine engine = engine(policy("p", Rules.sum("sla", new FailsFor())), OUT_1);
    List<DecisionRequest> requests = List.of(
        DecisionRequest.of(account("acct-1", USD_20_00), JUNE_2024_UTC),
        DecisionRequest.of(account("acct-2", USD_20_00), JUNE_2024_UTC),
        DecisionRequest.of(account("acct-3", USD_20_00), JUNE_2024_UTC));

    List<BatchResult> results = all(engine.decideAll(requests.iterator(), BatchOptions.defaults().threads(2)));

    assertThat(results).extracting(r -> r.getClass().getSimpleName()).containsExactly("Decided", "Rejected", "Decided");
    BatchResult.Rejected r = (BatchResult.Rejected) results.get(1);
    assertThat(r.cause()).isInstanceOf(RuleEvaluationException.class);
    assertThat(r.reason()).contains("sla/fragile").contains("no rate for acct-2");
    assertThat(r.accountId()).contains("acct-2");
    assertThat(r.isBug()).isFalse();
  }

  @Test
  void aRejectionForAnythingButAnAmendsExceptionIsABug() {
    BatchResult.Rejected bug = new BatchResult.Rejected(4, Optional.of("acct-4"),
        "internal error: java.lang.IllegalStateException: oops", new IllegalStateException("oops"));
    BatchResult.Rejected bad = new BatchResult.Rejected(5, Optional.of("acct-5"), "account.id is blank",
        InvalidInputException.of("account.id", "must not be blank", ""));

    assertThat(bug.isBug()).isTrue();
    assertThat(bad.isBug()).isFalse();
  }

  @Test
  void aNullRequestIsRejectedWithoutAnAccount() {
    CreditEngine engine = BatchFleet.engine(SEED);
    Iterator<DecisionRequest> input = Arrays.asList(BatchFleet.request(SEED, 0), null).iterator();

    List<BatchResult> results = all(engine.decideAll(input, BatchOptions.defaults()));

    assertThat(results).hasSize(2);
    assertThat(results.get(1)).isInstanceOfSatisfying(BatchResult.Rejected.class, r -> {
      assertThat(r.index()).isEqualTo(1);
      assertThat(r.accountId()).isEmpty();
      assertThat(r.reason()).contains("request");
      assertThat(r.cause()).isInstanceOf(InvalidInputException.class);
    });
  }

  @Test
  void readsALazyInputNoMoreThanAWindowAhead() {
    CreditEngine engine = engine(policy("p", Fixed.credit("flat", "0.50")));
    AtomicLong pulled = new AtomicLong();
    int count = 200_000;
    Iterator<DecisionRequest> lazy = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return pulled.get() < count;
      }

      @Override
      public DecisionRequest next() {
        long i = pulled.getAndIncrement();
        return DecisionRequest.of(account("acct-" + i, USD_20_00), JUNE_2024_UTC);
      }
    };
    int window = 256;

    Iterator<BatchResult> results = engine.decideAll(lazy, BatchOptions.defaults().threads(2).window(window));
    long consumed = 0;
    long aheadAtMost = 0;
    while (results.hasNext()) {
      BatchResult r = results.next();
      assertThat(r.index()).isEqualTo(consumed);
      consumed++;
      aheadAtMost = Math.max(aheadAtMost, pulled.get() - consumed);
    }

    assertThat(consumed).isEqualTo(count);
    assertThat(aheadAtMost).isLessThan(window);
  }

  @Test
  void theStreamFormIsOrderedAndClosesItsInput() {
    CreditEngine engine = BatchFleet.engine(SEED);
    AtomicBoolean inputClosed = new AtomicBoolean();
    List<DecisionRequest> requests = BatchFleet.requests(SEED, 40);

    List<Long> indexes;
    try (Stream<BatchResult> results = engine.decideAll(requests.stream().onClose(() -> inputClosed.set(true)),
        BatchOptions.defaults().window(7))) {
      indexes = results.map(BatchResult::index).toList();
    }

    assertThat(indexes).hasSize(40).isSorted().doesNotHaveDuplicates();
    assertThat(inputClosed).isTrue();
  }

  @Test
  void anInputThatFailsEndsTheBatchAfterWhatWasRead() {
    CreditEngine engine = BatchFleet.engine(SEED);
    Iterator<DecisionRequest> failing = new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public DecisionRequest next() {
        if (i == 3) {
          throw new IllegalStateException("the source went away");
        }
        return BatchFleet.request(SEED, i++);
      }
    };

    Iterator<BatchResult> results = engine.decideAll(failing, BatchOptions.defaults().window(10));

    List<Long> seen = new ArrayList<>();
    assertThatThrownBy(() -> results.forEachRemaining(r -> seen.add(r.index())))
        .isInstanceOf(IllegalStateException.class).hasMessage("the source went away");
    assertThat(seen).containsExactly(0L, 1L, 2L);
    assertThat(results.hasNext()).isFalse();
  }

  @Test
  void anEmptyInputGivesNoResults() {
    Iterator<BatchResult> results = BatchFleet.engine(SEED).decideAll(List.<DecisionRequest>of().iterator(),
        BatchOptions.defaults());

    assertThat(results.hasNext()).isFalse();
    assertThatThrownBy(results::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void refusesNullArguments() {
    CreditEngine engine = BatchFleet.engine(SEED);

    assertThatThrownBy(() -> engine.decideAll((Iterator<DecisionRequest>) null, BatchOptions.defaults()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("requests");
    assertThatThrownBy(() -> engine.decideAll(List.<DecisionRequest>of().iterator(), null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("options");
  }
}
