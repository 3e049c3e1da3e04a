//! The command line: every subcommand and option, as clap sees them.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use crate::input::InputMode;
use crate::model::Status;
use crate::named::{Named, Offer};
use crate::output::ColorChoice;
use crate::report::format::{self, Format, Target};

#[derive(Debug, Parser)]
#[command(
    name = "hookscope",
    version,
    about = "Inspect, validate and detect webhook events against a catalog of providers (`hookscope list`)",
    long_about = "hookscope reads webhook event JSON from files, directories and standard input, \
                  recognises the provider, event type and API version, validates each event against \
                  the provider's documented shape, and shows the result to people or machines.\n\n\
                  With no subcommand, `hookscope PATHS...` is `hookscope inspect PATHS...`.",
    after_help = "Exit codes: 0 all valid, 1 a finding (invalid, unknown or unparsable event), \
                  2 hookscope could not do its job (bad arguments, unreadable path)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never
    #[arg(long, global = true, default_value = ColorChoice::Auto.name(), value_name = "WHEN",
          value_parser = offered(ColorChoice::OFFER))]
    pub color: ColorChoice,

    /// The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore any project file
    #[arg(long, global = true)]
    pub no_config: bool,

    /// Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)
    #[arg(
        long = "catalog",
        global = true,
        value_name = "DIR",
        env = "HOOKSCOPE_CATALOG",
        value_delimiter = ':'
    )]
    pub catalogs: Vec<PathBuf>,

    /// Leave the built-in providers out (use only user catalogs)
    #[arg(long, global = true)]
    pub no_builtin: bool,
}

impl Cli {
    /// Parses the command line, where a missing subcommand means `inspect`: `hookscope x.json`.
    pub fn parse_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Self {
        use clap::{CommandFactory, FromArgMatches};
        // The command is built once: it is most of the parse's cost, and of start-up.
        let command = Self::command();
        let args = with_default_subcommand(&command, args.into_iter().collect()).unwrap_or_else(|e| e.exit());
        let mut matches = command.get_matches_from(args);
        let cli = Self::from_arg_matches_mut(&mut matches)
            .unwrap_or_else(|e| e.format(&mut Self::command()).exit());
        if let Some(message) = cli.command.conflict() {
            Self::command().error(clap::error::ErrorKind::ArgumentConflict, message).exit();
        }
        cli
    }
}

/// clap's parser for a closed set of named values: `--help`, errors and completions list exactly
/// the values offered, with what each means.
fn offered<T: Named + Send + Sync>(offer: Offer<T>) -> impl TypedValueParser<Value = T> {
    let values = offer.iter().map(|&(value, help)| {
        let value = PossibleValue::new(value.name());
        if help.is_empty() { value } else { value.help(help) }
    });
    PossibleValuesParser::new(values)
        .map(move |name| crate::named::parse(offer, &name).expect("clap accepts only offered names"))
}

/// clap's parser for `--format FORMAT[=PATH]`: a format offered (listed by `--help` and the
/// completions), and optionally the file its report goes to.
#[derive(Clone)]
struct TargetParser(Offer<Format>);

impl TypedValueParser for TargetParser {
    type Value = Target;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Target, clap::Error> {
        let Some(text) = value.to_str() else {
            let message = format!("'--format {}': a report's path must be valid UTF-8", value.display());
            return Err(cmd.clone().error(clap::error::ErrorKind::InvalidUtf8, message));
        };
        let (name, path) = match text.split_once('=') {
            Some((name, path)) => (name, Some(path)),
            None => (text, None),
        };
        let format = offered(self.0).parse_ref(cmd, arg, std::ffi::OsStr::new(name))?;
        if path.is_some_and(str::is_empty) {
            let message = format!("'--format {text}' names no file: give FORMAT=PATH, or FORMAT for stdout");
            return Err(cmd.clone().error(clap::error::ErrorKind::InvalidValue, message));
        }
        Ok(Target { format, path: path.map(std::path::PathBuf::from) })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.0.iter().map(|&(value, help)| {
            let value = PossibleValue::new(value.name());
            if help.is_empty() { value } else { value.help(help) }
        })))
    }
}

impl ValidateArgs {
    /// The format written to stdout: the bare `--format`, else `human`.
    pub fn stdout_format(&self) -> Format {
        Target::stdout(&self.format)
    }
}

/// Why a list of `--format` targets cannot be written: two to stdout, or two to one file.
fn targets_conflict(targets: &[Target]) -> Option<String> {
    let bare = targets.iter().filter(|t| t.path.is_none()).count();
    if bare > 1 {
        return Some(format!(
            "'--format' without a file is given {bare} times, but only one report can go to stdout: \
             write the others to files with FORMAT=PATH (`--format github --format sarif=hookscope.sarif`)"
        ));
    }
    let mut paths: Vec<&std::path::Path> = targets.iter().filter_map(|t| t.path.as_deref()).collect();
    paths.sort();
    paths
        .windows(2)
        .find(|w| w[0] == w[1])
        .map(|w| format!("'--format' writes two reports to {}", w[0].display()))
}

