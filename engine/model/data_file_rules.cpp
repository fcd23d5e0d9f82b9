#include "model/data_file_rules.h"

namespace steward::model {

const std::vector<DataFileRule>& data_file_rules() {
  static const std::vector<DataFileRule> rules = {
      {"syntax.yaml", "YAML files must parse",
       "steward reads nothing else from a file that does not parse. Fix the syntax at the place "
       "shown. Anchors and aliases that expand far beyond the file's size (an alias bomb) are "
       "refused the same way."},
      {"syntax.json", "JSON files must be strict JSON",
       "Trailing commas, comments and unquoted keys are not JSON. Fix the syntax at the place "
       "shown."},
      {"syntax.unreadable", "Every data file can be read, inside the repository",
       "A data file (or a folder that may hold some) that steward could not read: a symbolic "
       "link that leaves the repository, leads nowhere or loops, a folder or file without read "
       "permission, a FIFO. steward never reads outside the repository and never skips a file "
       "silently. Make it a regular file inside the repository, or exclude it in steward.yaml."},
      {"syntax.too-deep", "Nesting must stay within 128 levels",
       "No tracking plan needs deeper nesting; such input is generated wrongly or hostile."},
      {"syntax.too-large", "A data file stays within steward's reading limits",
       "At most 64 MiB a file, 1,000,000 nodes a file and 1 MiB a value. No tracking plan comes "
       "close; such input is generated data or hostile. Split the file, or exclude it in "
       "steward.yaml."},
      {"schema.missing-kind", "Every data document declares its kind",
       "A document without `kind:` that is not a JSON Schema (`$schema` or an Iglu `self`) or a "
       "rudder-cli spec (`version: rudder/...`) is not read. Add `kind:`, or exclude the file in "
       "steward.yaml.",
       Severity::warning},
      {"schema.unknown-kind", "`kind:` names a kind steward knows",
       "Kinds are event, property, source, destination, transformation, identity, team, "
       "taxonomy and slo."},
      {"schema.unknown-key", "Keys are those the kind defines",
       "A misspelt key would otherwise be ignored silently. Keys of your own go under `x-` or "
       "`metadata:`."},
      {"schema.wrong-type", "Values have the type the field expects",
       "For example `sources:` takes a list, `required:` true or false."},
      {"schema.invalid-value", "Values are within the field's allowed set or format",
       "For example `status:` is draft, active, deprecated or removed; dates are YYYY-MM-DD."},
      {"schema.missing-field", "Required fields are present",
       "Every named kind needs `name:`; an SLO needs `destination:`."},
      {"schema.invalid-pattern", "Patterns are regular expressions steward can check",
       "A property's `pattern:` (JSON Schema `pattern`, rudder-cli `pattern`) and an identity "
       "`suppress` pattern are read as RE2 regular expressions, which match in linear time. A "
       "pattern that does not parse, that is longer than 4,096 bytes, or that uses "
       "backreferences or lookaround (ECMA-262 features that need backtracking) is reported at "
       "its line; rules see it but never match with it."},
      {"schema.duplicate-name", "Names are unique within a kind",
       "Two definitions of one name make every reference to it ambiguous."},
      {"schema.duplicate-key", "A mapping does not repeat a key",
       "YAML readers disagree on which of two equal keys wins."},
      {"schema.unsupported-keyword", "External formats map into the model without loss",
       "A JSON Schema keyword (or rudder-cli config key) that steward's model has no place for, "
       "such as patternProperties or multipleOf, is reported so that what it checks is not "
       "silently left out of the rules. docs/formats.md lists what is mapped.",
       Severity::warning},
      {"schema.ref-cycle", "JSON Schema `$ref`s do not lead back to themselves",
       "A `$ref` to a schema it is part of describes unbounded nesting, which steward's model has "
       "no place for: the nested occurrence is read as any value, so what it holds there is not "
       "checked.",
       Severity::warning},
      {"schema.expansion-limit", "An event's JSON Schema expands to at most 5,000 schemas",
       "Definitions that each refer to the next more than once double the schema at every level. "
       "Past the limit steward follows no further `$ref` of the event, so the rest is not "
       "checked: refer to each definition once per level, or split the event."},
      {"schema.unread-schema", "Every JSON Schema file is read",
       "A file other schemas `$ref` is read as shared definitions where an event refers to it; "
       "it is an event of its own only when it declares one (x-steward-owner, x-steward-domain, "
       "x-steward-sources). A file no event reaches, such as files that `$ref` each other in a "
       "cycle, would be checked nowhere."},
      {"schema.unsupported-kind", "rudder-cli kinds are ones steward reads",
       "steward reads the rudder-cli kinds properties, events, categories, custom-types, tp, "
       "tracking-plan, event-stream-source, destination and event-stream-connections; other "
       "kinds (transformations, reverse ETL, ...) are not checked.",
       Severity::warning},
      {"reference.unknown-team", "Owners are defined teams",
       "Define `kind: team`, or fix the name."},
      {"reference.unknown-source", "Event sources are defined sources",
       "Define `kind: source`, or fix the name."},
      {"reference.unknown-event", "References to events name defined events",
       "Destinations, transformations and deprecations must name events of the tracking plan."},
      {"reference.unknown-property", "References to properties name defined properties",
       "Mappings, exclusions, transformation reads and writes and identity `from` paths must "
       "name properties of the tracking plan (nested ones by dotted path)."},
      {"reference.unknown-property-definition", "`$ref` names a property-library entry",
       "Define `kind: property` with this name, or fix the reference."},
      {"reference.unknown-transformation", "Destinations name defined transformations",
       "Define `kind: transformation`, or fix the name."},
      {"reference.unknown-destination", "SLOs name defined destinations",
       "Define `kind: destination`, or fix the name."},
      {"reference.unknown-schema", "JSON Schema `$ref`s resolve",
       "A `$ref` must name a definition of its file (#/definitions/x, #/$defs/x) or a JSON "
       "Schema file of the repository by its relative path (./address.json#/definitions/x)."},
      {"reference.unknown-category", "rudder-cli events name defined categories",
       "Define the category in a `kind: categories` spec, or fix the reference."},
      {"reference.unknown-custom-type", "rudder-cli types name defined custom types",
       "Define the custom type in a `kind: custom-types` spec, or fix the reference."},
      {"reference.unknown-tracking-plan", "rudder-cli sources and includes name tracking plans",
       "Define the tracking plan (`kind: tracking-plan`, or `tp` in rudder/v0.1), or fix the "
       "reference."},
      {"compat.iglu-version-bump", "An Iglu ADDITION accepts every earlier event",
       "SchemaVer MODEL-REVISION-ADDITION: bumping only ADDITION promises that every event valid "
       "under the previous version stays valid. A change that may reject some needs a REVISION "
       "bump (one that rejects all, a MODEL bump)."},
      {"compat.iglu-open-property-added", "An Iglu ADDITION that adds an optional property",
       "Adding an optional property to an object that does not forbid additional properties is "
       "an ADDITION as SchemaVer is practised, although an earlier event that carried the key "
       "with another value would be rejected. A note, so the assumption is visible.",
       Severity::note},
      {"reference.unknown-pii-category", "PII categories are in the taxonomy",
       "Use a category of the taxonomy (or steward's default one), or `none` for data that is "
       "not personal."},
      {"reference.unknown-consent-purpose", "Consent purposes are in the taxonomy",
       "Use one of the taxonomy's consent_purposes."},
  };
  return rules;
}

}  // namespace steward::model
