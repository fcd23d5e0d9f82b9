#pragma once

#include <string>
#include <vector>

#include "model/model.h"

// Entities' fields in words, where a field is more than one member: what `steward diff` compares
// and shows for them (the rows of model_fields.h with derived texts), and the widening notes.
namespace steward::model {

std::vector<std::string> names(const std::vector<Ref>& refs);
// "a, b, c"
std::string join(const std::vector<std::string>& items);

// The event filter in words: "every event", "only Order Completed", "every event except
// Password Reset".
std::string receives_text(const Destination& destination);

// One item each, in the config's order:
// receives_text
std::vector<std::string> receives_texts(const Destination& destination);
// "*" or the names
std::vector<std::string> destination_event_texts(const Destination& destination);
// "event: a, b"
std::vector<std::string> exclusion_texts(const Destination& destination);
// "event from -> to"
std::vector<std::string> mapping_texts(const Destination& destination);
// "android: device"
std::vector<std::string> connection_mode_texts(const Destination& destination);
// "web: oneTrust (or) analytics, marketing"
std::vector<std::string> consent_provider_texts(const Destination& destination);
// "*" or the names
std::vector<std::string> transformation_event_texts(const Transformation& transformation);
// "email: none"
std::vector<std::string> write_texts(const Transformation& transformation);
// "email: ^test@"
std::vector<std::string> suppression_texts(const Identity& identity);

}  // namespace steward::model
