_hookscope() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="hookscope"
                ;;
            hookscope,catalog)
                cmd="hookscope__subcmd__catalog"
                ;;
            hookscope,completions)
                cmd="hookscope__subcmd__completions"
                ;;
            hookscope,detect)
                cmd="hookscope__subcmd__detect"
                ;;
            hookscope,diff)
                cmd="hookscope__subcmd__diff"
                ;;
            hookscope,filter)
                cmd="hookscope__subcmd__filter"
                ;;
            hookscope,help)
                cmd="hookscope__subcmd__help"
                ;;
            hookscope,inspect)
                cmd="hookscope__subcmd__inspect"
                ;;
            hookscope,list)
                cmd="hookscope__subcmd__list"
                ;;
            hookscope,listen)
                cmd="hookscope__subcmd__listen"
                ;;
            hookscope,man)
                cmd="hookscope__subcmd__man"
                ;;
            hookscope,sample)
                cmd="hookscope__subcmd__sample"
                ;;
            hookscope,schema)
                cmd="hookscope__subcmd__schema"
                ;;
            hookscope,send)
                cmd="hookscope__subcmd__send"
                ;;
            hookscope,sign)
                cmd="hookscope__subcmd__sign"
                ;;
            hookscope,stats)
                cmd="hookscope__subcmd__stats"
                ;;
            hookscope,validate)
                cmd="hookscope__subcmd__validate"
                ;;
            hookscope,verify)
                cmd="hookscope__subcmd__verify"
                ;;
            hookscope__subcmd__catalog,check)
                cmd="hookscope__subcmd__catalog__subcmd__check"
                ;;
            hookscope__subcmd__catalog,drift)
                cmd="hookscope__subcmd__catalog__subcmd__drift"
                ;;
            hookscope__subcmd__catalog,help)
                cmd="hookscope__subcmd__catalog__subcmd__help"
                ;;
            hookscope__subcmd__catalog,import)
                cmd="hookscope__subcmd__catalog__subcmd__import"
                ;;
            hookscope__subcmd__catalog,learn)
                cmd="hookscope__subcmd__catalog__subcmd__learn"
                ;;
            hookscope__subcmd__catalog__subcmd__help,check)
                cmd="hookscope__subcmd__catalog__subcmd__help__subcmd__check"
                ;;
            hookscope__subcmd__catalog__subcmd__help,drift)
                cmd="hookscope__subcmd__catalog__subcmd__help__subcmd__drift"
                ;;
            hookscope__subcmd__catalog__subcmd__help,help)
                cmd="hookscope__subcmd__catalog__subcmd__help__subcmd__help"
                ;;
            hookscope__subcmd__catalog__subcmd__help,import)
                cmd="hookscope__subcmd__catalog__subcmd__help__subcmd__import"
                ;;
            hookscope__subcmd__catalog__subcmd__help,learn)
                cmd="hookscope__subcmd__catalog__subcmd__help__subcmd__learn"
                ;;
            hookscope__subcmd__help,catalog)
                cmd="hookscope__subcmd__help__subcmd__catalog"
                ;;
            hookscope__subcmd__help,completions)
                cmd="hookscope__subcmd__help__subcmd__completions"
                ;;
            hookscope__subcmd__help,detect)
                cmd="hookscope__subcmd__help__subcmd__detect"
                ;;
            hookscope__subcmd__help,diff)
                cmd="hookscope__subcmd__help__subcmd__diff"
                ;;
            hookscope__subcmd__help,filter)
                cmd="hookscope__subcmd__help__subcmd__filter"
                ;;
            hookscope__subcmd__help,help)
                cmd="hookscope__subcmd__help__subcmd__help"
                ;;
            hookscope__subcmd__help,inspect)
                cmd="hookscope__subcmd__help__subcmd__inspect"
                ;;
            hookscope__subcmd__help,list)
                cmd="hookscope__subcmd__help__subcmd__list"
                ;;
            hookscope__subcmd__help,listen)
                cmd="hookscope__subcmd__help__subcmd__listen"
                ;;
            hookscope__subcmd__help,man)
                cmd="hookscope__subcmd__help__subcmd__man"
                ;;
            hookscope__subcmd__help,sample)
                cmd="hookscope__subcmd__help__subcmd__sample"
                ;;
            hookscope__subcmd__help,schema)
                cmd="hookscope__subcmd__help__subcmd__schema"
                ;;
            hookscope__subcmd__help,send)
                cmd="hookscope__subcmd__help__subcmd__send"
                ;;
            hookscope__subcmd__help,sign)
                cmd="hookscope__subcmd__help__subcmd__sign"
                ;;
            hookscope__subcmd__help,stats)
                cmd="hookscope__subcmd__help__subcmd__stats"
                ;;
            hookscope__subcmd__help,validate)
                cmd="hookscope__subcmd__help__subcmd__validate"
                ;;
            hookscope__subcmd__help,verify)
                cmd="hookscope__subcmd__help__subcmd__verify"
                ;;
            hookscope__subcmd__help__subcmd__catalog,check)
                cmd="hookscope__subcmd__help__subcmd__catalog__subcmd__check"
                ;;
            hookscope__subcmd__help__subcmd__catalog,drift)
                cmd="hookscope__subcmd__help__subcmd__catalog__subcmd__drift"
                ;;
            hookscope__subcmd__help__subcmd__catalog,import)
                cmd="hookscope__subcmd__help__subcmd__catalog__subcmd__import"
                ;;
            hookscope__subcmd__help__subcmd__catalog,learn)
                cmd="hookscope__subcmd__help__subcmd__catalog__subcmd__learn"
                ;;
            hookscope__subcmd__help__subcmd__schema,export)
                cmd="hookscope__subcmd__help__subcmd__schema__subcmd__export"
                ;;
            hookscope__subcmd__schema,export)
                cmd="hookscope__subcmd__schema__subcmd__export"
                ;;
            hookscope__subcmd__schema,help)
                cmd="hookscope__subcmd__schema__subcmd__help"
                ;;
            hookscope__subcmd__schema__subcmd__help,export)
                cmd="hookscope__subcmd__schema__subcmd__help__subcmd__export"
                ;;
            hookscope__subcmd__schema__subcmd__help,help)
                cmd="hookscope__subcmd__schema__subcmd__help__subcmd__help"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        hookscope)
            opts="-h -V --color --config --no-config --catalog --no-builtin --help --version inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog)
            opts="-h --color --config --no-config --catalog --no-builtin --help check import learn drift help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog__subcmd__check)
            opts="-h --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog__subcmd__drift)
            opts="-j -h --no-ignore --hidden --exclude --allow-empty --provider --type --api-version --input --max-event-bytes --threads --at --format --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "batch-processor.error batch-processor.job-finished batch_parse_run.failed batch_parse_run.processed batch_processor_run.failed batch_processor_run.processed calltransfer.answered calltransfer.completed calltransfer.initiated calltransfer.triggered classifier.created classifier.deleted classifier.draft.updated classifier.updated classifier.version.published classify_run.failed classify_run.processed dialin.connected dialin.error dialin.ready dialin.stopped dialin.warning dialout.answered dialout.connected dialout.error dialout.stopped dialout.warning edit_run.failed edit_run.processed extract_run.failed extract_run.processed extractor.created extractor.deleted extractor.draft.updated extractor.updated extractor.version.published file_add_to_job_event file_category_create_event file_category_delete_event file_change_tag_event file_done_event file_extracted_data_create_event file_extracted_data_delete_event file_failed_event file_move_event file_move_to_pending_event file_move_to_recycle_bin_event file_property_create_event file_property_delete_event file_remove_tag_event file_status_update_event file_update_event form_detection_run.failed form_detection_run.processed job_create_event job_exceeded_retries_event job_failed_event job_finished_event job_invalid_event job_retry_event job_stage_update_event job_start_event meeting.ended meeting.started parse_run.failed parse_run.processed parser_run.failed parser_run.processed participant.joined participant.left processor.created processor.deleted processor.draft.updated processor.updated processor.version.published processor_run.failed processor_run.processed recording.error recording.ready-to-download recording.started split_run.failed split_run.processed splitter.created splitter.deleted splitter.draft.updated splitter.updated splitter.version.published streaming.ended streaming.error streaming.started streaming.updated streaming.warning test transcript.error transcript.ready-to-download transcript.started url_verification waiting-participant.joined waiting-participant.left workflow.created workflow.deleted workflow.deployed workflow_run.cancelled workflow_run.completed workflow_run.failed workflow_run.needs_review workflow_run.rejected workflow_run.step_run.processed" -- "${cur}"))
                    return 0
                    ;;
                --api-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto json ndjson log http har" -- "${cur}"))
                    return 0
                    ;;
                --max-event-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json ndjson" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog__subcmd__help)
            opts="check import learn drift help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog__subcmd__help__subcmd__drift)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog__subcmd__help__subcmd__learn)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog__subcmd__import)
            opts="-h --out --provider --max-spec-bytes --force --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --max-spec-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__catalog__subcmd__learn)
            opts="-h --no-ignore --hidden --exclude --allow-empty --input --provider --out --type-at --type-header --merge --force --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto json ndjson log http har" -- "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --type-at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --type-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --merge)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__completions)
            opts="-h --color --config --no-config --catalog --no-builtin --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__detect)
            opts="-j -h --no-ignore --hidden --exclude --allow-empty --provider --type --api-version --input --max-event-bytes --threads --at --format --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "batch-processor.error batch-processor.job-finished batch_parse_run.failed batch_parse_run.processed batch_processor_run.failed batch_processor_run.processed calltransfer.answered calltransfer.completed calltransfer.initiated calltransfer.triggered classifier.created classifier.deleted classifier.draft.updated classifier.updated classifier.version.published classify_run.failed classify_run.processed dialin.connected dialin.error dialin.ready dialin.stopped dialin.warning dialout.answered dialout.connected dialout.error dialout.stopped dialout.warning edit_run.failed edit_run.processed extract_run.failed extract_run.processed extractor.created extractor.deleted extractor.draft.updated extractor.updated extractor.version.published file_add_to_job_event file_category_create_event file_category_delete_event file_change_tag_event file_done_event file_extracted_data_create_event file_extracted_data_delete_event file_failed_event file_move_event file_move_to_pending_event file_move_to_recycle_bin_event file_property_create_event file_property_delete_event file_remove_tag_event file_status_update_event file_update_event form_detection_run.failed form_detection_run.processed job_create_event job_exceeded_retries_event job_failed_event job_finished_event job_invalid_event job_retry_event job_stage_update_event job_start_event meeting.ended meeting.started parse_run.failed parse_run.processed parser_run.failed parser_run.processed participant.joined participant.left processor.created processor.deleted processor.draft.updated processor.updated processor.version.published processor_run.failed processor_run.processed recording.error recording.ready-to-download recording.started split_run.failed split_run.processed splitter.created splitter.deleted splitter.draft.updated splitter.updated splitter.version.published streaming.ended streaming.error streaming.started streaming.updated streaming.warning test transcript.error transcript.ready-to-download transcript.started url_verification waiting-participant.joined waiting-participant.left workflow.created workflow.deleted workflow.deployed workflow_run.cancelled workflow_run.completed workflow_run.failed workflow_run.needs_review workflow_run.rejected workflow_run.step_run.processed" -- "${cur}"))
                    return 0
                    ;;
                --api-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto json ndjson log http har" -- "${cur}"))
                    return 0
                    ;;
                --max-event-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json ndjson" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__diff)
            opts="-h --format --stat --shape --include-volatile --ignore --only --array-key --input --at --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "human json patch" -- "${cur}"))
                    return 0
                    ;;
                --ignore)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --only)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --array-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto json ndjson log http har" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__filter)
            opts="-j -v -h --no-ignore --hidden --exclude --allow-empty --input --max-event-bytes --threads --at --provider --type --status --invert --report --strict --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto json ndjson log http har" -- "${cur}"))
                    return 0
                    ;;
                --max-event-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "batch-processor.error batch-processor.job-finished batch_parse_run.failed batch_parse_run.processed batch_processor_run.failed batch_processor_run.processed calltransfer.answered calltransfer.completed calltransfer.initiated calltransfer.triggered classifier.created classifier.deleted classifier.draft.updated classifier.updated classifier.version.published classify_run.failed classify_run.processed dialin.connected dialin.error dialin.ready dialin.stopped dialin.warning dialout.answered dialout.connected dialout.error dialout.stopped dialout.warning edit_run.failed edit_run.processed extract_run.failed extract_run.processed extractor.created extractor.deleted extractor.draft.updated extractor.updated extractor.version.published file_add_to_job_event file_category_create_event file_category_delete_event file_change_tag_event file_done_event file_extracted_data_create_event file_extracted_data_delete_event file_failed_event file_move_event file_move_to_pending_event file_move_to_recycle_bin_event file_property_create_event file_property_delete_event file_remove_tag_event file_status_update_event file_update_event form_detection_run.failed form_detection_run.processed job_create_event job_exceeded_retries_event job_failed_event job_finished_event job_invalid_event job_retry_event job_stage_update_event job_start_event meeting.ended meeting.started parse_run.failed parse_run.processed parser_run.failed parser_run.processed participant.joined participant.left processor.created processor.deleted processor.draft.updated processor.updated processor.version.published processor_run.failed processor_run.processed recording.error recording.ready-to-download recording.started split_run.failed split_run.processed splitter.created splitter.deleted splitter.draft.updated splitter.updated splitter.version.published streaming.ended streaming.error streaming.started streaming.updated streaming.warning test transcript.error transcript.ready-to-download transcript.started url_verification waiting-participant.joined waiting-participant.left workflow.created workflow.deleted workflow.deployed workflow_run.cancelled workflow_run.completed workflow_run.failed workflow_run.needs_review workflow_run.rejected workflow_run.step_run.processed" -- "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "valid invalid unknown unparsable" -- "${cur}"))
                    return 0
                    ;;
                --report)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help)
            opts="inspect validate detect filter stats list diff verify sign schema sample catalog listen send completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__catalog)
            opts="check import learn drift"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__catalog__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__catalog__subcmd__drift)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__catalog__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__catalog__subcmd__learn)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__detect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__diff)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__filter)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__listen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__sample)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__schema)
            opts="export"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__schema__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__send)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__stats)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__validate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__help__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__inspect)
            opts="-j -h --no-ignore --hidden --exclude --allow-empty --provider --type --api-version --input --max-event-bytes --threads --at --body-only --compact --sort-keys --strict --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "batch-processor.error batch-processor.job-finished batch_parse_run.failed batch_parse_run.processed batch_processor_run.failed batch_processor_run.processed calltransfer.answered calltransfer.completed calltransfer.initiated calltransfer.triggered classifier.created classifier.deleted classifier.draft.updated classifier.updated classifier.version.published classify_run.failed classify_run.processed dialin.connected dialin.error dialin.ready dialin.stopped dialin.warning dialout.answered dialout.connected dialout.error dialout.stopped dialout.warning edit_run.failed edit_run.processed extract_run.failed extract_run.processed extractor.created extractor.deleted extractor.draft.updated extractor.updated extractor.version.published file_add_to_job_event file_category_create_event file_category_delete_event file_change_tag_event file_done_event file_extracted_data_create_event file_extracted_data_delete_event file_failed_event file_move_event file_move_to_pending_event file_move_to_recycle_bin_event file_property_create_event file_property_delete_event file_remove_tag_event file_status_update_event file_update_event form_detection_run.failed form_detection_run.processed job_create_event job_exceeded_retries_event job_failed_event job_finished_event job_invalid_event job_retry_event job_stage_update_event job_start_event meeting.ended meeting.started parse_run.failed parse_run.processed parser_run.failed parser_run.processed participant.joined participant.left processor.created processor.deleted processor.draft.updated processor.updated processor.version.published processor_run.failed processor_run.processed recording.error recording.ready-to-download recording.started split_run.failed split_run.processed splitter.created splitter.deleted splitter.draft.updated splitter.updated splitter.version.published streaming.ended streaming.error streaming.started streaming.updated streaming.warning test transcript.error transcript.ready-to-download transcript.started url_verification waiting-participant.joined waiting-participant.left workflow.created workflow.deleted workflow.deployed workflow_run.cancelled workflow_run.completed workflow_run.failed workflow_run.needs_review workflow_run.rejected workflow_run.step_run.processed" -- "${cur}"))
                    return 0
                    ;;
                --api-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto json ndjson log http har" -- "${cur}"))
                    return 0
                    ;;
                --max-event-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__list)
            opts="-h --schemes --format --color --config --no-config --catalog --no-builtin --help alfred daily extend cloudevents standard-webhooks"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "human json" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__listen)
            opts="-h --addr --path --forward-to --cacert --save --format --strict --reject-invalid --events --secret-env --secret-file --max-event-bytes --max-connections --read-timeout --idle-timeout --forward-timeout --max-answer-bytes --analysis-timeout --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --forward-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --save)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json ndjson" -- "${cur}"))
                    return 0
                    ;;
                --reject-invalid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --events)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-env)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-event-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-connections)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --read-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --idle-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --forward-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-answer-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --analysis-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__man)
            opts="-h --dir --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__sample)
            opts="-h --provider --api-version --color --config --no-config --catalog --no-builtin --help batch-processor.error batch-processor.job-finished batch_parse_run.failed batch_parse_run.processed batch_processor_run.failed batch_processor_run.processed calltransfer.answered calltransfer.completed calltransfer.initiated calltransfer.triggered classifier.created classifier.deleted classifier.draft.updated classifier.updated classifier.version.published classify_run.failed classify_run.processed dialin.connected dialin.error dialin.ready dialin.stopped dialin.warning dialout.answered dialout.connected dialout.error dialout.stopped dialout.warning edit_run.failed edit_run.processed extract_run.failed extract_run.processed extractor.created extractor.deleted extractor.draft.updated extractor.updated extractor.version.published file_add_to_job_event file_category_create_event file_category_delete_event file_change_tag_event file_done_event file_extracted_data_create_event file_extracted_data_delete_event file_failed_event file_move_event file_move_to_pending_event file_move_to_recycle_bin_event file_property_create_event file_property_delete_event file_remove_tag_event file_status_update_event file_update_event form_detection_run.failed form_detection_run.processed job_create_event job_exceeded_retries_event job_failed_event job_finished_event job_invalid_event job_retry_event job_stage_update_event job_start_event meeting.ended meeting.started parse_run.failed parse_run.processed parser_run.failed parser_run.processed participant.joined participant.left processor.created processor.deleted processor.draft.updated processor.updated processor.version.published processor_run.failed processor_run.processed recording.error recording.ready-to-download recording.started split_run.failed split_run.processed splitter.created splitter.deleted splitter.draft.updated splitter.updated splitter.version.published streaming.ended streaming.error streaming.started streaming.updated streaming.warning test transcript.error transcript.ready-to-download transcript.started url_verification waiting-participant.joined waiting-participant.left workflow.created workflow.deleted workflow.deployed workflow_run.cancelled workflow_run.completed workflow_run.failed workflow_run.needs_review workflow_run.rejected workflow_run.step_run.processed"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --api-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__schema)
            opts="-h --provider --api-version --color --config --no-config --catalog --no-builtin --help batch-processor.error batch-processor.job-finished batch_parse_run.failed batch_parse_run.processed batch_processor_run.failed batch_processor_run.processed calltransfer.answered calltransfer.completed calltransfer.initiated calltransfer.triggered classifier.created classifier.deleted classifier.draft.updated classifier.updated classifier.version.published classify_run.failed classify_run.processed dialin.connected dialin.error dialin.ready dialin.stopped dialin.warning dialout.answered dialout.connected dialout.error dialout.stopped dialout.warning edit_run.failed edit_run.processed extract_run.failed extract_run.processed extractor.created extractor.deleted extractor.draft.updated extractor.updated extractor.version.published file_add_to_job_event file_category_create_event file_category_delete_event file_change_tag_event file_done_event file_extracted_data_create_event file_extracted_data_delete_event file_failed_event file_move_event file_move_to_pending_event file_move_to_recycle_bin_event file_property_create_event file_property_delete_event file_remove_tag_event file_status_update_event file_update_event form_detection_run.failed form_detection_run.processed job_create_event job_exceeded_retries_event job_failed_event job_finished_event job_invalid_event job_retry_event job_stage_update_event job_start_event meeting.ended meeting.started parse_run.failed parse_run.processed parser_run.failed parser_run.processed participant.joined participant.left processor.created processor.deleted processor.draft.updated processor.updated processor.version.published processor_run.failed processor_run.processed recording.error recording.ready-to-download recording.started split_run.failed split_run.processed splitter.created splitter.deleted splitter.draft.updated splitter.updated splitter.version.published streaming.ended streaming.error streaming.started streaming.updated streaming.warning test transcript.error transcript.ready-to-download transcript.started url_verification waiting-participant.joined waiting-participant.left workflow.created workflow.deleted workflow.deployed workflow_run.cancelled workflow_run.completed workflow_run.failed workflow_run.needs_review workflow_run.rejected workflow_run.step_run.processed export help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --api-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__schema__subcmd__export)
            opts="-h --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__schema__subcmd__help)
            opts="export help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__schema__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__schema__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__send)
            opts="-j -H -h --no-ignore --hidden --exclude --allow-empty --provider --type --api-version --input --max-event-bytes --threads --at --to --cacert --header --timestamp --sample --set --secret-env --secret-file --keep-signature --rate --concurrency --timeout --format --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "batch-processor.error batch-processor.job-finished batch_parse_run.failed batch_parse_run.processed batch_processor_run.failed batch_processor_run.processed calltransfer.answered calltransfer.completed calltransfer.initiated calltransfer.triggered classifier.created classifier.deleted classifier.draft.updated classifier.updated classifier.version.published classify_run.failed classify_run.processed dialin.connected dialin.error dialin.ready dialin.stopped dialin.warning dialout.answered dialout.connected dialout.error dialout.stopped dialout.warning edit_run.failed edit_run.processed extract_run.failed extract_run.processed extractor.created extractor.deleted extractor.draft.updated extractor.updated extractor.version.published file_add_to_job_event file_category_create_event file_category_delete_event file_change_tag_event file_done_event file_extracted_data_create_event file_extracted_data_delete_event file_failed_event file_move_event file_move_to_pending_event file_move_to_recycle_bin_event file_property_create_event file_property_delete_event file_remove_tag_event file_status_update_event file_update_event form_detection_run.failed form_detection_run.processed job_create_event job_exceeded_retries_event job_failed_event job_finished_event job_invalid_event job_retry_event job_stage_update_event job_start_event meeting.ended meeting.started parse_run.failed parse_run.processed parser_run.failed parser_run.processed participant.joined participant.left processor.created processor.deleted processor.draft.updated processor.updated processor.version.published processor_run.failed processor_run.processed recording.error recording.ready-to-download recording.started split_run.failed split_run.processed splitter.created splitter.deleted splitter.draft.updated splitter.updated splitter.version.published streaming.ended streaming.error streaming.started streaming.updated streaming.warning test transcript.error transcript.ready-to-download transcript.started url_verification waiting-participant.joined waiting-participant.left workflow.created workflow.deleted workflow.deployed workflow_run.cancelled workflow_run.completed workflow_run.failed workflow_run.needs_review workflow_run.rejected workflow_run.step_run.processed" -- "${cur}"))
                    return 0
                    ;;
                --api-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto json ndjson log http har" -- "${cur}"))
                    return 0
                    ;;
                --max-event-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sample)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-env)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json ndjson" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__sign)
            opts="-h --provider --scheme --secret-env --secret-file --timestamp --id --format --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --scheme)
                    COMPREPLY=($(compgen -W "daily extend standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --secret-env)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "headers http json" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__stats)
            opts="-j -h --no-ignore --hidden --exclude --allow-empty --provider --type --api-version --input --max-event-bytes --threads --at --format --top --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "batch-processor.error batch-processor.job-finished batch_parse_run.failed batch_parse_run.processed batch_processor_run.failed batch_processor_run.processed calltransfer.answered calltransfer.completed calltransfer.initiated calltransfer.triggered classifier.created classifier.deleted classifier.draft.updated classifier.updated classifier.version.published classify_run.failed classify_run.processed dialin.connected dialin.error dialin.ready dialin.stopped dialin.warning dialout.answered dialout.connected dialout.error dialout.stopped dialout.warning edit_run.failed edit_run.processed extract_run.failed extract_run.processed extractor.created extractor.deleted extractor.draft.updated extractor.updated extractor.version.published file_add_to_job_event file_category_create_event file_category_delete_event file_change_tag_event file_done_event file_extracted_data_create_event file_extracted_data_delete_event file_failed_event file_move_event file_move_to_pending_event file_move_to_recycle_bin_event file_property_create_event file_property_delete_event file_remove_tag_event file_status_update_event file_update_event form_detection_run.failed form_detection_run.processed job_create_event job_exceeded_retries_event job_failed_event job_finished_event job_invalid_event job_retry_event job_stage_update_event job_start_event meeting.ended meeting.started parse_run.failed parse_run.processed parser_run.failed parser_run.processed participant.joined participant.left processor.created processor.deleted processor.draft.updated processor.updated processor.version.published processor_run.failed processor_run.processed recording.error recording.ready-to-download recording.started split_run.failed split_run.processed splitter.created splitter.deleted splitter.draft.updated splitter.updated splitter.version.published streaming.ended streaming.error streaming.started streaming.updated streaming.warning test transcript.error transcript.ready-to-download transcript.started url_verification waiting-participant.joined waiting-participant.left workflow.created workflow.deleted workflow.deployed workflow_run.cancelled workflow_run.completed workflow_run.failed workflow_run.needs_review workflow_run.rejected workflow_run.step_run.processed" -- "${cur}"))
                    return 0
                    ;;
                --api-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto json ndjson log http har" -- "${cur}"))
                    return 0
                    ;;
                --max-event-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json" -- "${cur}"))
                    return 0
                    ;;
                --top)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__validate)
            opts="-j -v -h --no-ignore --hidden --exclude --allow-empty --provider --type --api-version --input --max-event-bytes --threads --at --format --no-step-summary --strict --verbose --brief --skip-foreign --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "batch-processor.error batch-processor.job-finished batch_parse_run.failed batch_parse_run.processed batch_processor_run.failed batch_processor_run.processed calltransfer.answered calltransfer.completed calltransfer.initiated calltransfer.triggered classifier.created classifier.deleted classifier.draft.updated classifier.updated classifier.version.published classify_run.failed classify_run.processed dialin.connected dialin.error dialin.ready dialin.stopped dialin.warning dialout.answered dialout.connected dialout.error dialout.stopped dialout.warning edit_run.failed edit_run.processed extract_run.failed extract_run.processed extractor.created extractor.deleted extractor.draft.updated extractor.updated extractor.version.published file_add_to_job_event file_category_create_event file_category_delete_event file_change_tag_event file_done_event file_extracted_data_create_event file_extracted_data_delete_event file_failed_event file_move_event file_move_to_pending_event file_move_to_recycle_bin_event file_property_create_event file_property_delete_event file_remove_tag_event file_status_update_event file_update_event form_detection_run.failed form_detection_run.processed job_create_event job_exceeded_retries_event job_failed_event job_finished_event job_invalid_event job_retry_event job_stage_update_event job_start_event meeting.ended meeting.started parse_run.failed parse_run.processed parser_run.failed parser_run.processed participant.joined participant.left processor.created processor.deleted processor.draft.updated processor.updated processor.version.published processor_run.failed processor_run.processed recording.error recording.ready-to-download recording.started split_run.failed split_run.processed splitter.created splitter.deleted splitter.draft.updated splitter.updated splitter.version.published streaming.ended streaming.error streaming.started streaming.updated streaming.warning test transcript.error transcript.ready-to-download transcript.started url_verification waiting-participant.joined waiting-participant.left workflow.created workflow.deleted workflow.deployed workflow_run.cancelled workflow_run.completed workflow_run.failed workflow_run.needs_review workflow_run.rejected workflow_run.step_run.processed" -- "${cur}"))
                    return 0
                    ;;
                --api-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto json ndjson log http har" -- "${cur}"))
                    return 0
                    ;;
                --max-event-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json ndjson junit github sarif gitlab" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookscope__subcmd__verify)
            opts="-j -H -h --no-ignore --hidden --exclude --allow-empty --provider --type --api-version --input --max-event-bytes --threads --at --secret-env --secret-file --header --scheme --tolerance --now --format --strict --color --config --no-config --catalog --no-builtin --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "alfred daily extend cloudevents standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "batch-processor.error batch-processor.job-finished batch_parse_run.failed batch_parse_run.processed batch_processor_run.failed batch_processor_run.processed calltransfer.answered calltransfer.completed calltransfer.initiated calltransfer.triggered classifier.created classifier.deleted classifier.draft.updated classifier.updated classifier.version.published classify_run.failed classify_run.processed dialin.connected dialin.error dialin.ready dialin.stopped dialin.warning dialout.answered dialout.connected dialout.error dialout.stopped dialout.warning edit_run.failed edit_run.processed extract_run.failed extract_run.processed extractor.created extractor.deleted extractor.draft.updated extractor.updated extractor.version.published file_add_to_job_event file_category_create_event file_category_delete_event file_change_tag_event file_done_event file_extracted_data_create_event file_extracted_data_delete_event file_failed_event file_move_event file_move_to_pending_event file_move_to_recycle_bin_event file_property_create_event file_property_delete_event file_remove_tag_event file_status_update_event file_update_event form_detection_run.failed form_detection_run.processed job_create_event job_exceeded_retries_event job_failed_event job_finished_event job_invalid_event job_retry_event job_stage_update_event job_start_event meeting.ended meeting.started parse_run.failed parse_run.processed parser_run.failed parser_run.processed participant.joined participant.left processor.created processor.deleted processor.draft.updated processor.updated processor.version.published processor_run.failed processor_run.processed recording.error recording.ready-to-download recording.started split_run.failed split_run.processed splitter.created splitter.deleted splitter.draft.updated splitter.updated splitter.version.published streaming.ended streaming.error streaming.started streaming.updated streaming.warning test transcript.error transcript.ready-to-download transcript.started url_verification waiting-participant.joined waiting-participant.left workflow.created workflow.deleted workflow.deployed workflow_run.cancelled workflow_run.completed workflow_run.failed workflow_run.needs_review workflow_run.rejected workflow_run.step_run.processed" -- "${cur}"))
                    return 0
                    ;;
                --api-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto json ndjson log http har" -- "${cur}"))
                    return 0
                    ;;
                --max-event-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-env)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --scheme)
                    COMPREPLY=($(compgen -W "daily extend standard-webhooks" -- "${cur}"))
                    return 0
                    ;;
                --tolerance)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json ndjson" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _hookscope -o nosort -o bashdefault -o default hookscope
else
    complete -F _hookscope -o bashdefault -o default hookscope
fi
