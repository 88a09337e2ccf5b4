//! What an enterprise can get: every measure of a plan evaluated against a [`Profile`] — its
//! beneficiary group, its trigger within its years, and its conditions over named facts —
//! with the reason for each step. The engine reads only the plan's data, so any plan of the
//! format is evaluated the same way.
//!
//! Three outcomes, as in three-valued logic: a step passes, fails, or cannot be decided
//! because the profile does not say (a list left out, a fact not given). A measure
//! [`applies`](Status::Applies) when every step passes, [`does not apply`](Status::DoesNotApply)
//! when one fails, and otherwise [`may apply`](Status::MayApply), naming what is missing.
//!
//! ```
//! let profile = srdi_plan::Profile::from_json(
//!     r#"{"tiers": ["srdi-sme"], "recognitions": [{"tier": "srdi-sme", "year": 2023}], "events": []}"#,
//! ).unwrap();
//! assert_eq!(profile.recognitions.unwrap()[0].year, 2023);
//!
//! let error = srdi_plan::Profile::from_json(r#"{"tier": ["srdi-sme"]}"#).unwrap_err();
//! assert_eq!(error.issues()[0].code, srdi_plan::Code::UnknownField);
//! assert!(error.to_string().contains("did you mean `tiers`?"));
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::answer::Language;
use crate::error::{Code, Issue, QueryError, issues_of};
use crate::instrument::Instrument;
use crate::load::{Format, Input};
use crate::model::{Amount, Condition, Decimal, Entity, Period, TargetKind, Text, Trigger};
use crate::plan::Plan;
use crate::refs::{Citation, ItemRef, MeasureRef};

/// An enterprise, as far as the measures of a plan ask about it.
///
/// A list left out is unknown, and a measure that asks about it may apply; a list given is
/// taken as complete (an empty `events` says nothing happened). Tiers and groups are named
/// by id, printed name or English name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// A name or id of your own, repeated in batch answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The tiers the enterprise holds. A tier recognised in `recognitions` is held too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tiers: Option<Vec<String>>,
    /// The other groups of the plan the enterprise belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<String>>,
    /// When the enterprise was recognised as a tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognitions: Option<Vec<Recognition>>,
    /// What happened to the enterprise, by year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<Event>>,
    /// Values of the facts the plan's conditions ask about, by fact id: `true`/`false`, or a
    /// number for a comparison. A fact left out is unknown.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub facts: BTreeMap<String, FactValue>,
}

/// A recognition of an enterprise as a tier, in a year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recognition {
    /// The tier.
    pub tier: String,
    /// The year of recognition.
    pub year: u16,
}

/// Something that happened to an enterprise, in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// When.
    pub year: u16,
}

/// What can happen to an enterprise that a measure's [`Trigger`] waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// Listed on a stock exchange (上市).
    Listing,
    /// Quoted on an equity exchange centre (挂牌).
    Quotation,
    /// Taken into a pool of enterprises preparing for listing (拟上市企业储备库).
    PreListingPool,
    /// Granted support in a case-by-case decision (一事一议).
    Approval,
}

names! {
    EventKind {
        Listing = "listing",
        Quotation = "quotation",
        PreListingPool = "pre_listing_pool",
        Approval = "approval",
    }
}

/// The value of a fact: yes or no, or a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum FactValue {
    /// Whether the fact holds.
    Yes(bool),
    /// A quantity, compared with `at_least` and `at_most`.
    Number(Decimal),
}

/// Read by hand rather than as an untagged enum, whose buffering would weigh on the
/// WebAssembly module: a boolean is `Yes`, any number a `Number`.
impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Value;

        impl serde::de::Visitor<'_> for Value {
            type Value = FactValue;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("true, false or a number")
            }

            fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<FactValue, E> {
                Ok(FactValue::Yes(value))
            }

            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<FactValue, E> {
                Ok(FactValue::Number(Decimal::whole(value)))
            }

            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<FactValue, E> {
                i64::try_from(value)
                    .map(|value| FactValue::Number(Decimal::whole(value)))
                    .map_err(|_| E::custom("the number is too large"))
            }

            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<FactValue, E> {
                Decimal::parse(&value.to_string())
                    .map(FactValue::Number)
                    .ok_or_else(|| E::custom("the number has too many digits to be exact"))
            }
        }

        deserializer.deserialize_any(Value)
    }
}

/// Whether a measure applies to a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every step passes.
    Applies,
    /// No step fails, but the profile does not say enough to decide (see `missing`).
    MayApply,
    /// A step fails (see `failed`).
    DoesNotApply,
}

names! {
    Status {
        Applies = "applies",
        MayApply = "may_apply",
        DoesNotApply = "does_not_apply",
    }
}

/// One step of evaluating a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// The enterprise belongs to the beneficiary group.
    Group,
    /// The triggering event happened within the measure's years.
    Trigger,
    /// The conditions over named facts hold.
    Conditions,
}

names! {
    Test {
        Group = "group",
        Trigger = "trigger",
        Conditions = "conditions",
    }
}

/// The outcome of one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The step holds.
    Pass,
    /// The step does not hold.
    Fail,
    /// The profile does not say.
    Unknown,
}

/// One evaluated step, with its reason in words and the words of the text it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Step {
    /// What was evaluated.
    pub test: Test,
    /// How it came out.
    pub outcome: Outcome,
    /// Why, in English.
    pub reason: String,
    /// The printed words the step evaluates, verbatim, when the text has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A measure evaluated for a profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entitlement<'a> {
    /// The measure's id.
    pub measure: &'a str,
    /// The id of the task that offers it (`task-28`).
    pub task: &'a str,
    /// Where the task stands.
    pub citation: Option<Citation>,
    /// The kind of benefit.
    pub instrument: Instrument,
    /// Whether it applies.
    pub status: Status,
    /// The sum, when the text states one.
    pub amount: Option<&'a Amount>,
    /// Paid once only (一次性); otherwise the text does not say it is limited to once.
    pub one_time: bool,
    /// The document whose rules govern it.
    pub legal_basis: Option<&'a Entity>,
    /// The clause that grants it, verbatim, and our translation.
    pub text: &'a Text,
    /// What would decide a `may_apply`: a list the profile left out (`tiers`, `groups`,
    /// `recognitions`, `events`), a fact id, the event awaited (`approval`, for a case-by-case
    /// decision), or `qualifying_project` when the text does not say what project qualifies.
    pub missing: Vec<String>,
    /// The steps that failed (for `does_not_apply`).
    pub failed: Vec<Test>,
    /// Every step evaluated, in order.
    pub trace: Vec<Step>,
}