impl Command {
    /// Options that each make sense alone but not together, which clap cannot say by itself
    /// (they conflict with some values of `--format` only).
    fn conflict(&self) -> Option<String> {
        match self {
            Self::Detect(a) => targets_conflict(&a.format),
            Self::Validate(a) => {
                if let Some(conflict) = targets_conflict(&a.format) {
                    return Some(conflict);
                }
                (a.brief && a.stdout_format() != Format::Human).then(|| {
                    format!(
                        "the argument '--brief' cannot be used with '--format {}' (--brief is a human format)",
                        a.stdout_format().name()
                    )
                })
            }
            Self::Diff(a) if a.stat && a.format != Format::Human => Some(format!(
                "the argument '--stat' cannot be used with '--format {}' (--stat is a human summary line)",
                a.format.name()
            )),
            _ => None,
        }
    }
}

/// The subcommand a first argument that is not a path was probably meant to be (`validat`).
fn near_subcommand<'a>(arg: &str, names: &'a [String]) -> Option<&'a str> {
    if arg.starts_with('-') || arg.contains(['/', '\\', '.']) || std::path::Path::new(arg).exists() {
        return None;
    }
    crate::near::nearest(arg, names.iter().map(String::as_str))
}

/// The top-level options as clap declares them: those that take a value (`--config FILE`), and
/// the flags (`--no-config`); help and version stop the search for a subcommand instead.
fn global_options(command: &clap::Command) -> (Vec<String>, Vec<String>) {
    let (mut with_value, mut flags) = (Vec::new(), Vec::new());
    for arg in command.get_arguments().filter(|a| !a.is_positional()) {
        let action = arg.get_action();
        if matches!(
            action,
            clap::ArgAction::Help
                | clap::ArgAction::HelpShort
                | clap::ArgAction::HelpLong
                | clap::ArgAction::Version
        ) {
            continue;
        }
        let longs = arg.get_long().into_iter().chain(arg.get_all_aliases().unwrap_or_default());
        let shorts = arg.get_short().into_iter().chain(arg.get_all_short_aliases().unwrap_or_default());
        let names = longs.map(|l| format!("--{l}")).chain(shorts.map(|s| format!("-{s}")));
        if action.takes_values() { with_value.extend(names) } else { flags.extend(names) }
    }
    (with_value, flags)
}

