//! `srdi`: ask an action plan questions at the shell.
//!
//! A thin shell over the `srdi-plan` core: it parses arguments, calls one core query and
//! prints the answer, as a table for people or (`--json`) in the serde shape of the core types.
//! Exit codes: 0 success (an empty answer included), 1 not found or invalid plan, 2 usage.

mod grid;
mod render;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use srdi_plan::{
    Answer, Corpus, CorpusQuery, Date, FileError, FolderError, Input, Issue, MeasureFilter,
    NameKind, Plan, Query, QueryError, RecordKind, TaskFilter,
};

use crate::render::Lang;

/// Ask a government action plan questions: its tasks, units, goals, measures and mechanisms.
///
/// Every answer says where it comes from: an id and a citation (the document number and the
/// item's place in it). Chinese is the source text; English is an unofficial translation.
#[derive(Debug, Parser)]
#[command(name = "srdi", version)]
struct Cli {
    /// The plan to ask: a plan file, or the id of a plan shipped with srdi.
    #[arg(long, global = true, value_name = "FILE|ID", long_help = plan_help())]
    plan: Option<PathBuf>,
    /// A folder of plan files to read side by side with the shipped plans (every `*.json`
    /// under it but JSON Schemas), for `plans`, `compare` and `search`, and whose ids
    /// `--plan` takes.
    #[arg(long, global = true, value_name = "DIR")]
    plans: Option<PathBuf>,
    /// Print JSON in the shape of the core types instead of tables.
    #[arg(long, global = true)]
    json: bool,
    /// Language of the tables (default zh). Searches show the hits a reader of it wants;
    /// with `--json`, only when it is given.
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The document, its goals, and its sections with units and task counts.
    Summary,
    /// Tasks, filtered by any combination of unit, section, instrument, tier and text.
    Tasks {
        /// A responsible unit: its id, printed name or English name (any case).
        #[arg(long)]
        unit: Option<String>,
        /// A section number.
        #[arg(long, allow_negative_numbers = true)]
        section: Option<i64>,
        /// An instrument, e.g. `loan`, `reward`, `listing_support`.
        #[arg(long)]
        instrument: Option<String>,
        /// A tier, group or defined term, by id or name; a defined term covers what it stands for.
        #[arg(long)]
        tier: Option<String>,
        /// A phrase in the task's Chinese or English text.
        #[arg(long)]
        text: Option<String>,
    },
    /// One task, with its citation, units, measures and targets.
    Task {
        /// The task number, or its id as answers give it (`task-28`, `task-2-1`).
        #[arg(allow_negative_numbers = true, value_name = "NUMBER|ID", value_parser = task_key)]
        task: TaskKey,
        /// The section, in a plan whose task numbering starts again in each section.
        #[arg(long, allow_negative_numbers = true)]
        section: Option<i64>,
    },
    /// Every unit, with the tasks and mechanisms it answers for.
    Units,
    /// One unit and what it answers for.
    Unit {
        /// The unit's id, printed name or English name (any case).
        name: String,
    },
    /// The plan's development goals.
    Goals,
    /// One goal or task-level target.
    Goal {
        /// A goal's or target's id, or a goal's number.
        #[arg(allow_negative_numbers = true)]
        id: String,
    },
    /// Every target: plan goals and task-level targets.
    Targets,
    /// Support measures, filtered by beneficiary tier and instrument.
    Measures {
        /// A tier, group or defined term the measure must reach, by id or name.
        #[arg(long)]
        tier: Option<String>,
        /// An instrument, e.g. `reward`, `loan`.
        #[arg(long)]
        instrument: Option<String>,
    },
    /// The safeguard mechanisms.
    Mechanisms,
    /// One mechanism.
    Mechanism {
        /// The mechanism number.
        #[arg(allow_negative_numbers = true)]
        number: i64,
    },
    /// Named platforms, funds, programmes, events and documents, with where they are mentioned.
    Entities,
    /// The documents the plan cites.
    Documents,
    /// One entity and where it is mentioned.
    Entity {
        /// Id or printed name.
        name: String,
    },
    /// Search every text of the plan, Chinese and English.
    Search {
        /// The phrase to look for.
        query: String,
    },
    /// The instrument taxonomy, with OECD STIP Compass codes and where the plan uses each.
    Instruments,
    /// The tiers of the enterprise ladder, other groups and defined terms: the names
    /// `--tier`, measures and profiles take, with the measures that reach each.
    Tiers,
    /// The accountability matrix: which unit answers for which task.
    Matrix {
        /// Print CSV instead of a table.
        #[arg(long)]
        csv: bool,
    },
    /// What an enterprise can get: each measure, whether it applies, how much, and why.
    ///
    /// The profile is a JSON file: `{"tiers": […], "recognitions": [{"tier", "year"}],
    /// "events": [{"kind", "year"}], "facts": {…}}` (`srdi schema --profile` prints its
    /// schema). A list left out is unknown, so measures that ask about it may apply.
    Entitlements {
        /// The enterprise's profile (JSON).
        #[arg(long, value_name = "FILE")]
        profile: PathBuf,
        /// Print each step of each measure in words, citing the text.
        #[arg(long)]
        explain: bool,
        /// Print only the total of the amounts that apply.
        #[arg(long, conflicts_with = "explain")]
        total: bool,
    },
    /// What the one-time rewards tied to a recognition or an event cost, by year: for the
    /// counts of a scenario file, or without one for the plan's own goals (an upper bound).
    Cost {
        /// Counts of enterprises by tier and event, by year (JSON:
        /// `{"recognitions": [{"tier", "year", "count"}], "events": [{"kind", "year", "count"}]}`).
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
    },
    /// Did the plan deliver? Each goal and target as of a date, from observed values: met,
    /// missed, on track, behind, no baseline (one value, no stated baseline and no milestone
    /// before it: no path to judge it against) or no data, with the gap and the yearly pace
    /// still needed.
    ///
    /// The observations file is CSV with a header (`target,year,value,source`, and optionally
    /// `date`, `unit`, `note`) or JSON (`[{"target", "year", "value", "source"}]`;
    /// `srdi schema --observations` prints its schema).
    Progress {
        /// The observed values (CSV or JSON).
        #[arg(long, value_name = "FILE")]
        observations: PathBuf,
        /// The date to judge on, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE", value_parser = date)]
        as_of: Option<Date>,
    },
    /// Whether the plan is in force on a date, and which goals and targets are due by then.
    Status {
        /// The date, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE", value_parser = date)]
        as_of: Option<Date>,
    },
    /// The plans side by side (the shipped ones, and those of `--plans DIR`): id, document
    /// number, period and the plans each is based on.
    Plans,
    /// Compare the plans (the shipped ones, and those of `--plans DIR`).
    Compare {
        /// `goals` by the tier they count, each with the parent plan's goal it localises;
        /// `measures` with an amount, by the group they reach; `instruments` by STIP code.
        #[arg(value_parser = compared)]
        what: CorpusQuery,
    },
    /// Check a plan file and report every problem.
    Validate {
        /// The plan file.
        file: PathBuf,
    },
    /// Print the JSON Schema of the plan format (or of profiles, scenarios or observations).
    Schema {
        /// The schema of an enterprise profile (`srdi entitlements --profile`).
        #[arg(long, conflicts_with_all = ["scenario", "observations"])]
        profile: bool,
        /// The schema of a scenario (`srdi cost --scenario`).
        #[arg(long, conflicts_with = "observations")]
        scenario: bool,
        /// The schema of observations in JSON (`srdi progress --observations`).
        #[arg(long)]
        observations: bool,
    },
    /// Print a minimal plan to start a new plan file from (see policy-data/README.md).
    New {
        /// The new plan's id: lowercase ASCII letters, digits and `-`, starting with a letter.
        #[arg(long, default_value = "my-plan", value_parser = plan_id)]
        id: String,
        /// The plan's title as printed.
        #[arg(long)]
        title: Option<String>,
    },
    /// Export one kind of record (JSON, JSON Lines or CSV): one per item (tasks, measures,
    /// targets, units), per enterprise and measure (entitlements, of `--profiles`) or per goal
    /// and target (progress, of `--observations`); or without `--kind` the plan itself (JSON).
    ///
    /// Records carry typed values: numbers as numbers, `true`/`false`, null (empty in CSV)
    /// where missing. JSON and JSON Lines records name their plan (`"plan": "<id>"`); JSON
    /// Lines go straight into data tools: `DuckDB` (`read_json_auto`), Spark, `BigQuery`.
    Export {
        /// Output format [default: json].
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Which records.
        #[arg(long, value_enum, required_if_eq_any([("format", "csv"), ("format", "jsonl")]))]
        kind: Option<Kind>,
        /// CSV for Excel: with a byte-order mark, so that Excel reads the Chinese as UTF-8
        /// (implies `--format csv`).
        #[arg(long, requires = "kind")]
        excel: bool,
        /// For `--kind entitlements`: the enterprises, a profile file (JSON) each, as
        /// `entitlements --profile` takes one; a row per enterprise and measure.
        #[arg(long, value_name = "FILE", num_args = 1.., required_if_eq("kind", "entitlements"))]
        profiles: Vec<PathBuf>,
        /// For `--kind progress`: the observed values (CSV or JSON), as `progress` takes them.
        #[arg(long, value_name = "FILE", required_if_eq("kind", "progress"))]
        observations: Option<PathBuf>,
        /// For `--kind progress`: the date to judge progress on (YYYY-MM-DD; default today).
        #[arg(long, value_name = "DATE", value_parser = date)]
        as_of: Option<Date>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A list of records (or the plan, without `--kind`).
    Json,
    /// One record a line (JSON Lines).
    Jsonl,
    /// A header, then a line per record.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Kind {
    /// A row per task.
    Tasks,
    /// A row per support measure.
    Measures,
    /// A row per goal and task-level target.
    Targets,
    /// A row per unit.
    Units,
    /// A row per enterprise (`--profiles`) and measure: what each can get.
    Entitlements,
    /// A row per goal and target: its progress, from `--observations`.
    Progress,
}

impl From<Kind> for RecordKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Tasks => Self::Tasks,
            Kind::Measures => Self::Measures,
            Kind::Targets => Self::Targets,
            Kind::Units => Self::Units,
            Kind::Entitlements => Self::Entitlements,
            Kind::Progress => Self::Progress,
        }
    }
}

