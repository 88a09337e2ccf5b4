//! `srdi`: ask an action plan questions at the shell.
//!
//! A thin shell over the `srdi-plan` core: it parses arguments, calls one core query and
//! prints the answer, as a table for people or (`--json`) in the serde shape of the core types.
//! Exit codes: 0 success (an empty answer included), 1 not found or invalid plan, 2 usage.

mod render;

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use srdi_plan::{Issue, Plan, PlanError, QueryError, RecordKind, TaskFilter};

use crate::render::Lang;

/// Ask the Wulong District SRDI action plan (武隆府办发〔2022〕48号) questions.
///
/// Every answer says where it comes from: ids such as task-28 and citations such as
/// 武隆府办发〔2022〕48号 二（五）28. Chinese is the source text; English is an unofficial
/// translation.
#[derive(Debug, Parser)]
#[command(name = "srdi", version)]
struct Cli {
    /// Ask this plan file instead of the embedded Wulong plan.
    #[arg(long, global = true, value_name = "FILE")]
    plan: Option<PathBuf>,
    /// Print JSON in the shape of the core types instead of tables.
    #[arg(long, global = true)]
    json: bool,
    /// Language of the tables.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The document, its goals, and its sections with units and task counts.
    Summary,
    /// Tasks, filtered by any combination of unit, section, instrument, tier and text.
    Tasks {
        /// A responsible unit: id, printed name (区财政局) or English name.
        #[arg(long)]
        unit: Option<String>,
        /// A section number, 1–5.
        #[arg(long)]
        section: Option<u8>,
        /// An instrument, e.g. `loan`, `reward`, `listing_support`.
        #[arg(long)]
        instrument: Option<String>,
        /// A tier or the defined term: `little-giant`, `srdi-sme`, 创新型中小企业, 专精特新企业 …
        #[arg(long)]
        tier: Option<String>,
        /// A phrase in the task's Chinese or English text.
        #[arg(long)]
        text: Option<String>,
    },
    /// One task, with its citation, units, measures and targets.
    Task {
        /// The task number, 1–32.
        number: u8,
    },
    /// Every unit, with the tasks and mechanisms it answers for.
    Units,
    /// One unit and what it answers for.
    Unit {
        /// Id, printed name (区统计局) or English name.
        name: String,
    },
    /// The plan's development goals.
    Goals,
    /// One goal or task-level target.
    Goal {
        /// `goal-2`, `task-8-t1`, or a goal number.
        id: String,
    },
    /// Every target: plan goals and task-level targets.
    Targets,
    /// Support measures, filtered by beneficiary tier and instrument.
    Measures {
        /// A tier or the defined term the measure must reach.
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
        /// The mechanism number, 1–4.
        number: u8,
    },
    /// Named platforms, funds, programmes, events and documents, with where they are mentioned.
    Entities,
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
    /// The accountability matrix: which unit answers for which task.
    Matrix {
        /// Print CSV instead of a table.
        #[arg(long)]
        csv: bool,
    },
    /// Check a plan file and report every problem.
    Validate {
        /// The plan file.
        file: PathBuf,
    },
    /// Print the JSON Schema of the plan format.
    Schema,
    /// Export the plan as JSON, or one kind of item as CSV.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// What to export as CSV.
        #[arg(long, value_enum, default_value_t = Kind::Tasks)]
        kind: Kind,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Kind {
    Tasks,
    Measures,
    Targets,
    Units,
}

impl From<Kind> for RecordKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Tasks => Self::Tasks,
            Kind::Measures => Self::Measures,
            Kind::Targets => Self::Targets,
            Kind::Units => Self::Units,
        }
    }
}

/// Why a command failed; each becomes one line on stderr (plus details) and exit code 1.
#[derive(Debug)]
enum Failure {
    Read(PathBuf, io::Error),
    Plan(PathBuf, PlanError),
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
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    match run(&cli, &mut out).and_then(|()| out.flush().map_err(Failure::Output)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => report(&failure),
    }
}

/// Prints a failure to stderr and picks the exit code.
fn report(failure: &Failure) -> ExitCode {
    let mut err = io::stderr().lock();
    // Nothing more can be done if stderr itself is gone.
    let _ = match failure {
        Failure::Read(path, error) => {
            writeln!(err, "error: cannot read {}: {error}", path.display())
        }
        Failure::Plan(path, error) => {
            let _ = writeln!(err, "error: {} is not a valid plan", path.display());
            error
                .issues()
                .iter()
                .try_for_each(|issue| writeln!(err, "  {issue}"))
        }
        Failure::Query(error) => writeln!(err, "error: {error}"),
        Failure::Invalid => Ok(()),
        // A closed pipe (`srdi tasks | head`) is the reader's choice, not an error.
        Failure::Output(error) if error.kind() == io::ErrorKind::BrokenPipe => {
            return ExitCode::SUCCESS;
        }
        Failure::Output(error) => writeln!(err, "error: cannot write the output: {error}"),
    };
    ExitCode::FAILURE
}