/// Inserts `inspect` before the first argument that is neither a global option (with its value)
/// nor a subcommand, help or version flag. A first argument that is no path but nearly a
/// subcommand's name is a usage error, not a file to inspect.
fn with_default_subcommand(
    command: &clap::Command,
    mut args: Vec<std::ffi::OsString>,
) -> Result<Vec<std::ffi::OsString>, clap::Error> {
    let names: Vec<String> = command
        .get_subcommands()
        .flat_map(|c| std::iter::once(c.get_name().to_owned()).chain(c.get_all_aliases().map(str::to_owned)))
        .chain(["help".to_owned()])
        .collect();
    let (with_value, flags) = global_options(command);
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].to_string_lossy();
        if with_value.iter().any(|o| *o == arg) {
            i += 2;
            continue;
        }
        let bare = arg.split('=').next().unwrap_or_default();
        if (arg.starts_with("--") && with_value.iter().any(|o| *o == bare)) || flags.iter().any(|o| *o == arg)
        {
            i += 1;
            continue;
        }
        if names.iter().any(|n| *n == arg) || ["-h", "--help", "-V", "--version"].contains(&arg.as_ref()) {
            return Ok(args);
        }
        if let Some(name) = near_subcommand(&arg, &names) {
            let message = format!("unrecognized subcommand '{arg}'\n\n  tip: did you mean `{name}`?");
            return Err(command.clone().error(clap::error::ErrorKind::InvalidSubcommand, message));
        }
        break;
    }
    args.insert(i.min(args.len()), "inspect".into());
    Ok(args)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Detect, validate and pretty-print events, for people (the default)
    Inspect(InspectArgs),
    /// Validate events: a report and an exit code, for CI
    Validate(ValidateArgs),
    /// Show the provider, event type and API version of each event
    Detect(DetectArgs),
    /// Pass matching events through unchanged, byte for byte
    Filter(FilterArgs),
    /// Counts per provider, type, API version and status over a stream
    Stats(StatsArgs),
    /// List the catalog: providers, event types, API versions
    List(ListArgs),
    /// Structural diff of two events that knows which fields are noise
    Diff(DiffArgs),
    /// Check webhook signatures of captured deliveries, offline, and say why one fails
    Verify(VerifyArgs),
    /// Print the signature headers a real delivery of a body would carry (for test fixtures)
    Sign(SignArgs),
    /// Print the JSON Schema of an event type; `schema export DIR` writes the whole catalog
    Schema(SchemaArgs),
    /// Print a sample payload of an event type
    Sample(TypeArgs),
    /// Catalogs: check a folder, import one from OpenAPI, learn one from captures, report drift
    Catalog(CatalogArgs),
    /// Receive live deliveries on loopback: validate, verify, save and forward each one
    Listen(ListenArgs),
    /// Post events, captures or catalog samples to a handler, freshly signed
    Send(SendArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per subcommand with --dir
    Man(ManArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Write hookscope.1 and a hookscope-<subcommand>.1 page for every subcommand into DIR/man1
    /// (created if missing), so `MANPATH=DIR man hookscope-validate` finds them, instead of
    /// printing the main page
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SchemaArgs {
    #[command(subcommand)]
    pub export: Option<SchemaCommand>,

    /// The event type (wire name, documented alias, or loose spelling)
    #[arg(value_name = "TYPE")]
    pub event_type: Option<String>,

    #[command(flatten)]
    pub which: WhichType,
}

#[derive(Debug, Clone, Subcommand)]
pub enum SchemaCommand {
    /// Write the catalog (providers, schemas, shared definitions, samples) to DIR, in the format
    /// `--catalog` reads
    Export {
        /// The folder to write (created if missing)
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Args)]
pub struct CatalogArgs {
    #[command(subcommand)]
    pub command: CatalogCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum CatalogCommand {
    /// Every schema compiles and is valid, every referenced file exists, every sample validates,
    /// and no detection rule claims another provider's samples
    Check {
        /// The catalog folder (one subfolder per provider)
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Write a user catalog from an OpenAPI 3.0/3.1 description's webhooks (JSON or YAML)
    Import(ImportArgs),
    /// Write a user catalog inferred from captured deliveries
    Learn(LearnArgs),
    /// Documented versus seen over a corpus of deliveries, per event type: documented fields never
    /// seen, undocumented fields seen, other types and values
    Drift(DriftArgs),
}

#[derive(Debug, Clone, Args)]
pub struct DriftArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format
    #[arg(long, default_value = Format::Human.name(), value_parser = offered(format::RESULTS))]
    pub format: Format,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The OpenAPI description (`webhooks`, `x-webhooks` or callbacks), JSON or YAML
    #[arg(value_name = "SPEC")]
    pub spec: PathBuf,

    /// The catalog folder to write into (the provider gets a subfolder)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// The provider id (default: made from the description's title)
    #[arg(long, value_name = "ID")]
    pub provider: Option<String>,

    /// Largest description read; a larger one is refused
    #[arg(long, default_value_t = 64 << 20, value_name = "BYTES")]
    pub max_spec_bytes: u64,

    /// Replace the provider folder whole when it is already there (else that is an error)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct LearnArgs {
    /// Captured deliveries: files, directories or `-` (any input form hookscope reads)
    #[arg(value_name = "PATHS", required = true)]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub walk: WalkArgs,

    /// How to read the input (auto: by file name ending, else by content)
    #[arg(long, default_value = InputMode::Auto.name(), value_name = "MODE",
          value_parser = offered(InputMode::OFFER))]
    pub input: InputMode,

    /// The provider id to write
    #[arg(long, value_name = "ID")]
    pub provider: String,

    /// The catalog folder to write into (the provider gets a subfolder)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Where the event type string lives (default: the string field that best partitions the corpus)
    #[arg(long, value_name = "POINTER", conflicts_with = "type_header")]
    pub type_at: Option<String>,

    /// The delivery header that names the event type (HTTP captures, HAR)
    #[arg(long, value_name = "NAME")]
    pub type_header: Option<String>,

    /// Refine the provider already learned in this catalog folder instead of starting over
    #[arg(long, value_name = "DIR")]
    pub merge: Option<PathBuf>,

    /// Replace the provider folder whole when it is already there (else that is an error,
    /// unless --merge names the same folder)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Where events come from, and what to force instead of detecting.
#[derive(Debug, Clone, Default, Args)]
pub struct InputArgs {
    /// Files, directories (searched recursively for *.json, *.jsonl, *.ndjson, *.log, *.http,
    /// *.har, honouring .gitignore and .ignore, skipping hidden files) or `-` for standard input;
    /// with none, standard input when it is not a terminal
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub walk: WalkArgs,

    /// Force the provider instead of detecting it (see `hookscope list`)
    #[arg(long, value_name = "ID")]
    pub provider: Option<String>,

    /// Force the event type (its wire name, a documented alias, or a loose spelling)
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,

    /// Force the API version of providers that have several
    #[arg(long, value_name = "VERSION")]
    pub api_version: Option<String>,

    #[command(flatten)]
    pub read: ReadArgs,
}

/// How records are read and analysed: shared by every command that reads events, `filter`
/// included.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// How to read the input (auto: by file name ending, else by content)
    #[arg(long, default_value = InputMode::Auto.name(), value_name = "MODE",
          value_parser = offered(InputMode::OFFER))]
    pub input: InputMode,

    /// Largest event read; a larger one is reported unparsable and the stream goes on
    #[arg(long, default_value_t = crate::input::DEFAULT_MAX_EVENT_BYTES, value_name = "BYTES")]
    pub max_event_bytes: usize,

    /// Threads validating events, 1 to 256 (default: all cores); results stay in input order
    #[arg(long, short = 'j', value_name = "N", value_parser = threads_in_range)]
    pub threads: Option<usize>,

    /// The event is the value at this JSON Pointer inside each record (an object, or a string
    /// holding JSON), for structured logs (`--at /body`); repeatable: the first that exists in a
    /// record wins (also `at = [...]` in hookscope.toml)
    #[arg(long, value_name = "POINTER", value_parser = crate::json::pointer_syntax)]
    pub at: Vec<String>,
}