impl Cli {
    /// The command line, refused as clap refuses one where it asks for what cannot be: an
    /// input of `export` for a kind that reads none, or two outputs at once (`--excel` and
    /// JSON, `--format` and `--json`).
    fn checked(self) -> Result<Self, clap::Error> {
        let refused = |message: &str| {
            Err(<Self as clap::CommandFactory>::command()
                .error(clap::error::ErrorKind::ArgumentConflict, message))
        };
        let Command::Export {
            format,
            kind,
            excel,
            profiles,
            observations,
            as_of,
        } = &self.command
        else {
            return Ok(self);
        };
        let progress = *kind == Some(Kind::Progress);
        if !profiles.is_empty() && *kind != Some(Kind::Entitlements) {
            return refused("--profiles is for --kind entitlements");
        }
        if (observations.is_some() || as_of.is_some()) && !progress {
            return refused("--observations and --as-of are for --kind progress");
        }
        match (format, excel, self.json) {
            (Some(Format::Json | Format::Jsonl), true, _) => {
                refused("--excel writes CSV: give it alone or with --format csv")
            }
            (_, true, true) => refused("--excel writes CSV, --json the core's answer: give one"),
            (Some(_), _, true) => {
                refused("--format writes records, --json the core's answer: give one")
            }
            _ => Ok(self),
        }
    }
}

