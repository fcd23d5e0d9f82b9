#pragma once

// The id of every rule steward itself reports: the data-file rules (syntax.*, schema.*,
// reference.*, compat.iglu-*), the findings stage's own (suppression.*, waiver.*) and the policy
// language's errors (policy.*). Code raises them by these names only; rule_registry.h documents
// each, and tests/unit/source/rule_registry_test.cpp fails on a literal id anywhere in engine/.
// The stdlib packs' rules (pii.*, compat.*, ...) are not here: their .policy files declare them.

namespace steward::rule_id {

inline constexpr char kSyntaxYaml[] = "syntax.yaml";
inline constexpr char kSyntaxJson[] = "syntax.json";
inline constexpr char kSyntaxUnreadable[] = "syntax.unreadable";
inline constexpr char kSyntaxTooDeep[] = "syntax.too-deep";
inline constexpr char kSyntaxTooLarge[] = "syntax.too-large";
inline constexpr char kSchemaMissingKind[] = "schema.missing-kind";
inline constexpr char kSchemaUnknownKind[] = "schema.unknown-kind";
inline constexpr char kSchemaUnknownKey[] = "schema.unknown-key";
inline constexpr char kSchemaWrongType[] = "schema.wrong-type";
inline constexpr char kSchemaInvalidValue[] = "schema.invalid-value";
inline constexpr char kSchemaMissingField[] = "schema.missing-field";
inline constexpr char kSchemaInvalidPattern[] = "schema.invalid-pattern";
inline constexpr char kSchemaDuplicateName[] = "schema.duplicate-name";
inline constexpr char kSchemaDuplicateKey[] = "schema.duplicate-key";
inline constexpr char kSchemaUnsupportedKeyword[] = "schema.unsupported-keyword";
inline constexpr char kSchemaRefCycle[] = "schema.ref-cycle";
inline constexpr char kSchemaExpansionLimit[] = "schema.expansion-limit";
inline constexpr char kSchemaUnreadSchema[] = "schema.unread-schema";
inline constexpr char kSchemaUnsupportedKind[] = "schema.unsupported-kind";
inline constexpr char kReferenceUnknownTeam[] = "reference.unknown-team";
inline constexpr char kReferenceUnknownSource[] = "reference.unknown-source";
inline constexpr char kReferenceUnknownEvent[] = "reference.unknown-event";
inline constexpr char kReferenceUnknownProperty[] = "reference.unknown-property";
inline constexpr char kReferenceUnknownPropertyDefinition[] =
    "reference.unknown-property-definition";
inline constexpr char kReferenceUnknownTransformation[] = "reference.unknown-transformation";
inline constexpr char kReferenceUnknownDestination[] = "reference.unknown-destination";
inline constexpr char kReferenceUnknownSchema[] = "reference.unknown-schema";
inline constexpr char kReferenceUnknownCategory[] = "reference.unknown-category";
inline constexpr char kReferenceUnknownCustomType[] = "reference.unknown-custom-type";
inline constexpr char kReferenceUnknownTrackingPlan[] = "reference.unknown-tracking-plan";
inline constexpr char kCompatIgluVersionBump[] = "compat.iglu-version-bump";
inline constexpr char kCompatIgluOpenPropertyAdded[] = "compat.iglu-open-property-added";
inline constexpr char kReferenceUnknownPiiCategory[] = "reference.unknown-pii-category";
inline constexpr char kReferenceUnknownConsentPurpose[] = "reference.unknown-consent-purpose";
inline constexpr char kSuppressionInvalid[] = "suppression.invalid";
inline constexpr char kSuppressionMissingReason[] = "suppression.missing-reason";
inline constexpr char kSuppressionUnused[] = "suppression.unused";
inline constexpr char kWaiverExpired[] = "waiver.expired";
inline constexpr char kWaiverUnused[] = "waiver.unused";
inline constexpr char kPolicySyntax[] = "policy.syntax";
inline constexpr char kPolicyPack[] = "policy.pack";
inline constexpr char kPolicyUnknownName[] = "policy.unknown-name";
inline constexpr char kPolicyUnknownField[] = "policy.unknown-field";
inline constexpr char kPolicyUnknownMethod[] = "policy.unknown-method";
inline constexpr char kPolicyUnknownFunction[] = "policy.unknown-function";
inline constexpr char kPolicyUnknownType[] = "policy.unknown-type";
inline constexpr char kPolicyArguments[] = "policy.arguments";
inline constexpr char kPolicyType[] = "policy.type";
inline constexpr char kPolicyRegex[] = "policy.regex";
inline constexpr char kPolicyDuplicateName[] = "policy.duplicate-name";
inline constexpr char kPolicyRecursion[] = "policy.recursion";
inline constexpr char kPolicyCallDepth[] = "policy.call-depth";
inline constexpr char kPolicyUnknownTeam[] = "policy.unknown-team";
inline constexpr char kPolicyUnknownCategory[] = "policy.unknown-category";
inline constexpr char kPolicyUnknownPurpose[] = "policy.unknown-purpose";
inline constexpr char kPolicyRuntime[] = "policy.runtime";
inline constexpr char kPolicyFixture[] = "policy.fixture";
inline constexpr char kExportDbtEnumUnquotable[] = "export.dbt-enum-unquotable";
inline constexpr char kExportSloOwnerRequired[] = "export.slo-owner-required";
inline constexpr char kExportSloNoObjective[] = "export.slo-no-objective";

}  // namespace steward::rule_id