impl Default for ReadArgs {
    fn default() -> Self {
        Self {
            input: crate::input::InputMode::Auto,
            max_event_bytes: crate::input::DEFAULT_MAX_EVENT_BYTES,
            threads: None,
            at: Vec::new(),
        }
    }
}

/// More threads than this only costs memory: the work is bound by the cores.
const MAX_THREADS: usize = 256;

fn threads_in_range(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if (1..=MAX_THREADS).contains(&n) => Ok(n),
        _ => Err(format!("expected a number of threads from 1 to {MAX_THREADS}")),
    }
}

/// How directories given as PATHS are walked (files named explicitly are always read).
#[derive(Debug, Clone, Args, Default)]
pub struct WalkArgs {
    /// Read no .gitignore, .ignore or git exclude file: walk every event file, ignored ones too
    /// (hidden ones need --hidden)
    #[arg(long)]
    pub no_ignore: bool,

    /// Walk hidden files and folders too
    #[arg(long)]
    pub hidden: bool,

    /// Leave out files and folders matching this gitignore-style glob (relative to each
    /// directory given; repeatable)
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// A directory with no event files is not an error
    #[arg(long)]
    pub allow_empty: bool,
}

impl WalkArgs {
    pub fn options(&self) -> crate::input::WalkOptions {
        crate::input::WalkOptions {
            no_ignore: self.no_ignore,
            hidden: self.hidden,
            exclude: self.exclude.clone(),
            allow_empty: self.allow_empty,
        }
    }
}

impl InputArgs {
    pub fn read_options(&self) -> crate::input::ReadOptions {
        crate::input::ReadOptions {
            mode: self.read.input,
            max_event_bytes: self.read.max_event_bytes,
            skip_binary: false,
        }
    }
}

#[derive(Debug, Clone, Args, Default)]
pub struct InspectArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Print only the pretty-printed events, no summary or findings
    #[arg(long)]
    pub body_only: bool,

    /// Print events compact (one line each) instead of indented
    #[arg(long)]
    pub compact: bool,

    /// Sort object keys (values are still printed exactly as written)
    #[arg(long)]
    pub sort_keys: bool,

    /// Warnings fail the run too (exit code 1)
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format (default human); repeatable: `FORMAT=PATH` writes that report to a file from
    /// the same run, and at most one bare FORMAT goes to stdout
    /// (`--format github --format sarif=hookscope.sarif --format junit=junit.xml`)
    #[arg(long, value_name = "FORMAT[=PATH]", value_parser = TargetParser(format::VALIDATE))]
    pub format: Vec<Target>,

    /// Under GitHub Actions (`GITHUB_STEP_SUMMARY` set), do not append the Markdown summary of
    /// the run to the job's step summary
    #[arg(long)]
    pub no_step_summary: bool,

    /// Warnings fail the run too (exit code 1)
    #[arg(long)]
    pub strict: bool,

    /// List every event, not only those with findings
    #[arg(long, short)]
    pub verbose: bool,

    /// One line per finding (`path:line:col: level: message`) instead of source snippets
    #[arg(long)]
    pub brief: bool,

    /// Skip JSON documents that no provider recognises (`package.json`), saying which: for
    /// pre-commit hooks over every `*.json` of a repository
    #[arg(long)]
    pub skip_foreign: bool,
}