/// The sum of the amounts that apply, in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Total {
    /// ISO 4217 code.
    pub currency: String,
    /// The sum, in whole currency units.
    pub value: u64,
    /// The measures summed.
    pub measures: Vec<String>,
}

/// Counts of enterprises by tier recognised and by event, by year: what a plan's one-time
/// rewards would cost.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// How many enterprises are recognised as a tier, by year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recognitions: Vec<RecognitionCount>,
    /// How many enterprises an event happens to, by year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventCount>,
}

/// How many enterprises are recognised as a tier in a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecognitionCount {
    /// The tier, by id, printed or English name.
    pub tier: String,
    /// The year.
    pub year: u16,
    /// How many enterprises.
    pub count: u32,
}

/// How many enterprises an event happens to in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EventCount {
    /// What happens.
    pub kind: EventKind,
    /// The year.
    pub year: u16,
    /// How many enterprises.
    pub count: u32,
}

/// What the one-time rewards of a plan cost in a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cost {
    /// One line per measure and year.
    pub lines: Vec<CostLine>,
    /// The sums by year and currency.
    pub by_year: Vec<YearTotal>,
    /// The sums by currency.
    pub total: Vec<YearTotal>,
    /// The measures with a trigger that could not be costed, and why.
    pub not_costed: Vec<NotCosted>,
    /// What the scenario assumes, when it was built from the plan's goals.
    pub assumptions: Vec<String>,
}

/// What one measure costs in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CostLine {
    /// The measure's id.
    pub measure: String,
    /// Where its task stands.
    pub citation: Option<Citation>,
    /// The year.
    pub year: u16,
    /// How many enterprises receive it.
    pub count: u32,
    /// The amount each receives.
    pub amount: u64,
    /// ISO 4217 code.
    pub currency: String,
    /// `count` × `amount`.
    pub value: u64,
}

/// A sum in one currency, in one year (`null` for all years).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearTotal {
    /// The year.
    pub year: Option<u16>,
    /// ISO 4217 code.
    pub currency: String,
    /// The sum.
    pub value: u64,
}

/// A triggered measure left out of a cost, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NotCosted {
    /// The measure's id.
    pub measure: String,
    /// Why.
    pub reason: String,
}

/// `from_json`, `from_bytes` and `from_value` for an input the loader reads and checks
/// against its committed schema, as it does a plan: every problem at once, with its path.
macro_rules! inputs {
    ($($name:ident => $format:expr, $what:literal, $reader:literal;)*) => {$(
        impl $name {
            #[doc = concat!("Reads ", $what, " from JSON, reporting every problem of its shape at once (unknown keys with the closest valid one).")]
            ///
            #[doc = concat!("The names it uses are checked when a plan answers; [`Plan::", $reader, "`] checks both at once.")]
            ///
            /// # Errors
            ///
            /// [`QueryError::InvalidInput`] with every issue found.
            pub fn from_json(json: &str) -> Result<Self, QueryError> {
                crate::load::read_input(Input::from(json), $format)
            }

            #[doc = concat!("Reads ", $what, " from the bytes of a file (UTF-8 JSON), its size and encoding checked first.")]
            ///
            /// # Errors
            ///
            /// [`QueryError::InvalidInput`] with every issue found, `invalid_encoding` included.
            pub fn from_bytes(bytes: &[u8]) -> Result<Self, QueryError> {
                crate::load::read_input(Input::Bytes(bytes), $format)
            }

            #[doc = concat!("Reads ", $what, " from a JSON value (a Python dict, say), checked as `from_json` checks text.")]
            ///
            /// # Errors
            ///
            /// [`QueryError::InvalidInput`] with every issue found.
            pub fn from_value(value: serde_json::Value) -> Result<Self, QueryError> {
                crate::load::read_input(Input::Value(value), $format)
            }
        }
    )*};
}

inputs! {
    Profile => Format::Profile, "a profile", "read_profile";
    Scenario => Format::Scenario, "a scenario", "read_scenario";
}

impl Scenario {
    /// The scenario a plan's goals describe: every goal that reaches or increases a number of
    /// enterprises of one tier by a year (a count: its unit a counting word, 家) counts as that
    /// many recognitions in that year. An upper bound: some of them may have been recognised
    /// before the plan.
    pub fn from_goals(plan: &Plan) -> (Self, Vec<String>) {
        let data = plan.data();
        let mut scenario = Self::default();
        let mut assumptions = Vec::new();
        for goal in data.goals.iter() {
            let tier = goal
                .group
                .as_deref()
                .filter(|group| matches!(plan.item(group), Some(ItemRef::Tier(_))));
            let year = goal.by_year.or(data.period.map(|period| period.end));
            let unit = goal.unit.as_deref().unwrap_or_default();
            let count = goal
                .value
                .filter(|_| crate::quantity::is_classifier(unit))
                .and_then(Decimal::as_whole)
                .and_then(|v| u32::try_from(v).ok());
            if let (TargetKind::Reach | TargetKind::Increase, Some(tier), Some(year), Some(count)) =
                (goal.kind, tier, year, count)
            {
                scenario.recognitions.push(RecognitionCount {
                    tier: tier.to_owned(),
                    year,
                    count,
                });
                assumptions.push(format!(
                    "{}: {count} {tier} counted as newly recognised in {year} (an upper \
                     bound: the goal also counts those recognised before the plan)",
                    goal.id
                ));
            } else {
                let why = if !matches!(goal.kind, TargetKind::Reach | TargetKind::Increase) {
                    format!("kind `{}`, not `reach` or `increase`", goal.kind.as_str())
                } else if tier.is_none() {
                    "it counts no tier".to_owned()
                } else if count.is_none() {
                    format!(
                        "`{}{unit}` is no number of enterprises",
                        goal.value.map(|v| v.to_string()).unwrap_or_default()
                    )
                } else {
                    "it has no year".to_owned()
                };
                assumptions.push(format!("{}: not counted ({why})", goal.id));
            }
        }
        (scenario, assumptions)
    }
}

