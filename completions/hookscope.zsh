#compdef hookscope

autoload -U is-at-least

_hookscope() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_hookscope_commands" \
"*::: :->hookscope" \
&& ret=0
    case $state in
    (hookscope)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:hookscope-command-$line[1]:"
        case $line[1] in
            (inspect)
_arguments "${_arguments_options[@]}" : \
'*--exclude=[Leave out files and folders matching this gitignore-style glob (relative to each directory given; repeatable)]:GLOB:_default' \
'--provider=[Force the provider instead of detecting it (see \`hookscope list\`)]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--type=[Force the event type (its wire name, a documented alias, or a loose spelling)]:TYPE:((batch-processor.error\:"daily"
batch-processor.job-finished\:"daily"
batch_parse_run.failed\:"extend"
batch_parse_run.processed\:"extend"
batch_processor_run.failed\:"extend"
batch_processor_run.processed\:"extend"
calltransfer.answered\:"daily"
calltransfer.completed\:"daily"
calltransfer.initiated\:"daily"
calltransfer.triggered\:"daily"
classifier.created\:"extend"
classifier.deleted\:"extend"
classifier.draft.updated\:"extend"
classifier.updated\:"extend"
classifier.version.published\:"extend"
classify_run.failed\:"extend"
classify_run.processed\:"extend"
dialin.connected\:"daily"
dialin.error\:"daily"
dialin.ready\:"daily"
dialin.stopped\:"daily"
dialin.warning\:"daily"
dialout.answered\:"daily"
dialout.connected\:"daily"
dialout.error\:"daily"
dialout.stopped\:"daily"
dialout.warning\:"daily"
edit_run.failed\:"extend"
edit_run.processed\:"extend"
extract_run.failed\:"extend"
extract_run.processed\:"extend"
extractor.created\:"extend"
extractor.deleted\:"extend"
extractor.draft.updated\:"extend"
extractor.updated\:"extend"
extractor.version.published\:"extend"
file_add_to_job_event\:"alfred"
file_category_create_event\:"alfred"
file_category_delete_event\:"alfred"
file_change_tag_event\:"alfred"
file_done_event\:"alfred"
file_extracted_data_create_event\:"alfred"
file_extracted_data_delete_event\:"alfred"
file_failed_event\:"alfred"
file_move_event\:"alfred"
file_move_to_pending_event\:"alfred"
file_move_to_recycle_bin_event\:"alfred"
file_property_create_event\:"alfred"
file_property_delete_event\:"alfred"
file_remove_tag_event\:"alfred"
file_status_update_event\:"alfred"
file_update_event\:"alfred"
form_detection_run.failed\:"extend"
form_detection_run.processed\:"extend"
job_create_event\:"alfred"
job_exceeded_retries_event\:"alfred"
job_failed_event\:"alfred"
job_finished_event\:"alfred"
job_invalid_event\:"alfred"
job_retry_event\:"alfred"
job_stage_update_event\:"alfred"
job_start_event\:"alfred"
meeting.ended\:"daily"
meeting.started\:"daily"
parse_run.failed\:"extend"
parse_run.processed\:"extend"
parser_run.failed\:"extend"
parser_run.processed\:"extend"
participant.joined\:"daily"
participant.left\:"daily"
processor.created\:"extend"
processor.deleted\:"extend"
processor.draft.updated\:"extend"
processor.updated\:"extend"
processor.version.published\:"extend"
processor_run.failed\:"extend"
processor_run.processed\:"extend"
recording.error\:"daily"
recording.ready-to-download\:"daily"
recording.started\:"daily"
split_run.failed\:"extend"
split_run.processed\:"extend"
splitter.created\:"extend"
splitter.deleted\:"extend"
splitter.draft.updated\:"extend"
splitter.updated\:"extend"
splitter.version.published\:"extend"
streaming.ended\:"daily"
streaming.error\:"daily"
streaming.started\:"daily"
streaming.updated\:"daily"
streaming.warning\:"daily"
test\:"daily"
transcript.error\:"daily"
transcript.ready-to-download\:"daily"
transcript.started\:"daily"
url_verification\:"alfred"
waiting-participant.joined\:"daily"
waiting-participant.left\:"daily"
workflow.created\:"extend"
workflow.deleted\:"extend"
workflow.deployed\:"extend"
workflow_run.cancelled\:"extend"
workflow_run.completed\:"extend"
workflow_run.failed\:"extend"
workflow_run.needs_review\:"extend"
workflow_run.rejected\:"extend"
workflow_run.step_run.processed\:"extend"))' \
'--api-version=[Force the API version of providers that have several]:VERSION:_default' \
'--input=[How to read the input (auto\: by file name ending, else by content)]:MODE:((auto\:"By file name ending, else by looking at the first lines"
json\:"One or more JSON documents (pretty or compact), or NDJSON"
ndjson\:"One JSON value per line"
log\:"Log lines with a prefix before the JSON; lines without JSON are skipped and counted"
http\:"Raw HTTP requests\: the body is the event, the headers are kept"
har\:"A HAR export\: each request with a JSON body is an event"))' \
'--max-event-bytes=[Largest event read; a larger one is reported unparsable and the stream goes on]:BYTES:_default' \
'-j+[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'--threads=[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'*--at=[The event is the value at this JSON Pointer inside each record (an object, or a string holding JSON), for structured logs (\`--at /body\`); repeatable\: the first that exists in a record wins (also \`at = \[...\]\` in hookscope.toml)]:POINTER:_default' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-ignore[Read no .gitignore, .ignore or git exclude file\: walk every event file, ignored ones too (hidden ones need --hidden)]' \
'--hidden[Walk hidden files and folders too]' \
'--allow-empty[A directory with no event files is not an error]' \
'--body-only[Print only the pretty-printed events, no summary or findings]' \
'--compact[Print events compact (one line each) instead of indented]' \
'--sort-keys[Sort object keys (values are still printed exactly as written)]' \
'--strict[Warnings fail the run too (exit code 1)]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::paths -- Files, directories (searched recursively for *.json, *.jsonl, *.ndjson, *.log, *.http, *.har, honouring .gitignore and .ignore, skipping hidden files) or `-` for standard input; with none, standard input when it is not a terminal:_files' \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
'*--exclude=[Leave out files and folders matching this gitignore-style glob (relative to each directory given; repeatable)]:GLOB:_default' \
'--provider=[Force the provider instead of detecting it (see \`hookscope list\`)]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--type=[Force the event type (its wire name, a documented alias, or a loose spelling)]:TYPE:((batch-processor.error\:"daily"
batch-processor.job-finished\:"daily"
batch_parse_run.failed\:"extend"
batch_parse_run.processed\:"extend"
batch_processor_run.failed\:"extend"
batch_processor_run.processed\:"extend"
calltransfer.answered\:"daily"
calltransfer.completed\:"daily"
calltransfer.initiated\:"daily"
calltransfer.triggered\:"daily"
classifier.created\:"extend"
classifier.deleted\:"extend"
classifier.draft.updated\:"extend"
classifier.updated\:"extend"
classifier.version.published\:"extend"
classify_run.failed\:"extend"
classify_run.processed\:"extend"
dialin.connected\:"daily"
dialin.error\:"daily"
dialin.ready\:"daily"
dialin.stopped\:"daily"
dialin.warning\:"daily"
dialout.answered\:"daily"
dialout.connected\:"daily"
dialout.error\:"daily"
dialout.stopped\:"daily"
dialout.warning\:"daily"
edit_run.failed\:"extend"
edit_run.processed\:"extend"
extract_run.failed\:"extend"
extract_run.processed\:"extend"
extractor.created\:"extend"
extractor.deleted\:"extend"
extractor.draft.updated\:"extend"
extractor.updated\:"extend"
extractor.version.published\:"extend"
file_add_to_job_event\:"alfred"
file_category_create_event\:"alfred"
file_category_delete_event\:"alfred"
file_change_tag_event\:"alfred"
file_done_event\:"alfred"
file_extracted_data_create_event\:"alfred"
file_extracted_data_delete_event\:"alfred"
file_failed_event\:"alfred"
file_move_event\:"alfred"
file_move_to_pending_event\:"alfred"
file_move_to_recycle_bin_event\:"alfred"
file_property_create_event\:"alfred"
file_property_delete_event\:"alfred"
file_remove_tag_event\:"alfred"
file_status_update_event\:"alfred"
file_update_event\:"alfred"
form_detection_run.failed\:"extend"
form_detection_run.processed\:"extend"
job_create_event\:"alfred"
job_exceeded_retries_event\:"alfred"
job_failed_event\:"alfred"
job_finished_event\:"alfred"
job_invalid_event\:"alfred"
job_retry_event\:"alfred"
job_stage_update_event\:"alfred"
job_start_event\:"alfred"
meeting.ended\:"daily"
meeting.started\:"daily"
parse_run.failed\:"extend"
parse_run.processed\:"extend"
parser_run.failed\:"extend"
parser_run.processed\:"extend"
participant.joined\:"daily"
participant.left\:"daily"
processor.created\:"extend"
processor.deleted\:"extend"
processor.draft.updated\:"extend"
processor.updated\:"extend"
processor.version.published\:"extend"
processor_run.failed\:"extend"
processor_run.processed\:"extend"
recording.error\:"daily"
recording.ready-to-download\:"daily"
recording.started\:"daily"
split_run.failed\:"extend"
split_run.processed\:"extend"
splitter.created\:"extend"
splitter.deleted\:"extend"
splitter.draft.updated\:"extend"
splitter.updated\:"extend"
splitter.version.published\:"extend"
streaming.ended\:"daily"
streaming.error\:"daily"
streaming.started\:"daily"
streaming.updated\:"daily"
streaming.warning\:"daily"
test\:"daily"
transcript.error\:"daily"
transcript.ready-to-download\:"daily"
transcript.started\:"daily"
url_verification\:"alfred"
waiting-participant.joined\:"daily"
waiting-participant.left\:"daily"
workflow.created\:"extend"
workflow.deleted\:"extend"
workflow.deployed\:"extend"
workflow_run.cancelled\:"extend"
workflow_run.completed\:"extend"
workflow_run.failed\:"extend"
workflow_run.needs_review\:"extend"
workflow_run.rejected\:"extend"
workflow_run.step_run.processed\:"extend"))' \
'--api-version=[Force the API version of providers that have several]:VERSION:_default' \
'--input=[How to read the input (auto\: by file name ending, else by content)]:MODE:((auto\:"By file name ending, else by looking at the first lines"
json\:"One or more JSON documents (pretty or compact), or NDJSON"
ndjson\:"One JSON value per line"
log\:"Log lines with a prefix before the JSON; lines without JSON are skipped and counted"
http\:"Raw HTTP requests\: the body is the event, the headers are kept"
har\:"A HAR export\: each request with a JSON body is an event"))' \
'--max-event-bytes=[Largest event read; a larger one is reported unparsable and the stream goes on]:BYTES:_default' \
'-j+[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'--threads=[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'*--at=[The event is the value at this JSON Pointer inside each record (an object, or a string holding JSON), for structured logs (\`--at /body\`); repeatable\: the first that exists in a record wins (also \`at = \[...\]\` in hookscope.toml)]:POINTER:_default' \
'*--format=[Output format (default human); repeatable\: \`FORMAT=PATH\` writes that report to a file from the same run, and at most one bare FORMAT goes to stdout (\`--format github --format sarif=hookscope.sarif --format junit=junit.xml\`)]:FORMAT[=PATH]:((human\:"For people\: findings as source snippets, then a summary line"
json\:"One JSON document\: {"summary"\: ..., "results"\: \[...\]}"
ndjson\:"One JSON result object per line, no summary"
junit\:"\`JUnit\` XML\: one testsuite per input file, one testcase per event"
github\:"GitHub Actions workflow commands (\`\:\:error\` / \`\:\:warning\` annotations)"
sarif\:"SARIF 2.1.0, one result per finding"
gitlab\:"GitLab Code Quality JSON, one issue per finding"))' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-ignore[Read no .gitignore, .ignore or git exclude file\: walk every event file, ignored ones too (hidden ones need --hidden)]' \
'--hidden[Walk hidden files and folders too]' \
'--allow-empty[A directory with no event files is not an error]' \
'--no-step-summary[Under GitHub Actions (\`GITHUB_STEP_SUMMARY\` set), do not append the Markdown summary of the run to the job'\''s step summary]' \
'--strict[Warnings fail the run too (exit code 1)]' \
'-v[List every event, not only those with findings]' \
'--verbose[List every event, not only those with findings]' \
'--brief[One line per finding (\`path\:line\:col\: level\: message\`) instead of source snippets]' \
'--skip-foreign[Skip JSON documents that no provider recognises (\`package.json\`), saying which\: for pre-commit hooks over every \`*.json\` of a repository]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::paths -- Files, directories (searched recursively for *.json, *.jsonl, *.ndjson, *.log, *.http, *.har, honouring .gitignore and .ignore, skipping hidden files) or `-` for standard input; with none, standard input when it is not a terminal:_files' \
&& ret=0
;;
(detect)
_arguments "${_arguments_options[@]}" : \
'*--exclude=[Leave out files and folders matching this gitignore-style glob (relative to each directory given; repeatable)]:GLOB:_default' \
'--provider=[Force the provider instead of detecting it (see \`hookscope list\`)]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--type=[Force the event type (its wire name, a documented alias, or a loose spelling)]:TYPE:((batch-processor.error\:"daily"
batch-processor.job-finished\:"daily"
batch_parse_run.failed\:"extend"
batch_parse_run.processed\:"extend"
batch_processor_run.failed\:"extend"
batch_processor_run.processed\:"extend"
calltransfer.answered\:"daily"
calltransfer.completed\:"daily"
calltransfer.initiated\:"daily"
calltransfer.triggered\:"daily"
classifier.created\:"extend"
classifier.deleted\:"extend"
classifier.draft.updated\:"extend"
classifier.updated\:"extend"
classifier.version.published\:"extend"
classify_run.failed\:"extend"
classify_run.processed\:"extend"
dialin.connected\:"daily"
dialin.error\:"daily"
dialin.ready\:"daily"
dialin.stopped\:"daily"
dialin.warning\:"daily"
dialout.answered\:"daily"
dialout.connected\:"daily"
dialout.error\:"daily"
dialout.stopped\:"daily"
dialout.warning\:"daily"
edit_run.failed\:"extend"
edit_run.processed\:"extend"
extract_run.failed\:"extend"
extract_run.processed\:"extend"
extractor.created\:"extend"
extractor.deleted\:"extend"
extractor.draft.updated\:"extend"
extractor.updated\:"extend"
extractor.version.published\:"extend"
file_add_to_job_event\:"alfred"
file_category_create_event\:"alfred"
file_category_delete_event\:"alfred"
file_change_tag_event\:"alfred"
file_done_event\:"alfred"
file_extracted_data_create_event\:"alfred"
file_extracted_data_delete_event\:"alfred"
file_failed_event\:"alfred"
file_move_event\:"alfred"
file_move_to_pending_event\:"alfred"
file_move_to_recycle_bin_event\:"alfred"
file_property_create_event\:"alfred"
file_property_delete_event\:"alfred"
file_remove_tag_event\:"alfred"
file_status_update_event\:"alfred"
file_update_event\:"alfred"
form_detection_run.failed\:"extend"
form_detection_run.processed\:"extend"
job_create_event\:"alfred"
job_exceeded_retries_event\:"alfred"
job_failed_event\:"alfred"
job_finished_event\:"alfred"
job_invalid_event\:"alfred"
job_retry_event\:"alfred"
job_stage_update_event\:"alfred"
job_start_event\:"alfred"
meeting.ended\:"daily"
meeting.started\:"daily"
parse_run.failed\:"extend"
parse_run.processed\:"extend"
parser_run.failed\:"extend"
parser_run.processed\:"extend"
participant.joined\:"daily"
participant.left\:"daily"
processor.created\:"extend"
processor.deleted\:"extend"
processor.draft.updated\:"extend"
processor.updated\:"extend"
processor.version.published\:"extend"
processor_run.failed\:"extend"
processor_run.processed\:"extend"
recording.error\:"daily"
recording.ready-to-download\:"daily"
recording.started\:"daily"
split_run.failed\:"extend"
split_run.processed\:"extend"
splitter.created\:"extend"
splitter.deleted\:"extend"
splitter.draft.updated\:"extend"
splitter.updated\:"extend"
splitter.version.published\:"extend"
streaming.ended\:"daily"
streaming.error\:"daily"
streaming.started\:"daily"
streaming.updated\:"daily"
streaming.warning\:"daily"
test\:"daily"
transcript.error\:"daily"
transcript.ready-to-download\:"daily"
transcript.started\:"daily"
url_verification\:"alfred"
waiting-participant.joined\:"daily"
waiting-participant.left\:"daily"
workflow.created\:"extend"
workflow.deleted\:"extend"
workflow.deployed\:"extend"
workflow_run.cancelled\:"extend"
workflow_run.completed\:"extend"
workflow_run.failed\:"extend"
workflow_run.needs_review\:"extend"
workflow_run.rejected\:"extend"
workflow_run.step_run.processed\:"extend"))' \
'--api-version=[Force the API version of providers that have several]:VERSION:_default' \
'--input=[How to read the input (auto\: by file name ending, else by content)]:MODE:((auto\:"By file name ending, else by looking at the first lines"
json\:"One or more JSON documents (pretty or compact), or NDJSON"
ndjson\:"One JSON value per line"
log\:"Log lines with a prefix before the JSON; lines without JSON are skipped and counted"
http\:"Raw HTTP requests\: the body is the event, the headers are kept"
har\:"A HAR export\: each request with a JSON body is an event"))' \
'--max-event-bytes=[Largest event read; a larger one is reported unparsable and the stream goes on]:BYTES:_default' \
'-j+[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'--threads=[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'*--at=[The event is the value at this JSON Pointer inside each record (an object, or a string holding JSON), for structured logs (\`--at /body\`); repeatable\: the first that exists in a record wins (also \`at = \[...\]\` in hookscope.toml)]:POINTER:_default' \
'*--format=[Output format (default human); repeatable\: \`FORMAT=PATH\` writes that report to a file from the same run, and at most one bare FORMAT goes to stdout]:FORMAT[=PATH]:((human\:"For people\: findings like a linter, then a summary line"
json\:"One JSON document\: {"summary"\: ..., "results"\: \[...\]}"
ndjson\:"One JSON result object per line, no summary"))' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-ignore[Read no .gitignore, .ignore or git exclude file\: walk every event file, ignored ones too (hidden ones need --hidden)]' \
'--hidden[Walk hidden files and folders too]' \
'--allow-empty[A directory with no event files is not an error]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::paths -- Files, directories (searched recursively for *.json, *.jsonl, *.ndjson, *.log, *.http, *.har, honouring .gitignore and .ignore, skipping hidden files) or `-` for standard input; with none, standard input when it is not a terminal:_files' \
&& ret=0
;;
(filter)
_arguments "${_arguments_options[@]}" : \
'*--exclude=[Leave out files and folders matching this gitignore-style glob (relative to each directory given; repeatable)]:GLOB:_default' \
'--input=[How to read the input (auto\: by file name ending, else by content)]:MODE:((auto\:"By file name ending, else by looking at the first lines"
json\:"One or more JSON documents (pretty or compact), or NDJSON"
ndjson\:"One JSON value per line"
log\:"Log lines with a prefix before the JSON; lines without JSON are skipped and counted"
http\:"Raw HTTP requests\: the body is the event, the headers are kept"
har\:"A HAR export\: each request with a JSON body is an event"))' \
'--max-event-bytes=[Largest event read; a larger one is reported unparsable and the stream goes on]:BYTES:_default' \
'-j+[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'--threads=[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'*--at=[The event is the value at this JSON Pointer inside each record (an object, or a string holding JSON), for structured logs (\`--at /body\`); repeatable\: the first that exists in a record wins (also \`at = \[...\]\` in hookscope.toml)]:POINTER:_default' \
'--provider=[Keep events of this provider (detected)]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'*--type=[Keep events whose type matches this glob (\`recording.*\`, \`*_failed_event\`); repeatable]:GLOB:((batch-processor.error\:"daily"
batch-processor.job-finished\:"daily"
batch_parse_run.failed\:"extend"
batch_parse_run.processed\:"extend"
batch_processor_run.failed\:"extend"
batch_processor_run.processed\:"extend"
calltransfer.answered\:"daily"
calltransfer.completed\:"daily"
calltransfer.initiated\:"daily"
calltransfer.triggered\:"daily"
classifier.created\:"extend"
classifier.deleted\:"extend"
classifier.draft.updated\:"extend"
classifier.updated\:"extend"
classifier.version.published\:"extend"
classify_run.failed\:"extend"
classify_run.processed\:"extend"
dialin.connected\:"daily"
dialin.error\:"daily"
dialin.ready\:"daily"
dialin.stopped\:"daily"
dialin.warning\:"daily"
dialout.answered\:"daily"
dialout.connected\:"daily"
dialout.error\:"daily"
dialout.stopped\:"daily"
dialout.warning\:"daily"
edit_run.failed\:"extend"
edit_run.processed\:"extend"
extract_run.failed\:"extend"
extract_run.processed\:"extend"
extractor.created\:"extend"
extractor.deleted\:"extend"
extractor.draft.updated\:"extend"
extractor.updated\:"extend"
extractor.version.published\:"extend"
file_add_to_job_event\:"alfred"
file_category_create_event\:"alfred"
file_category_delete_event\:"alfred"
file_change_tag_event\:"alfred"
file_done_event\:"alfred"
file_extracted_data_create_event\:"alfred"
file_extracted_data_delete_event\:"alfred"
file_failed_event\:"alfred"
file_move_event\:"alfred"
file_move_to_pending_event\:"alfred"
file_move_to_recycle_bin_event\:"alfred"
file_property_create_event\:"alfred"
file_property_delete_event\:"alfred"
file_remove_tag_event\:"alfred"
file_status_update_event\:"alfred"
file_update_event\:"alfred"
form_detection_run.failed\:"extend"
form_detection_run.processed\:"extend"
job_create_event\:"alfred"
job_exceeded_retries_event\:"alfred"
job_failed_event\:"alfred"
job_finished_event\:"alfred"
job_invalid_event\:"alfred"
job_retry_event\:"alfred"
job_stage_update_event\:"alfred"
job_start_event\:"alfred"
meeting.ended\:"daily"
meeting.started\:"daily"
parse_run.failed\:"extend"
parse_run.processed\:"extend"
parser_run.failed\:"extend"
parser_run.processed\:"extend"
participant.joined\:"daily"
participant.left\:"daily"
processor.created\:"extend"
processor.deleted\:"extend"
processor.draft.updated\:"extend"
processor.updated\:"extend"
processor.version.published\:"extend"
processor_run.failed\:"extend"
processor_run.processed\:"extend"
recording.error\:"daily"
recording.ready-to-download\:"daily"
recording.started\:"daily"
split_run.failed\:"extend"
split_run.processed\:"extend"
splitter.created\:"extend"
splitter.deleted\:"extend"
splitter.draft.updated\:"extend"
splitter.updated\:"extend"
splitter.version.published\:"extend"
streaming.ended\:"daily"
streaming.error\:"daily"
streaming.started\:"daily"
streaming.updated\:"daily"
streaming.warning\:"daily"
test\:"daily"
transcript.error\:"daily"
transcript.ready-to-download\:"daily"
transcript.started\:"daily"
url_verification\:"alfred"
waiting-participant.joined\:"daily"
waiting-participant.left\:"daily"
workflow.created\:"extend"
workflow.deleted\:"extend"
workflow.deployed\:"extend"
workflow_run.cancelled\:"extend"
workflow_run.completed\:"extend"
workflow_run.failed\:"extend"
workflow_run.needs_review\:"extend"
workflow_run.rejected\:"extend"
workflow_run.step_run.processed\:"extend"))' \
'*--status=[Keep events with this status]:STATUS:(valid invalid unknown unparsable)' \
'--report=[Write why each dropped or unparsable record was dropped to FILE (JSON lines)]:FILE:_files' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-ignore[Read no .gitignore, .ignore or git exclude file\: walk every event file, ignored ones too (hidden ones need --hidden)]' \
'--hidden[Walk hidden files and folders too]' \
'--allow-empty[A directory with no event files is not an error]' \
'-v[Keep the events that do NOT match]' \
'--invert[Keep the events that do NOT match]' \
'--strict[Warnings make an event fail \`--status valid\` too]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::paths -- Files, directories or `-` (standard input when none):_files' \
&& ret=0
;;
(stats)
_arguments "${_arguments_options[@]}" : \
'*--exclude=[Leave out files and folders matching this gitignore-style glob (relative to each directory given; repeatable)]:GLOB:_default' \
'--provider=[Force the provider instead of detecting it (see \`hookscope list\`)]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--type=[Force the event type (its wire name, a documented alias, or a loose spelling)]:TYPE:((batch-processor.error\:"daily"
batch-processor.job-finished\:"daily"
batch_parse_run.failed\:"extend"
batch_parse_run.processed\:"extend"
batch_processor_run.failed\:"extend"
batch_processor_run.processed\:"extend"
calltransfer.answered\:"daily"
calltransfer.completed\:"daily"
calltransfer.initiated\:"daily"
calltransfer.triggered\:"daily"
classifier.created\:"extend"
classifier.deleted\:"extend"
classifier.draft.updated\:"extend"
classifier.updated\:"extend"
classifier.version.published\:"extend"
classify_run.failed\:"extend"
classify_run.processed\:"extend"
dialin.connected\:"daily"
dialin.error\:"daily"
dialin.ready\:"daily"
dialin.stopped\:"daily"
dialin.warning\:"daily"
dialout.answered\:"daily"
dialout.connected\:"daily"
dialout.error\:"daily"
dialout.stopped\:"daily"
dialout.warning\:"daily"
edit_run.failed\:"extend"
edit_run.processed\:"extend"
extract_run.failed\:"extend"
extract_run.processed\:"extend"
extractor.created\:"extend"
extractor.deleted\:"extend"
extractor.draft.updated\:"extend"
extractor.updated\:"extend"
extractor.version.published\:"extend"
file_add_to_job_event\:"alfred"
file_category_create_event\:"alfred"
file_category_delete_event\:"alfred"
file_change_tag_event\:"alfred"
file_done_event\:"alfred"
file_extracted_data_create_event\:"alfred"
file_extracted_data_delete_event\:"alfred"
file_failed_event\:"alfred"
file_move_event\:"alfred"
file_move_to_pending_event\:"alfred"
file_move_to_recycle_bin_event\:"alfred"
file_property_create_event\:"alfred"
file_property_delete_event\:"alfred"
file_remove_tag_event\:"alfred"
file_status_update_event\:"alfred"
file_update_event\:"alfred"
form_detection_run.failed\:"extend"
form_detection_run.processed\:"extend"
job_create_event\:"alfred"
job_exceeded_retries_event\:"alfred"
job_failed_event\:"alfred"
job_finished_event\:"alfred"
job_invalid_event\:"alfred"
job_retry_event\:"alfred"
job_stage_update_event\:"alfred"
job_start_event\:"alfred"
meeting.ended\:"daily"
meeting.started\:"daily"
parse_run.failed\:"extend"
parse_run.processed\:"extend"
parser_run.failed\:"extend"
parser_run.processed\:"extend"
participant.joined\:"daily"
participant.left\:"daily"
processor.created\:"extend"
processor.deleted\:"extend"
processor.draft.updated\:"extend"
processor.updated\:"extend"
processor.version.published\:"extend"
processor_run.failed\:"extend"
processor_run.processed\:"extend"
recording.error\:"daily"
recording.ready-to-download\:"daily"
recording.started\:"daily"
split_run.failed\:"extend"
split_run.processed\:"extend"
splitter.created\:"extend"
splitter.deleted\:"extend"
splitter.draft.updated\:"extend"
splitter.updated\:"extend"
splitter.version.published\:"extend"
streaming.ended\:"daily"
streaming.error\:"daily"
streaming.started\:"daily"
streaming.updated\:"daily"
streaming.warning\:"daily"
test\:"daily"
transcript.error\:"daily"
transcript.ready-to-download\:"daily"
transcript.started\:"daily"
url_verification\:"alfred"
waiting-participant.joined\:"daily"
waiting-participant.left\:"daily"
workflow.created\:"extend"
workflow.deleted\:"extend"
workflow.deployed\:"extend"
workflow_run.cancelled\:"extend"
workflow_run.completed\:"extend"
workflow_run.failed\:"extend"
workflow_run.needs_review\:"extend"
workflow_run.rejected\:"extend"
workflow_run.step_run.processed\:"extend"))' \
'--api-version=[Force the API version of providers that have several]:VERSION:_default' \
'--input=[How to read the input (auto\: by file name ending, else by content)]:MODE:((auto\:"By file name ending, else by looking at the first lines"
json\:"One or more JSON documents (pretty or compact), or NDJSON"
ndjson\:"One JSON value per line"
log\:"Log lines with a prefix before the JSON; lines without JSON are skipped and counted"
http\:"Raw HTTP requests\: the body is the event, the headers are kept"
har\:"A HAR export\: each request with a JSON body is an event"))' \
'--max-event-bytes=[Largest event read; a larger one is reported unparsable and the stream goes on]:BYTES:_default' \
'-j+[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'--threads=[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'*--at=[The event is the value at this JSON Pointer inside each record (an object, or a string holding JSON), for structured logs (\`--at /body\`); repeatable\: the first that exists in a record wins (also \`at = \[...\]\` in hookscope.toml)]:POINTER:_default' \
'--format=[Output format]:FORMAT:(human json)' \
'--top=[How many of the most frequent findings to show (errors first, then warnings)]:N:_default' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-ignore[Read no .gitignore, .ignore or git exclude file\: walk every event file, ignored ones too (hidden ones need --hidden)]' \
'--hidden[Walk hidden files and folders too]' \
'--allow-empty[A directory with no event files is not an error]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::paths -- Files, directories (searched recursively for *.json, *.jsonl, *.ndjson, *.log, *.http, *.har, honouring .gitignore and .ignore, skipping hidden files) or `-` for standard input; with none, standard input when it is not a terminal:_files' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format]:FORMAT:(human json)' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--schemes[List the signature schemes instead\: headers, what is signed, key and digest encodings, tolerance, and the providers that use each by default]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::provider -- Only this provider'\''s event types:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
&& ret=0
;;
(diff)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format]:FORMAT:((human\:"Changed paths with old → new values, additions, removals and a summary"
json\:"{"left"\: ..., "right"\: ..., "changes"\: \[...\], "ignored"\: N}"
patch\:"An RFC 6902 JSON Patch that turns A into B but for ignored and volatile fields (stderr says how many)"))' \
'*--ignore=[Ignore paths matching this JSON Pointer pattern (\`*\` one segment, \`**\` any depth); repeatable]:PATTERN:_default' \
'*--only=[Compare only paths matching this pattern; repeatable]:PATTERN:_default' \
'--array-key=[Match array elements that are objects by this key instead of by position]:KEY:_default' \
'--input=[How to read the inputs]:MODE:((auto\:"By file name ending, else by looking at the first lines"
json\:"One or more JSON documents (pretty or compact), or NDJSON"
ndjson\:"One JSON value per line"
log\:"Log lines with a prefix before the JSON; lines without JSON are skipped and counted"
http\:"Raw HTTP requests\: the body is the event, the headers are kept"
har\:"A HAR export\: each request with a JSON body is an event"))' \
'*--at=[Each event is the value at this JSON Pointer inside its record (an object, or a string holding JSON); repeatable\: the first that exists wins (also \`at = \[...\]\` in hookscope.toml)]:POINTER:_default' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--stat[Only the summary line]' \
'--shape[Compare structure and JSON types only, not values]' \
'--include-volatile[Compare the provider'\''s volatile fields (event ids, delivery times, signed URLs) too]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':left -- The first event\: a file, `-`, or `FILE\:N` for the Nth event (1-based) of a file:_default' \
':right -- The second event, likewise:_default' \
&& ret=0
;;
(verify)
_arguments "${_arguments_options[@]}" : \
'*--exclude=[Leave out files and folders matching this gitignore-style glob (relative to each directory given; repeatable)]:GLOB:_default' \
'--provider=[Force the provider instead of detecting it (see \`hookscope list\`)]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--type=[Force the event type (its wire name, a documented alias, or a loose spelling)]:TYPE:((batch-processor.error\:"daily"
batch-processor.job-finished\:"daily"
batch_parse_run.failed\:"extend"
batch_parse_run.processed\:"extend"
batch_processor_run.failed\:"extend"
batch_processor_run.processed\:"extend"
calltransfer.answered\:"daily"
calltransfer.completed\:"daily"
calltransfer.initiated\:"daily"
calltransfer.triggered\:"daily"
classifier.created\:"extend"
classifier.deleted\:"extend"
classifier.draft.updated\:"extend"
classifier.updated\:"extend"
classifier.version.published\:"extend"
classify_run.failed\:"extend"
classify_run.processed\:"extend"
dialin.connected\:"daily"
dialin.error\:"daily"
dialin.ready\:"daily"
dialin.stopped\:"daily"
dialin.warning\:"daily"
dialout.answered\:"daily"
dialout.connected\:"daily"
dialout.error\:"daily"
dialout.stopped\:"daily"
dialout.warning\:"daily"
edit_run.failed\:"extend"
edit_run.processed\:"extend"
extract_run.failed\:"extend"
extract_run.processed\:"extend"
extractor.created\:"extend"
extractor.deleted\:"extend"
extractor.draft.updated\:"extend"
extractor.updated\:"extend"
extractor.version.published\:"extend"
file_add_to_job_event\:"alfred"
file_category_create_event\:"alfred"
file_category_delete_event\:"alfred"
file_change_tag_event\:"alfred"
file_done_event\:"alfred"
file_extracted_data_create_event\:"alfred"
file_extracted_data_delete_event\:"alfred"
file_failed_event\:"alfred"
file_move_event\:"alfred"
file_move_to_pending_event\:"alfred"
file_move_to_recycle_bin_event\:"alfred"
file_property_create_event\:"alfred"
file_property_delete_event\:"alfred"
file_remove_tag_event\:"alfred"
file_status_update_event\:"alfred"
file_update_event\:"alfred"
form_detection_run.failed\:"extend"
form_detection_run.processed\:"extend"
job_create_event\:"alfred"
job_exceeded_retries_event\:"alfred"
job_failed_event\:"alfred"
job_finished_event\:"alfred"
job_invalid_event\:"alfred"
job_retry_event\:"alfred"
job_stage_update_event\:"alfred"
job_start_event\:"alfred"
meeting.ended\:"daily"
meeting.started\:"daily"
parse_run.failed\:"extend"
parse_run.processed\:"extend"
parser_run.failed\:"extend"
parser_run.processed\:"extend"
participant.joined\:"daily"
participant.left\:"daily"
processor.created\:"extend"
processor.deleted\:"extend"
processor.draft.updated\:"extend"
processor.updated\:"extend"
processor.version.published\:"extend"
processor_run.failed\:"extend"
processor_run.processed\:"extend"
recording.error\:"daily"
recording.ready-to-download\:"daily"
recording.started\:"daily"
split_run.failed\:"extend"
split_run.processed\:"extend"
splitter.created\:"extend"
splitter.deleted\:"extend"
splitter.draft.updated\:"extend"
splitter.updated\:"extend"
splitter.version.published\:"extend"
streaming.ended\:"daily"
streaming.error\:"daily"
streaming.started\:"daily"
streaming.updated\:"daily"
streaming.warning\:"daily"
test\:"daily"
transcript.error\:"daily"
transcript.ready-to-download\:"daily"
transcript.started\:"daily"
url_verification\:"alfred"
waiting-participant.joined\:"daily"
waiting-participant.left\:"daily"
workflow.created\:"extend"
workflow.deleted\:"extend"
workflow.deployed\:"extend"
workflow_run.cancelled\:"extend"
workflow_run.completed\:"extend"
workflow_run.failed\:"extend"
workflow_run.needs_review\:"extend"
workflow_run.rejected\:"extend"
workflow_run.step_run.processed\:"extend"))' \
'--api-version=[Force the API version of providers that have several]:VERSION:_default' \
'--input=[How to read the input (auto\: by file name ending, else by content)]:MODE:((auto\:"By file name ending, else by looking at the first lines"
json\:"One or more JSON documents (pretty or compact), or NDJSON"
ndjson\:"One JSON value per line"
log\:"Log lines with a prefix before the JSON; lines without JSON are skipped and counted"
http\:"Raw HTTP requests\: the body is the event, the headers are kept"
har\:"A HAR export\: each request with a JSON body is an event"))' \
'--max-event-bytes=[Largest event read; a larger one is reported unparsable and the stream goes on]:BYTES:_default' \
'-j+[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'--threads=[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'*--at=[The event is the value at this JSON Pointer inside each record (an object, or a string holding JSON), for structured logs (\`--at /body\`); repeatable\: the first that exists in a record wins (also \`at = \[...\]\` in hookscope.toml)]:POINTER:_default' \
'*--secret-env=[Read a secret from this environment variable; \`KEY=NAME\` keeps it for deliveries of the provider or signature scheme KEY (\`KEY=MY_SECRET\`), a bare NAME is tried on every delivery (repeatable)]:NAME:_default' \
'*--secret-file=[Read a secret from this file, or standard input for \`-\` (surrounding whitespace is ignored); \`KEY=PATH\` as for --secret-env (repeatable)]:PATH:_default' \
'*-H+[Add a delivery header, \`Name\: value\` (repeatable), for bodies captured without headers]:HEADER:_default' \
'*--header=[Add a delivery header, \`Name\: value\` (repeatable), for bodies captured without headers]:HEADER:_default' \
'--scheme=[Check every delivery with this signature scheme (default\: the scheme whose signature header the delivery carries, else the provider'\''s; see \`hookscope list --schemes\`)]:NAME:((daily\:"Daily"
extend\:"Extend"
standard-webhooks\:"Standard Webhooks"))' \
'--tolerance=[Seconds a signed timestamp may be off the clock, either way (default\: the scheme'\''s own tolerance, see \`hookscope list --schemes\`)]:SECONDS:_default' \
'--now=[Judge timestamps as if it were this Unix time (for captured fixtures), from 0 to 253402300799 (the last second of the year 9999)]:UNIX_SECONDS:_default' \
'--format=[Output format]:FORMAT:((human\:"For people\: findings like a linter, then a summary line"
json\:"One JSON document\: {"summary"\: ..., "results"\: \[...\]}"
ndjson\:"One JSON result object per line, no summary"))' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-ignore[Read no .gitignore, .ignore or git exclude file\: walk every event file, ignored ones too (hidden ones need --hidden)]' \
'--hidden[Walk hidden files and folders too]' \
'--allow-empty[A directory with no event files is not an error]' \
'--strict[Events whose provider documents no signature fail the run too]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::paths -- Files, directories (searched recursively for *.json, *.jsonl, *.ndjson, *.log, *.http, *.har, honouring .gitignore and .ignore, skipping hidden files) or `-` for standard input; with none, standard input when it is not a terminal:_files' \
&& ret=0
;;
(sign)
_arguments "${_arguments_options[@]}" : \
'--provider=[The provider whose scheme to use (default\: detected from the body)]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--scheme=[Sign with this signature scheme instead of the provider'\''s (see \`hookscope list --schemes\`)]:NAME:((daily\:"Daily"
extend\:"Extend"
standard-webhooks\:"Standard Webhooks"))' \
'--secret-env=[Read the secret from this environment variable]:NAME:_default' \
'--secret-file=[Read the secret from this file, or standard input for \`-\` (surrounding whitespace is ignored)]:PATH:_files' \
'--timestamp=[The Unix timestamp to sign with (default\: now)]:UNIX_SECONDS:_default' \
'--id=[The message id, for schemes that sign one (default\: derived from the body)]:ID:_default' \
'--format=[Output format]:FORMAT:((headers\:"\`Name\: value\` header lines"
http\:"A whole HTTP request (a capture \`verify\` and \`inspect\` read back)"
json\:"{"headers"\: {...}}"))' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':path -- The body to sign, byte for byte (`-` for standard input):_files' \
&& ret=0
;;
(schema)
_arguments "${_arguments_options[@]}" : \
'--provider=[The provider, where the type name is ambiguous]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--api-version=[The API version (default\: the newest that documents the type)]:VERSION:_default' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::event_type -- The event type (wire name, documented alias, or loose spelling):((batch-processor.error\:"daily"
batch-processor.job-finished\:"daily"
batch_parse_run.failed\:"extend"
batch_parse_run.processed\:"extend"
batch_processor_run.failed\:"extend"
batch_processor_run.processed\:"extend"
calltransfer.answered\:"daily"
calltransfer.completed\:"daily"
calltransfer.initiated\:"daily"
calltransfer.triggered\:"daily"
classifier.created\:"extend"
classifier.deleted\:"extend"
classifier.draft.updated\:"extend"
classifier.updated\:"extend"
classifier.version.published\:"extend"
classify_run.failed\:"extend"
classify_run.processed\:"extend"
dialin.connected\:"daily"
dialin.error\:"daily"
dialin.ready\:"daily"
dialin.stopped\:"daily"
dialin.warning\:"daily"
dialout.answered\:"daily"
dialout.connected\:"daily"
dialout.error\:"daily"
dialout.stopped\:"daily"
dialout.warning\:"daily"
edit_run.failed\:"extend"
edit_run.processed\:"extend"
extract_run.failed\:"extend"
extract_run.processed\:"extend"
extractor.created\:"extend"
extractor.deleted\:"extend"
extractor.draft.updated\:"extend"
extractor.updated\:"extend"
extractor.version.published\:"extend"
file_add_to_job_event\:"alfred"
file_category_create_event\:"alfred"
file_category_delete_event\:"alfred"
file_change_tag_event\:"alfred"
file_done_event\:"alfred"
file_extracted_data_create_event\:"alfred"
file_extracted_data_delete_event\:"alfred"
file_failed_event\:"alfred"
file_move_event\:"alfred"
file_move_to_pending_event\:"alfred"
file_move_to_recycle_bin_event\:"alfred"
file_property_create_event\:"alfred"
file_property_delete_event\:"alfred"
file_remove_tag_event\:"alfred"
file_status_update_event\:"alfred"
file_update_event\:"alfred"
form_detection_run.failed\:"extend"
form_detection_run.processed\:"extend"
job_create_event\:"alfred"
job_exceeded_retries_event\:"alfred"
job_failed_event\:"alfred"
job_finished_event\:"alfred"
job_invalid_event\:"alfred"
job_retry_event\:"alfred"
job_stage_update_event\:"alfred"
job_start_event\:"alfred"
meeting.ended\:"daily"
meeting.started\:"daily"
parse_run.failed\:"extend"
parse_run.processed\:"extend"
parser_run.failed\:"extend"
parser_run.processed\:"extend"
participant.joined\:"daily"
participant.left\:"daily"
processor.created\:"extend"
processor.deleted\:"extend"
processor.draft.updated\:"extend"
processor.updated\:"extend"
processor.version.published\:"extend"
processor_run.failed\:"extend"
processor_run.processed\:"extend"
recording.error\:"daily"
recording.ready-to-download\:"daily"
recording.started\:"daily"
split_run.failed\:"extend"
split_run.processed\:"extend"
splitter.created\:"extend"
splitter.deleted\:"extend"
splitter.draft.updated\:"extend"
splitter.updated\:"extend"
splitter.version.published\:"extend"
streaming.ended\:"daily"
streaming.error\:"daily"
streaming.started\:"daily"
streaming.updated\:"daily"
streaming.warning\:"daily"
test\:"daily"
transcript.error\:"daily"
transcript.ready-to-download\:"daily"
transcript.started\:"daily"
url_verification\:"alfred"
waiting-participant.joined\:"daily"
waiting-participant.left\:"daily"
workflow.created\:"extend"
workflow.deleted\:"extend"
workflow.deployed\:"extend"
workflow_run.cancelled\:"extend"
workflow_run.completed\:"extend"
workflow_run.failed\:"extend"
workflow_run.needs_review\:"extend"
workflow_run.rejected\:"extend"
workflow_run.step_run.processed\:"extend"))' \
":: :_hookscope__subcmd__schema_commands" \
"*::: :->schema" \
&& ret=0

    case $state in
    (schema)
        words=($line[2] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:hookscope-schema-command-$line[2]:"
        case $line[2] in
            (export)
_arguments "${_arguments_options[@]}" : \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':dir -- The folder to write (created if missing):_files' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_hookscope__subcmd__schema__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:hookscope-schema-help-command-$line[1]:"
        case $line[1] in
            (export)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(sample)
_arguments "${_arguments_options[@]}" : \
'--provider=[The provider, where the type name is ambiguous]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--api-version=[The API version (default\: the newest that documents the type)]:VERSION:_default' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':event_type -- The event type (wire name, documented alias, or loose spelling):((batch-processor.error\:"daily"
batch-processor.job-finished\:"daily"
batch_parse_run.failed\:"extend"
batch_parse_run.processed\:"extend"
batch_processor_run.failed\:"extend"
batch_processor_run.processed\:"extend"
calltransfer.answered\:"daily"
calltransfer.completed\:"daily"
calltransfer.initiated\:"daily"
calltransfer.triggered\:"daily"
classifier.created\:"extend"
classifier.deleted\:"extend"
classifier.draft.updated\:"extend"
classifier.updated\:"extend"
classifier.version.published\:"extend"
classify_run.failed\:"extend"
classify_run.processed\:"extend"
dialin.connected\:"daily"
dialin.error\:"daily"
dialin.ready\:"daily"
dialin.stopped\:"daily"
dialin.warning\:"daily"
dialout.answered\:"daily"
dialout.connected\:"daily"
dialout.error\:"daily"
dialout.stopped\:"daily"
dialout.warning\:"daily"
edit_run.failed\:"extend"
edit_run.processed\:"extend"
extract_run.failed\:"extend"
extract_run.processed\:"extend"
extractor.created\:"extend"
extractor.deleted\:"extend"
extractor.draft.updated\:"extend"
extractor.updated\:"extend"
extractor.version.published\:"extend"
file_add_to_job_event\:"alfred"
file_category_create_event\:"alfred"
file_category_delete_event\:"alfred"
file_change_tag_event\:"alfred"
file_done_event\:"alfred"
file_extracted_data_create_event\:"alfred"
file_extracted_data_delete_event\:"alfred"
file_failed_event\:"alfred"
file_move_event\:"alfred"
file_move_to_pending_event\:"alfred"
file_move_to_recycle_bin_event\:"alfred"
file_property_create_event\:"alfred"
file_property_delete_event\:"alfred"
file_remove_tag_event\:"alfred"
file_status_update_event\:"alfred"
file_update_event\:"alfred"
form_detection_run.failed\:"extend"
form_detection_run.processed\:"extend"
job_create_event\:"alfred"
job_exceeded_retries_event\:"alfred"
job_failed_event\:"alfred"
job_finished_event\:"alfred"
job_invalid_event\:"alfred"
job_retry_event\:"alfred"
job_stage_update_event\:"alfred"
job_start_event\:"alfred"
meeting.ended\:"daily"
meeting.started\:"daily"
parse_run.failed\:"extend"
parse_run.processed\:"extend"
parser_run.failed\:"extend"
parser_run.processed\:"extend"
participant.joined\:"daily"
participant.left\:"daily"
processor.created\:"extend"
processor.deleted\:"extend"
processor.draft.updated\:"extend"
processor.updated\:"extend"
processor.version.published\:"extend"
processor_run.failed\:"extend"
processor_run.processed\:"extend"
recording.error\:"daily"
recording.ready-to-download\:"daily"
recording.started\:"daily"
split_run.failed\:"extend"
split_run.processed\:"extend"
splitter.created\:"extend"
splitter.deleted\:"extend"
splitter.draft.updated\:"extend"
splitter.updated\:"extend"
splitter.version.published\:"extend"
streaming.ended\:"daily"
streaming.error\:"daily"
streaming.started\:"daily"
streaming.updated\:"daily"
streaming.warning\:"daily"
test\:"daily"
transcript.error\:"daily"
transcript.ready-to-download\:"daily"
transcript.started\:"daily"
url_verification\:"alfred"
waiting-participant.joined\:"daily"
waiting-participant.left\:"daily"
workflow.created\:"extend"
workflow.deleted\:"extend"
workflow.deployed\:"extend"
workflow_run.cancelled\:"extend"
workflow_run.completed\:"extend"
workflow_run.failed\:"extend"
workflow_run.needs_review\:"extend"
workflow_run.rejected\:"extend"
workflow_run.step_run.processed\:"extend"))' \
&& ret=0
;;
(catalog)
_arguments "${_arguments_options[@]}" : \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_hookscope__subcmd__catalog_commands" \
"*::: :->catalog" \
&& ret=0

    case $state in
    (catalog)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:hookscope-catalog-command-$line[1]:"
        case $line[1] in
            (check)
_arguments "${_arguments_options[@]}" : \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':dir -- The catalog folder (one subfolder per provider):_files' \
&& ret=0
;;
(import)
_arguments "${_arguments_options[@]}" : \
'--out=[The catalog folder to write into (the provider gets a subfolder)]:DIR:_files' \
'--provider=[The provider id (default\: made from the description'\''s title)]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--max-spec-bytes=[Largest description read; a larger one is refused]:BYTES:_default' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--force[Replace the provider folder whole when it is already there (else that is an error)]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':spec -- The OpenAPI description (`webhooks`, `x-webhooks` or callbacks), JSON or YAML:_files' \
&& ret=0
;;
(learn)
_arguments "${_arguments_options[@]}" : \
'*--exclude=[Leave out files and folders matching this gitignore-style glob (relative to each directory given; repeatable)]:GLOB:_default' \
'--input=[How to read the input (auto\: by file name ending, else by content)]:MODE:((auto\:"By file name ending, else by looking at the first lines"
json\:"One or more JSON documents (pretty or compact), or NDJSON"
ndjson\:"One JSON value per line"
log\:"Log lines with a prefix before the JSON; lines without JSON are skipped and counted"
http\:"Raw HTTP requests\: the body is the event, the headers are kept"
har\:"A HAR export\: each request with a JSON body is an event"))' \
'--provider=[The provider id to write]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--out=[The catalog folder to write into (the provider gets a subfolder)]:DIR:_files' \
'(--type-header)--type-at=[Where the event type string lives (default\: the string field that best partitions the corpus)]:POINTER:_default' \
'--type-header=[The delivery header that names the event type (HTTP captures, HAR)]:NAME:_default' \
'--merge=[Refine the provider already learned in this catalog folder instead of starting over]:DIR:_files' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-ignore[Read no .gitignore, .ignore or git exclude file\: walk every event file, ignored ones too (hidden ones need --hidden)]' \
'--hidden[Walk hidden files and folders too]' \
'--allow-empty[A directory with no event files is not an error]' \
'--force[Replace the provider folder whole when it is already there (else that is an error, unless --merge names the same folder)]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::paths -- Captured deliveries\: files, directories or `-` (any input form hookscope reads):_files' \
&& ret=0
;;
(drift)
_arguments "${_arguments_options[@]}" : \
'*--exclude=[Leave out files and folders matching this gitignore-style glob (relative to each directory given; repeatable)]:GLOB:_default' \
'--provider=[Force the provider instead of detecting it (see \`hookscope list\`)]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--type=[Force the event type (its wire name, a documented alias, or a loose spelling)]:TYPE:((batch-processor.error\:"daily"
batch-processor.job-finished\:"daily"
batch_parse_run.failed\:"extend"
batch_parse_run.processed\:"extend"
batch_processor_run.failed\:"extend"
batch_processor_run.processed\:"extend"
calltransfer.answered\:"daily"
calltransfer.completed\:"daily"
calltransfer.initiated\:"daily"
calltransfer.triggered\:"daily"
classifier.created\:"extend"
classifier.deleted\:"extend"
classifier.draft.updated\:"extend"
classifier.updated\:"extend"
classifier.version.published\:"extend"
classify_run.failed\:"extend"
classify_run.processed\:"extend"
dialin.connected\:"daily"
dialin.error\:"daily"
dialin.ready\:"daily"
dialin.stopped\:"daily"
dialin.warning\:"daily"
dialout.answered\:"daily"
dialout.connected\:"daily"
dialout.error\:"daily"
dialout.stopped\:"daily"
dialout.warning\:"daily"
edit_run.failed\:"extend"
edit_run.processed\:"extend"
extract_run.failed\:"extend"
extract_run.processed\:"extend"
extractor.created\:"extend"
extractor.deleted\:"extend"
extractor.draft.updated\:"extend"
extractor.updated\:"extend"
extractor.version.published\:"extend"
file_add_to_job_event\:"alfred"
file_category_create_event\:"alfred"
file_category_delete_event\:"alfred"
file_change_tag_event\:"alfred"
file_done_event\:"alfred"
file_extracted_data_create_event\:"alfred"
file_extracted_data_delete_event\:"alfred"
file_failed_event\:"alfred"
file_move_event\:"alfred"
file_move_to_pending_event\:"alfred"
file_move_to_recycle_bin_event\:"alfred"
file_property_create_event\:"alfred"
file_property_delete_event\:"alfred"
file_remove_tag_event\:"alfred"
file_status_update_event\:"alfred"
file_update_event\:"alfred"
form_detection_run.failed\:"extend"
form_detection_run.processed\:"extend"
job_create_event\:"alfred"
job_exceeded_retries_event\:"alfred"
job_failed_event\:"alfred"
job_finished_event\:"alfred"
job_invalid_event\:"alfred"
job_retry_event\:"alfred"
job_stage_update_event\:"alfred"
job_start_event\:"alfred"
meeting.ended\:"daily"
meeting.started\:"daily"
parse_run.failed\:"extend"
parse_run.processed\:"extend"
parser_run.failed\:"extend"
parser_run.processed\:"extend"
participant.joined\:"daily"
participant.left\:"daily"
processor.created\:"extend"
processor.deleted\:"extend"
processor.draft.updated\:"extend"
processor.updated\:"extend"
processor.version.published\:"extend"
processor_run.failed\:"extend"
processor_run.processed\:"extend"
recording.error\:"daily"
recording.ready-to-download\:"daily"
recording.started\:"daily"
split_run.failed\:"extend"
split_run.processed\:"extend"
splitter.created\:"extend"
splitter.deleted\:"extend"
splitter.draft.updated\:"extend"
splitter.updated\:"extend"
splitter.version.published\:"extend"
streaming.ended\:"daily"
streaming.error\:"daily"
streaming.started\:"daily"
streaming.updated\:"daily"
streaming.warning\:"daily"
test\:"daily"
transcript.error\:"daily"
transcript.ready-to-download\:"daily"
transcript.started\:"daily"
url_verification\:"alfred"
waiting-participant.joined\:"daily"
waiting-participant.left\:"daily"
workflow.created\:"extend"
workflow.deleted\:"extend"
workflow.deployed\:"extend"
workflow_run.cancelled\:"extend"
workflow_run.completed\:"extend"
workflow_run.failed\:"extend"
workflow_run.needs_review\:"extend"
workflow_run.rejected\:"extend"
workflow_run.step_run.processed\:"extend"))' \
'--api-version=[Force the API version of providers that have several]:VERSION:_default' \
'--input=[How to read the input (auto\: by file name ending, else by content)]:MODE:((auto\:"By file name ending, else by looking at the first lines"
json\:"One or more JSON documents (pretty or compact), or NDJSON"
ndjson\:"One JSON value per line"
log\:"Log lines with a prefix before the JSON; lines without JSON are skipped and counted"
http\:"Raw HTTP requests\: the body is the event, the headers are kept"
har\:"A HAR export\: each request with a JSON body is an event"))' \
'--max-event-bytes=[Largest event read; a larger one is reported unparsable and the stream goes on]:BYTES:_default' \
'-j+[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'--threads=[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'*--at=[The event is the value at this JSON Pointer inside each record (an object, or a string holding JSON), for structured logs (\`--at /body\`); repeatable\: the first that exists in a record wins (also \`at = \[...\]\` in hookscope.toml)]:POINTER:_default' \
'--format=[Output format]:FORMAT:((human\:"For people\: findings like a linter, then a summary line"
json\:"One JSON document\: {"summary"\: ..., "results"\: \[...\]}"
ndjson\:"One JSON result object per line, no summary"))' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-ignore[Read no .gitignore, .ignore or git exclude file\: walk every event file, ignored ones too (hidden ones need --hidden)]' \
'--hidden[Walk hidden files and folders too]' \
'--allow-empty[A directory with no event files is not an error]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::paths -- Files, directories (searched recursively for *.json, *.jsonl, *.ndjson, *.log, *.http, *.har, honouring .gitignore and .ignore, skipping hidden files) or `-` for standard input; with none, standard input when it is not a terminal:_files' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_hookscope__subcmd__catalog__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:hookscope-catalog-help-command-$line[1]:"
        case $line[1] in
            (check)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(import)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(learn)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(drift)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(listen)
_arguments "${_arguments_options[@]}" : \
'--addr=[The address to listen on (\`127.0.0.1\:8787\`, \`localhost\:8787\`, \`\[\:\:1\]\:8787\`); anything but loopback only when given here]:HOST:PORT:_default' \
'--path=[The URL path deliveries are posted to (and anything below it)]:PATH:_default' \
'--forward-to=[Forward each delivery (its exact bytes and headers) to this handler (\`http\://\` or \`https\://\`) and relay its answer]:URL:_default' \
'--cacert=[Trust the PEM certificates in FILE instead of the system'\''s roots for an https\:// handler]:FILE:_files' \
'--save=[Write each delivery to DIR as an \`.http\` capture that every command reads back]:DIR:_files' \
'--format=[Output format\: one line per delivery (human), or the result objects of \`validate\`]:FORMAT:((human\:"For people\: findings like a linter, then a summary line"
json\:"One JSON document\: {"summary"\: ..., "results"\: \[...\]}"
ndjson\:"One JSON result object per line, no summary"))' \
'(--forward-to)--reject-invalid=[Answer invalid or badly signed deliveries with this status instead of 200 (default 400)]::STATUS:_default' \
'*--events=[Report only deliveries whose event type matches this glob (repeatable); every delivery is still answered, saved and forwarded]:GLOB:_default' \
'--secret-env=[Read the signing secret from this environment variable]:NAME:_default' \
'--secret-file=[Read the signing secret from this file (surrounding whitespace is ignored)]:PATH:_files' \
'--max-event-bytes=[Largest body accepted; a larger one is answered 413]:BYTES:_default' \
'--max-connections=[Connections served at once; beyond them a delivery waits briefly, then gets 503]:N:_default' \
'--read-timeout=[Seconds a client may take to send a request'\''s headers and body (408 after)]:SECONDS:_default' \
'--idle-timeout=[Seconds a kept-alive connection may stay idle before it is closed]:SECONDS:_default' \
'--forward-timeout=[Seconds the handler behind --forward-to may take to answer (502/504 after)]:SECONDS:_default' \
'--max-answer-bytes=[Largest handler answer relayed whole; a larger one is answered 502 instead]:BYTES:_default' \
'--analysis-timeout=[Seconds the answer waits for a delivery'\''s analysis; past them the delivery is answered as if valid (saved and forwarded as usual) and reported when its analysis is done (0\: never wait)]:SECONDS:_default' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--strict[Warnings make a delivery invalid too]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(send)
_arguments "${_arguments_options[@]}" : \
'*--exclude=[Leave out files and folders matching this gitignore-style glob (relative to each directory given; repeatable)]:GLOB:_default' \
'--provider=[Force the provider instead of detecting it (see \`hookscope list\`)]:ID:((alfred\:"Alfred by Tagshelf"
daily\:"Daily"
extend\:"Extend"
cloudevents\:"CloudEvents 1.0"
standard-webhooks\:"Standard Webhooks"))' \
'--type=[Force the event type (its wire name, a documented alias, or a loose spelling)]:TYPE:((batch-processor.error\:"daily"
batch-processor.job-finished\:"daily"
batch_parse_run.failed\:"extend"
batch_parse_run.processed\:"extend"
batch_processor_run.failed\:"extend"
batch_processor_run.processed\:"extend"
calltransfer.answered\:"daily"
calltransfer.completed\:"daily"
calltransfer.initiated\:"daily"
calltransfer.triggered\:"daily"
classifier.created\:"extend"
classifier.deleted\:"extend"
classifier.draft.updated\:"extend"
classifier.updated\:"extend"
classifier.version.published\:"extend"
classify_run.failed\:"extend"
classify_run.processed\:"extend"
dialin.connected\:"daily"
dialin.error\:"daily"
dialin.ready\:"daily"
dialin.stopped\:"daily"
dialin.warning\:"daily"
dialout.answered\:"daily"
dialout.connected\:"daily"
dialout.error\:"daily"
dialout.stopped\:"daily"
dialout.warning\:"daily"
edit_run.failed\:"extend"
edit_run.processed\:"extend"
extract_run.failed\:"extend"
extract_run.processed\:"extend"
extractor.created\:"extend"
extractor.deleted\:"extend"
extractor.draft.updated\:"extend"
extractor.updated\:"extend"
extractor.version.published\:"extend"
file_add_to_job_event\:"alfred"
file_category_create_event\:"alfred"
file_category_delete_event\:"alfred"
file_change_tag_event\:"alfred"
file_done_event\:"alfred"
file_extracted_data_create_event\:"alfred"
file_extracted_data_delete_event\:"alfred"
file_failed_event\:"alfred"
file_move_event\:"alfred"
file_move_to_pending_event\:"alfred"
file_move_to_recycle_bin_event\:"alfred"
file_property_create_event\:"alfred"
file_property_delete_event\:"alfred"
file_remove_tag_event\:"alfred"
file_status_update_event\:"alfred"
file_update_event\:"alfred"
form_detection_run.failed\:"extend"
form_detection_run.processed\:"extend"
job_create_event\:"alfred"
job_exceeded_retries_event\:"alfred"
job_failed_event\:"alfred"
job_finished_event\:"alfred"
job_invalid_event\:"alfred"
job_retry_event\:"alfred"
job_stage_update_event\:"alfred"
job_start_event\:"alfred"
meeting.ended\:"daily"
meeting.started\:"daily"
parse_run.failed\:"extend"
parse_run.processed\:"extend"
parser_run.failed\:"extend"
parser_run.processed\:"extend"
participant.joined\:"daily"
participant.left\:"daily"
processor.created\:"extend"
processor.deleted\:"extend"
processor.draft.updated\:"extend"
processor.updated\:"extend"
processor.version.published\:"extend"
processor_run.failed\:"extend"
processor_run.processed\:"extend"
recording.error\:"daily"
recording.ready-to-download\:"daily"
recording.started\:"daily"
split_run.failed\:"extend"
split_run.processed\:"extend"
splitter.created\:"extend"
splitter.deleted\:"extend"
splitter.draft.updated\:"extend"
splitter.updated\:"extend"
splitter.version.published\:"extend"
streaming.ended\:"daily"
streaming.error\:"daily"
streaming.started\:"daily"
streaming.updated\:"daily"
streaming.warning\:"daily"
test\:"daily"
transcript.error\:"daily"
transcript.ready-to-download\:"daily"
transcript.started\:"daily"
url_verification\:"alfred"
waiting-participant.joined\:"daily"
waiting-participant.left\:"daily"
workflow.created\:"extend"
workflow.deleted\:"extend"
workflow.deployed\:"extend"
workflow_run.cancelled\:"extend"
workflow_run.completed\:"extend"
workflow_run.failed\:"extend"
workflow_run.needs_review\:"extend"
workflow_run.rejected\:"extend"
workflow_run.step_run.processed\:"extend"))' \
'--api-version=[Force the API version of providers that have several]:VERSION:_default' \
'--input=[How to read the input (auto\: by file name ending, else by content)]:MODE:((auto\:"By file name ending, else by looking at the first lines"
json\:"One or more JSON documents (pretty or compact), or NDJSON"
ndjson\:"One JSON value per line"
log\:"Log lines with a prefix before the JSON; lines without JSON are skipped and counted"
http\:"Raw HTTP requests\: the body is the event, the headers are kept"
har\:"A HAR export\: each request with a JSON body is an event"))' \
'--max-event-bytes=[Largest event read; a larger one is reported unparsable and the stream goes on]:BYTES:_default' \
'-j+[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'--threads=[Threads validating events, 1 to 256 (default\: all cores); results stay in input order]:N:_default' \
'*--at=[The event is the value at this JSON Pointer inside each record (an object, or a string holding JSON), for structured logs (\`--at /body\`); repeatable\: the first that exists in a record wins (also \`at = \[...\]\` in hookscope.toml)]:POINTER:_default' \
'--to=[The handler to post to\: an \`http\://\` or \`https\://\` URL]:URL:_default' \
'--cacert=[Trust the PEM certificates in FILE instead of the system'\''s roots for an https\:// handler]:FILE:_files' \
'*-H+[Add a header to every delivery, replacing one of the same name (repeatable)]:NAME: VALUE:_default' \
'*--header=[Add a header to every delivery, replacing one of the same name (repeatable)]:NAME: VALUE:_default' \
'--timestamp=[Sign as of this time\: UNIX seconds, \`now\`, or \`now-300\` (five minutes ago) to try a handler'\''s replay protection]:UNIX|now-N:_default' \
'*--sample=[Send the catalog'\''s sample of this event type (repeatable), like \`stripe trigger\`]:TYPE:_default' \
'*--set=[Override a field before sending\: \`/pointer=value\`, value as JSON or else as a string (repeatable)]:POINTER=VALUE:_default' \
'--secret-env=[Read the signing secret from this environment variable]:NAME:_default' \
'--secret-file=[Read the signing secret from this file (surrounding whitespace is ignored)]:PATH:_files' \
'--rate=[Deliveries started per second at most (default\: as fast as answers come)]:PER_SECOND:_default' \
'--concurrency=[Deliveries in flight at once]:N:_default' \
'--timeout=[Seconds to wait for each answer]:SECONDS:_default' \
'--format=[Output format]:FORMAT:((human\:"For people\: findings like a linter, then a summary line"
json\:"One JSON document\: {"summary"\: ..., "results"\: \[...\]}"
ndjson\:"One JSON result object per line, no summary"))' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-ignore[Read no .gitignore, .ignore or git exclude file\: walk every event file, ignored ones too (hidden ones need --hidden)]' \
'--hidden[Walk hidden files and folders too]' \
'--allow-empty[A directory with no event files is not an error]' \
'--keep-signature[Send a capture'\''s own signature headers instead of signing it afresh]' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::paths -- Files, directories (searched recursively for *.json, *.jsonl, *.ndjson, *.log, *.http, *.har, honouring .gitignore and .ignore, skipping hidden files) or `-` for standard input; with none, standard input when it is not a terminal:_files' \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':shell -- The shell:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'--dir=[Write hookscope.1 and a hookscope-<subcommand>.1 page for every subcommand into DIR/man1 (created if missing), so \`MANPATH=DIR man hookscope-validate\` finds them, instead of printing the main page]:DIR:_files' \
'--color=[When to use colour\: auto (only on a terminal, honouring \`NO_COLOR\`), always, never]:WHEN:((auto\:"Colour when writing to a terminal, \`NO_COLOR\` is unset or empty and \`TERM\` is not \`dumb\`"
always\:""
never\:""))' \
'(--no-config)--config=[The project file (default\: hookscope.toml or .hookscope.toml here or in a parent folder)]:FILE:_files' \
'*--catalog=[Add the providers of a user catalog folder (repeatable; also \`HOOKSCOPE_CATALOG\`, \`\:\`-separated)]:DIR:_files' \
'--no-config[Ignore any project file]' \
'--no-builtin[Leave the built-in providers out (use only user catalogs)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_hookscope__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:hookscope-help-command-$line[1]:"
        case $line[1] in
            (inspect)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(detect)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(filter)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(stats)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(diff)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(verify)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(sign)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(schema)
_arguments "${_arguments_options[@]}" : \
":: :_hookscope__subcmd__help__subcmd__schema_commands" \
"*::: :->schema" \
&& ret=0

    case $state in
    (schema)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:hookscope-help-schema-command-$line[1]:"
        case $line[1] in
            (export)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(sample)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(catalog)
_arguments "${_arguments_options[@]}" : \
":: :_hookscope__subcmd__help__subcmd__catalog_commands" \
"*::: :->catalog" \
&& ret=0

    case $state in
    (catalog)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:hookscope-help-catalog-command-$line[1]:"
        case $line[1] in
            (check)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(import)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(learn)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(drift)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(listen)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(send)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_hookscope_commands] )) ||
_hookscope_commands() {
    local commands; commands=(
'inspect:Detect, validate and pretty-print events, for people (the default)' \
'validate:Validate events\: a report and an exit code, for CI' \
'detect:Show the provider, event type and API version of each event' \
'filter:Pass matching events through unchanged, byte for byte' \
'stats:Counts per provider, type, API version and status over a stream' \
'list:List the catalog\: providers, event types, API versions' \
'diff:Structural diff of two events that knows which fields are noise' \
'verify:Check webhook signatures of captured deliveries, offline, and say why one fails' \
'sign:Print the signature headers a real delivery of a body would carry (for test fixtures)' \
'schema:Print the JSON Schema of an event type; \`schema export DIR\` writes the whole catalog' \
'sample:Print a sample payload of an event type' \
'catalog:Catalogs\: check a folder, import one from OpenAPI, learn one from captures, report drift' \
'listen:Receive live deliveries on loopback\: validate, verify, save and forward each one' \
'send:Post events, captures or catalog samples to a handler, freshly signed' \
'completions:Print a shell completion script' \
'man:Print the man page (roff), or write one page per subcommand with --dir' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'hookscope commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog_commands] )) ||
_hookscope__subcmd__catalog_commands() {
    local commands; commands=(
'check:Every schema compiles and is valid, every referenced file exists, every sample validates, and no detection rule claims another provider'\''s samples' \
'import:Write a user catalog from an OpenAPI 3.0/3.1 description'\''s webhooks (JSON or YAML)' \
'learn:Write a user catalog inferred from captured deliveries' \
'drift:Documented versus seen over a corpus of deliveries, per event type\: documented fields never seen, undocumented fields seen, other types and values' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'hookscope catalog commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog__subcmd__check_commands] )) ||
_hookscope__subcmd__catalog__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope catalog check commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog__subcmd__drift_commands] )) ||
_hookscope__subcmd__catalog__subcmd__drift_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope catalog drift commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog__subcmd__help_commands] )) ||
_hookscope__subcmd__catalog__subcmd__help_commands() {
    local commands; commands=(
'check:Every schema compiles and is valid, every referenced file exists, every sample validates, and no detection rule claims another provider'\''s samples' \
'import:Write a user catalog from an OpenAPI 3.0/3.1 description'\''s webhooks (JSON or YAML)' \
'learn:Write a user catalog inferred from captured deliveries' \
'drift:Documented versus seen over a corpus of deliveries, per event type\: documented fields never seen, undocumented fields seen, other types and values' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'hookscope catalog help commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog__subcmd__help__subcmd__check_commands] )) ||
_hookscope__subcmd__catalog__subcmd__help__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope catalog help check commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog__subcmd__help__subcmd__drift_commands] )) ||
_hookscope__subcmd__catalog__subcmd__help__subcmd__drift_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope catalog help drift commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog__subcmd__help__subcmd__help_commands] )) ||
_hookscope__subcmd__catalog__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope catalog help help commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog__subcmd__help__subcmd__import_commands] )) ||
_hookscope__subcmd__catalog__subcmd__help__subcmd__import_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope catalog help import commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog__subcmd__help__subcmd__learn_commands] )) ||
_hookscope__subcmd__catalog__subcmd__help__subcmd__learn_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope catalog help learn commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog__subcmd__import_commands] )) ||
_hookscope__subcmd__catalog__subcmd__import_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope catalog import commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__catalog__subcmd__learn_commands] )) ||
_hookscope__subcmd__catalog__subcmd__learn_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope catalog learn commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__completions_commands] )) ||
_hookscope__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope completions commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__detect_commands] )) ||
_hookscope__subcmd__detect_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope detect commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__diff_commands] )) ||
_hookscope__subcmd__diff_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope diff commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__filter_commands] )) ||
_hookscope__subcmd__filter_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope filter commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help_commands] )) ||
_hookscope__subcmd__help_commands() {
    local commands; commands=(
'inspect:Detect, validate and pretty-print events, for people (the default)' \
'validate:Validate events\: a report and an exit code, for CI' \
'detect:Show the provider, event type and API version of each event' \
'filter:Pass matching events through unchanged, byte for byte' \
'stats:Counts per provider, type, API version and status over a stream' \
'list:List the catalog\: providers, event types, API versions' \
'diff:Structural diff of two events that knows which fields are noise' \
'verify:Check webhook signatures of captured deliveries, offline, and say why one fails' \
'sign:Print the signature headers a real delivery of a body would carry (for test fixtures)' \
'schema:Print the JSON Schema of an event type; \`schema export DIR\` writes the whole catalog' \
'sample:Print a sample payload of an event type' \
'catalog:Catalogs\: check a folder, import one from OpenAPI, learn one from captures, report drift' \
'listen:Receive live deliveries on loopback\: validate, verify, save and forward each one' \
'send:Post events, captures or catalog samples to a handler, freshly signed' \
'completions:Print a shell completion script' \
'man:Print the man page (roff), or write one page per subcommand with --dir' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'hookscope help commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__catalog_commands] )) ||
_hookscope__subcmd__help__subcmd__catalog_commands() {
    local commands; commands=(
'check:Every schema compiles and is valid, every referenced file exists, every sample validates, and no detection rule claims another provider'\''s samples' \
'import:Write a user catalog from an OpenAPI 3.0/3.1 description'\''s webhooks (JSON or YAML)' \
'learn:Write a user catalog inferred from captured deliveries' \
'drift:Documented versus seen over a corpus of deliveries, per event type\: documented fields never seen, undocumented fields seen, other types and values' \
    )
    _describe -t commands 'hookscope help catalog commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__catalog__subcmd__check_commands] )) ||
_hookscope__subcmd__help__subcmd__catalog__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help catalog check commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__catalog__subcmd__drift_commands] )) ||
_hookscope__subcmd__help__subcmd__catalog__subcmd__drift_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help catalog drift commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__catalog__subcmd__import_commands] )) ||
_hookscope__subcmd__help__subcmd__catalog__subcmd__import_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help catalog import commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__catalog__subcmd__learn_commands] )) ||
_hookscope__subcmd__help__subcmd__catalog__subcmd__learn_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help catalog learn commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__completions_commands] )) ||
_hookscope__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help completions commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__detect_commands] )) ||
_hookscope__subcmd__help__subcmd__detect_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help detect commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__diff_commands] )) ||
_hookscope__subcmd__help__subcmd__diff_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help diff commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__filter_commands] )) ||
_hookscope__subcmd__help__subcmd__filter_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help filter commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__help_commands] )) ||
_hookscope__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help help commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__inspect_commands] )) ||
_hookscope__subcmd__help__subcmd__inspect_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help inspect commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__list_commands] )) ||
_hookscope__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help list commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__listen_commands] )) ||
_hookscope__subcmd__help__subcmd__listen_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help listen commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__man_commands] )) ||
_hookscope__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help man commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__sample_commands] )) ||
_hookscope__subcmd__help__subcmd__sample_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help sample commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__schema_commands] )) ||
_hookscope__subcmd__help__subcmd__schema_commands() {
    local commands; commands=(
'export:Write the catalog (providers, schemas, shared definitions, samples) to DIR, in the format \`--catalog\` reads' \
    )
    _describe -t commands 'hookscope help schema commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__schema__subcmd__export_commands] )) ||
_hookscope__subcmd__help__subcmd__schema__subcmd__export_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help schema export commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__send_commands] )) ||
_hookscope__subcmd__help__subcmd__send_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help send commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__sign_commands] )) ||
_hookscope__subcmd__help__subcmd__sign_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help sign commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__stats_commands] )) ||
_hookscope__subcmd__help__subcmd__stats_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help stats commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__validate_commands] )) ||
_hookscope__subcmd__help__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help validate commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__help__subcmd__verify_commands] )) ||
_hookscope__subcmd__help__subcmd__verify_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope help verify commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__inspect_commands] )) ||
_hookscope__subcmd__inspect_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope inspect commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__list_commands] )) ||
_hookscope__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope list commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__listen_commands] )) ||
_hookscope__subcmd__listen_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope listen commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__man_commands] )) ||
_hookscope__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope man commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__sample_commands] )) ||
_hookscope__subcmd__sample_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope sample commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__schema_commands] )) ||
_hookscope__subcmd__schema_commands() {
    local commands; commands=(
'export:Write the catalog (providers, schemas, shared definitions, samples) to DIR, in the format \`--catalog\` reads' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'hookscope schema commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__schema__subcmd__export_commands] )) ||
_hookscope__subcmd__schema__subcmd__export_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope schema export commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__schema__subcmd__help_commands] )) ||
_hookscope__subcmd__schema__subcmd__help_commands() {
    local commands; commands=(
'export:Write the catalog (providers, schemas, shared definitions, samples) to DIR, in the format \`--catalog\` reads' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'hookscope schema help commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__schema__subcmd__help__subcmd__export_commands] )) ||
_hookscope__subcmd__schema__subcmd__help__subcmd__export_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope schema help export commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__schema__subcmd__help__subcmd__help_commands] )) ||
_hookscope__subcmd__schema__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope schema help help commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__send_commands] )) ||
_hookscope__subcmd__send_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope send commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__sign_commands] )) ||
_hookscope__subcmd__sign_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope sign commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__stats_commands] )) ||
_hookscope__subcmd__stats_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope stats commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__validate_commands] )) ||
_hookscope__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope validate commands' commands "$@"
}
(( $+functions[_hookscope__subcmd__verify_commands] )) ||
_hookscope__subcmd__verify_commands() {
    local commands; commands=()
    _describe -t commands 'hookscope verify commands' commands "$@"
}

if [ "$funcstack[1]" = "_hookscope" ]; then
    _hookscope "$@"
else
    compdef _hookscope hookscope
fi