#[derive(Debug, Clone, Args)]
pub struct DetectArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format (default human); repeatable: `FORMAT=PATH` writes that report to a file from
    /// the same run, and at most one bare FORMAT goes to stdout
    #[arg(long, value_name = "FORMAT[=PATH]", value_parser = TargetParser(format::RESULTS))]
    pub format: Vec<Target>,
}

#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Files, directories or `-` (standard input when none)
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub walk: WalkArgs,

    #[command(flatten)]
    pub read: ReadArgs,

    /// Keep events of this provider (detected)
    #[arg(long, value_name = "ID")]
    pub provider: Option<String>,

    /// Keep events whose type matches this glob (`recording.*`, `*_failed_event`); repeatable
    #[arg(long = "type", value_name = "GLOB")]
    pub event_type: Vec<String>,

    /// Keep events with this status
    #[arg(long, value_name = "STATUS", value_parser = offered(Status::OFFER))]
    pub status: Vec<Status>,

    /// Keep the events that do NOT match
    #[arg(long, short = 'v')]
    pub invert: bool,

    /// Write why each dropped or unparsable record was dropped to FILE (JSON lines)
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Warnings make an event fail `--status valid` too
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The first event: a file, `-`, or `FILE:N` for the Nth event (1-based) of a file
    #[arg(value_name = "A")]
    pub left: String,

    /// The second event, likewise
    #[arg(value_name = "B")]
    pub right: String,

    /// Output format
    #[arg(long, default_value = Format::Human.name(), value_parser = offered(format::DIFF))]
    pub format: Format,

    /// Only the summary line
    #[arg(long)]
    pub stat: bool,

    /// Compare structure and JSON types only, not values
    #[arg(long)]
    pub shape: bool,

    /// Compare the provider's volatile fields (event ids, delivery times, signed URLs) too
    #[arg(long)]
    pub include_volatile: bool,

    /// Ignore paths matching this JSON Pointer pattern (`*` one segment, `**` any depth); repeatable
    #[arg(long, value_name = "PATTERN")]
    pub ignore: Vec<String>,

    /// Compare only paths matching this pattern; repeatable
    #[arg(long, value_name = "PATTERN")]
    pub only: Vec<String>,

    /// Match array elements that are objects by this key instead of by position
    #[arg(long, default_value = "id", value_name = "KEY")]
    pub array_key: String,

    /// How to read the inputs
    #[arg(long, default_value = InputMode::Auto.name(), value_name = "MODE",
          value_parser = offered(InputMode::OFFER))]
    pub input: InputMode,

    /// Each event is the value at this JSON Pointer inside its record (an object, or a string
    /// holding JSON); repeatable: the first that exists wins (also `at = [...]` in hookscope.toml)
    #[arg(long, value_name = "POINTER", value_parser = crate::json::pointer_syntax)]
    pub at: Vec<String>,
}

/// Where the signing secret comes from: never the command line itself.
#[derive(Debug, Clone, Args)]
#[group(required = true, multiple = false)]
pub struct SecretArgs {
    /// Read the secret from this environment variable
    #[arg(long, value_name = "NAME")]
    pub secret_env: Option<String>,

    /// Read the secret from this file, or standard input for `-` (surrounding whitespace is
    /// ignored)
    #[arg(long, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,
}

/// Where `verify`'s secrets come from: several, each for one provider or scheme or for all.
#[derive(Debug, Clone, Args, Default)]
pub struct VerifySecretArgs {
    /// Read a secret from this environment variable; `KEY=NAME` keeps it for deliveries of the
    /// provider or signature scheme KEY (`KEY=MY_SECRET`), a bare NAME is tried on every
    /// delivery (repeatable)
    #[arg(long, value_name = "NAME")]
    pub secret_env: Vec<String>,

    /// Read a secret from this file, or standard input for `-` (surrounding whitespace is
    /// ignored); `KEY=PATH` as for --secret-env (repeatable)
    #[arg(long, value_name = "PATH")]
    pub secret_file: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub secret: VerifySecretArgs,

    /// Add a delivery header, `Name: value` (repeatable), for bodies captured without headers
    #[arg(long = "header", short = 'H', value_name = "HEADER")]
    pub headers: Vec<String>,

    /// Check every delivery with this signature scheme (default: the scheme whose signature
    /// header the delivery carries, else the provider's; see `hookscope list --schemes`)
    #[arg(long, value_name = "NAME")]
    pub scheme: Option<String>,

    /// Seconds a signed timestamp may be off the clock, either way (default: the scheme's own
    /// tolerance, see `hookscope list --schemes`)
    #[arg(long, value_name = "SECONDS")]
    pub tolerance: Option<i64>,