impl Command {
    /// The core question this command asks of `plan`, if it asks one; its input files are
    /// read for that plan, which checks the names they use.
    fn query(&self, plan: &Plan) -> Result<Option<Query>, Failure> {
        Ok(Some(match self {
            Self::Summary => Query::Summary,
            Self::Tasks {
                unit,
                section,
                instrument,
                tier,
                text,
            } => Query::Tasks(TaskFilter {
                unit: unit.clone(),
                section: *section,
                instrument: instrument.clone(),
                tier: tier.clone(),
                text: text.clone(),
            }),
            Self::Task { task, section } => Query::Task {
                number: match task {
                    TaskKey::Number(number) => Some(*number),
                    TaskKey::Id(_) => None,
                },
                section: *section,
                id: match task {
                    TaskKey::Id(id) => Some(id.clone()),
                    TaskKey::Number(_) => None,
                },
            },
            Self::Units => Query::Units,
            Self::Unit { name } => Query::Unit { name: name.clone() },
            Self::Goals => Query::Goals,
            Self::Goal { id } => Query::Goal { id: id.clone() },
            Self::Targets => Query::Targets,
            Self::Measures { tier, instrument } => Query::Measures(MeasureFilter {
                tier: tier.clone(),
                instrument: instrument.clone(),
            }),
            Self::Mechanisms => Query::Mechanisms,
            Self::Mechanism { number } => Query::Mechanism { number: *number },
            Self::Entities => Query::Entities,
            Self::Entity { name } => Query::Entity { name: name.clone() },
            Self::Documents => Query::Documents,
            Self::Search { query } => Query::Search {
                text: query.clone(),
                language: None,
            },
            Self::Matrix { .. } => Query::Matrix,
            Self::Instruments => Query::Instruments,
            Self::Tiers => Query::Tiers,
            Self::Export {
                kind: Some(kind),
                profiles,
                observations,
                as_of,
                ..
            } => export(plan, *kind, profiles, observations.as_deref(), *as_of)?,
            Self::Entitlements { profile, total, .. } => {
                let profile = plan.read_profile(read(profile)?.as_slice())?;
                if *total {
                    Query::EntitlementTotal { profile }
                } else {
                    Query::Entitlements { profile }
                }
            }
            Self::Progress {
                observations,
                as_of,
            } => Query::Progress {
                observations: plan.read_observations(read(observations)?.as_slice())?,
                as_of: as_of.unwrap_or_else(today),
            },
            Self::Status { as_of } => Query::Status {
                as_of: as_of.unwrap_or_else(today),
            },
            Self::Cost { scenario } => Query::Cost {
                scenario: scenario
                    .as_ref()
                    .map(|file| Ok::<_, Failure>(plan.read_scenario(read(file)?.as_slice())?))
                    .transpose()?,
            },
            Self::Export { kind: None, .. }
            | Self::Plans
            | Self::Compare { .. }
            | Self::Validate { .. }
            | Self::Schema { .. }
            | Self::New { .. } => {
                return Ok(None);
            }
        }))
    }
}

