// Credentials in pipeline configs: which keys name a secret, which values refer to one kept
// elsewhere, where the literals are, and how a shown line masks them.

#include "model/credentials.h"

#include <doctest/doctest.h>

#include "config/document_reader.h"

using namespace steward;
using namespace steward::model;

TEST_SUITE("model: credentials") {
  TEST_CASE("keys that name a secret, in every spelling") {
    for (const char* key : {"password", "app_token", "rest_api_key", "app_key", "appKey",
                            "accessToken", "client_secret", "private-key", "apiKey", "SECRET"}) {
      CAPTURE(key);
      CHECK(credential_key(key));
    }
    for (const char* key : {"partner_params_keys", "use_platform_specific_api_keys", "key",
                            "event_key", "token_ttl", "pixel_code", "access_key_id", "host"}) {
      CAPTURE(key);
      CHECK_FALSE(credential_key(key));
    }
  }

  TEST_CASE("placeholders and environment references are not literals") {
    for (const char* value : {"{{ .BRAZE_APP_KEY }}", "{{.X}}", "${{ secrets.KEY }}", "${TOKEN}",
                              "$TOKEN", "env:TOKEN", "env.TOKEN", "", "  "}) {
      CAPTURE(value);
      CHECK(credential_reference(value));
    }
    for (const char* value : {"rudder-cli-e2e-app-key", "{{ .X }}suffix", "$ 1", "hunter2"}) {
      CAPTURE(value);
      CHECK_FALSE(credential_reference(value));
    }
  }

  TEST_CASE("literals are found at any depth, by path, without their values") {
    auto read = config::read_documents(make_source("d.yaml",
                                                   "config:\n"
                                                   "  app_key: literal-1\n"
                                                   "  rest_api_key: \"{{ .REST }}\"\n"
                                                   "  use_platform_specific_api_keys: false\n"
                                                   "  pin_token: 1234\n"
                                                   "  ssh:\n"
                                                   "    private_key: literal-2\n"
                                                   "  accounts:\n"
                                                   "    - password: literal-3\n"));
    REQUIRE(read.documents.size() == 1);
    std::vector<LiteralCredential> found;
    find_literal_credentials(*read.documents[0].root.find("config"), "config", found);
    REQUIRE(found.size() == 4);
    CHECK(found[0].key == "config.app_key");
    CHECK(found[0].span.line == 2);
    CHECK(found[0].span.column == 12);
    CHECK(found[1].key == "config.pin_token");
    CHECK(found[2].key == "config.ssh.private_key");
    CHECK(found[3].key == "config.accounts[0].password");
  }

  TEST_CASE("a shown line masks literal credentials and keeps everything else") {
    CHECK(mask_credentials("    app_key: rudder-cli-e2e-app-key") ==
          "    app_key: **********************");
    CHECK(mask_credentials("    app_key: \"abc\"  # comment") == "    app_key: \"***\"  # comment");
    CHECK(mask_credentials("  {\"apiKey\": \"abc\", \"host\": \"x\"}") ==
          "  {\"apiKey\": \"***\", \"host\": \"x\"}");
    CHECK(mask_credentials("    rest_api_key: \"{{ .BRAZE_REST_API_KEY }}\"") ==
          "    rest_api_key: \"{{ .BRAZE_REST_API_KEY }}\"");
    CHECK(mask_credentials("    use_platform_specific_api_keys: false") ==
          "    use_platform_specific_api_keys: false");
    CHECK(mask_credentials("  host: db.internal") == "  host: db.internal");
    CHECK(mask_credentials("config: {password: p4ss, user: u}") ==
          "config: {password: ****, user: u}");
  }
}