    /// Judge timestamps as if it were this Unix time (for captured fixtures), from 0 to
    /// 253402300799 (the last second of the year 9999)
    #[arg(long, value_name = "UNIX_SECONDS", value_parser = clap::value_parser!(i64).range(0..=253_402_300_799))]
    pub now: Option<i64>,

    /// Output format
    #[arg(long, default_value = Format::Human.name(), value_parser = offered(format::RESULTS))]
    pub format: Format,

    /// Events whose provider documents no signature fail the run too
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Args)]
pub struct SignArgs {
    /// The body to sign, byte for byte (`-` for standard input)
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// The provider whose scheme to use (default: detected from the body)
    #[arg(long, value_name = "ID")]
    pub provider: Option<String>,

    /// Sign with this signature scheme instead of the provider's (see `hookscope list --schemes`)
    #[arg(long, value_name = "NAME")]
    pub scheme: Option<String>,

    #[command(flatten)]
    pub secret: SecretArgs,

    /// The Unix timestamp to sign with (default: now)
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub timestamp: Option<i64>,

    /// The message id, for schemes that sign one (default: derived from the body)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// Output format
    #[arg(long, default_value = Format::Headers.name(), value_parser = offered(format::SIGN))]
    pub format: Format,
}

#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format
    #[arg(long, default_value = Format::Human.name(), value_parser = offered(format::LIST))]
    pub format: Format,

    /// How many of the most frequent findings to show (errors first, then warnings)
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
}

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// Only this provider's event types
    #[arg(value_name = "PROVIDER", conflicts_with = "schemes")]
    pub provider: Option<String>,

    /// List the signature schemes instead: headers, what is signed, key and digest encodings,
    /// tolerance, and the providers that use each by default
    #[arg(long)]
    pub schemes: bool,

    /// Output format
    #[arg(long, default_value = Format::Human.name(), value_parser = offered(format::LIST))]
    pub format: Format,
}

#[derive(Debug, Clone, Args)]
pub struct TypeArgs {
    /// The event type (wire name, documented alias, or loose spelling)
    #[arg(value_name = "TYPE")]
    pub event_type: String,

    #[command(flatten)]
    pub which: WhichType,
}

/// Which provider and API version a type name means.
#[derive(Debug, Clone, Args)]
pub struct WhichType {
    /// The provider, where the type name is ambiguous
    #[arg(long, value_name = "ID")]
    pub provider: Option<String>,

    /// The API version (default: the newest that documents the type)
    #[arg(long, value_name = "VERSION")]
    pub api_version: Option<String>,
}

/// Where a signing secret may come from, when one is optional (`listen`, `send`).
#[derive(Debug, Clone, Args, Default)]
#[group(multiple = false)]
pub struct OptionalSecretArgs {
    /// Read the signing secret from this environment variable
    #[arg(long, value_name = "NAME")]
    pub secret_env: Option<String>,

    /// Read the signing secret from this file (surrounding whitespace is ignored)
    #[arg(long, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct ListenArgs {
    /// The address to listen on (`127.0.0.1:8787`, `localhost:8787`, `[::1]:8787`); anything but
    /// loopback only when given here
    #[arg(long, default_value = "127.0.0.1:8787", value_name = "HOST:PORT")]
    pub addr: String,

    /// The URL path deliveries are posted to (and anything below it)
    #[arg(long, default_value = "/hooks", value_name = "PATH", value_parser = url_path)]
    pub path: String,

    /// Forward each delivery (its exact bytes and headers) to this handler (`http://` or
    /// `https://`) and relay its answer
    #[arg(long, value_name = "URL", value_parser = handler_url)]
    pub forward_to: Option<String>,

    /// Trust the PEM certificates in FILE instead of the system's roots for an https:// handler
    #[arg(long, value_name = "FILE", requires = "forward_to")]
    pub cacert: Option<PathBuf>,

    /// Write each delivery to DIR as an `.http` capture that every command reads back
    #[arg(long, value_name = "DIR")]
    pub save: Option<PathBuf>,

    /// Output format: one line per delivery (human), or the result objects of `validate`
    #[arg(long, default_value = Format::Human.name(), value_parser = offered(format::RESULTS))]
    pub format: Format,

    /// Warnings make a delivery invalid too
    #[arg(long)]
    pub strict: bool,

