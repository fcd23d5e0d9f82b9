#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/node.h"
#include "model/model.h"

// Credentials written into pipeline configs. A key that names a secret (a password, a token, an
// API or app key, a client secret) must hold a reference the deploy resolves (`{{ .VAR }}` as
// rudder-cli writes it, `${VAR}`, `$VAR`, `env:VAR`), never the secret itself: a literal in git is
// leaked to everyone who can read the repository. The model keeps where such literals are, never
// their values, and every report that shows a source line masks them (mask_credentials).
namespace steward::model {

// Whether a config key names a secret: its last word (snake_case, camelCase or kebab-case) is
// password, passwd, secret, token, credential(s) or passphrase, or its last two words are an
// API, app, access, private, secret, write, license, signing or master key ("rest_api_key",
// "appKey", "client_secret"). Keys that merely mention a key ("partner_params_keys",
// "use_platform_specific_api_keys") do not.
bool credential_key(std::string_view key);

// Whether a value is a reference to a secret kept elsewhere: a template placeholder
// (`{{ .BRAZE_APP_KEY }}`, `{{ env "X" }}`, `${{ secrets.X }}`), a shell-style `${VAR}` or `$VAR`,
// or `env:VAR` / `env.VAR`; an empty value counts as no credential at all.
bool credential_reference(std::string_view value);

// Every scalar string under `node` (a config mapping, at any depth) whose key is a credential key
// and whose value is not a reference, with its path from `path` ("config.app_key").
void find_literal_credentials(const config::Node& node, const std::string& path,
                              std::vector<LiteralCredential>& out);

// `line` with the value of every `key: value` / `"key": "value"` pair whose key is a credential
// key and whose value is a literal replaced by as many `*` (so carets under the line stay aligned).
std::string mask_credentials(std::string_view line);

}  // namespace steward::model
