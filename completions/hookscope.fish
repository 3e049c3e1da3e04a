# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hookscope_global_optspecs
    string join \n provider= type= api-version= input= body-only compact sort-keys strict color= config= no-config h/help V/version
end

function __fish_hookscope_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hookscope_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hookscope_using_subcommand
    set -l cmd (__fish_hookscope_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hookscope -n "__fish_hookscope_needs_command" -l provider -d 'Force the provider instead of detecting it (alfred, daily, extend)' -r
complete -c hookscope -n "__fish_hookscope_needs_command" -l type -d 'Force the event type (its wire name, a documented alias, or a loose spelling)' -r
complete -c hookscope -n "__fish_hookscope_needs_command" -l api-version -d 'Force the API version of providers that have several (Extend)' -r
complete -c hookscope -n "__fish_hookscope_needs_command" -l input -d 'How to read the input (auto: by file name ending, else by content)' -r -f -a "auto\t'By file name ending, else by looking at the first lines'
json\t'One or more JSON documents (pretty or compact), or NDJSON'
ndjson\t'One JSON value per line'
log\t'Log lines with a prefix before the JSON; lines without JSON are skipped and counted'
http\t'Raw HTTP requests: the body is the event, the headers are kept'
har\t'A HAR export: each request with a JSON body is an event'"
complete -c hookscope -n "__fish_hookscope_needs_command" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_needs_command" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_needs_command" -l body-only -d 'Print only the pretty-printed events, no summary or findings'
complete -c hookscope -n "__fish_hookscope_needs_command" -l compact -d 'Print events compact (one line each) instead of indented'
complete -c hookscope -n "__fish_hookscope_needs_command" -l sort-keys -d 'Sort object keys (values are still printed exactly as written)'
complete -c hookscope -n "__fish_hookscope_needs_command" -l strict -d 'Warnings fail the run too (exit code 1)'
complete -c hookscope -n "__fish_hookscope_needs_command" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_needs_command" -s V -l version -d 'Print version'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "inspect" -d 'Detect, validate and pretty-print events, for people (the default)'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "validate" -d 'Validate events: a report and an exit code, for CI'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "detect" -d 'Show the provider, event type and API version of each event'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "filter" -d 'Pass matching events through unchanged, byte for byte'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "stats" -d 'Counts per provider, type, API version and status over a stream'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "list" -d 'List the catalog: providers, event types, API versions'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "schema" -d 'Print the JSON Schema of an event type'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "sample" -d 'Print a sample payload of an event type'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "completions" -d 'Print a shell completion script'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "man" -d 'Print the man page (roff)'
complete -c hookscope -n "__fish_hookscope_needs_command" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l provider -d 'Force the provider instead of detecting it (alfred, daily, extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l type -d 'Force the event type (its wire name, a documented alias, or a loose spelling)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l api-version -d 'Force the API version of providers that have several (Extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l input -d 'How to read the input (auto: by file name ending, else by content)' -r -f -a "auto\t'By file name ending, else by looking at the first lines'
json\t'One or more JSON documents (pretty or compact), or NDJSON'
ndjson\t'One JSON value per line'
log\t'Log lines with a prefix before the JSON; lines without JSON are skipped and counted'
http\t'Raw HTTP requests: the body is the event, the headers are kept'
har\t'A HAR export: each request with a JSON body is an event'"
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l body-only -d 'Print only the pretty-printed events, no summary or findings'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l compact -d 'Print events compact (one line each) instead of indented'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l sort-keys -d 'Sort object keys (values are still printed exactly as written)'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l strict -d 'Warnings fail the run too (exit code 1)'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l provider -d 'Force the provider instead of detecting it (alfred, daily, extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l type -d 'Force the event type (its wire name, a documented alias, or a loose spelling)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l api-version -d 'Force the API version of providers that have several (Extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l input -d 'How to read the input (auto: by file name ending, else by content)' -r -f -a "auto\t'By file name ending, else by looking at the first lines'
json\t'One or more JSON documents (pretty or compact), or NDJSON'
ndjson\t'One JSON value per line'
log\t'Log lines with a prefix before the JSON; lines without JSON are skipped and counted'
http\t'Raw HTTP requests: the body is the event, the headers are kept'
har\t'A HAR export: each request with a JSON body is an event'"
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l format -d 'Output format' -r -f -a "human\t'For people: findings as source snippets, then a summary line'
json\t'One JSON document: {"summary": ..., "results": [...]}'
ndjson\t'One JSON result object per line, no summary'
junit\t'JUnit XML: one testsuite per input file, one testcase per event'
github\t'GitHub Actions workflow commands (::error / ::warning annotations)'
sarif\t'SARIF 2.1.0, one result per finding'"
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l strict -d 'Warnings fail the run too (exit code 1)'
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -s v -l verbose -d 'List every event, not only those with findings'
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l brief -d 'One line per finding (`path:line:col: level: message`) instead of source snippets'
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l provider -d 'Force the provider instead of detecting it (alfred, daily, extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l type -d 'Force the event type (its wire name, a documented alias, or a loose spelling)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l api-version -d 'Force the API version of providers that have several (Extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l input -d 'How to read the input (auto: by file name ending, else by content)' -r -f -a "auto\t'By file name ending, else by looking at the first lines'
json\t'One or more JSON documents (pretty or compact), or NDJSON'
ndjson\t'One JSON value per line'
log\t'Log lines with a prefix before the JSON; lines without JSON are skipped and counted'
http\t'Raw HTTP requests: the body is the event, the headers are kept'
har\t'A HAR export: each request with a JSON body is an event'"
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l format -d 'Output format' -r -f -a "human\t'For people: findings like a linter, then a summary line'
json\t'One JSON document: {"summary": ..., "results": [...]}'
ndjson\t'One JSON result object per line, no summary'"
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l input -d 'How to read the input (auto: by file name ending, else by content)' -r -f -a "auto\t'By file name ending, else by looking at the first lines'
json\t'One or more JSON documents (pretty or compact), or NDJSON'
ndjson\t'One JSON value per line'
log\t'Log lines with a prefix before the JSON; lines without JSON are skipped and counted'
http\t'Raw HTTP requests: the body is the event, the headers are kept'
har\t'A HAR export: each request with a JSON body is an event'"
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l provider -d 'Keep events of this provider (detected)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l type -d 'Keep events whose type matches this glob (`recording.*`, `*_failed_event`); repeatable' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l status -d 'Keep events with this status' -r -f -a "valid\t''
invalid\t''
unknown\t''
unparsable\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l report -d 'Write why each dropped or unparsable record was dropped to FILE (JSON lines)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -s v -l invert -d 'Keep the events that do NOT match'
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l strict -d 'Warnings make an event fail `--status valid` too'
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l provider -d 'Force the provider instead of detecting it (alfred, daily, extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l type -d 'Force the event type (its wire name, a documented alias, or a loose spelling)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l api-version -d 'Force the API version of providers that have several (Extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l input -d 'How to read the input (auto: by file name ending, else by content)' -r -f -a "auto\t'By file name ending, else by looking at the first lines'
json\t'One or more JSON documents (pretty or compact), or NDJSON'
ndjson\t'One JSON value per line'
log\t'Log lines with a prefix before the JSON; lines without JSON are skipped and counted'
http\t'Raw HTTP requests: the body is the event, the headers are kept'
har\t'A HAR export: each request with a JSON body is an event'"
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l top -d 'How many of the most frequent findings to show' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema" -l provider -d 'The provider, where the type name is ambiguous' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand schema" -l api-version -d 'The API version (default: the newest that documents the type)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand schema" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand schema" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand schema" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l provider -d 'The provider, where the type name is ambiguous' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l api-version -d 'The API version (default: the newest that documents the type)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand completions" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand completions" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand completions" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand man" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand man" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand man" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "inspect" -d 'Detect, validate and pretty-print events, for people (the default)'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "validate" -d 'Validate events: a report and an exit code, for CI'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "detect" -d 'Show the provider, event type and API version of each event'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "filter" -d 'Pass matching events through unchanged, byte for byte'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "stats" -d 'Counts per provider, type, API version and status over a stream'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "list" -d 'List the catalog: providers, event types, API versions'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "schema" -d 'Print the JSON Schema of an event type'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "sample" -d 'Print a sample payload of an event type'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list schema sample completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