    /// Answer invalid or badly signed deliveries with this status instead of 200 (default 400)
    #[arg(
        long,
        value_name = "STATUS",
        num_args = 0..=1,
        default_missing_value = "400",
        value_parser = clap::value_parser!(u16).range(400..=599),
        conflicts_with = "forward_to"
    )]
    pub reject_invalid: Option<u16>,

    /// Report only deliveries whose event type matches this glob (repeatable); every delivery is
    /// still answered, saved and forwarded
    #[arg(long, value_name = "GLOB")]
    pub events: Vec<String>,

    #[command(flatten)]
    pub secret: OptionalSecretArgs,

    /// Largest body accepted; a larger one is answered 413
    #[arg(long, default_value_t = 4 << 20, value_name = "BYTES")]
    pub max_event_bytes: usize,

    /// Connections served at once; beyond them a delivery waits briefly, then gets 503
    #[arg(long, default_value_t = 64, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub max_connections: u32,

    /// Seconds a client may take to send a request's headers and body (408 after)
    #[arg(long, default_value_t = 10, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub read_timeout: u64,

    /// Seconds a kept-alive connection may stay idle before it is closed
    #[arg(long, default_value_t = 30, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub idle_timeout: u64,

    /// Seconds the handler behind --forward-to may take to answer (502/504 after)
    #[arg(long, default_value_t = 30, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub forward_timeout: u64,

    /// Largest handler answer relayed whole; a larger one is answered 502 instead
    #[arg(long, default_value_t = 4 << 20, value_name = "BYTES")]
    pub max_answer_bytes: usize,

    /// Seconds the answer waits for a delivery's analysis; past them the delivery is answered as
    /// if valid (saved and forwarded as usual) and reported when its analysis is done (0: never
    /// wait)
    #[arg(long, default_value_t = 10, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(0..=3600))]
    pub analysis_timeout: u64,
}

fn url_path(text: &str) -> Result<String, String> {
    if text.starts_with('/') && !text.contains(['?', '#', ' ']) {
        Ok(text.trim_end_matches('/').to_owned())
    } else {
        Err("expected a path starting with `/`, without query or fragment".to_owned())
    }
}

fn handler_url(text: &str) -> Result<String, String> {
    crate::live::client::Target::parse(text).map(|_| text.to_owned())
}

/// `--header 'Name: value'`: a header name as HTTP allows it, a value without line breaks.
fn header(text: &str) -> Result<(String, String), String> {
    let (name, value) = text.split_once(':').ok_or("expected `Name: value`")?;
    let name = name.trim();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    {
        return Err(format!("{name:?} is not a header name"));
    }
    if value.contains(['\r', '\n', '\0']) {
        return Err("a header value cannot hold a line break or NUL".to_owned());
    }
    Ok((name.to_owned(), value.trim().to_owned()))
}

/// `--rate`: deliveries per second, from one a day to a million.
fn rate(text: &str) -> Result<f64, String> {
    const MIN: f64 = 1.0 / 86_400.0;
    let rate: f64 = text.parse().map_err(|_| "expected a number of deliveries per second".to_owned())?;
    if !(MIN..=1e6).contains(&rate) {
        return Err("expected deliveries per second from 0.0000116 (one a day) to 1000000".to_owned());
    }
    Ok(rate)
}

/// The time `send` signs with (`--timestamp`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignTime {
    /// Seconds since the Unix epoch.
    Unix(i64),
    /// Now, plus this many seconds (negative: in the past).
    Now(i64),
}

fn sign_time(text: &str) -> Result<SignTime, String> {
    let expected = || "expected UNIX seconds, `now`, `now-300` or `now+60`".to_owned();
    let Some(rest) = text.strip_prefix("now") else {
        return text.parse().map(SignTime::Unix).map_err(|_| expected());
    };
    let offset = match rest.as_bytes().first() {
        None => 0,
        Some(b'-' | b'+') if rest[1..].bytes().all(|b| b.is_ascii_digit()) => {
            rest.parse::<i64>().map_err(|_| expected())?
        }
        _ => return Err(expected()),
    };
    Ok(SignTime::Now(offset))
}

