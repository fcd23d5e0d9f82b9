#pragma once

#include <string>
#include <string_view>

#include "source/diagnostic.h"

namespace steward {

// The one way every stage builds a Diagnostic: the rule (a rule_id:: constant or a pack rule's
// id), how severe, where, what is wrong, how to fix it in general (`help`) and here
// (`suggestion`, a did-you-mean). Fields beyond these (base_span, subject) are set on the result.
Diagnostic make_diagnostic(std::string_view rule, Severity severity, Span span, std::string message,
                           std::string help = {}, std::string suggestion = {});

// Appends an error: what most schema, reference and policy diagnostics are.
void report(Diagnostics& out, std::string_view rule, Span span, std::string message,
            std::string help = {}, std::string suggestion = {});

}  // namespace steward