fn run(cli: &Cli, out: &mut dyn Write) -> Result<(), Failure> {
    if let Command::Validate { file } = &cli.command {
        return validate(cli, &read(file)?, out);
    }
    let loaded;
    let plan = match &cli.plan {
        Some(path) => {
            loaded = Plan::from_json(&read(path)?)
                .map_err(|error| Failure::Plan(path.clone(), error))?;
            &loaded
        }
        None => srdi_plan::wulong(),
    };
    let show = Output {
        json: cli.json,
        lang: cli.lang,
        plan,
    };
    ask(&cli.command, &show, out)
}

/// Answers one question about `show.plan`.
fn ask(command: &Command, show: &Output<'_>, out: &mut dyn Write) -> Result<(), Failure> {
    let plan = show.plan;
    match command {
        Command::Summary => show.answer(out, &plan.summary(), render::summary),
        Command::Tasks {
            unit,
            section,
            instrument,
            tier,
            text,
        } => {
            let filter = TaskFilter {
                unit: unit.clone(),
                section: *section,
                instrument: instrument.clone(),
                tier: tier.clone(),
                text: text.clone(),
            };
            let tasks: Vec<_> = plan
                .tasks_where(&filter)?
                .into_iter()
                .map(|task| plan.view(task))
                .collect();
            show.answer(out, tasks.as_slice(), render::tasks)
        }
        Command::Task { number } => {
            show.answer(out, &plan.view(plan.find_task(*number)?), render::task)
        }
        Command::Units => {
            let duties: Vec<_> = plan.units.iter().map(|unit| plan.duties(unit)).collect();
            show.answer(out, duties.as_slice(), render::units)
        }
        Command::Unit { name } => {
            show.answer(out, &plan.duties(plan.find_unit(name)?), render::unit)
        }
        Command::Goals => {
            let goals: Vec<_> = plan
                .goals
                .iter()
                .map(|goal| plan.cited(&goal.id, goal))
                .collect();
            show.answer(out, goals.as_slice(), render::targets)
        }
        Command::Goal { id } => {
            let target = plan.find_target(id)?;
            show.answer(out, &[plan.cited(&target.id, target)][..], render::targets)
        }
        Command::Targets => {
            let targets: Vec<_> = plan
                .targets()
                .into_iter()
                .map(|t| plan.cited(&t.id, t))
                .collect();
            show.answer(out, targets.as_slice(), render::targets)
        }
        Command::Measures { tier, instrument } => {
            let measures = plan.measures_where(tier.as_deref(), instrument.as_deref())?;
            let measures: Vec<_> = measures.into_iter().map(|m| plan.cited(&m.id, m)).collect();
            show.answer(out, measures.as_slice(), render::measures)
        }
        Command::Mechanisms => {
            let mechanisms: Vec<_> = plan
                .mechanisms
                .iter()
                .map(|m| plan.cited(&m.id(), m))
                .collect();
            show.answer(out, mechanisms.as_slice(), render::mechanisms)
        }
        Command::Mechanism { number } => {
            let mechanism = plan.find_mechanism(*number)?;
            show.answer(
                out,
                &[plan.cited(&mechanism.id(), mechanism)][..],
                render::mechanisms,
            )
        }
        Command::Entities => show.answer(out, plan.mentions().as_slice(), render::entities),
        Command::Entity { name } => {
            let mentions = plan.mentions_of(plan.find_entity(name)?);
            show.answer(out, &[mentions][..], render::entities)
        }
        Command::Search { query } => show.answer(out, plan.search(query)?.as_slice(), render::hits),
        Command::Matrix { csv: true } => render::matrix_csv(out, &plan.matrix()),
        Command::Matrix { csv: false } => show.answer(out, &plan.matrix(), render::matrix),
        Command::Schema => Ok(out.write_all(srdi_plan::json_schema().as_bytes())?),
        Command::Export {
            format: Format::Json,
            ..
        } => Ok(writeln!(out, "{}", plan.to_json())?),
        Command::Export {
            format: Format::Csv,
            kind,
        } => render::records_csv(out, &plan.records((*kind).into())),
        Command::Validate { .. } => unreachable!("handled above"),
    }
}

/// How to print answers: JSON, or a table through a renderer.
struct Output<'a> {
    json: bool,
    lang: Lang,
    plan: &'a Plan,
}

impl Output<'_> {
    fn answer<T: Serialize + ?Sized>(
        &self,
        out: &mut dyn Write,
        answer: &T,
        table: fn(&T, &Plan, Lang) -> String,
    ) -> Result<(), Failure> {
        if self.json {
            serde_json::to_writer_pretty(&mut *out, answer).map_err(io::Error::from)?;
            writeln!(out)?;
        } else {
            write!(out, "{}", table(answer, self.plan, self.lang))?;
        }
        Ok(())
    }
}

/// `srdi validate FILE`: every issue, then a verdict; exit 1 if any is an error.
fn validate(cli: &Cli, json: &str, out: &mut dyn Write) -> Result<(), Failure> {
    let issues: Vec<Issue> = srdi_plan::validate_json(json);
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

/// Reads a plan file, at most one byte past the size limit so that the loader can say
/// it is too large without the whole file in memory.
fn read(path: &Path) -> Result<String, Failure> {
    let failed = |error| Failure::Read(path.to_owned(), error);
    let file = std::fs::File::open(path).map_err(failed)?;
    let limit = u64::try_from(srdi_plan::MAX_INPUT_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut text = String::new();
    file.take(limit).read_to_string(&mut text).map_err(failed)?;
    Ok(text)
}
