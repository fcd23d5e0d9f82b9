// A build without simdjson (the portable archive: Debian ships no static libsimdjson) has no
// sampled-traffic commands. They still exist on the command line, so that a user who runs one
// learns why and where to get it instead of reading "not a steward command".
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

[[noreturn]] void unavailable(const std::string& command) {
  throw InputError("`steward " + command + "` is not part of this build of steward",
                   "the portable archive leaves out the sampled-traffic commands (they need "
                   "simdjson, which Debian ships only as a shared library): build steward from "
                   "source with `make release` (docs/install.md)");
}

CLI::App* add_unavailable(CLI::App& parent, const std::string& name, const std::string& command,
                          const std::string& description) {
  CLI::App* sub = parent.add_subcommand(name, description + " (not in this build)");
  sub->allow_extras();
  sub->callback([command] { unavailable(command); });
  return sub;
}

}  // namespace

void register_validate(CLI::App& app, int&) {
  add_unavailable(app, "validate", "validate", "Validate sampled events against the plan");
}

void register_replay(CLI::App& app, int&) {
  add_unavailable(app, "replay", "replay", "Replay sampled events through base and head");
}

void register_sample(CLI::App& app, int&) {
  add_unavailable(app, "sample", "sample", "Write synthetic events that follow the plan");
}

void register_identity(CLI::App& app, int&) {
  CLI::App* identity = app.add_subcommand("identity", "Identity resolution on sampled traffic");
  identity->require_subcommand(1);
  add_unavailable(*identity, "simulate", "identity simulate",
                  "Build the identity graph of a sample");
}

void register_export_json_schema(CLI::App& export_command, int&) {
  add_unavailable(export_command, "json-schema", "export json-schema",
                  "One JSON Schema per event of the plan");
}

}  // namespace steward::cli