#[derive(Debug, Clone, Args)]
pub struct SendArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// The handler to post to: an `http://` or `https://` URL
    #[arg(long, value_name = "URL", value_parser = handler_url)]
    pub to: String,

    /// Trust the PEM certificates in FILE instead of the system's roots for an https:// handler
    #[arg(long, value_name = "FILE")]
    pub cacert: Option<PathBuf>,

    /// Add a header to every delivery, replacing one of the same name (repeatable)
    #[arg(long = "header", short = 'H', value_name = "NAME: VALUE", value_parser = header)]
    pub headers: Vec<(String, String)>,

    /// Sign as of this time: UNIX seconds, `now`, or `now-300` (five minutes ago) to try a
    /// handler's replay protection
    #[arg(long, value_name = "UNIX|now-N", value_parser = sign_time)]
    pub timestamp: Option<SignTime>,

    /// Send the catalog's sample of this event type (repeatable), like `stripe trigger`
    #[arg(long, value_name = "TYPE")]
    pub sample: Vec<String>,

    /// Override a field before sending: `/pointer=value`, value as JSON or else as a string (repeatable)
    #[arg(long = "set", value_name = "POINTER=VALUE")]
    pub set: Vec<String>,

    #[command(flatten)]
    pub secret: OptionalSecretArgs,

    /// Send a capture's own signature headers instead of signing it afresh
    #[arg(long)]
    pub keep_signature: bool,

    /// Deliveries started per second at most (default: as fast as answers come)
    #[arg(long, value_name = "PER_SECOND", value_parser = rate)]
    pub rate: Option<f64>,

    /// Deliveries in flight at once
    #[arg(long, default_value_t = 1, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub concurrency: u32,

    /// Seconds to wait for each answer
    #[arg(long, default_value_t = 30, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,

    /// Output format
    #[arg(long, default_value = Format::Human.name(), value_parser = offered(format::RESULTS))]
    pub format: Format,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn send_times_headers_and_rates_are_checked() {
        assert_eq!(sign_time("1700000000"), Ok(SignTime::Unix(1_700_000_000)));
        assert_eq!(sign_time("now"), Ok(SignTime::Now(0)));
        assert_eq!(sign_time("now-300"), Ok(SignTime::Now(-300)));
        assert_eq!(sign_time("now+60"), Ok(SignTime::Now(60)));
        for bad in ["now-", "now--3", "now-+3", "soon", "1.5", "now-99999999999999999999"] {
            assert!(sign_time(bad).is_err(), "{bad}");
        }
        assert_eq!(header("X-Trace:  a b "), Ok(("X-Trace".to_owned(), "a b".to_owned())));
        assert!(header("X Trace: a").is_err());
        assert!(header("X-Trace: a\r\nX-Other: b").is_err());
        assert!(rate("0.5").is_ok() && rate("1000000").is_ok());
        for bad in ["1e-300", "5e-324", "1e-19", "0", "-1", "NaN", "inf", "1e7", "x"] {
            assert!(rate(bad).is_err(), "{bad}");
        }
    }

    fn words(args: &[&str]) -> Vec<String> {
        let args = args.iter().map(std::ffi::OsString::from).collect();
        with_default_subcommand(&Cli::command(), args)
            .unwrap()
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn a_mistyped_subcommand_is_named() {
        let names: Vec<String> = ["validate", "sign", "stats", "inspect"].map(str::to_owned).to_vec();
        assert_eq!(near_subcommand("validat", &names), Some("validate"));
        assert_eq!(near_subcommand("valdiate", &names), Some("validate"));
        assert_eq!(near_subcommand("Stats", &names), Some("stats"));
        // The one near-miss rule (`near.rs`): a name under five characters only matches in
        // another case or separator style, so `sgin` is read as a path.
        assert_eq!(near_subcommand("sgin", &names), None);
        assert_eq!(near_subcommand("events.json", &names), None);
        assert_eq!(near_subcommand("samples", &names), None);
        assert_eq!(near_subcommand("--stats", &names), None);
    }

    #[test]
    fn inspect_is_the_default_subcommand() {
        assert_eq!(words(&["hs", "x.json"]), ["hs", "inspect", "x.json"]);
        assert_eq!(
            words(&["hs", "--color", "always", "x.json"]),
            ["hs", "--color", "always", "inspect", "x.json"]
        );
        assert_eq!(
            words(&["hs", "--catalog=c", "--no-builtin", "list"]),
            ["hs", "--catalog=c", "--no-builtin", "list"]
        );
        assert_eq!(
            words(&["hs", "--color", "never", "validate", "x"]),
            ["hs", "--color", "never", "validate", "x"]
        );
        assert_eq!(words(&["hs"]), ["hs", "inspect"]);
        assert_eq!(words(&["hs", "--help"]), ["hs", "--help"]);
        assert_eq!(words(&["hs", "--body-only"]), ["hs", "inspect", "--body-only"]);
    }

    #[test]
    fn a_new_global_option_is_known_from_clap_itself() {
        let command = Cli::command()
            .arg(clap::Arg::new("extra").long("extra").short('x').global(true))
            .arg(clap::Arg::new("quiet").long("quiet").action(clap::ArgAction::SetTrue).global(true));
        let words = |args: &[&str]| -> Vec<String> {
            let args = args.iter().map(std::ffi::OsString::from).collect();
            let out = with_default_subcommand(&command, args).unwrap();
            out.into_iter().map(|a| a.into_string().unwrap()).collect()
        };
        assert_eq!(words(&["hs", "--extra", "v", "x.json"]), ["hs", "--extra", "v", "inspect", "x.json"]);
        assert_eq!(
            words(&["hs", "-x", "v", "--quiet", "x.json"]),
            ["hs", "-x", "v", "--quiet", "inspect", "x.json"]
        );
        assert_eq!(words(&["hs", "--extra=v", "list"]), ["hs", "--extra=v", "list"]);
    }
}
