#pragma once

#include <ostream>

#include "report/report.h"

namespace steward::report {

// The first line of every Markdown report, so a bot can find and edit its one comment.
inline constexpr std::string_view kMarkdownMarker = "<!-- steward:report -->";

// The pull-request comment (also the GitHub job summary): the verdict, the reviews required, the
// findings grouped by severity with links, the semantic change summary, what was suppressed.
void write_markdown(const ReportInput& input, std::ostream& out);

}  // namespace steward::report
