// `steward export json-schema [--out DIR]`: one JSON Schema per event of the plan, so that edge
// validators (ajv, Snowplow, RudderStack tracking plans) enforce the contract CI checks.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/traffic_inputs.h"
#include "source/input_error.h"
#include "traffic/json_schema_export.h"

namespace steward::cli {

namespace {

struct ExportJsonSchemaOptions {
  std::string dir = ".";
  std::string rev;
  std::string out;
};

int run_export_json_schema(const ExportJsonSchemaOptions& options) {
  std::unique_ptr<LoadedPlan> plan = load_plan(options.dir, options.rev);
  std::vector<traffic::EventSchema> schemas = traffic::export_json_schemas(plan->loaded.model);
  if (options.out.empty()) {
    // One JSON object, event name -> schema, on standard output.
    nlohmann::json all = nlohmann::json::object();
    for (const auto& schema : schemas)
      all[schema.event] = nlohmann::json::parse(schema.text);
    std::cout << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kPassed;
  }
  std::filesystem::path dir(options.out);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw InputError("cannot create the folder '" + options.out + "'",
                     "pass --out a folder that can be created and written");
  }
  for (const auto& schema : schemas) {
    std::ofstream file(dir / schema.file_name, std::ios::binary | std::ios::trunc);
    file << schema.text;
    file.close();
    if (!file)
      throw InputError("cannot write '" + (dir / schema.file_name).string() + "'",
                       "check free space");
  }
  std::cerr << "wrote " << schemas.size() << " JSON Schemas to " << options.out << "\n";
  return kPassed;
}

}  // namespace

void register_export_json_schema(CLI::App& export_command, int& exit_code) {
  auto options = std::make_shared<ExportJsonSchemaOptions>();
  CLI::App* command = export_command.add_subcommand(
      "json-schema", "One JSON Schema (draft-07) per event, for ajv and other edge validators");
  command->add_option("--out", options->out,
                      "Write <event>.json files to this folder (default: one JSON object on "
                      "standard output)");
  command->add_option("-C,--dir", options->dir, "The folder of the customer-data repository");
  command->add_option("--rev", options->rev, "Read the plan at this git revision");
  command->callback([options, &exit_code] { exit_code = run_export_json_schema(*options); });
}

}  // namespace steward::cli