/// The profile with its names resolved against a plan.
struct Resolved {
    /// Tiers and groups held; `None` where the profile does not say.
    tiers: Option<Vec<ItemRef>>,
    groups: Option<Vec<ItemRef>>,
    recognitions: Option<Vec<(ItemRef, u16)>>,
}

impl Plan {
    /// The kinds of event the triggers of the plan's measures wait for, each once, in the
    /// order the plan first asks about them.
    pub(crate) fn event_kinds(&self) -> Vec<EventKind> {
        let mut kinds = Vec::new();
        let triggers = self.measure_refs().filter_map(|at| self.get(at)?.trigger);
        for kind in triggers.filter_map(event_kinds).flatten() {
            if !kinds.contains(kind) {
                kinds.push(*kind);
            }
        }
        kinds
    }

    /// Every measure of the plan, evaluated for `profile`.
    ///
    /// ```
    /// use srdi_plan::{Profile, Status};
    /// let plan = srdi_plan::wulong();
    /// let profile = Profile::from_json(r#"{"tiers": [], "recognitions": [{"tier": "srdi-sme", "year": 2023}], "events": []}"#).unwrap();
    /// let answer = plan.entitlements(&profile).unwrap();
    /// let reward = answer.iter().find(|e| e.measure == "task-28-m2").unwrap();
    /// assert_eq!(reward.status, Status::Applies);
    /// assert_eq!(reward.amount.unwrap().value, 200_000);
    /// assert_eq!(plan.entitlement_total(&answer)[0].value, 200_000);
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidInput`] if the profile names a tier, group or fact the plan
    /// does not have (each with the closest names), or gives a fact a value of the wrong kind.
    pub fn entitlements(&self, profile: &Profile) -> Result<Vec<Entitlement<'_>>, QueryError> {
        let resolved = self.resolve_profile(profile)?;
        Ok(self
            .catalog()
            .iter()
            .map(|listed| {
                self.entitlement(listed.at, self.judge(listed, profile, &resolved), profile)
            })
            .collect())
    }

    /// Every measure judged for `profile`, without words: what the batch table reads.
    pub(crate) fn judgements<'a>(
        &'a self,
        catalog: &[Listed<'a>],
        profile: &Profile,
    ) -> Result<Vec<Judgement<'a>>, QueryError> {
        let resolved = self.resolve_profile(profile)?;
        Ok(catalog
            .iter()
            .map(|listed| self.judge(listed, profile, &resolved))
            .collect())
    }

    /// Every measure with what each judgement asks of it, looked up once.
    pub(crate) fn catalog(&self) -> Vec<Listed<'_>> {
        self.measure_refs()
            .filter_map(|at| {
                let measure = self.get(at)?;
                Some(Listed {
                    at,
                    measure,
                    task: self.task_id(at.task()),
                    members: measure
                        .beneficiary
                        .group
                        .as_deref()
                        .map(|g| self.members_of(g)),
                })
            })
            .collect()
    }

    /// The sums of the amounts that apply, by currency. A valid plan's amounts add up to at
    /// most [`crate::LARGEST_NUMBER`] (validation says `out_of_range` otherwise), so a sum
    /// of some of them is exact on every surface.
    pub fn entitlement_total(&self, entitlements: &[Entitlement<'_>]) -> Vec<Total> {
        let mut totals: Vec<Total> = Vec::new();
        for entitlement in entitlements.iter().filter(|e| e.status == Status::Applies) {
            let Some(amount) = entitlement.amount else {
                continue;
            };
            if !totals.iter().any(|t| t.currency == amount.currency) {
                totals.push(Total {
                    currency: amount.currency.to_string(),
                    value: 0,
                    measures: Vec::new(),
                });
            }
            if let Some(total) = totals.iter_mut().find(|t| t.currency == amount.currency) {
                total.value = total.value.saturating_add(amount.value);
                total.measures.push(entitlement.measure.to_owned());
            }
        }
        totals
    }

    /// What the one-time rewards cost for the plan's own goals, as [`Scenario::from_goals`]
    /// reads them (an upper bound), with the assumptions that reading makes.
    ///
    /// ```
    /// let cost = srdi_plan::wulong().goals_cost().unwrap();
    /// assert_eq!(cost.total[0].value, 3_000_000);
    /// assert!(!cost.assumptions.is_empty());
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Plan::cost`].
    pub fn goals_cost(&self) -> Result<Cost, QueryError> {
        let (scenario, assumptions) = Scenario::from_goals(self);
        Ok(Cost {
            assumptions,
            ..self.cost(&scenario)?
        })
    }

    /// What the one-time rewards tied to a recognition or an event cost in `scenario`, by year.
    ///
    /// ```
    /// use srdi_plan::Scenario;
    /// let plan = srdi_plan::wulong();
    /// let scenario = Scenario::from_json(r#"{"recognitions": [{"tier": "srdi-sme", "year": 2023, "count": 3}]}"#).unwrap();
    /// let cost = plan.cost(&scenario).unwrap();
    /// assert_eq!(cost.total[0].value, 600_000);
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidInput`] if the scenario names a tier the plan does not have, or
    /// its costs come to more than [`crate::LARGEST_NUMBER`] (`out_of_range`, at the row
    /// whose count does it, or at the root for a sum).
    pub fn cost(&self, scenario: &Scenario) -> Result<Cost, QueryError> {
        let recognitions = self.recognitions(scenario)?;
        let mut issues = Vec::new();
        let mut cost = Cost {
            lines: Vec::new(),
            by_year: Vec::new(),
            total: Vec::new(),
            not_costed: Vec::new(),
            assumptions: Vec::new(),
        };
        for at in self.measure_refs() {
            let (Some(measure), Some(view)) = (self.get(at), self.measure_view(at)) else {
                continue;
            };
            let Some(trigger) = measure.trigger else {
                continue;
            };
            let not_costed = |reason: &str| NotCosted {
                measure: measure.id.to_string(),
                reason: reason.to_owned(),
            };
            let Some(amount) = &measure.amount else {
                cost.not_costed
                    .push(not_costed("the text states no amount"));
                continue;
            };
            if !measure.one_time {
                cost.not_costed.push(not_costed(
                    "not one-time: the text does not say how often it is paid",
                ));
                continue;
            }
            if measure.conditions.is_some() || trigger == Trigger::QualifyingProject {
                cost.not_costed
                    .push(not_costed("it depends on conditions a count does not tell"));
                continue;
            }
            let window = self.window(measure.years);
            let members = measure
                .beneficiary
                .group
                .as_deref()
                .map(|group| self.members_of(group));
            // Each count with the list and position of its row, for an error's pointer.
            let counts: Vec<(&str, usize, u16, u32)> = match event_kinds(trigger) {
                None => recognitions
                    .iter()
                    .filter(|(_, tier, _)| members.as_ref().is_none_or(|m| m.contains(tier)))
                    .map(|&(i, _, count)| ("recognitions", i, count.year, count.count))
                    .collect(),
                Some(kinds) => scenario
                    .events
                    .iter()
                    .enumerate()
                    .filter(|(_, count)| kinds.contains(&count.kind))
                    .map(|(i, count)| ("events", i, count.year, count.count))
                    .collect(),
            };
            for (list, i, year, count) in counts {
                if window.is_some_and(|window| !window.contains(year)) || count == 0 {
                    continue;
                }
                let Some(value) = within_largest(amount.value.checked_mul(u64::from(count))) else {
                    let what = format!("{count} × {} ({})", amount.value, measure.id);
                    issues.push(beyond_largest(format!("/{list}/{i}/count"), &what));
                    continue;
                };
                cost.lines.push(CostLine {
                    measure: measure.id.to_string(),
                    citation: view.citation.clone(),
                    year,
                    count,
                    amount: amount.value,
                    currency: amount.currency.to_string(),
                    value,
                });
            }
        }
        issues.extend(cost.add_sums());
        if !issues.is_empty() {
            return Err(QueryError::InvalidInput(issues));
        }
        cost.by_year
            .sort_by(|a, b| (a.year, &a.currency).cmp(&(b.year, &b.currency)));
        Ok(cost)
    }

    /// The years a measure counts events in: its own, or the plan's period.
    fn window(&self, years: Option<Period>) -> Option<Period> {
        years.or(self.data().period)
    }

    /// Each count of recognitions of a scenario, with its row and the plan's tier.
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidInput`] naming each tier the plan does not have.
    fn recognitions<'s>(
        &self,
        scenario: &'s Scenario,
    ) -> Result<Vec<(usize, ItemRef, &'s RecognitionCount)>, QueryError> {
        let mut issues = Vec::new();
        let recognitions = scenario
            .recognitions
            .iter()
            .enumerate()
            .filter_map(|(i, count)| {
                let path = || format!("/recognitions/{i}/tier");
                self.resolve_named(&count.tier, Named::Tier, path, &mut issues)
                    .map(|tier| (i, tier, count))
            })
            .collect();
        if issues.is_empty() {
            Ok(recognitions)
        } else {
            Err(QueryError::InvalidInput(issues))
        }
    }

    /// Reads a profile for this plan, and reports every problem at once: those of its shape
    /// (as [`Profile::from_json`]) and the tiers, groups and facts it names that the plan does
    /// not have. What is ill-shaped is left out of the second check, as a plan file's rules
    /// skip what its shape check removed.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let error = plan.read_profile(r#"{"tiers": ["srdi", 5]}"#).unwrap_err();
    /// let found: Vec<_> = error.issues().iter().map(|i| (i.code.as_str(), i.path.as_str())).collect();
    /// assert_eq!(found, [("wrong_type", "/tiers/1"), ("unknown_group", "/tiers/0")]);
    /// assert!(plan.read_profile(r#"{"tiers": ["srdi-sme"]}"#).is_ok());
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidInput`] with every issue found.
    pub fn read_profile<'a>(&self, input: impl Into<Input<'a>>) -> Result<Profile, QueryError> {
        crate::load::read_partial(input.into(), Format::Profile)?
            .finish(|profile, _| issues_of(self.resolve_profile(profile)))
    }

    /// Reads the profiles of many enterprises for this plan, each as [`Plan::read_profile`]
    /// reads one, and reports every problem of every profile at once, each path starting
    /// with the profile's position. Each item is a profile, or the error met in getting it
    /// (a file over the size limit, refused before it is read), reported in its place.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let profiles = [r#"{"tiers": ["srdi-sme"]}"#, r#"{"tiers": ["srdi"]}"#, "{"];
    /// let error = plan.read_profiles(profiles.map(|text| Ok(text.into()))).unwrap_err();
    /// let found: Vec<_> = error.issues().iter().map(|i| (i.code.as_str(), i.path.as_str())).collect();
    /// assert_eq!(found, [("unknown_group", "/1/tiers/0"), ("syntax_error", "/2")]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidInput`] with every issue found; any other error an item holds.
    pub fn read_profiles<'a>(
        &self,
        inputs: impl IntoIterator<Item = Result<Input<'a>, QueryError>>,
    ) -> Result<Vec<Profile>, QueryError> {
        let mut profiles = Vec::new();
        let mut issues = Vec::new();
        for (i, input) in inputs.into_iter().enumerate() {
            let read = input.and_then(|input| self.read_profile(input));
            match read.map_err(|error| error.at_position(i)) {
                Ok(profile) => profiles.push(profile),
                Err(QueryError::InvalidInput(found)) => issues.extend(found),
                Err(error) => return Err(error),
            }
        }
        if issues.is_empty() {
            Ok(profiles)
        } else {
            Err(QueryError::InvalidInput(issues))
        }
    }

    /// Reads a scenario for this plan, and reports every problem at once: those of its shape
    /// (as [`Scenario::from_json`]) and the tiers it names that the plan does not have.
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidInput`] with every issue found.
    pub fn read_scenario<'a>(&self, input: impl Into<Input<'a>>) -> Result<Scenario, QueryError> {
        crate::load::read_partial(input.into(), Format::Scenario)?
            .finish(|scenario, _| issues_of(self.recognitions(scenario)))
    }

    fn resolve_profile(&self, profile: &Profile) -> Result<Resolved, QueryError> {
        let mut issues = Vec::new();
        let mut names = |list: &Option<Vec<String>>, kind: Named, key: &str| {
            list.as_ref().map(|names| {
                names
                    .iter()
                    .enumerate()
                    .filter_map(|(i, name)| {
                        self.resolve_named(name, kind, || format!("/{key}/{i}"), &mut issues)
                    })
                    .collect::<Vec<_>>()
            })
        };
        let mut tiers = names(&profile.tiers, Named::Tier, "tiers");
        let groups = names(&profile.groups, Named::Group, "groups");
        let recognitions = profile.recognitions.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .filter_map(|(i, r)| {
                    let path = || format!("/recognitions/{i}/tier");
                    self.resolve_named(&r.tier, Named::Tier, path, &mut issues)
                        .map(|tier| (tier, r.year))
                })
                .collect::<Vec<_>>()
        });
        self.check_facts(&profile.facts, &mut issues);
        if !issues.is_empty() {
            return Err(QueryError::InvalidInput(issues));
        }
        // A tier recognised is a tier held.
        if let (Some(tiers), Some(recognitions)) = (&mut tiers, &recognitions) {
            for (tier, _) in recognitions {
                if !tiers.contains(tier) {
                    tiers.push(*tier);
                }
            }
        }
        Ok(Resolved {
            tiers,
            groups,
            recognitions,
        })
    }

    /// A tier or group of the plan by id, printed or English name; an issue if there is none.
    fn resolve_named(
        &self,
        name: &str,
        kind: Named,
        path: impl FnOnce() -> String,
        issues: &mut Vec<Issue>,
    ) -> Option<ItemRef> {
        let found = self
            .find_group(name)
            .ok()
            .and_then(|members| match members[..] {
                [item @ ItemRef::Tier(_)] if kind == Named::Tier => Some(item),
                [item @ ItemRef::Group(_)] if kind == Named::Group => Some(item),
                _ => None,
            });
        if found.is_none() {
            let data = self.data();
            let candidates: Vec<&str> = match kind {
                Named::Tier => data.tiers.iter().map(|t| t.id.as_ref()).collect(),
                Named::Group => data.groups.iter().map(|g| g.id.as_ref()).collect(),
            };
            let noun = match kind {
                Named::Tier => "tier",
                Named::Group => "group",
            };
            issues.push(Issue::new(
                Code::UnknownGroup,
                path(),
                format!(
                    "the plan has no {noun} `{name}`{}",
                    did_you_mean(name, &candidates)
                ),
            ));
        }
        found
    }

    /// Each fact given is one the plan's conditions ask about, with a value of its kind.
    fn check_facts(&self, facts: &BTreeMap<String, FactValue>, issues: &mut Vec<Issue>) {
        if facts.is_empty() {
            return;
        }
        let declared = &self.data().facts;
        let ids: Vec<&str> = declared.iter().map(|fact| fact.id.as_ref()).collect();
        for (name, value) in facts {
            let path = format!("/facts/{}", crate::load::escape_token(name));
            if !ids.contains(&name.as_str()) {
                issues.push(Issue::new(
                    Code::UnknownFact,
                    path,
                    format!(
                        "the plan asks about no fact `{name}`{}",
                        did_you_mean(name, &ids)
                    ),
                ));
                continue;
            }
            let number = self
                .data()
                .facts
                .iter()
                .any(|fact| fact.id == *name && fact.kind == crate::model::FactKind::Number);
            let wrong = match value {
                FactValue::Yes(_) if number => Some("a number"),
                FactValue::Number(_) if !number => Some("true or false"),
                _ => None,
            };
            if let Some(expected) = wrong {
                issues.push(Issue::new(
                    Code::WrongType,
                    path,
                    format!("the fact `{name}` takes {expected}"),
                ));
            }
        }
    }

    /// The status of one measure for a profile, and what each step found.
    fn judge<'a>(
        &self,
        listed: &Listed<'a>,
        profile: &Profile,
        resolved: &Resolved,
    ) -> Judgement<'a> {
        let measure = listed.measure;
        let mut found = Vec::with_capacity(3);
        found.push(group_finding(listed, resolved));
        if let Some(trigger) = measure.trigger {
            found.push(self.trigger_finding(trigger, listed, profile, resolved));
        }
        if let Some(conditions) = &measure.conditions {
            found.push(Found {
                test: Test::Conditions,
                outcome: evaluate(conditions, &profile.facts),
                why: Why::Conditions(conditions),
            });
        }
        let failed: Vec<Test> = found
            .iter()
            .filter(|f| f.outcome == Outcome::Fail)
            .map(|f| f.test)
            .collect();
        let mut missing: Vec<&str> = Vec::new();
        if failed.is_empty() {
            for f in found.iter().filter(|f| f.outcome == Outcome::Unknown) {
                match f.why {
                    Why::Conditions(conditions) => missing.extend(
                        conditions
                            .facts()
                            .into_iter()
                            .filter(|fact| !profile.facts.contains_key(*fact)),
                    ),
                    ref why => missing.push(why.missing()),
                }
            }
        }
        missing.dedup();
        let undecided = found.iter().any(|f| f.outcome == Outcome::Unknown);
        let status = match (failed.is_empty(), undecided) {
            (false, _) => Status::DoesNotApply,
            (true, false) => Status::Applies,
            (true, true) => Status::MayApply,
        };
        Judgement {
            measure,
            task: listed.task,
            status,
            missing,
            failed,
            found,
        }
    }

    /// A judgement as the answer gives it: with its citation, and each step in words.
    fn entitlement<'a>(
        &'a self,
        at: MeasureRef,
        judgement: Judgement<'a>,
        profile: &Profile,
    ) -> Entitlement<'a> {
        let measure = judgement.measure;
        let trace = judgement
            .found
            .iter()
            .map(|f| Step {
                test: f.test,
                outcome: f.outcome,
                reason: self.words(&f.why, profile),
                quote: match f.test {
                    Test::Group => measure
                        .beneficiary
                        .group
                        .as_deref()
                        .and_then(|group| self.group_name(group))
                        .map(|name| name.zh.to_string()),
                    Test::Trigger | Test::Conditions => measure
                        .beneficiary
                        .condition
                        .as_ref()
                        .map(|c| c.zh.to_string()),
                },
            })
            .collect();
        Entitlement {
            measure: &measure.id,
            task: judgement.task,
            citation: self.citation(ItemRef::Task(at.task())),
            instrument: measure.instrument,
            status: judgement.status,
            amount: measure.amount.as_ref(),
            one_time: measure.one_time,
            legal_basis: measure
                .legal_basis
                .as_deref()
                .and_then(|id| self.data().entities.iter().find(|entity| entity.id == id)),
            text: &measure.text,
            missing: judgement.missing.iter().map(|&m| m.to_owned()).collect(),
            failed: judgement.failed,
            trace,
        }
    }

    fn trigger_finding<'a>(
        &self,
        trigger: Trigger,
        listed: &Listed<'a>,
        profile: &Profile,
        resolved: &Resolved,
    ) -> Found<'a> {
        let measure = listed.measure;
        let window = self.window(measure.years);
        let within = |year: u16| window.is_none_or(|w| w.contains(year));
        let found = |outcome, why| Found {
            test: Test::Trigger,
            outcome,
            why,
        };
        let Some(kinds) = event_kinds(trigger) else {
            if trigger == Trigger::QualifyingProject {
                return match measure.conditions {
                    Some(_) => found(Outcome::Pass, Why::Project { described: true }),
                    None => found(Outcome::Unknown, Why::Project { described: false }),
                };
            }
            let Some(recognitions) = &resolved.recognitions else {
                return found(Outcome::Unknown, Why::NoRecognitions { window });
            };
            let members = &listed.members;
            let mut relevant = recognitions
                .iter()
                .filter(|(tier, _)| members.as_ref().is_none_or(|m| m.contains(tier)));
            let first = relevant.clone().next().copied();
            return match (relevant.find(|(_, year)| within(*year)), first) {
                (Some(&(tier, year)), _) => found(
                    Outcome::Pass,
                    Why::RecognitionIn {
                        tier,
                        year,
                        window,
                        within: true,
                    },
                ),
                (None, Some((tier, year))) => found(
                    Outcome::Fail,
                    Why::RecognitionIn {
                        tier,
                        year,
                        window,
                        within: false,
                    },
                ),
                (None, None) => found(Outcome::Fail, Why::NoRecognition { window }),
            };
        };
        let Some(events) = &profile.events else {
            return found(Outcome::Unknown, Why::NoEvents { kinds, window });
        };
        let mut relevant = events.iter().filter(|e| kinds.contains(&e.kind));
        let first = relevant.clone().next().copied();
        match (relevant.find(|e| within(e.year)), first) {
            (Some(&event), _) => found(
                Outcome::Pass,
                Why::EventIn {
                    event,
                    window,
                    within: true,
                },
            ),
            (None, Some(event)) => found(
                Outcome::Fail,
                Why::EventIn {
                    event,
                    window,
                    within: false,
                },
            ),
            // A case-by-case decision is made on the enterprise's request: until it is
            // made, the support may still be granted.
            (None, None) if trigger == Trigger::CaseByCase => {
                found(Outcome::Unknown, Why::Undecided { window })
            }
            (None, None) => found(Outcome::Fail, Why::NoEvent { kinds, window }),
        }
    }

    /// A finding in words, for the trace.
    fn words(&self, why: &Why<'_>, profile: &Profile) -> String {
        let stands = |group: &str| {
            let members = self.members_of(group);
            match members.as_slice() {
                [only] if self.id_of(*only) == group => format!("`{group}`"),
                _ => format!("`{group}`, which stands for {}", self.ids(&members)),
            }
        };
        let span = |window: &Option<Period>| {
            window.map_or_else(String::new, |w| format!(" within {}–{}", w.start, w.end))
        };
        match why {
            Why::OpenToAll => "the measure names no group: open to any enterprise".to_owned(),
            Why::Holds { group, item } => format!(
                "the enterprise holds `{}`; the measure is for {}",
                self.id_of(*item),
                stands(group)
            ),
            Why::Recognised { group, item, year } => format!(
                "the enterprise was recognised as `{}` in {year}; the measure is for {}",
                self.id_of(*item),
                stands(group)
            ),
            Why::NotGiven { group, list } => format!(
                "the profile does not give its {list}; the measure is for {}",
                stands(group)
            ),
            Why::HoldsNone { group } => format!(
                "the enterprise holds none of {}; the measure is for {}",
                self.ids(&self.members_of(group)),
                stands(group)
            ),
            Why::Project { described: true } => {
                "a qualifying project: what it is, the conditions say".to_owned()
            }
            Why::Project { described: false } => {
                "a qualifying project, which the text does not describe further".to_owned()
            }
            Why::NoRecognitions { window } => format!(
                "a new recognition{}; the profile does not give its recognitions",
                span(window)
            ),
            Why::RecognitionIn {
                tier,
                year,
                window,
                within,
            } => format!(
                "recognised as `{}` in {year}, {}{}",
                self.id_of(*tier),
                if *within { "" } else { "not " },
                span(window).trim_start()
            ),
            Why::NoRecognition { window } => format!(
                "no recognition as a tier the measure is for{}",
                span(window)
            ),
            Why::NoEvents { kinds, window } => format!(
                "an event ({}){}; the profile does not give its events",
                event_names(kinds),
                span(window)
            ),
            Why::EventIn {
                event,
                window,
                within,
            } => format!(
                "{} in {}, {}{}",
                event.kind,
                event.year,
                if *within { "" } else { "not " },
                span(window).trim_start()
            ),
            Why::Undecided { window } => format!(
                "decided case by case: no approval yet{}, which may still be granted",
                span(window)
            ),
            Why::NoEvent { kinds, window } => {
                format!("no event {}{}", event_names(kinds), span(window))
            }
            Why::Conditions(conditions) => conditions
                .facts()
                .into_iter()
                .map(|id| self.fact_in_words(id, conditions, &profile.facts))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// One fact of a condition, its value and what it is compared with, in words.
    fn fact_in_words(
        &self,
        id: &str,
        conditions: &Condition,
        facts: &BTreeMap<String, FactValue>,
    ) -> String {
        let name = self
            .data()
            .facts
            .iter()
            .find(|fact| fact.id == id)
            .map_or_else(
                || format!("`{id}`"),
                |fact| format!("`{id}` ({})", fact.name.zh),
            );
        match facts.get(id) {
            None => format!("{name} not given"),
            Some(FactValue::Yes(true)) => format!("{name} holds"),
            Some(FactValue::Yes(false)) => format!("{name} does not hold"),
            Some(FactValue::Number(value)) => {
                let bounds: Vec<String> = conditions
                    .comparisons(id)
                    .map(|(at_least, bound)| {
                        format!("{} {bound}", if at_least { "at least" } else { "at most" })
                    })
                    .collect();
                format!(
                    "{name} is {value} (the text asks for {})",
                    bounds.join(" and ")
                )
            }
        }
    }

    /// Ids of tiers and groups, in backticks.
    fn ids(&self, items: &[ItemRef]) -> String {
        items
            .iter()
            .map(|item| format!("`{}`", self.id_of(*item)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The printed name of a tier, group or defined term.
    fn group_name(&self, id: &str) -> Option<&Text> {
        let data = self.data();
        data.tiers
            .iter()
            .find(|t| t.id == id)
            .map(|t| &t.name)
            .or_else(|| data.groups.iter().find(|g| g.id == id).map(|g| &g.name))
            .or_else(|| {
                data.defined_terms
                    .iter()
                    .find(|t| t.id == id)
                    .map(|t| &t.term)
            })
    }
}

/// A measure, with what every judgement asks of it.
pub(crate) struct Listed<'a> {
    at: MeasureRef,
    measure: &'a crate::model::Measure,
    task: &'a str,
    /// The tiers and groups its beneficiary group stands for.
    members: Option<Vec<ItemRef>>,
}

/// The verdict on one measure, before it is put in words: what the answer and the batch
/// table share.
pub(crate) struct Judgement<'a> {
    pub(crate) measure: &'a crate::model::Measure,
    pub(crate) task: &'a str,
    pub(crate) status: Status,
    /// What the profile would have to give, for `may_apply`.
    pub(crate) missing: Vec<&'a str>,
    pub(crate) failed: Vec<Test>,
    found: Vec<Found<'a>>,
}

/// What one step found.
struct Found<'a> {
    test: Test,
    outcome: Outcome,
    why: Why<'a>,
}

/// Why a step came out as it did; [`Plan::words`] says it.
enum Why<'a> {
    OpenToAll,
    Holds {
        group: &'a str,
        item: ItemRef,
    },
    Recognised {
        group: &'a str,
        item: ItemRef,
        year: u16,
    },
    NotGiven {
        group: &'a str,
        list: &'static str,
    },
    HoldsNone {
        group: &'a str,
    },
    Project {
        described: bool,
    },
    NoRecognitions {
        window: Option<Period>,
    },
    RecognitionIn {
        tier: ItemRef,
        year: u16,
        window: Option<Period>,
        within: bool,
    },
    NoRecognition {
        window: Option<Period>,
    },
    NoEvents {
        kinds: &'static [EventKind],
        window: Option<Period>,
    },
    EventIn {
        event: Event,
        window: Option<Period>,
        within: bool,
    },
    NoEvent {
        kinds: &'static [EventKind],
        window: Option<Period>,
    },
    Undecided {
        window: Option<Period>,
    },
    Conditions(&'a Condition),
}

impl Why<'_> {
    /// What a profile must give for a step that could not be decided (conditions name their
    /// facts instead).
    fn missing(&self) -> &'static str {
        match self {
            Self::NotGiven { list, .. } => list,
            Self::NoRecognitions { .. } => "recognitions",
            Self::NoEvents { .. } => "events",
            // An `approval` event would settle it.
            Self::Undecided { .. } => "approval",
            // The text does not say what project qualifies: no profile can settle it.
            Self::Project { .. } => "qualifying_project",
            Self::OpenToAll
            | Self::Holds { .. }
            | Self::Recognised { .. }
            | Self::HoldsNone { .. }
            | Self::RecognitionIn { .. }
            | Self::NoRecognition { .. }
            | Self::EventIn { .. }
            | Self::NoEvent { .. }
            | Self::Conditions(_) => "",
        }
    }
}

/// The beneficiary step: the profile holds a tier or group the measure's group stands for.
fn group_finding<'a>(listed: &Listed<'a>, resolved: &Resolved) -> Found<'a> {
    let found = |outcome, why| Found {
        test: Test::Group,
        outcome,
        why,
    };
    let (Some(group), Some(members)) =
        (listed.measure.beneficiary.group.as_deref(), &listed.members)
    else {
        return found(Outcome::Pass, Why::OpenToAll);
    };
    let held = |item: &ItemRef| match item {
        ItemRef::Tier(_) => resolved.tiers.as_ref().map(|tiers| tiers.contains(item)),
        ItemRef::Group(_) => resolved.groups.as_ref().map(|groups| groups.contains(item)),
        _ => Some(false),
    };
    if let Some(&item) = members.iter().find(|item| held(item) == Some(true)) {
        return found(Outcome::Pass, Why::Holds { group, item });
    }
    // Recognitions alone say a tier is held even when the tiers list is left out.
    let recognised = resolved
        .recognitions
        .iter()
        .flatten()
        .find(|(tier, _)| members.contains(tier));
    if let Some(&(item, year)) = recognised {
        return found(Outcome::Pass, Why::Recognised { group, item, year });
    }
    match members.iter().find(|item| held(item).is_none()) {
        Some(ItemRef::Tier(_)) => found(
            Outcome::Unknown,
            Why::NotGiven {
                group,
                list: "tiers",
            },
        ),
        Some(_) => found(
            Outcome::Unknown,
            Why::NotGiven {
                group,
                list: "groups",
            },
        ),
        None => found(Outcome::Fail, Why::HoldsNone { group }),
    }
}

/// Kleene's three-valued logic over the profile's facts: a fact not given is unknown.
fn evaluate(condition: &Condition, facts: &BTreeMap<String, FactValue>) -> Outcome {
    let all = |list: &[Condition], stop: Outcome, otherwise: Outcome| {
        let mut unknown = false;
        for outcome in list.iter().map(|c| evaluate(c, facts)) {
            if outcome == stop {
                return stop;
            }
            unknown |= outcome == Outcome::Unknown;
        }
        if unknown { Outcome::Unknown } else { otherwise }
    };
    let holds = |yes: bool| if yes { Outcome::Pass } else { Outcome::Fail };
    match condition {
        Condition::Fact(id) => match facts.get(id.as_ref()) {
            Some(FactValue::Yes(yes)) => holds(*yes),
            _ => Outcome::Unknown,
        },
        Condition::AtLeast(c) | Condition::AtMost(c) => match facts.get(c.fact.as_ref()) {
            Some(FactValue::Number(value)) => {
                holds(if matches!(condition, Condition::AtLeast(_)) {
                    *value >= c.value
                } else {
                    *value <= c.value
                })
            }
            _ => Outcome::Unknown,
        },
        Condition::All(list) => all(list, Outcome::Fail, Outcome::Pass),
        Condition::Any(list) => all(list, Outcome::Pass, Outcome::Fail),
        Condition::Not(inner) => match evaluate(inner, facts) {
            Outcome::Pass => Outcome::Fail,
            Outcome::Fail => Outcome::Pass,
            Outcome::Unknown => Outcome::Unknown,
        },
    }
}

fn event_names(kinds: &[EventKind]) -> String {
    kinds
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The events that set off a trigger; `None` for a new recognition, which `recognitions`
/// record, and for a qualifying project, which the conditions describe.
fn event_kinds(trigger: Trigger) -> Option<&'static [EventKind]> {
    match trigger {
        Trigger::NewRecognition | Trigger::QualifyingProject => None,
        Trigger::Listing => Some(&[EventKind::Listing]),
        Trigger::Quotation => Some(&[EventKind::Quotation]),
        Trigger::QuotationOrListing => Some(&[EventKind::Listing, EventKind::Quotation]),
        Trigger::PreListingPool => Some(&[EventKind::PreListingPool]),
        Trigger::CaseByCase => Some(&[EventKind::Approval]),
    }
}

/// `value` if it is at most [`crate::LARGEST_NUMBER`]: a sum or product beyond it is an
/// error rather than a number some surfaces would round.
fn within_largest(value: Option<u64>) -> Option<u64> {
    value.filter(|&value| value <= crate::LARGEST_NUMBER.unsigned_abs())
}

impl Cost {
    /// The sums of the lines by year and in all; `out_of_range` if one passes
    /// [`crate::LARGEST_NUMBER`].
    fn add_sums(&mut self) -> Option<Issue> {
        let mut beyond = None;
        for line in &self.lines {
            let by_year = add_to(
                &mut self.by_year,
                Some(line.year),
                &line.currency,
                line.value,
            );
            let total = add_to(&mut self.total, None, &line.currency, line.value);
            if !(by_year && total) {
                beyond = Some(&line.currency);
            }
        }
        beyond.map(|currency| beyond_largest(String::new(), &format!("the costs in {currency}")))
    }
}

/// `what` comes to more than [`crate::LARGEST_NUMBER`]: `out_of_range` at `path`.
fn beyond_largest(path: String, what: &str) -> Issue {
    let message = format!(
        "{what} come to more than {}, the largest amount every surface holds exactly",
        crate::LARGEST_NUMBER
    );
    Issue::new(Code::OutOfRange, path, message)
}

/// Adds `value` to the sum of its year and currency; `false` if the sum would pass
/// [`crate::LARGEST_NUMBER`] (it is then left as it was).
fn add_to(sums: &mut Vec<YearTotal>, year: Option<u16>, currency: &str, value: u64) -> bool {
    match sums
        .iter_mut()
        .find(|s| s.year == year && s.currency == currency)
    {
        Some(sum) => match within_largest(sum.value.checked_add(value)) {
            Some(total) => sum.value = total,
            None => return false,
        },
        None => sums.push(YearTotal {
            year,
            currency: currency.to_owned(),
            value,
        }),
    }
    true
}

/// What a profile names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Named {
    Tier,
    Group,
}

/// The entitlements in words: each measure, its status and amount, where the text says it,
/// the clause, and each step; then the total that applies.
pub fn explain(entitlements: &[Entitlement<'_>], totals: &[Total], language: Language) -> String {
    let mut out = String::new();
    for e in entitlements {
        let amount = e.amount.map_or_else(String::new, |a| {
            format!(
                "  {}{}",
                crate::money(a.value, &a.currency),
                if e.one_time { " once" } else { "" }
            )
        });
        let citation = e
            .citation
            .as_ref()
            .map_or_else(String::new, |c| match language {
                Language::Zh => c.zh(),
                Language::En => c.en(),
            });
        let _ = writeln!(
            out,
            "{}  {}{amount}  {citation}",
            e.measure,
            e.status.as_str().replace('_', " ")
        );
        let text = match language {
            Language::Zh => &e.text.zh,
            Language::En => &e.text.en,
        };
        let _ = writeln!(out, "  “{text}”");
        for step in &e.trace {
            let mark = match step.outcome {
                Outcome::Pass => "yes",
                Outcome::Fail => "no ",
                Outcome::Unknown => " ? ",
            };
            let quote = step
                .quote
                .as_ref()
                .map_or_else(String::new, |q| format!(" — “{q}”"));
            let _ = writeln!(out, "  [{mark}] {}: {}{quote}", step.test, step.reason);
        }
        if !e.missing.is_empty() {
            let _ = writeln!(
                out,
                "  to decide, the profile must give: {}",
                e.missing.join(", ")
            );
        }
    }
    if totals.is_empty() {
        let _ = writeln!(out, "Total that applies: none stated");
    }
    for total in totals {
        let _ = writeln!(
            out,
            "Total that applies: {} ({})",
            crate::money(total.value, &total.currency),
            total.measures.join(", ")
        );
    }
    out
}

/// `; did you mean `x`?` for the closest candidate, if one is close.
fn did_you_mean(name: &str, candidates: &[&str]) -> String {
    crate::query::closest_name(name, candidates)
        .map_or_else(String::new, |best| format!("; did you mean `{best}`?"))
}

#[cfg(test)]
mod tests {
    use crate::{Code, Scenario};

    /// A cost that a double cannot hold exactly is an error, never a rounded or capped sum.
    #[test]
    fn a_cost_beyond_the_largest_number_is_an_error() {
        let row = r#"{"tier": "little-giant", "year": 2023, "count": 4294967295}"#;
        let scenario = format!(r#"{{"recognitions": [{row}, {row}, {row}]}}"#);
        let error = crate::wulong()
            .cost(&Scenario::from_json(&scenario).unwrap())
            .unwrap_err();
        assert_eq!(error.issues()[0].code, Code::OutOfRange);
        let one = format!(r#"{{"recognitions": [{row}]}}"#);
        let cost = crate::wulong()
            .cost(&Scenario::from_json(&one).unwrap())
            .unwrap();
        assert_eq!(cost.total[0].value, 4_294_967_295 * 1_000_000);
    }
}