/// A task as the command line names it: by number, or by the id answers give it.
#[derive(Debug, Clone)]
enum TaskKey {
    Number(i64),
    Id(String),
}

fn task_key(text: &str) -> Result<TaskKey, String> {
    if let Ok(number) = text.parse() {
        Ok(TaskKey::Number(number))
    } else if srdi_plan::is_id(text) {
        Ok(TaskKey::Id(text.to_owned()))
    } else {
        Err(format!(
            "`{text}` is neither a task number nor a task id (`task-28`)"
        ))
    }
}

/// What `compare` compares, read by the core, as every surface reads it.
fn compared(text: &str) -> Result<CorpusQuery, String> {
    CorpusQuery::compare(text).map_err(|error| error.to_string())
}

/// A `--id` for a new plan.
fn plan_id(text: &str) -> Result<String, String> {
    if srdi_plan::is_id(text) {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "`{text}` is not an id: lowercase ASCII letters, digits and `-`, starting with a letter"
        ))
    }
}

impl Command {
    /// The profile files of `export --kind entitlements`, if given.
    fn profiles(&self) -> Option<&[PathBuf]> {
        match self {
            Self::Export { profiles, .. } if !profiles.is_empty() => Some(profiles),
            _ => None,
        }
    }

    /// The input file the command reads beside the plan, and what it holds.
    fn input(&self) -> Option<(&Path, &'static str)> {
        match self {
            Self::Entitlements { profile, .. } => Some((profile, "profile")),
            Self::Cost { scenario, .. } => Some((scenario.as_deref()?, "scenario")),
            Self::Progress { observations, .. }
            | Self::Export {
                observations: Some(observations),
                ..
            } => Some((observations, "set of observations")),
            _ => None,
        }
    }
}

