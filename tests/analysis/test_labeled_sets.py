"""The rule analyzer on the project's own labeled messages, written apart from the shared samples.

Every set here was labeled by the README's definitions before the analyzer ran on it, scored once untouched
as a blind set, and only then used to fix the general causes of its misses. All of them are development data
now; the first, blind figures are kept below because they are the honest estimate for unseen messages.

* ``extra_labeled.jsonl`` (423): the first tuning set ``x-`` and four blind batches ``xb-`` … ``xe-``.
* ``blind_labeled.jsonl`` (60): first score critical recall 10/14, priority within one 0.867.
* ``blind2_labeled.jsonl`` (103, 39 critical), written before the rules were reworked to read critical
  concepts (subject × sign): first score critical recall 31/39, precision 0.775, within one 0.845.
* ``blind3_labeled.jsonl`` (40, 16 critical), written after that work as the final blind check: first score
  critical recall 13/16, precision 0.684, within one 0.725.
* ``blind4_labeled.jsonl`` (102, 36 critical), written from the README alone before the analyzer was read:
  first score critical recall 33/36, precision 33/36, within one 0.931, category 0.765.
* ``blind5_labeled.jsonl`` (44, 15 critical), written after the blind4 fixes and run once: critical recall
  12/15, precision 12/13, within one 0.932, category 0.841. It missed the targets, so only its loading is
  asserted; its misses were fixed afterwards by their general causes, which makes it development data too.
* ``blind6_labeled.jsonl`` (120, 17 critical), written by someone who had not read the analyzer's code and
  scored once with the rules and the learned model (``tests/analysis/holdout/README.md``): rules critical
  recall 15/17, precision 0.714, within one 0.933, category 0.717; combined category 0.808. Its misses were
  then fixed by their general causes (a person missing, a supposition, a game or a rumour, a threat taken
  back, a fault found while the bike stands at home) and it joined the model's training data.
* ``blind7_labeled.jsonl`` (120, 19 critical), written the same way after blind6 was learned from; first run,
  combined: category 0.842, within one 0.983, critical recall 15/19, precision 0.789, needs_review 0.075. Its
  misses (an empty battery at a late hour with a child and a request to be fetched, rental bikes that will not
  leave the dock, a child separated from a tour, a card dispute already opened; a fire drill, a part that broke
  on a ride that ended at home, a second ask read as a third) were fixed by their causes.
* ``blind8_labeled.jsonl`` (110, 17 critical), by a second writer; first run, combined: category 0.827, within
  one 0.927, critical recall 14/17, precision 0.700, needs_review 0.118. Fixed by their causes: a wheel locked
  beside fast traffic, an injury read as history because of a purchase date in the next sentence, a partner's
  tour for 30 guests cancelled with a penalty; a blessing, a danger said not to have happened, "Err" read as
  the emergency room, "geçen" read as "gece", a near miss after a slipping gear, children and no car at home.
* ``blind9_labeled.jsonl`` (110, 17 critical), by a third writer after the three training sets below were
  learned from; first run, combined: category 0.882, within one 0.983, critical recall 13/17, precision 0.929,
  needs_review 0.082. Three of its four missed emergencies were ones the model alone was sure of, which made
  the model's sure "critical" count (``combined.Blend.critical_from``); the fourth (a motor cut out at
  midnight far from home) and an order going to the other supplier were fixed in the rules.
* ``blind10_labeled.jsonl`` (110, 18 critical), by a fourth writer, the first set scored with the sure model
  counting; first run, combined: category 0.809, within one 0.955, critical recall 17/18, precision 0.944,
  needs_review 0.100. Fixed by their causes: a tender slipping away today, the phone's battery read as the
  bike's, a theft alarm taken back, a near miss told as a joke.
* ``blind11_labeled.jsonl`` (110, 17 critical), by a fifth writer, scored with the final analyzer of its round;
  first run, combined: category 0.809, within one 0.982, critical recall 17/17, precision 0.895, needs_review
  0.082. Its two false alarms (a failure only believed for a moment, a motor that burned out) and one
  emergency the rules alone missed (a motor locked in the middle of a junction) were fixed.
* ``blind12_labeled.jsonl`` and ``blind13_labeled.jsonl`` (110 each, 17 critical each), by a sixth and a
  seventh writer, scored at ``96f154b`` after six of the training sets below; first runs, combined: blind12
  category 0.855, within one 0.982, critical recall 17/17, precision 0.895, needs_review 0.036 (every
  target met); blind13 category 0.891, within one 0.991, critical recall 16/17, precision 0.941,
  needs_review 0.036. Fixed by their causes: a crack in a carrying part with a ride ahead; a fire feared or
  asked about, legs with "brake failure" 😂.
* ``blind14_labeled.jsonl`` (110, 18 critical), by an eighth writer, scored at ``a7765e4`` after learning
  from blind12 and blind13; first run, combined: category 0.855, within one 0.945, critical recall 18/18,
  precision 0.900, needs_review 0.082. Fixed by their causes: "ne kadar" read as a deadline, orders that
  "exploded", a thanks after a fixed brake read as a complaint.
* ``blind15_labeled.jsonl`` (110, 18 critical), by a ninth writer, scored at ``6eb59e3``; first run,
  combined: category 0.873, within one 0.991, critical recall 17/18, precision 0.944, needs_review 0.036.
  Fixed by their causes: a wheel that "yerinden çıkmış" while riding, "şaka şaka", "done being polite".
* ``blind16_labeled.jsonl`` (110, 17 critical) and ``blind17_labeled.jsonl`` (110, 18 critical), by a tenth
  and an eleventh writer, both scored with the analyzer of ``c63f7af``; first runs, combined: blind16
  category 0.882, within one 0.982, critical recall 16/17, precision 0.800, needs_review 0.091; blind17
  category 0.845, within one 0.955, critical recall 16/18, precision 0.800, needs_review 0.027. Fixed by
  their causes: a lever pulled to the grip, a renter stuck in the sun; brake bleeding, a fire hydrant, a
  buckle to exchange, a bike dropped off, work-from-home spam.

Three training sets were written from the label guide by writers who had read neither the analyzer nor the
other sets, each with a focus, and scored once at ``b62f9b7`` before anything learned from them (combined):

* ``boundaries_labeled.jsonl`` (150, 11 critical): the everyday bulk and the boundaries between categories;
  category 0.880, within one 0.973, critical recall 11/11, precision 0.917, needs_review 0.060.
* ``critical_boundary_labeled.jsonl`` (150, 45 critical): emergencies told indirectly and about 70 harmless
  look-alikes (idioms, jokes, films, hypotheticals, resolved events), harder than real traffic by design;
  category 0.673, within one 0.853, critical recall 34/45, precision 0.654, needs_review 0.200.
* ``threads_labeled.jsonl`` (150, 12 critical): labels that depend on the history, and low messages of every
  kind; category 0.680, within one 0.933, critical recall 12/12, precision 0.923, needs_review 0.093.

Eight more training sets (150 messages each, 14-16 critical) were written the same way in the next round,
each from one desk's angle or about one kind of difficulty, and scored once before anything learned from
them (combined; the commit is the one each was scored at):

* ``after_sales_labeled.jsonl`` (orders, invoices, returns, warranty; at ``2645286``): category 0.880, within
  one 0.987, critical recall 13/15, precision 0.929, needs_review 0.033. The two missed emergencies were
  B2B deliveries of many bikes lost or overdue the day before an event, fixed in the rules.
* ``rentals_labeled.jsonl`` (rentals and tours; at ``26f522c``): category 0.887, within one 0.973, critical
  recall 14/14, precision 0.824, needs_review 0.093.
* ``sales_floor_labeled.jsonl`` (the sales floor and B2B; at ``26f522c``): category 0.893, within one 0.973,
  critical recall 16/16, precision 1.000, needs_review 0.040.
* ``workshop_labeled.jsonl`` (the workshop and parts counter; at ``295c4bd``): category 0.920, within one
  0.980, critical recall 12/14, precision 0.800, needs_review 0.060. Fixed afterwards: a fleet contract whose
  renewal is reconsidered, a stranding counted ("yolda kaldım 2 kere") read as a rider stuck now, a
  handlebar loose under braking ("frenlerken") not read as ridden.
* ``fleets_labeled.jsonl`` (business accounts, fleets, the dealers' group; at ``bed99d6``): category 0.900,
  within one 1.000, critical recall 12/15, precision 1.000, needs_review 0.080. Fixed afterwards: an
  order with a fallback supplier or a penalty clause, a contract under review, a guest left on "X yolunda".
  Left: a headset with play on delivered bikes, asked "shall the children keep riding?", which the rules
  read as a question about a defect; this set is asserted on the combined analyzer's critical recall.
* ``conversations_labeled.jsonl`` (labels that depend on the thread; at ``bed99d6``): category 0.800, within
  one 0.987, critical recall 15/15, precision 0.938, needs_review 0.067. Threads remain the hardest for
  category: a short answer ("the blue one", "185cm") takes the category of the thread it answers.
* ``sideways_labeled.jsonl`` (short, roundabout, joking and scam messages, "no rush" about something
  urgent; at ``71b0333``): category 0.840, within one 0.913, critical recall 13/15, precision 0.722,
  needs_review 0.107; harder than real traffic by design. Fixed afterwards: phishing for a card's PIN, an
  overpayment cheque, an injury "not on a bike", a game in the garden; and the combination again weighs
  "no rush" like any other reading (at ``71b0333`` it kept such a request low, which read "no rush, but the
  delivery is today" as low: within one 0.940 without that).
* ``category_lines_labeled.jsonl`` (messages on both sides of each confusable pair of categories; at
  ``4f63598``): category 0.913, within one 0.980, critical recall 15/15, precision 0.882, needs_review 0.060.

The development targets are asserted on the first sets: critical recall 1.0 (a missed critical message is the
worst failure), critical precision ≥ 0.7, category ≥ 0.80, priority within one ≥ 0.95. ``blind3``,
``blind6``-``blind9``, ``blind11``-``blind15`` and four desk sets are asserted on the critical targets only:
blind3's remaining priority misses (an urgent parts question read as a low inquiry, a delivery complaint
read as normal) were left unfixed, and on the later sets the rules alone read 0.70-0.84 of the categories;
the category is the learned model's part there (``combined``). On ``blind10`` and ``fleets``, where the
rules alone miss an emergency the model reads, the default (combined) analyzer is asserted to read every
one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from izer.analysis.combined import CombinedAnalyzer
from izer.analysis.evaluate import format_report, load_labeled, run_rules_evaluation
from izer.analysis.model import load
from izer.analysis.rules import DEFAULT_BUSINESS_SENDERS
from izer.settings import DEFAULT_MODEL_PATH

DATA = Path(__file__).resolve().parent / "data"
EXTRA = DATA / "extra_labeled.jsonl"
BLIND = DATA / "blind_labeled.jsonl"
BLIND2 = DATA / "blind2_labeled.jsonl"
BLIND3 = DATA / "blind3_labeled.jsonl"
BLIND4 = DATA / "blind4_labeled.jsonl"
BLIND5 = DATA / "blind5_labeled.jsonl"
BLIND6 = DATA / "blind6_labeled.jsonl"
BLIND7 = DATA / "blind7_labeled.jsonl"
BLIND8 = DATA / "blind8_labeled.jsonl"
BLIND9 = DATA / "blind9_labeled.jsonl"
BLIND10 = DATA / "blind10_labeled.jsonl"
BLIND11 = DATA / "blind11_labeled.jsonl"
BLIND12 = DATA / "blind12_labeled.jsonl"
BLIND13 = DATA / "blind13_labeled.jsonl"
BLIND14 = DATA / "blind14_labeled.jsonl"
BLIND15 = DATA / "blind15_labeled.jsonl"
BLIND16 = DATA / "blind16_labeled.jsonl"
BLIND17 = DATA / "blind17_labeled.jsonl"
WRITTEN = [DATA / f"{name}_labeled.jsonl" for name in ("boundaries", "critical_boundary", "threads")]
DESKS = [DATA / f"{name}_labeled.jsonl" for name in ("after_sales", "rentals", "sales_floor", "workshop", "fleets")]
CONVERSATIONS = DATA / "conversations_labeled.jsonl"
HARD = [DATA / f"{name}_labeled.jsonl" for name in ("sideways", "category_lines")]
CATEGORIES = {"sales", "support", "complaint", "inquiry", "technical", "general"}
PRIORITIES = {"critical", "high", "normal", "low"}


@pytest.mark.parametrize(
    ("path", "size"),
    [
        (EXTRA, 150),
        (BLIND, 60),
        (BLIND2, 100),
        (BLIND3, 40),
        (BLIND4, 100),
        (BLIND5, 40),
        (BLIND6, 120),
        (BLIND7, 120),
        (BLIND8, 110),
        (BLIND9, 110),
        (BLIND10, 110),
        (BLIND11, 110),
        (BLIND12, 110),
        (BLIND13, 110),
        (BLIND14, 110),
        (BLIND15, 110),
        (BLIND16, 110),
        (BLIND17, 110),
        *((path, 150) for path in [*WRITTEN, *DESKS, CONVERSATIONS, *HARD]),
    ],
)
def test_the_labeled_sets_are_large_and_cover_every_category_and_priority(path: Path, size: int) -> None:
    records = load_labeled(path)
    assert len(records) >= size
    assert len({record.id for record in records}) == len(records)
    assert {record.labels.category for record in records} == CATEGORIES
    assert {record.labels.priority_level for record in records} == PRIORITIES


@pytest.mark.parametrize("path", [EXTRA, BLIND, BLIND2, BLIND4], ids=lambda path: path.stem)
def test_rule_analyzer_meets_the_targets_on_the_development_sets(path: Path) -> None:
    report = run_rules_evaluation(path)
    assert report.critical_recall == 1.0, format_report(report)
    assert report.critical_precision >= 0.7, format_report(report)
    assert report.category_accuracy >= 0.80, format_report(report)
    assert report.priority_within_one >= 0.95, format_report(report)


@pytest.mark.parametrize(
    "path",
    [BLIND3, BLIND6, BLIND7, BLIND8, BLIND9, BLIND11, BLIND12, BLIND13, BLIND14, BLIND15, *DESKS[:4]],
    ids=lambda path: path.stem,
)
def test_rule_analyzer_reads_the_critical_messages_of_the_later_blind_sets(path: Path) -> None:
    report = run_rules_evaluation(path)
    assert report.critical_recall == 1.0, format_report(report)
    assert report.critical_precision >= 0.7, format_report(report)


@pytest.mark.parametrize("path", [BLIND10, DESKS[4]], ids=lambda path: path.stem)
def test_the_default_analyzer_reads_every_critical_message_where_the_rules_alone_miss_one(path: Path) -> None:
    """On blind10 two emergencies are read by the model alone (a sure "critical", see ``combined.Blend``)."""
    analyzer = CombinedAnalyzer(model=load(DEFAULT_MODEL_PATH), business_senders=DEFAULT_BUSINESS_SENDERS)
    records = load_labeled(path)
    predicted = [analyzer.analyze(record.message).priority_level for record in records]
    critical = [record.labels.priority_level == "critical" for record in records]
    found = sum(1 for label, got in zip(critical, predicted, strict=True) if label and got == "critical")
    alarms = sum(1 for label, got in zip(critical, predicted, strict=True) if not label and got == "critical")
    assert found == sum(critical)
    assert alarms <= 1
