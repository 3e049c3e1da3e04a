# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hookscope_global_optspecs
    string join \n color= config= no-config catalog= no-builtin h/help V/version
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

complete -c hookscope -n "__fish_hookscope_needs_command" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_needs_command" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_needs_command" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_needs_command" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_needs_command" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_needs_command" -s V -l version -d 'Print version'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "inspect" -d 'Detect, validate and pretty-print events, for people (the default)'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "validate" -d 'Validate events: a report and an exit code, for CI'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "detect" -d 'Show the provider, event type and API version of each event'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "filter" -d 'Pass matching events through unchanged, byte for byte'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "stats" -d 'Counts per provider, type, API version and status over a stream'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "list" -d 'List the catalog: providers, event types, API versions'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "diff" -d 'Structural diff of two events that knows which fields are noise'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "verify" -d 'Check webhook signatures of captured deliveries, offline, and say why one fails'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "sign" -d 'Print the signature headers a real delivery of a body would carry (for test fixtures)'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "schema" -d 'Print the JSON Schema of an event type; `schema export DIR` writes the whole catalog'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "sample" -d 'Print a sample payload of an event type'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "catalog" -d 'Check a user catalog folder: schemas, files, samples, detection rules'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "listen" -d 'Receive live deliveries on loopback: validate, verify, save and forward each one'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "send" -d 'Post events, captures or catalog samples to a handler, freshly signed'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c hookscope -n "__fish_hookscope_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l provider -d 'Force the provider instead of detecting it (alfred, daily, extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l type -d 'Force the event type (its wire name, a documented alias, or a loose spelling)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l api-version -d 'Force the API version of providers that have several (Extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l input -d 'How to read the input (auto: by file name ending, else by content)' -r -f -a "auto\t'By file name ending, else by looking at the first lines'
json\t'One or more JSON documents (pretty or compact), or NDJSON'
ndjson\t'One JSON value per line'
log\t'Log lines with a prefix before the JSON; lines without JSON are skipped and counted'
http\t'Raw HTTP requests: the body is the event, the headers are kept'
har\t'A HAR export: each request with a JSON body is an event'"
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l max-event-bytes -d 'Largest event read; a larger one is reported unparsable and the stream goes on' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -s j -l threads -d 'Threads validating events, 1 to 256 (default: all cores); results stay in input order' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l body-only -d 'Print only the pretty-printed events, no summary or findings'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l compact -d 'Print events compact (one line each) instead of indented'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l sort-keys -d 'Sort object keys (values are still printed exactly as written)'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l strict -d 'Warnings fail the run too (exit code 1)'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand inspect" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
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
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l max-event-bytes -d 'Largest event read; a larger one is reported unparsable and the stream goes on' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -s j -l threads -d 'Threads validating events, 1 to 256 (default: all cores); results stay in input order' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l format -d 'Output format' -r -f -a "human\t'For people: findings as source snippets, then a summary line'
json\t'One JSON document: {"summary": ..., "results": [...]}'
ndjson\t'One JSON result object per line, no summary'
junit\t'`JUnit` XML: one testsuite per input file, one testcase per event'
github\t'GitHub Actions workflow commands (`::error` / `::warning` annotations)'
sarif\t'SARIF 2.1.0, one result per finding'"
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l strict -d 'Warnings fail the run too (exit code 1)'
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -s v -l verbose -d 'List every event, not only those with findings'
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l brief -d 'One line per finding (`path:line:col: level: message`) instead of source snippets'
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand validate" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
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
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l max-event-bytes -d 'Largest event read; a larger one is reported unparsable and the stream goes on' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -s j -l threads -d 'Threads validating events, 1 to 256 (default: all cores); results stay in input order' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l format -d 'Output format' -r -f -a "human\t'For people: findings like a linter, then a summary line'
json\t'One JSON document: {"summary": ..., "results": [...]}'
ndjson\t'One JSON result object per line, no summary'"
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand detect" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
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
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -s v -l invert -d 'Keep the events that do NOT match'
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l strict -d 'Warnings make an event fail `--status valid` too'
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand filter" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
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
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l max-event-bytes -d 'Largest event read; a larger one is reported unparsable and the stream goes on' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -s j -l threads -d 'Threads validating events, 1 to 256 (default: all cores); results stay in input order' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l top -d 'How many of the most frequent findings to show' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l format -d 'Output format' -r -f -a "human\t'Changed paths with old → new values, additions, removals and a summary'
json\t'{"left": ..., "right": ..., "changes": [...], "ignored": N}'
patch\t'An RFC 6902 JSON Patch that turns A into B'"
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l ignore -d 'Ignore paths matching this JSON Pointer pattern (`*` one segment, `**` any depth); repeatable' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l only -d 'Compare only paths matching this pattern; repeatable' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l array-key -d 'Match array elements that are objects by this key instead of by position' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l input -d 'How to read the inputs' -r -f -a "auto\t'By file name ending, else by looking at the first lines'
json\t'One or more JSON documents (pretty or compact), or NDJSON'
ndjson\t'One JSON value per line'
log\t'Log lines with a prefix before the JSON; lines without JSON are skipped and counted'
http\t'Raw HTTP requests: the body is the event, the headers are kept'
har\t'A HAR export: each request with a JSON body is an event'"
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l stat -d 'Only the summary line'
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l shape -d 'Compare structure and JSON types only, not values'
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l include-volatile -d 'Compare the provider\'s volatile fields (event ids, delivery times, signed URLs) too'
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l provider -d 'Force the provider instead of detecting it (alfred, daily, extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l type -d 'Force the event type (its wire name, a documented alias, or a loose spelling)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l api-version -d 'Force the API version of providers that have several (Extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l input -d 'How to read the input (auto: by file name ending, else by content)' -r -f -a "auto\t'By file name ending, else by looking at the first lines'
json\t'One or more JSON documents (pretty or compact), or NDJSON'
ndjson\t'One JSON value per line'
log\t'Log lines with a prefix before the JSON; lines without JSON are skipped and counted'
http\t'Raw HTTP requests: the body is the event, the headers are kept'
har\t'A HAR export: each request with a JSON body is an event'"
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l max-event-bytes -d 'Largest event read; a larger one is reported unparsable and the stream goes on' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -s j -l threads -d 'Threads validating events, 1 to 256 (default: all cores); results stay in input order' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l secret-env -d 'Read the secret from this environment variable' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l secret-file -d 'Read the secret from this file (surrounding whitespace is ignored)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -s H -l header -d 'Add a delivery header, `Name: value` (repeatable), for bodies captured without headers' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l tolerance -d 'Seconds a signed timestamp may be off the clock, either way (default: the scheme\'s own: 300 s back; 60 s ahead for Extend, 300 s for the others)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l now -d 'Judge timestamps as if it were this Unix time (for captured fixtures)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l format -d 'Output format' -r -f -a "human\t'For people: findings like a linter, then a summary line'
json\t'One JSON document: {"summary": ..., "results": [...]}'
ndjson\t'One JSON result object per line, no summary'"
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l strict -d 'Events whose provider documents no signature fail the run too'
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l provider -d 'The provider whose scheme to use (default: detected from the body)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l secret-env -d 'Read the secret from this environment variable' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l secret-file -d 'Read the secret from this file (surrounding whitespace is ignored)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l timestamp -d 'The Unix timestamp to sign with (default: now)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l id -d 'The message id, for schemes that sign one (Standard Webhooks; default: derived from the body)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l format -d 'Output format' -r -f -a "headers\t'`Name: value` header lines'
http\t'A whole HTTP request (a capture `verify` and `inspect` read back)'
json\t'{"headers": {...}}'"
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and not __fish_seen_subcommand_from export help" -l provider -d 'The provider, where the type name is ambiguous' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and not __fish_seen_subcommand_from export help" -l api-version -d 'The API version (default: the newest that documents the type)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and not __fish_seen_subcommand_from export help" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and not __fish_seen_subcommand_from export help" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and not __fish_seen_subcommand_from export help" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and not __fish_seen_subcommand_from export help" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and not __fish_seen_subcommand_from export help" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and not __fish_seen_subcommand_from export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and not __fish_seen_subcommand_from export help" -a "export" -d 'Write the catalog (providers, schemas, shared definitions, samples) to DIR, in the format `--catalog` reads'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and not __fish_seen_subcommand_from export help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and __fish_seen_subcommand_from export" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and __fish_seen_subcommand_from export" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and __fish_seen_subcommand_from export" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and __fish_seen_subcommand_from export" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and __fish_seen_subcommand_from export" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the catalog (providers, schemas, shared definitions, samples) to DIR, in the format `--catalog` reads'
complete -c hookscope -n "__fish_hookscope_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l provider -d 'The provider, where the type name is ambiguous' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l api-version -d 'The API version (default: the newest that documents the type)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand sample" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and not __fish_seen_subcommand_from check help" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and not __fish_seen_subcommand_from check help" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and not __fish_seen_subcommand_from check help" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and not __fish_seen_subcommand_from check help" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and not __fish_seen_subcommand_from check help" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and not __fish_seen_subcommand_from check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and not __fish_seen_subcommand_from check help" -f -a "check" -d 'Every schema compiles and is valid, every referenced file exists, every sample validates, and no detection rule claims another provider\'s samples'
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and not __fish_seen_subcommand_from check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and __fish_seen_subcommand_from check" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and __fish_seen_subcommand_from check" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and __fish_seen_subcommand_from check" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and __fish_seen_subcommand_from check" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and __fish_seen_subcommand_from check" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "check" -d 'Every schema compiles and is valid, every referenced file exists, every sample validates, and no detection rule claims another provider\'s samples'
complete -c hookscope -n "__fish_hookscope_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l addr -d 'The address to listen on; anything but loopback only when given here' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l path -d 'The URL path deliveries are posted to (and anything below it)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l forward-to -d 'Forward each delivery (its exact bytes and headers) to this handler and relay its answer' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l save -d 'Write each delivery to DIR as an `.http` capture that every command reads back' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l format -d 'Output format: one line per delivery (human), or the result objects of `validate`' -r -f -a "human\t'For people: findings like a linter, then a summary line'
json\t'One JSON document: {"summary": ..., "results": [...]}'
ndjson\t'One JSON result object per line, no summary'"
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l reject-invalid -d 'Answer invalid or badly signed deliveries with this status instead of 200 (default 400)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l events -d 'Report only deliveries whose event type matches this glob (repeatable); every delivery is still answered, saved and forwarded' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l secret-env -d 'Read the signing secret from this environment variable' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l secret-file -d 'Read the signing secret from this file (surrounding whitespace is ignored)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l max-event-bytes -d 'Largest body accepted; a larger one is answered 413' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l max-connections -d 'Connections served at once; beyond them a delivery waits briefly, then gets 503' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l read-timeout -d 'Seconds a client may take to send a request\'s headers and body (408 after)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l idle-timeout -d 'Seconds a kept-alive connection may stay idle before it is closed' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l forward-timeout -d 'Seconds the handler behind --forward-to may take to answer (502/504 after)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l strict -d 'Warnings make a delivery invalid too'
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l provider -d 'Force the provider instead of detecting it (alfred, daily, extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l type -d 'Force the event type (its wire name, a documented alias, or a loose spelling)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l api-version -d 'Force the API version of providers that have several (Extend)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l input -d 'How to read the input (auto: by file name ending, else by content)' -r -f -a "auto\t'By file name ending, else by looking at the first lines'
json\t'One or more JSON documents (pretty or compact), or NDJSON'
ndjson\t'One JSON value per line'
log\t'Log lines with a prefix before the JSON; lines without JSON are skipped and counted'
http\t'Raw HTTP requests: the body is the event, the headers are kept'
har\t'A HAR export: each request with a JSON body is an event'"
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l max-event-bytes -d 'Largest event read; a larger one is reported unparsable and the stream goes on' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -s j -l threads -d 'Threads validating events, 1 to 256 (default: all cores); results stay in input order' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l to -d 'The handler to post to' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l sample -d 'Send the catalog\'s sample of this event type (repeatable), like `stripe trigger`' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l set -d 'Override a field before sending: `/pointer=value`, value as JSON or else as a string (repeatable)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l secret-env -d 'Read the signing secret from this environment variable' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l secret-file -d 'Read the signing secret from this file (surrounding whitespace is ignored)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l rate -d 'Deliveries started per second at most (default: as fast as answers come)' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l concurrency -d 'Deliveries in flight at once' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l timeout -d 'Seconds to wait for each answer' -r
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l format -d 'Output format' -r -f -a "human\t'For people: findings like a linter, then a summary line'
json\t'One JSON document: {"summary": ..., "results": [...]}'
ndjson\t'One JSON result object per line, no summary'"
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l keep-signature -d 'Send a capture\'s own signature headers instead of signing it afresh'
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand completions" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand completions" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand completions" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand completions" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand completions" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand man" -l color -d 'When to use colour: auto (only on a terminal, honouring `NO_COLOR`), always, never' -r -f -a "auto\t'Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c hookscope -n "__fish_hookscope_using_subcommand man" -l config -d 'The project file (default: hookscope.toml or .hookscope.toml here or in a parent folder)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand man" -l catalog -d 'Add the providers of a user catalog folder (repeatable; also `HOOKSCOPE_CATALOG`, `:`-separated)' -r -F
complete -c hookscope -n "__fish_hookscope_using_subcommand man" -l no-config -d 'Ignore any project file'
complete -c hookscope -n "__fish_hookscope_using_subcommand man" -l no-builtin -d 'Leave the built-in providers out (use only user catalogs)'
complete -c hookscope -n "__fish_hookscope_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "inspect" -d 'Detect, validate and pretty-print events, for people (the default)'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "validate" -d 'Validate events: a report and an exit code, for CI'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "detect" -d 'Show the provider, event type and API version of each event'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "filter" -d 'Pass matching events through unchanged, byte for byte'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "stats" -d 'Counts per provider, type, API version and status over a stream'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "list" -d 'List the catalog: providers, event types, API versions'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "diff" -d 'Structural diff of two events that knows which fields are noise'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "verify" -d 'Check webhook signatures of captured deliveries, offline, and say why one fails'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "sign" -d 'Print the signature headers a real delivery of a body would carry (for test fixtures)'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "schema" -d 'Print the JSON Schema of an event type; `schema export DIR` writes the whole catalog'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "sample" -d 'Print a sample payload of an event type'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "catalog" -d 'Check a user catalog folder: schemas, files, samples, detection rules'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "listen" -d 'Receive live deliveries on loopback: validate, verify, save and forward each one'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "send" -d 'Post events, captures or catalog samples to a handler, freshly signed'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and not __fish_seen_subcommand_from inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "export" -d 'Write the catalog (providers, schemas, shared definitions, samples) to DIR, in the format `--catalog` reads'
complete -c hookscope -n "__fish_hookscope_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "check" -d 'Every schema compiles and is valid, every referenced file exists, every sample validates, and no detection rule claims another provider\'s samples'