/// The table `export --kind` asks for, with the inputs its rows need.
fn export(
    plan: &Plan,
    kind: Kind,
    profiles: &[PathBuf],
    observations: Option<&Path>,
    as_of: Option<Date>,
) -> Result<Query, Failure> {
    Ok(match (kind, observations) {
        (Kind::Entitlements, _) => {
            // A file over the size limit is that profile's problem, reported with the others'.
            let mut texts = Vec::new();
            for file in profiles {
                texts.push(match read(file) {
                    Ok(text) => Ok(text),
                    Err(Failure::Query(error)) => Err(error),
                    Err(failure) => return Err(failure),
                });
            }
            let inputs = texts
                .iter()
                .map(|text| text.as_deref().map(Input::Bytes).map_err(Clone::clone));
            Query::EntitlementTable {
                profiles: plan.read_profiles(inputs)?,
            }
        }
        (Kind::Progress, Some(observations)) => Query::ProgressTable {
            observations: plan.read_observations(read(observations)?.as_slice())?,
            as_of: as_of.unwrap_or_else(today),
        },
        (kind, _) => Query::Table { kind: kind.into() },
    })
}

/// A `--as-of` date.
fn date(text: &str) -> Result<Date, String> {
    text.parse()
        .map_err(|error: srdi_plan::QueryError| error.to_string())
}

/// Today, by the system clock (UTC).
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    Date::from_unix_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// The bytes of an input file, its size checked before it is read.
fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    srdi_plan::read_input_file(path).map_err(|error| match error {
        // Over the size limit: as invalid as an input with any other problem.
        FileError::Input(error) => Failure::Query(error),
        error => Failure::Read(Box::new(error)),
    })
}

/// The long help of `--plan`, naming the plans shipped with srdi.
fn plan_help() -> String {
    let shipped: Vec<&str> = srdi_plan::embedded_ids().collect();
    format!(
        "The plan to ask: a plan file, or the id of a plan shipped with srdi ({}) or of one in \
         the `--plans` folder. Without it, srdi asks {}.",
        shipped.join(", "),
        shipped.first().copied().unwrap_or_default()
    )
}

/// Why a command failed; each becomes a message (or, with `--json`, an error object) and
/// exit code 1.
#[derive(Debug)]
enum Failure {
    /// A plan file that cannot be read, or is not a valid plan.
    Load(PathBuf, Box<FileError>),
    /// Plan files of a `--plans` folder that cannot be read or are not valid plans.
    Folder(FolderError),
    /// Another input file (a profile, scenario or observations) that cannot be read.
    Read(Box<FileError>),
    Query(QueryError),
    /// `validate` found errors; they were printed as its output.
    Invalid,
    Output(io::Error),
}

impl From<QueryError> for Failure {
    fn from(error: QueryError) -> Self {
        Self::Query(error)
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Self::Output(error)
    }
}

impl From<csv::Error> for Failure {
    fn from(error: csv::Error) -> Self {
        Self::Output(io::Error::other(error))
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse().and_then(Cli::checked) {
        Ok(cli) => cli,
        Err(error) => return refused(&error),
    };
    let mut out = io::stdout().lock();
    match run(&cli, &mut out).and_then(|()| out.flush().map_err(Failure::Output)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => report(&failure, &cli, &mut out),
    }
}

/// A command line that clap refuses. With `--json` (before any `--`), what it cannot read (an
/// unknown command or option, a missing argument, a value it cannot take) is the core's
/// `invalid_argument`, printed as JSON like every other error, with clap's exit code; help
/// and the version are clap's own.
fn refused(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let json = std::env::args_os()
        .take_while(|arg| arg != "--")
        .any(|arg| arg == "--json");
    let asked_for_help = matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    );
    if json && !asked_for_help {
        // clap's message without its usage hint: what was wrong, and what would do.
        let text = error.to_string();
        let message: Vec<&str> = text
            .lines()
            .map(str::trim)
            .take_while(|line| {
                !line.starts_with("Usage:") && !line.starts_with("For more information")
            })
            .filter(|line| !line.is_empty())
            .collect();
        let message = message.join(" ");
        let message = message.strip_prefix("error: ").unwrap_or(&message);
        let report = QueryError::InvalidArgument(message.to_owned()).report();
        let mut out = io::stdout().lock();
        let _ = serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "error": report }))
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out));
        return ExitCode::from(2);
    }
    error.exit()
}

