#pragma once

#include <string>
#include <string_view>

namespace steward::report {

// Text for XML 1.0 content or attribute values: & < > " ' escaped, characters XML 1.0 forbids
// (controls other than tab, LF, CR) dropped. In attributes LF, CR and tab become character
// references so parsers keep them.
std::string xml_escape(std::string_view text, bool attribute = false);

}  // namespace steward::report
