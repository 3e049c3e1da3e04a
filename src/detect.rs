//! Recognising an event: which provider's envelope it wears, its event type, and the version it
//! states (inferred versions are settled by validation).

use serde_json::Value;

use crate::catalog::{Catalog, Envelope, Headers, Provider, TypeRef, VersionRule};

/// What the user forced on the command line instead of detecting.
#[derive(Default, Clone, Copy)]
pub(crate) struct Forced<'c> {
    pub provider: Option<&'c Provider>,
    pub event_type: Option<TypeRef<'c>>,
    pub api_version: Option<&'c str>,
}

/// The outcome of detection for one event.
pub(crate) struct Detection<'c> {
    pub provider: Option<&'c Provider>,
    /// The event type string as sent (or forced).
    pub event_type: Option<String>,
    /// Where the type string lives in this provider's envelope.
    pub type_pointer: Option<&'c str>,
    /// A version the event states itself (`version.at`).
    pub stated_version: Option<String>,
}

pub(crate) fn detect<'c>(
    catalog: &'c Catalog,
    event: &Value,
    headers: &Headers,
    forced: &Forced<'c>,
) -> Detection<'c> {
    if let Some(t) = forced.event_type {
        let type_pointer = t.provider.desc.envelopes.first().map(Envelope::type_pointer);
        return Detection {
            provider: Some(t.provider),
            event_type: Some(t.name.to_owned()),
            type_pointer,
            stated_version: stated_version(t.provider, event),
        };
    }
    let (provider, envelope) = match forced.provider {
        Some(p) => {
            // The first envelope that yields a type string, else the first one.
            let envelope = p
                .desc
                .envelopes
                .iter()
                .find(|e| e.score(event, headers).is_some() && e.event_type(event, headers).is_some())
                .or_else(|| p.desc.envelopes.first());
            (Some(p), envelope)
        }
        None => best_match(catalog, event, headers).map_or((None, None), |(p, e)| (Some(p), Some(e))),
    };
    let Some(provider) = provider else {
        return Detection { provider: None, event_type: None, type_pointer: None, stated_version: None };
    };
    let type_pointer = envelope.map(Envelope::type_pointer);
    let event_type = envelope.and_then(|e| e.event_type(event, headers));
    Detection {
        provider: Some(provider),
        event_type,
        type_pointer,
        stated_version: stated_version(provider, event),
    }
}

/// The provider and envelope that claim the event with the largest share of matching markers.
/// Providers come specific-first, and a generic one only wins when no specific one claims it.
fn best_match<'c>(
    catalog: &'c Catalog,
    event: &Value,
    headers: &Headers,
) -> Option<(&'c Provider, &'c Envelope)> {
    if !event.is_object() {
        return None;
    }
    let mut best: Option<(f64, bool, &Provider, &Envelope)> = None;
    for provider in catalog.providers() {
        for envelope in &provider.desc.envelopes {
            let Some(score) = envelope.score(event, headers) else {
                continue;
            };
            if !own_evidence(provider, envelope, event, headers) {
                continue;
            }
            let better = match best {
                None => true,
                Some((s, generic, ..)) => {
                    (generic && !provider.desc.generic) || (generic == provider.desc.generic && score > s)
                }
            };
            if better {
                best = Some((score, provider.desc.generic, provider, envelope));
            }
        }
    }
    best.map(|(_, _, p, e)| (p, e))
}

/// Whether a document that matches an envelope's markers carries evidence that is the
/// provider's own: an envelope with `distinctive` markers claims it only when one of them matches
/// or its type string is a type (or alias) the provider documents. Field names any envelope has
/// (`version`, `type`, `id`, `payload`) are not enough. Without `distinctive` markers the
/// markers alone decide.
fn own_evidence(provider: &Provider, envelope: &Envelope, event: &Value, headers: &Headers) -> bool {
    let mut distinctive = envelope.markers.iter().filter(|m| m.distinctive).peekable();
    if distinctive.peek().is_none() {
        return true;
    }
    if distinctive.any(|m| m.matches(event, headers)) {
        return true;
    }
    envelope
        .event_type(event, headers)
        .is_some_and(|t| provider.has_type(&t) || provider.resolve_alias(&t).is_some())
}

fn stated_version(provider: &Provider, event: &Value) -> Option<String> {
    let Some(VersionRule::At { at, .. }) = &provider.desc.version else {
        return None;
    };
    match at.find(event)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