/// Prints a failure (to stderr, or as JSON to stdout with `--json`) and picks the exit code.
fn report(failure: &Failure, cli: &Cli, out: &mut dyn Write) -> ExitCode {
    let json = cli.json;
    // A closed pipe (`srdi tasks | head`) is the reader's choice, not an error.
    if let Failure::Output(error) = failure
        && error.kind() == io::ErrorKind::BrokenPipe
    {
        return ExitCode::SUCCESS;
    }
    if let Failure::Folder(folder) = failure {
        return report_folder(folder, json, out);
    }
    let report = match failure {
        Failure::Load(_, error) | Failure::Read(error) => Some(error.report()),
        Failure::Query(error) => Some(error.report()),
        _ => None,
    };
    if json && let Some(report) = report {
        let error = serde_json::json!({ "error": report });
        // Nothing more can be done if stdout itself is gone.
        let _ = serde_json::to_writer_pretty(&mut *out, &error)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out));
        return ExitCode::FAILURE;
    }
    let mut err = io::stderr().lock();
    let _ = match failure {
        Failure::Load(path, error) => match error.as_ref() {
            FileError::Unreadable { error: cause, .. }
                if cause.kind() == io::ErrorKind::NotFound =>
            {
                let shipped: Vec<&str> = srdi_plan::embedded_ids().collect();
                let shipped = shipped.join(", ");
                writeln!(
                    err,
                    "error: {error}; the plans shipped with srdi are {shipped}"
                )
            }
            FileError::Unreadable { .. } => writeln!(err, "error: {error}"),
            _ => {
                let _ = writeln!(err, "error: {} is not a valid plan", path.display());
                error
                    .issues()
                    .iter()
                    .try_for_each(|issue| writeln!(err, "  {issue}"))
            }
        },
        Failure::Read(error) => writeln!(err, "error: {error}"),
        Failure::Query(QueryError::InvalidInput(issues)) if cli.command.profiles().is_some() => {
            // Each path starts with the profile's position in --profiles: name its file.
            let files = cli.command.profiles().unwrap_or_default();
            let _ = writeln!(err, "error: not every profile is valid");
            issues.iter().try_for_each(|issue| {
                let located = issue.path.strip_prefix('/').and_then(|path| {
                    let (position, rest) = path.split_once('/').unwrap_or((path, ""));
                    Some((files.get(position.parse::<usize>().ok()?)?, rest))
                });
                match located {
                    Some((file, rest)) => {
                        let path = if rest.is_empty() {
                            String::new()
                        } else {
                            format!("/{rest}")
                        };
                        let issue = Issue {
                            path,
                            ..issue.clone()
                        };
                        writeln!(err, "  {}: {issue}", file.display())
                    }
                    None => writeln!(err, "  {issue}"),
                }
            })
        }
        Failure::Query(QueryError::InvalidInput(issues)) => {
            let _ = match cli.command.input() {
                Some((path, what)) => {
                    writeln!(err, "error: {} is not a valid {what}", path.display())
                }
                None => writeln!(err, "error: the input is not valid"),
            };
            issues
                .iter()
                .try_for_each(|issue| writeln!(err, "  {issue}"))
        }
        Failure::Query(error @ QueryError::UnknownName { kind, .. }) if *kind == NameKind::Plan => {
            let folder = cli
                .plans
                .as_ref()
                .map(|folder| format!(" --plans {}", folder.display()))
                .unwrap_or_default();
            writeln!(err, "error: {error} (`srdi{folder} plans` lists them)")
        }
        Failure::Query(error) => writeln!(err, "error: {error}"),
        Failure::Invalid | Failure::Folder(_) => Ok(()),
        Failure::Output(error) => writeln!(err, "error: cannot write the output: {error}"),
    };
    ExitCode::FAILURE
}

