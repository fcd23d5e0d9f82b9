#include "source/rule_registry.h"

#include "source/rule_ids.h"

namespace steward {

namespace {

using F = RuleFamily;

// Titles and descriptions feed SARIF, JUnit and `steward explain`; the doc pages say the same
// at more length (docs/data-file-rules.md, docs/suppressions.md, docs/language.md).
const std::vector<BuiltinRule> kRules = {
    {rule_id::kSyntaxYaml, F::data_file, "YAML files must parse",
     "steward reads nothing else from a file that does not parse. Fix the syntax at the place "
     "shown. Anchors and aliases that expand far beyond the file's size (an alias bomb) are "
     "refused the same way.",
     Severity::error},
    {rule_id::kSyntaxJson, F::data_file, "JSON files must be strict JSON",
     "Trailing commas, comments and unquoted keys are not JSON. Fix the syntax at the place "
     "shown.",
     Severity::error},
    {rule_id::kSyntaxUnreadable, F::data_file, "Every data file can be read, inside the repository",
     "A data file (or a folder that may hold some) that steward could not read: a symbolic "
     "link that leaves the repository, leads nowhere or loops, a folder or file without read "
     "permission, a FIFO. steward never reads outside the repository and never skips a file "
     "silently. Make it a regular file inside the repository, or exclude it in steward.yaml.",
     Severity::error},
    {rule_id::kSyntaxTooDeep, F::data_file, "Nesting must stay within 128 levels",
     "No tracking plan needs deeper nesting; such input is generated wrongly or hostile.",
     Severity::error},
    {rule_id::kSyntaxTooLarge, F::data_file, "A data file stays within steward's reading limits",
     "At most 64 MiB a file, 1,000,000 nodes a file and 1 MiB a value. No tracking plan comes "
     "close; such input is generated data or hostile. Split the file, or exclude it in "
     "steward.yaml.",
     Severity::error},
    {rule_id::kSchemaMissingKind, F::data_file, "Every data document declares its kind",
     "A document without `kind:` that is not a JSON Schema (`$schema` or an Iglu `self`) or a "
     "rudder-cli spec (`version: rudder/...`) is not read. Add `kind:`, or exclude the file in "
     "steward.yaml.",
     Severity::warning},
    {rule_id::kSchemaUnknownKind, F::data_file, "`kind:` names a kind steward knows",
     "Kinds are event, property, source, destination, transformation, identity, team, "
     "taxonomy and slo.",
     Severity::error},
    {rule_id::kSchemaUnknownKey, F::data_file, "Keys are those the kind defines",
     "A misspelt key would otherwise be ignored silently. Keys of your own go under `x-` or "
     "`metadata:`.",
     Severity::error},
    {rule_id::kSchemaWrongType, F::data_file, "Values have the type the field expects",
     "For example `sources:` takes a list, `required:` true or false.", Severity::error},
    {rule_id::kSchemaInvalidValue, F::data_file,
     "Values are within the field's allowed set or format",
     "For example `status:` is draft, active, deprecated or removed; dates are YYYY-MM-DD.",
     Severity::error},
    {rule_id::kSchemaMissingField, F::data_file, "Required fields are present",
     "Every named kind needs `name:`; an SLO needs `destination:`.", Severity::error},
    {rule_id::kSchemaInvalidPattern, F::data_file,
     "Patterns are regular expressions steward can check",
     "A property's `pattern:` (JSON Schema `pattern`, rudder-cli `pattern`) and an identity "
     "`suppress` pattern are read as RE2 regular expressions, which match in linear time. A "
     "pattern that does not parse, that is longer than 4,096 bytes, or that uses "
     "backreferences or lookaround (ECMA-262 features that need backtracking) is reported at "
     "its line; rules see it but never match with it.",
     Severity::error},
    {rule_id::kSchemaDuplicateName, F::data_file, "Names are unique within a kind",
     "Two definitions of one name make every reference to it ambiguous.", Severity::error},
    {rule_id::kSchemaDuplicateKey, F::data_file, "A mapping does not repeat a key",
     "YAML readers disagree on which of two equal keys wins.", Severity::error},
    {rule_id::kSchemaUnsupportedKeyword, F::data_file,
     "External formats map into the model without loss",
     "A JSON Schema keyword (or rudder-cli config key) that steward's model has no place for, "
     "such as patternProperties or multipleOf, is reported so that what it checks is not "
     "silently left out of the rules. docs/formats.md lists what is mapped.",
     Severity::warning},
    {rule_id::kSchemaRefCycle, F::data_file, "JSON Schema `$ref`s do not lead back to themselves",
     "A `$ref` to a schema it is part of describes unbounded nesting, which steward's model has "
     "no place for: the nested occurrence is read as any value, so what it holds there is not "
     "checked.",
     Severity::warning},
    {rule_id::kSchemaExpansionLimit, F::data_file,
     "An event's JSON Schema expands to at most 5,000 schemas",
     "Definitions that each refer to the next more than once double the schema at every level. "
     "Past the limit steward follows no further `$ref` of the event, so the rest is not "
     "checked: refer to each definition once per level, or split the event.",
     Severity::error},
    {rule_id::kSchemaUnreadSchema, F::data_file, "Every JSON Schema file is read",
     "A file other schemas `$ref` is read as shared definitions where an event refers to it; "
     "it is an event of its own only when it declares one (x-steward-owner, x-steward-domain, "
     "x-steward-sources). A file no event reaches, such as files that `$ref` each other in a "
     "cycle, would be checked nowhere.",
     Severity::error},
    {rule_id::kSchemaUnsupportedKind, F::data_file, "rudder-cli kinds are ones steward reads",
     "steward reads the rudder-cli kinds properties, events, categories, custom-types, tp, "
     "tracking-plan, event-stream-source, destination and event-stream-connections; other "
     "kinds (transformations, reverse ETL, ...) are not checked.",
     Severity::warning},
    {rule_id::kReferenceUnknownTeam, F::data_file, "Owners are defined teams",
     "Define `kind: team`, or fix the name.", Severity::error},
    {rule_id::kReferenceUnknownSource, F::data_file, "Event sources are defined sources",
     "Define `kind: source`, or fix the name.", Severity::error},
    {rule_id::kReferenceUnknownEvent, F::data_file, "References to events name defined events",
     "Destinations, transformations and deprecations must name events of the tracking plan.",
     Severity::error},
    {rule_id::kReferenceUnknownProperty, F::data_file,
     "References to properties name defined properties",
     "Mappings, exclusions, transformation reads and writes and identity `from` paths must "
     "name properties of the tracking plan (nested ones by dotted path).",
     Severity::error},
    {rule_id::kReferenceUnknownPropertyDefinition, F::data_file,
     "`$ref` names a property-library entry",
     "Define `kind: property` with this name, or fix the reference.", Severity::error},
    {rule_id::kReferenceUnknownTransformation, F::data_file,
     "Destinations name defined transformations", "Define `kind: transformation`, or fix the name.",
     Severity::error},
    {rule_id::kReferenceUnknownDestination, F::data_file, "SLOs name defined destinations",
     "Define `kind: destination`, or fix the name.", Severity::error},
    {rule_id::kReferenceUnknownSchema, F::data_file, "JSON Schema `$ref`s resolve",
     "A `$ref` must name a definition of its file (#/definitions/x, #/$defs/x) or a JSON "
     "Schema file of the repository by its relative path (./address.json#/definitions/x).",
     Severity::error},
    {rule_id::kReferenceUnknownCategory, F::data_file, "rudder-cli events name defined categories",
     "Define the category in a `kind: categories` spec, or fix the reference.", Severity::error},
    {rule_id::kReferenceUnknownCustomType, F::data_file,
     "rudder-cli types name defined custom types",
     "Define the custom type in a `kind: custom-types` spec, or fix the reference.",
     Severity::error},
    {rule_id::kReferenceUnknownTrackingPlan, F::data_file,
     "rudder-cli sources and includes name tracking plans",
     "Define the tracking plan (`kind: tracking-plan`, or `tp` in rudder/v0.1), or fix the "
     "reference.",
     Severity::error},
    {rule_id::kCompatIgluVersionBump, F::data_file, "An Iglu ADDITION accepts every earlier event",
     "SchemaVer MODEL-REVISION-ADDITION: bumping only ADDITION promises that every event valid "
     "under the previous version stays valid. A change that may reject some needs a REVISION "
     "bump (one that rejects all, a MODEL bump).",
     Severity::error},
    {rule_id::kCompatIgluOpenPropertyAdded, F::data_file,
     "An Iglu ADDITION that adds an optional property",
     "Adding an optional property to an object that does not forbid additional properties is "
     "an ADDITION as SchemaVer is practised, although an earlier event that carried the key "
     "with another value would be rejected. A note, so the assumption is visible.",
     Severity::note},
    {rule_id::kReferenceUnknownPiiCategory, F::data_file, "PII categories are in the taxonomy",
     "Use a category of the taxonomy (or steward's default one), or `none` for data that is "
     "not personal.",
     Severity::error},
    {rule_id::kReferenceUnknownConsentPurpose, F::data_file, "Consent purposes are in the taxonomy",
     "Use one of the taxonomy's consent_purposes.", Severity::error},
    {rule_id::kSuppressionInvalid, F::findings,
     "A `# steward:ignore` comment must name the rules it silences",
     "Write `# steward:ignore RULE-ID[, RULE-ID...] -- reason` on the line of the finding or on "
     "the line above it. `*` is not allowed: name each rule, so that a new rule is never "
     "silenced by an old comment.",
     Severity::error},
    {rule_id::kSuppressionMissingReason, F::findings, "An inline suppression must say why",
     "Add the reason after ` -- `, e.g. `# steward:ignore pii.destination-allowlist -- hashed "
     "upstream (DATA-123)`. A suppression without a reason does not suppress anything.",
     Severity::error},
    {rule_id::kSuppressionUnused, F::findings, "An inline suppression silences nothing",
     "No finding of the named rule is on the line of the comment or on the next line. Remove the "
     "comment, or fix the rule id.",
     Severity::warning},
    {rule_id::kWaiverExpired, F::findings, "A waiver in steward.yaml has expired",
     "Its `expires` date is in the past, so it no longer waives anything. Fix the findings it "
     "covered, or renew the waiver with a new date and approval.",
     Severity::error},
    {rule_id::kWaiverUnused, F::findings, "A waiver in steward.yaml matches no finding",
     "No finding has the waiver's rule and target. Remove the waiver, or fix its `rule` or "
     "`target`.",
     Severity::warning},
    {rule_id::kPolicySyntax, F::policy, "A policy file parses",
     "The text does not parse; an unknown severity; metadata, clauses and outcomes out of order; "
     "`when` after `for`; a rule without an outcome; an unknown escape; nesting deeper than 64 "
     "levels.",
     Severity::error},
    {rule_id::kPolicyPack, F::policy, "A pack's rules and files agree",
     "Two rules (or functions) with one id; files of one folder naming different packs.",
     Severity::error},
    {rule_id::kPolicyUnknownName, F::policy, "Paths start at a variable or a root",
     "A path starts at something that is no variable and no root.", Severity::error},
    {rule_id::kPolicyUnknownField, F::policy, "Fields exist on their type",
     "A type has no such field (or it is a method, or the value is a list).", Severity::error},
    {rule_id::kPolicyUnknownMethod, F::policy, "Methods exist on their type",
     "A type has no such method.", Severity::error},
    {rule_id::kPolicyUnknownFunction, F::policy, "Functions are built-in or defined",
     "No built-in or user-defined function of that name.", Severity::error},
    {rule_id::kPolicyUnknownType, F::policy, "Parameter types exist",
     "A parameter type that does not exist.", Severity::error},
    {rule_id::kPolicyArguments, F::policy, "Calls pass the arguments a function takes",
     "The wrong number or kind of arguments.", Severity::error},
    {rule_id::kPolicyType, F::policy, "Values have the type their place expects",
     "A condition that is not true/false, comparing a string with a number, `for` over a non-list, "
     "`at` on a number.",
     Severity::error},
    {rule_id::kPolicyRegex, F::policy, "`matches` patterns are RE2 expressions steward can check",
     "A pattern that is not a valid RE2 regular expression, uses a backreference or lookaround, or "
     "is longer than 4,096 bytes.",
     Severity::error},
    {rule_id::kPolicyDuplicateName, F::policy, "Names are defined once",
     "A variable defined twice, or named like a root; a function named like a built-in.",
     Severity::error},
    {rule_id::kPolicyRecursion, F::policy, "Functions do not call themselves",
     "A function that calls itself.", Severity::error},
    {rule_id::kPolicyCallDepth, F::policy, "Calls nest within the limits",
     "Functions that call one another more than 16 deep, or expressions nesting more than 256 "
     "levels when called bodies are counted.",
     Severity::error},
    {rule_id::kPolicyUnknownTeam, F::policy, "Team literals name a `kind: team`",
     "`require review by TEAM` or a team literal names no `kind: team`.", Severity::error},
    {rule_id::kPolicyUnknownCategory, F::policy, "PII category literals are in the taxonomy",
     "A PII category literal is not in the taxonomy.", Severity::error},
    {rule_id::kPolicyUnknownPurpose, F::policy, "Consent purpose literals are in the taxonomy",
     "A consent purpose literal is not in the taxonomy.", Severity::error},
    {rule_id::kPolicyRuntime, F::policy, "Rules run to the end",
     "A rule failed while running (a regular expression built at run time is invalid; a string "
     "grew past the size limit); the rule reports nothing, the other rules run.",
     Severity::error},
    {rule_id::kPolicyFixture, F::policy, "A fixture case of `steward test` can be read",
     "A fixture case with no head/ folder, or a folder that cannot be read.", Severity::error},
    {rule_id::kExportDbtEnumUnquotable, F::exports,
     "Enum values dbt's accepted_values test can quote",
     "dbt puts each accepted value between quotes without escaping it, so a value holding ' or \\ "
     "is left out of the test. Drop the quote or backslash, or test the column by hand.",
     Severity::error},
    {rule_id::kExportSloOwnerRequired, F::exports, "Every SLO names the team that owns it",
     "Without `owner:` its alerts carry no team label and reach no one. Add `owner: TEAM`.",
     Severity::error},
    {rule_id::kExportSloNoObjective, F::exports, "Every SLO sets an objective",
     "An SLO with none of delivery_error_rate, schema_violation_rate, latency_p95 or "
     "dead_letter_backlog gives no alert. Set one.",
     Severity::error}};

}  // namespace

const std::vector<BuiltinRule>& builtin_rules() {
  return kRules;
}

const BuiltinRule* find_builtin_rule(std::string_view id) {
  for (const BuiltinRule& rule : kRules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

std::string_view doc_page(RuleFamily family) {
  switch (family) {
    case RuleFamily::data_file:
      return "data-file-rules.md";
    case RuleFamily::findings:
      return "suppressions.md";
    case RuleFamily::policy:
      return "language.md";
    case RuleFamily::exports:
      return "catalog.md";
  }
  return "data-file-rules.md";
}

}  // namespace steward
