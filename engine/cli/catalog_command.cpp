// `steward catalog --out DIR`: the static data catalog of the model (docs/catalog.md).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "catalog/catalog_site.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/project.h"
#include "cli/revision_model.h"
#include "model/snapshot_loader.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

struct CatalogOptions {
  std::string dir = ".";
  std::string rev;
  std::string out;
};

void write_pages(const std::vector<catalog::CatalogPage>& pages, const std::filesystem::path& out) {
  std::error_code error;
  std::filesystem::create_directories(out, error);
  if (error || !std::filesystem::is_directory(out)) {
    throw InputError("cannot create the catalog folder '" + out.string() + "'",
                     "name a folder you may write to with --out");
  }
  for (const auto& page : pages) {
    // Page names are steward's own ("index.html", "destination-NAME.html" with NAME checked).
    std::ofstream file(out / page.file, std::ios::binary | std::ios::trunc);
    file << page.html;
    file.close();
    if (!file) {
      throw InputError("cannot write '" + (out / page.file).string() + "'",
                       "check the free space and the permissions of --out");
    }
  }
}

int run_catalog(const CatalogOptions& options) {
  auto revision = load_revision_model(Project::open(options.dir), revision_of(options.rev), true);
  const model::LoadedModel& loaded = revision->loaded;
  const auto pages = catalog::catalog_site(loaded.model, revision->config.source_url);
  write_pages(pages, options.out);
  std::cerr << "wrote " << pages.size() << " pages to " << options.out << "\n";
  print_findings(loaded.diagnostics, false);
  return has_errors(loaded.diagnostics) ? kFindings : kPassed;
}

}  // namespace

void register_catalog(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CatalogOptions>();
  CLI::App* command = app.add_subcommand(
      "catalog", "Write the static HTML data catalog of the model (works from file://)");
  command->add_option("-C,--dir", options->dir, "The folder of the customer-data repository");
  command->add_option("--rev", options->rev, "Catalog the model at this git revision");
  command->add_option("--out", options->out, "The folder to write the site into")->required();
  command->callback([options, &exit_code] { exit_code = run_catalog(*options); });
}

}  // namespace steward::cli