/// Every file of a `--plans` folder that failed, each with its error (with `--json`,
/// `{"errors": [{"file", "error"}]}`, each error as `srdi validate` reports it).
fn report_folder(folder: &FolderError, json: bool, out: &mut dyn Write) -> ExitCode {
    if json {
        let errors: Vec<serde_json::Value> = folder
            .failures
            .iter()
            .map(|(file, error)| serde_json::json!({ "file": file, "error": error.report() }))
            .collect();
        let _ = serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "errors": errors }))
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out));
        return ExitCode::FAILURE;
    }
    let mut err = io::stderr().lock();
    for (file, error) in &folder.failures {
        let _ = match error {
            FileError::Unreadable { error: cause, .. }
                if cause.kind() == io::ErrorKind::NotADirectory && file.is_file() =>
            {
                writeln!(
                    err,
                    "error: {error}; --plans takes a folder of plan files, --plan one plan file"
                )
            }
            // Its message names the file already.
            FileError::Unreadable { .. } => writeln!(err, "error: {error}"),
            _ => writeln!(err, "error: {}: {error}", file.display()),
        };
        for issue in error.issues() {
            let _ = writeln!(err, "  {issue}");
        }
    }
    ExitCode::FAILURE
}

/// The shipped plans, and those of `--plans` if given.
fn corpus(cli: &Cli) -> Result<Corpus, Failure> {
    match &cli.plans {
        Some(folder) => Corpus::load_dir(folder).map_err(Failure::Folder),
        None => Ok(Corpus::embedded()),
    }
}

/// Questions of several plans: `plans`, `compare`, and `search` with `--plans`.
fn run_corpus(cli: &Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let lang = cli.lang.unwrap_or(Lang::Zh);
    let query = match &cli.command {
        Command::Compare { what } => what.clone(),
        Command::Search { query } => CorpusQuery::Search {
            text: query.clone(),
            language: if cli.json {
                cli.lang.and_then(Lang::language)
            } else {
                lang.language()
            },
        },
        _ => CorpusQuery::Plans,
    };
    let corpus = corpus(cli)?;
    let answer = corpus.answer(&query)?;
    if cli.json {
        serde_json::to_writer_pretty(&mut *out, &answer).map_err(io::Error::from)?;
        return Ok(writeln!(out)?);
    }
    let text = render::corpus(&answer, &corpus, lang);
    Ok(write!(out, "{}", grid::wrap_lines(&text))?)
}

/// The plan `--plan` names: a plan file, else the id of a plan of the `--plans` folder or a
/// shipped plan; without it, the first shipped plan.
fn chosen_plan(cli: &Cli) -> Result<Arc<Plan>, Failure> {
    match &cli.plan {
        None => Ok(srdi_plan::wulong().clone()),
        Some(path) if path.exists() => Plan::from_file(path)
            .map(Arc::new)
            .map_err(|error| Failure::Load(path.clone(), Box::new(error))),
        Some(id) => {
            let corpus = corpus(cli)?;
            // A bare name is an id: an unknown one gets the closest ids. A path (with a folder
            // or a dot, which no id has) is a file that is not there.
            let bare = id
                .to_str()
                .is_some_and(|id| !id.contains('.') && !id.chars().any(std::path::is_separator));
            match id.to_str().map(|id| corpus.find(id)) {
                Some(Ok(plan)) => return Ok(plan.clone()),
                Some(Err(unknown)) if bare => return Err(Failure::Query(unknown)),
                _ => {}
            }
            let error = FileError::Unreadable {
                path: id.clone(),
                error: io::Error::new(io::ErrorKind::NotFound, "no such file or plan id"),
            };
            Err(Failure::Load(id.clone(), Box::new(error)))
        }
    }
}

