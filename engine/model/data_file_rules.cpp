#include "model/data_file_rules.h"

namespace steward::model {

const std::vector<DataFileRule>& data_file_rules() {
  static const std::vector<DataFileRule> rules = {
      {"syntax.yaml", "YAML files must parse",
       "steward reads nothing else from a file that does not parse. Fix the syntax at the place "
       "shown."},
      {"syntax.json", "JSON files must be strict JSON",
       "Trailing commas, comments and unquoted keys are not JSON. Fix the syntax at the place "
       "shown."},
      {"syntax.too-deep", "Nesting must stay within 128 levels",
       "No tracking plan needs deeper nesting; such input is generated wrongly or hostile."},
      {"schema.missing-kind", "Every data document declares its kind",
       "A document without `kind:` is not read. Add `kind:`, or exclude the file in "
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
      {"schema.duplicate-name", "Names are unique within a kind",
       "Two definitions of one name make every reference to it ambiguous."},
      {"schema.duplicate-key", "A mapping does not repeat a key",
       "YAML readers disagree on which of two equal keys wins."},
      {"reference.unknown-team", "Owners are defined teams", "Define `kind: team`, or fix the name."},
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
      {"reference.unknown-pii-category", "PII categories are in the taxonomy",
       "Use a category of the taxonomy (or steward's default one), or `none` for data that is "
       "not personal."},
      {"reference.unknown-consent-purpose", "Consent purposes are in the taxonomy",
       "Use one of the taxonomy's consent_purposes."},
  };
  return rules;
}

}  // namespace steward::model