fn run(cli: &Cli, out: &mut dyn Write) -> Result<(), Failure> {
    match &cli.command {
        Command::Plans | Command::Compare { .. } => return run_corpus(cli, out),
        Command::Search { .. } if cli.plans.is_some() => return run_corpus(cli, out),
        _ => {}
    }
    if let Command::Validate { file } = &cli.command {
        return validate(cli, file, out);
    }
    if let Command::Schema {
        profile,
        scenario,
        observations,
    } = &cli.command
    {
        let schema = match (profile, scenario, observations) {
            (true, _, _) => srdi_plan::profile_schema(),
            (_, true, _) => srdi_plan::scenario_schema(),
            (_, _, true) => srdi_plan::observations_schema(),
            _ => srdi_plan::json_schema(),
        };
        return Ok(out.write_all(schema.as_bytes())?);
    }
    if let Command::New { id, title } = &cli.command {
        let placeholder = "（此处填写计划标题）";
        let printed = title.as_deref().unwrap_or(placeholder);
        let mut data =
            srdi_plan::PlanData::new(id.clone(), srdi_plan::Text::new(printed.to_owned(), ""));
        data.schema = Some("plan.schema.json".into());
        let replace = if title.is_none() {
            "replace the title with the one the document prints; "
        } else {
            ""
        };
        let _ = writeln!(
            io::stderr(),
            "tip: {replace}`srdi schema > plan.schema.json` beside the file lets editors check \
             and complete it; the authoring guide (policy-data/README.md in the srdi-plan \
             repository) says what to add and how"
        );
        return Ok(writeln!(out, "{}", data.to_json())?);
    }
    let plan = &*chosen_plan(cli)?;
    let Some(mut query) = cli.command.query(plan)? else {
        // `export` without a kind: the plan itself, in its file format, without the
        // `$schema` path of its source file (relative to where that file lies).
        let mut data = plan.data().clone();
        data.schema = None;
        return Ok(writeln!(out, "{}", data.to_json())?);
    };
    let lang = cli.lang.unwrap_or(Lang::Zh);
    if let Query::Search { language, .. } = &mut query {
        *language = if cli.json {
            cli.lang.and_then(Lang::language)
        } else {
            lang.language()
        };
    }
    let answer = plan.answer(&query)?;
    match (&cli.command, &answer) {
        (Command::Matrix { csv: true }, Answer::Matrix(matrix)) => render::matrix_csv(out, matrix),
        // `--json` prints the core's answer, a typed table, as for every command.
        (Command::Export { format, excel, .. }, Answer::Table(table)) if !cli.json => {
            match (format.unwrap_or(Format::Json), excel) {
                (_, true) => {
                    // The byte-order mark by which Excel knows UTF-8.
                    out.write_all("\u{feff}".as_bytes())?;
                    render::table_csv(out, table)
                }
                (Format::Csv, false) => render::table_csv(out, table),
                (Format::Jsonl, false) => render::json_lines(out, table.records(plan.id())),
                (Format::Json, false) => {
                    let records: Vec<_> = table.records(plan.id()).collect();
                    serde_json::to_writer_pretty(&mut *out, &records).map_err(io::Error::from)?;
                    Ok(writeln!(out)?)
                }
            }
        }
        (Command::Entitlements { explain: true, .. }, Answer::Entitlements(entitlements))
            if !cli.json =>
        {
            let totals = plan.entitlement_total(entitlements);
            let language = lang.language().unwrap_or(srdi_plan::Language::Zh);
            let text = srdi_plan::explain(entitlements, &totals, language);
            Ok(write!(out, "{}", grid::wrap_lines(&text))?)
        }
        _ if cli.json || matches!(cli.command, Command::Export { .. }) => {
            serde_json::to_writer_pretty(&mut *out, &answer).map_err(io::Error::from)?;
            Ok(writeln!(out)?)
        }
        _ => Ok(write!(
            out,
            "{}",
            grid::wrap_lines(&render::answer(&answer, plan, lang))
        )?),
    }
}

/// `srdi validate FILE`: every issue, then a verdict; exit 1 if any is an error.
fn validate(cli: &Cli, path: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let issues: Vec<Issue> = srdi_plan::validate_file(path)
        .map_err(|error| Failure::Load(path.to_owned(), Box::new(error)))?;
    if cli.json {
        serde_json::to_writer_pretty(&mut *out, &issues).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", render::issues(&issues))?;
    }
    if issues.iter().any(Issue::is_error) {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}
